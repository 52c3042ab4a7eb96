"""Whether an approved word in a translation renders the concept, read from the translation itself: the sentence
it stands in, the source's own word spelt the same, a manner (« avec détachement »); and a forbidden word that
translates the source's own gloss of a slur."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_findings import errors, findings, severities
from pipeline.glossary import load_glossary

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "glossary" / "glossary.toml"


@pytest.fixture(scope="module")
def g():
    return load_glossary(GLOSSARY)


def test_a_rendering_in_a_sentence_that_does_not_name_the_concept_renders_something_else(g):
    src = "In his youth he spent every summer at a holiday camp; since 2022 he has been held in a penal colony in Mordovia."
    wrong = ("Dans sa jeunesse, il passait chaque été en colonie de vacances ; depuis 2022, il est détenu dans un "
             "bagne de Mordovie.")
    (severity, message), = findings(g, "fr", src, wrong, "ik")
    assert severity == "error" and "“colonie” in another sentence" in message
    right = ("Dans sa jeunesse, il passait chaque été en colonie de vacances ; depuis 2022, il est détenu dans une "
             "colonie pénitentiaire de Mordovie.")
    assert findings(g, "fr", src, right, "ik") == []
    # ... but a pronoun the source has not may say it there
    src2 = "Last week he was moved to a penal colony. The colony is a thousand kilometres from his family."
    dst2 = "На прошлой неделе его перевели в колонию. Она находится в тысяче километров от его семьи."
    assert severities(g, "ru", src2, dst2, "ik") == ["warning"]
    # sentences that do not pair one to one say nothing of where the rendering belongs
    assert findings(g, "fr", "He spent summers at a camp. Now he is in a penal colony.",
                    "Il passait ses étés en colonie de vacances, et il est maintenant dans un bagne.", "ik") == []


def test_an_approved_word_spelt_as_the_sources_own_word_translates_that_word(g):
    src = "The pro-Kremlin camp welcomed the sentence, while inside the colony the guards mocked him."
    dst = "Le camp pro-Kremlin a salué la peine, tandis que dans l'établissement les gardiens se moquaient de lui."
    (severity, message), = findings(g, "fr", src, dst, "ik")
    assert severity == "error" and "“camp” translates the source's own word" in message
    dst = "Le camp pro-Kremlin a salué la peine, tandis que dans la colonie les gardiens se moquaient de lui."
    assert findings(g, "fr", src, dst, "ik") == []


@pytest.mark.parametrize("src, dst, found", [
    # « isolement » renders the isolation, a noun of the same stem: the solitary cell has no rendering
    ("The isolation broke him: for a year he sat in a solitary cell of the SIZO.",
     "L'isolement l'a brisé : pendant un an, il est resté dans une cellule du SIZO.", ["error"]),
    # a verb of the same stem claims nothing: « isolement » may render the confinement it says
    ("In the SIZO he was isolated in solitary confinement for a year.",
     "Au SIZO, il a passé un an à l'isolement.", []),
])
def test_an_approved_word_of_the_same_stem_as_a_source_noun_translates_that_noun(g, src, dst, found):
    assert severities(g, "fr", src, dst, "solitary-cell") == found


def test_a_french_noun_after_avec_without_a_determiner_is_a_manner(g):
    src = "The head of his detachment in the colony wrote that he shows no remorse."
    wrong = "Le chef de son unité à la colonie a écrit avec détachement qu'il ne montre aucun remords."
    (severity, message), = findings(g, "fr", src, wrong, "otryad")
    assert severity == "error" and "manner" in message
    right = "Le chef de son détachement à la colonie a écrit qu'il ne montre aucun remords."
    assert findings(g, "fr", src, right, "otryad") == []


def test_a_forbidden_word_that_translates_the_sources_own_gloss_is_a_warning(g):
    src = "In the zone they are called “kozly”, goats; officially they are “activists”."
    dst = "In der Zone heißen sie „Kosly“, Ziegen; offiziell sind es „Aktivisten“."
    (severity, message), = [f for f in findings(g, "de", src, dst, "aktivist") if "Ziegen" in f[1]]
    assert severity == "warning" and "“goat”" in message
    # without the gloss in the source, the calque is the slur
    src = "In the zone the “activists” run the sections."
    assert severities(g, "fr", src, "Dans la zone, les chèvres dirigent les sections.", "aktivist") \
        == ["error", "error"]


def test_a_numbered_occurrence_is_rendered_next_to_its_number(g):
    src = "His wife learned only in March that he had been assigned to detachment 4 of the colony."
    wrong = "Поисковый отряд не нашёл его, и лишь в марте жена узнала, что его определили в бригаду № 4 колонии."
    (severity, message), = findings(g, "ru", src, wrong, "otryad")
    assert severity == "error" and "“detachment 4” is “в бригаду № 4”" in message
    for right in ("Лишь в марте жена узнала, что его определили в отряд № 4 колонии.",
                  "Erst im März erfuhr seine Frau, dass er der 4. Abteilung der Kolonie zugeteilt worden war."):
        assert findings(g, "ru" if "отряд" in right else "de", src, right, "otryad") == []
    # a number written twice ties nothing to anything
    src2 = "In detachment 4 there are 4 barracks."
    assert findings(g, "ru", src2, "В бригаде 4 стоят 4 барака, как и в отряде.", "otryad") == []


def test_the_russian_verb_of_an_approved_noun_in_ирование_renders_it(g):
    # этапировали is the verb of этапирование: “he was transferred” said as Russian reporting says it
    src = "In May he was transferred to a penal colony in Kirov."
    assert findings(g, "ru", src, "В мае его этапировали в исправительную колонию в Кирове.", "etap") == []
    assert severities(g, "ru", src, "В мае его перевезли в исправительную колонию в Кирове.", "etap") \
        == ["error"]


@pytest.mark.parametrize("lang, src, dst, found", [
    # the approved word stands where the source's word is another sense: the prison's own is unrendered
    ("fr", "Unlike the castes of India, the prison caste can be lost in one night.",
     "Contrairement aux castes de l'Inde, le statut en prison peut se perdre en une nuit.", ["error"]),
    ("fr", "Unlike the castes of India, the prison caste can be lost in one night.",
     "Contrairement aux jatis de l'Inde, la caste en prison peut se perdre en une nuit.", []),
    # a word read in another sense is read so again in the same form, not in another number
    ("de", "After the transfer of power in the region the transfers went on: ten prisoners left the colony.",
     "Nach dem Machtwechsel in der Region gingen die Verlegungen weiter: zehn Häftlinge verließen die Kolonie.", []),
    ("de", "After the transfer of power in the region the transfers went on: ten prisoners left the colony.",
     "Nach dem Machtwechsel in der Region gingen die Reisen weiter: zehn Häftlinge verließen die Kolonie.",
     ["error"]),
])
def test_an_occurrence_of_another_sense_claims_the_rendering_where_it_stands(g, lang, src, dst, found):
    assert severities(g, lang, src, dst, "caste" if "caste" in src else "etap") == found


@pytest.mark.parametrize("dst, found", [
    # the clauses pair n-th with n-th: the French first clause is longer, yet « smotriachtchi » is in the second,
    # the prisoners' overseer's
    ("Le prêtre qui vient à la colonie se dit pasteur des âmes, mais c'est le smotriachtchi des détenus eux-mêmes "
     "qui décide qui aura une couchette près de la fenêtre.", []),
    ("Le prêtre qui vient à la colonie se dit smotriachtchi des âmes, mais c'est le chef des détenus eux-mêmes "
     "qui décide qui aura une couchette près de la fenêtre.", ["error"]),
])
def test_a_rendering_is_claimed_by_the_occurrences_of_its_own_clause(g, dst, found):
    src = ("The priest who visits the colony calls himself an overseer of souls, but it is the prisoners' own "
           "overseer who decides who gets a bunk by the window.")
    assert severities(g, "fr", src, dst, "smotryashchy") == found


def test_an_everyday_phrase_of_the_translation_with_a_modifier_inside(g):
    # «обыск в квартире» is everyday (the glossary's exclude), also as «обыск в его квартире»
    src = "The search of his cell came two days after the police search of his parents' flat."
    assert severities(g, "ru", src, "Досмотр камеры прошёл через два дня после обыска в его квартире.",
                      "obysk") == []
    assert severities(g, "ru", src, "Проверка камеры прошла через два дня после обыска в его квартире.",
                      "obysk") == ["error"]


@pytest.mark.parametrize("dst, found", [
    # two modifiers share one head: the short visits are rendered
    ("Ему разрешены два краткосрочных и два длительных свидания в год.", []),
    # ... but not across a noun of their own
    ("Ему разрешены два кратких разговора и два длительных свидания в год.", ["error"]),
])
def test_coordinated_modifiers_share_the_head(g, dst, found):
    src = "He is allowed two short visits and two long visits a year."
    assert severities(g, "ru", src, dst, "short-visit") == found


def test_a_word_of_one_reader_note_is_not_the_glossarys_vocabulary(g):
    # „Berufung“ is named by one note (the SIZO's: trials and appeals), so „Etappe der Berufung“ is everyday
    src = "The last stage of the appeal is over, but his transfer to the colony is still pending."
    dst = "Die letzte Etappe der Berufung ist vorbei, doch seine Reise in die Kolonie steht noch aus."
    assert severities(g, "de", src, dst, "etap") == ["error"]


@pytest.mark.parametrize("dst, found", [
    ("Я встретилась с Еленой Горбанью у ворот колонии.", ["error"]),  # a woman's surname in -ь does not decline
    ("Я встретилась с Еленой Горбань у ворот колонии.", []),
])
def test_a_womans_surname_in_a_soft_sign_does_not_decline(g, dst, found):
    src = "I met Elena Gorban at the colony gate."
    assert severities(g, "ru", src, dst, "gorban") == found


def test_a_town_after_a_preposition_declines(g):
    # pymorphy3 also reads «из» as a woman's name (Иза): a first name is capitalised, a preposition is not
    src = "A choir from Omutninsk sang at the festival."
    assert severities(g, "ru", src, "На фестивале пел хор из Омутнинска.", "omutninsk") == []


@pytest.mark.parametrize("dst, found", [
    # the source's “translated” is rendered by the verb «перевела»: «Перевод» is the transfer's
    ("Перевод брата в Пермь начался, а письмо суда я уже перевела для мамы.", []),
    # the source's “translation” claims «перевод», and the transfer is left unrendered
    ("Поездка брата в Пермь началась, а перевод письма суда я уже сделала для мамы.", ["error"]),
])
def test_a_word_of_the_homonyms_family_renders_the_everyday_source_word(g, dst, found):
    src = ("My brother's transfer to Perm has begun, and I have already "
           + ("translated the court's letter" if "перевела" in dst else "done the translation of the court's letter")
           + " for our mother.")
    assert severities(g, "ru", src, dst, "etap") == found


@pytest.mark.parametrize("dst, found", [
    # a kin verb says the transfer, not the source's “bank transfer” (a noun): «перевод» is the bank transfer's
    ("Я отправила перевод адвокату в тот день, когда его самого начали перевозить в другую колонию.", ["error"]),
    ("Я отправила перевод адвокату в тот день, когда начался его собственный этап в другую колонию.", []),
])
def test_a_kin_verb_renders_no_noun_of_the_everyday_sense(g, dst, found):
    src = "I made a bank transfer to the lawyer on the day his own transfer to another colony began."
    assert severities(g, "ru", src, dst, "etap") == found


@pytest.mark.parametrize("dst, found", [
    # «телепередачу» renders the programme, a compound whose head is передача: «передачу» is the parcel's
    ("Мать принесла в СИЗО передачу, а потом смотрела телепередачу о тюрьмах.", []),
    ("Мать принесла в СИЗО продукты, а потом смотрела передачу о тюрьмах.", ["error"]),
])
def test_a_compound_of_the_homonym_renders_the_everyday_source_word(g, dst, found):
    src = "His mother brought a food parcel to the SIZO and then watched a TV programme about prisons."
    assert severities(g, "ru", src, dst, "peredacha") == found


@pytest.mark.parametrize("dst, found", [
    ("In den 1990ern leitete sie eine Künstlerkolonie bei Peredelkino; jetzt lesen die Wärter im Arbeitslager die "
     "Briefe ihres Sohnes.", ["error", "error"]),
    ("In den 1990ern leitete sie eine Künstlerkolonie bei Peredelkino; jetzt lesen die Wärter im Straflager die "
     "Briefe ihres Sohnes.", []),
])
def test_a_repeat_with_prison_next_to_it_is_not_read_in_the_first_ones_sense(g, dst, found):
    # the artists' colony is another sense; the colony whose guards read the letters is the glossary's
    src = "In the 1990s she ran an artists' colony near Peredelkino; now the guards in the colony read her son's letters."
    assert severities(g, "de", src, dst, "ik") == found


@pytest.mark.parametrize("dst, found", [
    ("— А свидания? — От краткосрочных он отказывался: не мог выносить стекло.", []),  # the head said before
    ("— А свидания? — От краткосрочных звонков он отказывался: не мог выносить стекло.", ["error"]),
])
def test_a_russian_adjective_whose_head_was_said_before_renders_the_term(g, dst, found):
    src = "Were there visits? — Short visits he refused: he could not bear the glass."
    assert severities(g, "ru", src, dst, "short-visit") == found


def test_a_noun_after_the_terms_head_is_no_modifier_left_without_it(g):
    # «ФСИН» after «письмом» is the service's name, not the first word of «ФСИН-Письмо» said without its head
    src = "You can reach him through FSIN-Pismo, but every such letter costs money."
    dst = "Связаться с ним можно письмом через ФСИН, но каждое такое письмо стоит денег."
    assert severities(g, "ru", src, dst, "fsin-pismo") == ["error"]


@pytest.mark.parametrize("dst, found", [
    ("Im Mai wurde er aus dem Untersuchungsgefängnis in die Kolonie verlegt.", []),  # the verb of Verlegung
    ("Im Mai wurde er aus dem Untersuchungsgefängnis in die Kolonie gebracht.", ["error"]),
])
def test_a_german_verb_renders_the_source_verb_as_its_noun_of_action_would(g, dst, found):
    src = "In May he was transferred from the SIZO to the colony."
    assert severities(g, "de", src, dst, "etap") == found


@pytest.mark.parametrize("dst, found", [
    # «на этом этапе» is the glossary's everyday phrase; «на том этапе» is it with another demonstrative
    ("Сейчас дело на том этапе, когда суд молчит, а его поездку всё откладывают.", ["error"]),
    ("Сейчас дело на том этапе, когда суд молчит, а его этапирование всё откладывают.", []),
])
def test_a_phrases_demonstrative_is_any_demonstrative(g, dst, found):
    src = "Right now the case is at that stage where the court is silent, and his transfer keeps being delayed."
    assert severities(g, "ru", src, dst, "etap") == found


@pytest.mark.parametrize("lang, dst, found", [
    # „in dieser Etappe“, « à cette étape » are the glossary's everyday phrases (at this stage); the indefinite
    # article is a determiner of the same class
    ("de", "Die Fahrt dauerte 23 Tage, und in einer Etappe wussten wir zwei Wochen lang nicht, wo er war.", ["error"]),
    ("de", "Die Überstellung dauerte 23 Tage, und in einer Etappe wussten wir zwei Wochen lang nicht, wo er war.", []),
    ("fr", "Le voyage a duré 23 jours et, à une étape, nous avons perdu sa trace pendant deux semaines.", ["error"]),
    ("fr", "Le transfert a duré 23 jours et, à une étape, nous avons perdu sa trace pendant deux semaines.", []),
    # «на каком-то этапе»: the particle is the pronoun's, and какой is of the class too
    ("ru", "Перевозка длилась 23 дня, и на каком-то этапе мы две недели не знали, где он.", ["error"]),
    ("ru", "Этап длился 23 дня, и на каком-то этапе мы две недели не знали, где он.", []),
])
def test_a_phrases_determiner_is_any_determiner_of_its_class(g, lang, dst, found):
    src = "The transfer took 23 days, and at one stage we lost track of him for two weeks."
    assert severities(g, lang, src, dst, "etap") == found


@pytest.mark.parametrize("dst, found", [
    # «этапа никаких новостей»: the genitive after a negative pronoun is the negation's (no news), not the etap's
    # complement; «этап голодовки» (of the hunger strike) is the everyday sense
    ("С начала этапа никаких новостей, последнее письмо пришло из Кирова.", []),
    ("С начала этапа голодовки никаких новостей, последнее письмо пришло из Кирова.", ["error"]),
])
def test_a_genitive_of_negation_is_no_complement(g, dst, found):
    src = "Still no news since the transfer began; the last letter came from Kirov."
    assert severities(g, "ru", src, dst, "etap") == found


@pytest.mark.parametrize("src, dst, found", [
    # a homonym's source phrase counts where its words stand in a row: the money transfer claims «перевод»
    ("His mother is waiting for a money transfer from the charity, and his transfer to another colony is expected "
     "next month.", "Его мать ждёт денежный перевод от фонда, а его отправку в другую колонию ожидают в следующем "
                    "месяце.", ["error"]),
    ("His mother is waiting for a money transfer from the charity, and his transfer to another colony is expected "
     "next month.", "Его мать ждёт денежный перевод от фонда, а его этап в другую колонию ожидают в следующем "
                    "месяце.", []),
    ("In his letter he asks friends to make a bank transfer to pay the lawyer, because his transfer to another "
     "colony is expected next month.", "В письме он просит друзей сделать банковский перевод, чтобы оплатить "
     "адвоката, потому что в следующем месяце его ожидает отправка в другую колонию.", ["error"]),
])
def test_a_homonyms_source_phrase_claims_its_word(g, src, dst, found):
    assert severities(g, "ru", src, dst, "etap") == found


@pytest.mark.parametrize("src, dst, found", [
    # “taped” is tape's past, not tap's (tapped): no water tap in the source claims „Hahn“
    ("The rooster our daughter painted is taped above her bed.",
     "Der Hahn, den unsere Tochter gemalt hat, klebt über ihrem Bett.", []),
    # the barrack's dripping tap does claim it, and the rooster is left without a rendering
    ("In the barrack the tap dripped all night, and the rooster had to sleep by the door.",
     "In der Baracke tropfte die ganze Nacht der Hahn, und der Gefangene musste an der Tür schlafen.", ["error"]),
])
def test_a_homonyms_source_word_counts_as_it_inflects(g, src, dst, found):
    assert severities(g, "de", src, dst, "petukh") == found


def test_an_approved_word_in_its_everyday_sense_leaves_the_sources_question_open(g):
    # the source reads as another sense (a library's transfer) and so does «этап переноса»: a question, not an
    # error; a translation that used «этап» in the prison sense would have answered it
    src = "The transfer of the school library to the new building is the first item on the agenda."
    dst = "Первый пункт повестки — этап переноса школьной библиотеки в новое здание."
    assert severities(g, "ru", src, dst, "etap") == ["warning"]


@pytest.mark.parametrize("lang, src, dst, cid, found", [
    # the punishment cell's word for a single cell: the translator read the prison's cell, and chose the wrong one
    ("de", "After the strike they put me in a single cell, and nobody spoke to me for a week.",
     "Nach dem Streik steckten sie mich in eine Strafzelle, und eine Woche lang sprach niemand mit mir.",
     "solitary-cell", ["error"]),
    # an everyday word for it leaves the question open
    ("de", "After the strike they put me in a single cell, and nobody spoke to me for a week.",
     "Nach dem Streik steckten sie mich in einen Einzelraum, und eine Woche lang sprach niemand mit mir.",
     "solitary-cell", ["warning"]),
    # a word of another concept that is no kind of cell says nothing of it
    ("de", "After the strike they put me in a single cell, and the parcel from home never came.",
     "Nach dem Streik steckten sie mich in einen Einzelraum, und das Paket von zu Hause kam nie an.",
     "solitary-cell", ["warning"]),
])
def test_the_word_of_another_kind_of_the_same_thing_reads_the_source_in_the_glossarys_sense(g, lang, src, dst, cid,
                                                                                          found):
    assert severities(g, lang, src, dst, cid) == found


@pytest.mark.parametrize("dst, found", [
    ("Пермское ГУФСИН так и не ответило на запрос адвоката.", []),  # the FSIN's regional body
    ("Пермское УФСБ так и не ответило на запрос адвоката.", ["error"]),  # another service's
])
def test_a_russian_regional_body_of_an_abbreviation_renders_it(g, dst, found):
    src = "The FSIN in Perm never answered the lawyer's request."
    assert severities(g, "ru", src, dst, "fsin") == found


@pytest.mark.parametrize("dst, found", [
    # the infinitive phrase „mit der Verwaltung kooperieren“ said with its verb finite, a word inside
    ("Die „Aktivisten“ führen die Baracke: Sie kooperieren gegen Pakete mit der Verwaltung.", []),
    ("Die „Aktivisten“ führen die Baracke: Sie helfen gegen Pakete der Verwaltung.", ["error"]),
])
def test_a_german_infinitive_phrase_said_with_its_verb_finite_renders_it(g, dst, found):
    src = "The “activists” run the barracks: they cooperate with the administration in exchange for parcels."
    assert severities(g, "de", src, dst, "aktivist") == found



def test_a_french_everyday_word_in_the_plural_after_par_is_a_manner(g):
    src = "In 1949 her father was taken by etap to the camps of Karaganda."
    by_stages = "En 1949, son père fut emmené par étapes jusqu'aux camps de Karaganda."
    (severity, message), = findings(g, "fr", src, by_stages, "etap")
    assert severity == "error" and "“par étapes” says a manner" in message
    # the thing itself, named after « par », stays a rendering
    by_convoy = "En 1949, son père fut emmené par convoi jusqu'aux camps de Karaganda."
    assert findings(g, "fr", src, by_convoy, "etap") == []


@pytest.mark.parametrize("lang, src, dst, wrong", [
    ("fr", "Nobody has told us when the transfer will be.", "Personne ne nous a dit quand aura lieu la prochaine étape.", True),
    ("de", "Nobody has told us when the transfer will be.", "Niemand hat uns gesagt, wann die nächste Etappe sein wird.", True),
    ("fr", "Nobody has told us when the transfer will be.", "Personne ne nous a dit quand aura lieu l'étape.", False),
    # the source places it in a sequence too: the next transfer
    ("de", "Nobody has told us when the next transfer will be.", "Niemand hat uns gesagt, wann die nächste Etappe sein wird.", False),
    # Russian «следующий этап» is the prisoners' next transfer, whatever the source says
    ("ru", "Nobody has told us when the transfer will be.", "Никто не сказал нам, когда будет следующий этап.", False),
    # a number before the word counts the stages of one journey, which the source does not count
    ("de", "His etap to Irkutsk took a month.", "Seine Reise nach Irkutsk dauerte einen Monat, in vier Etappen.", True),
    ("fr", "His etap to Irkutsk took a month.", "Son voyage vers Irkoutsk a duré un mois, en quatre étapes.", True),
    # the source counts its own etaps (two etaps are two), or its own stages
    ("de", "He has been through two etaps this year.", "Er hat dieses Jahr zwei Etappen hinter sich.", False),
    ("de", "The etap to Irkutsk went in four stages.", "Die Etappe nach Irkutsk verlief in vier Etappen.", False),
])
def test_a_word_of_sequence_or_a_number_the_source_has_not_makes_etape_a_stage(g, lang, src, dst, wrong):
    assert ("etap" in errors(g, lang, src, dst)) is wrong


@pytest.mark.parametrize("other, dst, wrong", [
    # « transfert » beside « argent » (money's) renders the money transfer the glossary excludes, not the transfer
    ("money", "Le transfert d'argent pour sa cantine est revenu : on l'avait envoyé dans une colonie de Mordovie.", True),
    # a second « transfert » is the transfer's own
    ("money", "Le transfert d'argent pour sa cantine est revenu : son transfert vers une colonie de Mordovie avait eu "
     "lieu.", False),
    # « bancaire » is the adjective French makes of « banque », the dictionary's bank: « transfert bancaire »
    # renders the bank transfer the glossary excludes as well
    ("bank", "Le transfert bancaire pour sa cantine est revenu : on l'avait envoyé dans une colonie de Mordovie.", True),
    ("bank", "Le transfert bancaire pour sa cantine est revenu : son transfert vers une colonie de Mordovie avait eu "
     "lieu.", False),
])
def test_an_approved_word_beside_the_other_word_of_an_excluded_phrase_renders_that_phrase(g, other, dst, wrong):
    src = f"The {other} transfer for his canteen came back: he had been transferred to a colony in Mordovia."
    assert ("etap" in errors(g, "fr", src, dst)) is wrong


_PERM = "The defence learnt last about his transfer to Perm."
_LETTERS = "Since the report about our parcels, letters arrive every day."


@pytest.mark.parametrize("concept, src, dst, wrong", [
    # the glossary excludes «на этом этапе»: another determiner of its class in its place says a stage as well
    ("etap", _PERM, "Его увезли в Пермь, и на каждом этапе защита узнавала об этом последней.", True),
    ("etap", _PERM, "Его увезли в Пермь, и на втором этапе защита узнавала об этом последней.", True),
    ("etap", _PERM, "Его увезли в Пермь, и на последнем этапе защита узнавала об этом последней.", True),
    # a plain adjective or a possessive says the prisoners' etap: on a long one, on his own
    ("etap", _PERM, "Его увезли в Пермь, и на долгом этапе защита ничего о нём не знала.", False),
    ("etap", _PERM, "Защита ничего не знала о нём на его этапе в Пермь.", False),
    # another case is no locative stage: «этот этап» is the transfer the source speaks of
    ("etap", _PERM, "Этот этап в Пермь защита ничем не могла остановить.", False),
    # «письма» (a genitive singular, a nominative plural) is the subject of «приходят», not what the parcels are of
    ("peredacha", _LETTERS, "После репортажа о наших передачах письма приходят каждый день.", False),
    # ... but «передача данных» is still the transfer of data
    ("peredacha", _LETTERS, "После репортажа о передаче данных письма приходят каждый день.", True),
])
def test_a_russian_everyday_word_is_read_by_the_grammar_of_its_neighbours(g, concept, src, dst, wrong):
    assert (concept in errors(g, "ru", src, dst)) is wrong


@pytest.mark.parametrize("lang, dst, wrong", [
    # „Etappe“ beside „dritten“ (the source's “third”, next to its “stage”) renders the stage; the etap has a word
    # of its own that the glossary does not approve
    ("de", "Die Renovierung der Schule ist in der dritten Etappe, und ihr Vater wurde im Mai nach Omsk gebracht.",
     True),
    ("fr", "La rénovation de l'école en est à sa première étape, et son père a été emmené à Omsk en mai.", True),
    ("de", "Die am schwersten planbare Etappe war das Dach, und ihr Vater wurde im Mai nach Omsk gebracht.", False),
    # an Etappe beside no neighbour of the stage's is the etap's: the stage may have any word
    ("de", "Die Renovierung der Schule ist in der dritten Phase, und die Etappe ihres Vaters nach Omsk begann im Mai.",
     False),
    # a neighbour the etap shares with the stage anchors nothing
    ("de", "Die Renovierung ist in der dritten Phase, und die dritte Etappe ihres Vaters nach Omsk begann im Mai.",
     False),
])
def test_an_everyday_word_beside_the_translation_of_another_source_words_neighbour_renders_that_word(
        g, lang, dst, wrong):
    ordinal = "first" if lang == "fr" else "third"
    src = (f"The renovation of the school is in its {ordinal} stage, and her father's etap to Omsk began in May."
           if "dritte Etappe" not in dst else
           "The renovation is in its third stage, and her father's third etap to Omsk began in May.")
    assert ("etap" in errors(g, lang, src, dst)) is wrong


@pytest.mark.parametrize("noun, word, made", [
    ("banque", "bancaire", True), ("poste", "postal", True), ("police", "policière", True),
    ("banque", "banquet", False), ("poste", "posté", False),
])
def test_french_adjectives_of_relation(noun, word, made):
    from pipeline.glossary.bilingual import fr_relational

    assert fr_relational(noun, word) is made


@pytest.mark.parametrize("lang, dst, wrong", [
    # the translation spells out the noun the source's “the last one” stands for: „das letzte Paket“ renders the
    # pro-form, and the parcel itself has a word the glossary does not approve
    ("de", "Wir dürfen ihm alle zwei Monate ein Geschenk schicken, aber das letzte Paket kam wegen eines Honigglases "
     "zurück.", True),
    ("fr", "Nous pouvons lui envoyer un cadeau tous les deux mois, mais le dernier colis est revenu à cause d'un pot de "
     "miel.", True),
    ("de", "Wir dürfen ihm alle zwei Monate ein Paket schicken, aber das letzte kam wegen eines Honigglases zurück.",
     False),
    ("de", "Wir dürfen ihm alle zwei Monate ein Paket schicken, aber das letzte Paket kam wegen eines Honigglases "
     "zurück.", False),
])
def test_a_word_that_spells_out_the_sources_pro_form_one_renders_the_pro_form(g, lang, dst, wrong):
    src = "We may send him a parcel every two months, but the last one came back because of a jar of honey."
    assert ("peredacha" in errors(g, lang, src, dst)) is wrong
