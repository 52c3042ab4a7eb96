"""Read a TBX glossary exactly as Weblate imports it; run with the Python of a venv holding Weblate.

    python weblate_read_tbx.py FILE.tbx LANG  →  JSON list of units on stdout

Weblate's own format class (``weblate.formats.ttkit.TBXFormat``, which reads through the Translate Toolkit
Weblate pins) gives each unit as Weblate stores it: ``content_units`` drops what Weblate drops (units TTK
calls obsolete), ``flags`` carries ``forbidden``/``read-only``, ``explanation`` is what the glossary shows
under a term, ``notes`` the file's comments. Weblate's full dependency set needs system libraries its
file-reading code never uses (cairo, GObject, Tesseract …): those modules are stubbed.
"""

import importlib.util
import json
import os
import sys
from unittest import mock

for name in ("cairo", "gi", "gi.repository", "gi.repository.Pango", "gi.repository.PangoCairo", "tesserocr"):
    sys.modules.setdefault(name, mock.MagicMock())
os.environ["DJANGO_SETTINGS_MODULE"] = "weblate.settings_example"
import weblate.settings_example as S  # noqa: E402

S.DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
S.CACHES = {name: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"} for name in ("default", "avatar")}


def _importable(app: str) -> bool:
    try:
        return importlib.util.find_spec(app.rsplit(".apps.", 1)[0]) is not None
    except ModuleNotFoundError:
        return False


# Web-only apps (crispy forms, REST schema, CORS) are not in the reading set; Weblate's own apps all are.
S.INSTALLED_APPS = [a for a in S.INSTALLED_APPS if _importable(a)]
import django  # noqa: E402

django.setup()

from weblate.formats.ttkit import TBXFormat  # noqa: E402


def main(path: str, lang: str) -> None:
    store = TBXFormat(path, language_code=lang, source_language="en")
    out = []
    for unit in store.content_units:
        out.append({
            "context": unit.context,
            "source": str(unit.source),
            "target": str(unit.target),
            "flags": sorted(str(f) if isinstance(f, str) else str(f[0]) for f in unit.flags.items()),
            "explanation": unit.explanation,
            "source_explanation": unit.source_explanation,
            "notes": unit.notes,
            "readonly": unit.is_readonly(),
        })
    json.dump({"all_units": len(store.all_units), "units": out}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
