"""The few words the site chrome says itself, in the languages we publish most.

A language missing here gets the English text, marked ``lang="en"`` so screen
readers switch voice. Keep entries short; translators can add a language by
adding a dict.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "notes": "Notes",
        "back": "Back to the text",
        "partial": "This translation is incomplete ({percent} % translated). Passages not yet translated are shown in the original language.",
        "outdated": "The original of this article has changed since it was translated; this is the last complete translation.",
        "original": "Read the original",
        "languages": "Languages",
        "status_partial": "partial translation, {percent} %",
        "status_outdated": "translation being updated",
        "status_complete": "complete translation",
        "feed": "Atom feed",
        "articles": "Articles",
        "external_image": "image on another website",
    },
    "ru": {
        "notes": "Примечания",
        "back": "Вернуться к тексту",
        "partial": "Перевод не закончен (переведено {percent} %). Непереведённые места показаны на языке оригинала.",
        "outdated": "Оригинал статьи изменился после перевода; здесь показан последний полный перевод.",
        "original": "Читать оригинал",
        "languages": "Языки",
        "status_partial": "неполный перевод, {percent} %",
        "status_outdated": "перевод обновляется",
        "status_complete": "полный перевод",
        "feed": "Лента Atom",
        "articles": "Статьи",
        "external_image": "изображение на другом сайте",
    },
    "uk": {
        "notes": "Примітки",
        "back": "Повернутися до тексту",
        "partial": "Переклад не завершено (перекладено {percent} %). Неперекладені місця показано мовою оригіналу.",
        "outdated": "Оригінал статті змінився після перекладу; тут показано останній повний переклад.",
        "original": "Читати оригінал",
        "languages": "Мови",
        "status_partial": "неповний переклад, {percent} %",
        "status_outdated": "переклад оновлюється",
        "status_complete": "повний переклад",
        "feed": "Стрічка Atom",
        "articles": "Статті",
        "external_image": "зображення на іншому сайті",
    },
    "de": {
        "notes": "Anmerkungen",
        "back": "Zurück zum Text",
        "partial": "Diese Übersetzung ist unvollständig ({percent} % übersetzt). Noch nicht übersetzte Stellen erscheinen in der Originalsprache.",
        "outdated": "Das Original wurde seit der Übersetzung geändert; dies ist die letzte vollständige Übersetzung.",
        "original": "Zum Original",
        "languages": "Sprachen",
        "status_partial": "unvollständige Übersetzung, {percent} %",
        "status_outdated": "Übersetzung wird aktualisiert",
        "status_complete": "vollständige Übersetzung",
        "feed": "Atom-Feed",
        "articles": "Artikel",
        "external_image": "Bild auf einer anderen Website",
    },
    "fr": {
        "notes": "Notes",
        "back": "Retour au texte",
        "partial": "Cette traduction est incomplète ({percent} % traduits). Les passages non traduits sont affichés dans la langue originale.",
        "outdated": "L’original de cet article a changé depuis sa traduction ; voici la dernière traduction complète.",
        "original": "Lire l’original",
        "languages": "Langues",
        "status_partial": "traduction partielle, {percent} %",
        "status_outdated": "traduction en cours de mise à jour",
        "status_complete": "traduction complète",
        "feed": "Flux Atom",
        "articles": "Articles",
        "external_image": "image sur un autre site",
    },
    "es": {
        "notes": "Notas",
        "back": "Volver al texto",
        "partial": "Esta traducción está incompleta ({percent} % traducido). Los pasajes aún no traducidos aparecen en el idioma original.",
        "outdated": "El original de este artículo cambió después de traducirse; esta es la última traducción completa.",
        "original": "Leer el original",
        "languages": "Idiomas",
        "status_partial": "traducción parcial, {percent} %",
        "status_outdated": "traducción en actualización",
        "status_complete": "traducción completa",
        "feed": "Canal Atom",
        "articles": "Artículos",
        "external_image": "imagen en otro sitio",
    },
    "ar": {
        "notes": "ملاحظات",
        "back": "العودة إلى النص",
        "partial": "هذه الترجمة غير مكتملة (تُرجم {percent} ٪). تظهر المقاطع غير المترجمة بلغتها الأصلية.",
        "outdated": "تغيّر النص الأصلي لهذا المقال بعد ترجمته؛ هذه آخر ترجمة كاملة.",
        "original": "اقرأ النص الأصلي",
        "languages": "اللغات",
        "status_partial": "ترجمة جزئية، {percent} ٪",
        "status_outdated": "الترجمة قيد التحديث",
        "status_complete": "ترجمة كاملة",
        "feed": "تغذية Atom",
        "articles": "المقالات",
        "external_image": "صورة على موقع آخر",
    },
    "fa": {
        "notes": "یادداشت‌ها",
        "back": "بازگشت به متن",
        "partial": "این ترجمه کامل نیست ({percent} ٪ ترجمه شده). بخش‌های ترجمه‌نشده به زبان اصلی نمایش داده می‌شوند.",
        "outdated": "متن اصلی این مقاله پس از ترجمه تغییر کرده است؛ این آخرین ترجمهٔ کامل است.",
        "original": "خواندن متن اصلی",
        "languages": "زبان‌ها",
        "status_partial": "ترجمهٔ ناقص، {percent} ٪",
        "status_outdated": "ترجمه در حال به‌روزرسانی",
        "status_complete": "ترجمهٔ کامل",
        "feed": "خوراک Atom",
        "articles": "مقاله‌ها",
        "external_image": "تصویر در سایتی دیگر",
    },
}


def message(lang: str, key: str, **values) -> tuple[str, str]:
    """(text, language of the text): the language's own words, or English when it has none."""
    base = lang.replace("_", "-").split("-")[0]
    table = MESSAGES.get(lang) or MESSAGES.get(base)
    used = lang if table else "en"
    text = (table or MESSAGES["en"]).get(key) or MESSAGES["en"][key]
    return text.format(**values), used
