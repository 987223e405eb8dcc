"""The search's vocabulary: synonyms and abbreviations, word families and function words.

Used at query time by both backends (never at index time, so a change needs no re-indexing):

- **Synonym groups**: expressions that name the same thing ("HVA" / "hyvinvointialue",
  "381/2023" / "TYM-laki" / the law's full name). A query word or run of words that matches an
  expression of a group also matches every other expression of the group. The groups are the
  `SynonymGroup` snippets (edited by KEHA in the admin; migrations 0007 and 0011 seeded them
  with `SYNONYM_GROUPS`), the field's statutes (`STATUTES`) and every statute of the knowledge base
  (`knowledge.Statute`: its number, name, short name and "<abbreviation>-laki"). They are read
  from the database and cached for `CACHE_SECONDS`; saving or deleting a group or a statute
  clears the cache of the process that saved it (the other processes read it again within a
  minute). Without a database (`STATIC_VOCABULARY`) the groups written here are used.
- **Word families**: derivatives of one root ("sopia", "sopimus", "sopiminen"); a query word
  whose base form is in a family also matches the others (`search.analysis`), unless it names
  the result of an action ("sopimus", "suunnitelma"). Beside this table, Voikko's analysis
  joins any noun made from a verb to the verb (`search.analysis.derived_verb`).
- **Function words**: question words and auxiliary verbs ("kuka", "milloin", "voiko",
  "tarvitaanko"). They are not required to match; they only add to the score.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from django.apps import apps
from django.db import DatabaseError
from django.db.models.signals import post_delete, post_save

# Question words and auxiliary verbs, as base forms (Voikko) and as typed (the Snowball
# fallback, which has no base forms): the -ko/-kö question forms of the verbs included.
FUNCTION_WORDS = frozenset(
    {
        "kuka",
        "ketka",
        "mika",
        "mitka",
        "milloin",
        "miten",
        "kuinka",
        "miksi",
        "missa",
        "mista",
        "mihin",
        "millainen",
        "millaiset",
        "paljonko",
        "montako",
        "voida",
        "voi",
        "voiko",
        "voidaanko",
        "voinko",
        "saada",
        "saa",
        "saako",
        "saadaanko",
        "saanko",
        "pitaa",
        "pitaako",
        "taytya",
        "taytyy",
        "taytyyko",
        "tarvita",
        "tarvitaan",
        "tarvitaanko",
        "tarvitseeko",
        "tarvitsee",
        "olla",
        "onko",
        "ovatko",
        "kannattaa",
        "kannattaako",
        "tehda",
        "teen",
        "tehdaan",
        "loytaa",
        "loydan",
        "loytya",
        "loytyy",
        "loytyyko",
    }
)

# The field's own words that weight a query of one word (`search.analysis.field_context`): the
# two most frequent nouns of the field's source documents (base forms, counted with Voikko:
# asiakas 193, palvelu 151, then työ 107, toiminta 95, tarve 88).
FIELD_WORDS = ("asiakas", "palvelu")

# Derivatives of one root, as base forms.
WORD_FAMILIES: tuple[tuple[str, ...], ...] = (
    ("sopia", "sopimus", "sopiminen"),
    ("kouluttaa", "koulutus", "kouluttaminen", "kouluttautua"),
    ("kokeilla", "kokeilu", "kokeileminen"),
    ("päättyä", "päättää", "päättäminen", "päättyminen"),
    ("velka", "velkaantua", "velkaantuminen", "velkaantunut"),
    ("arvioida", "arviointi", "arvio", "arvioiminen"),
    ("suunnitella", "suunnitelma", "suunnittelu"),
    ("ohjata", "ohjaus", "ohjaaminen", "ohjautua", "ohjautuminen"),
    ("työllistyä", "työllistyminen", "työllistää", "työllistäminen"),
    ("kuntouttaa", "kuntoutus", "kuntoutua", "kuntoutuminen"),
    ("valmentaa", "valmennus", "valmentaminen"),
    ("osallistua", "osallistuminen"),
    ("neuvoa", "neuvonta", "neuvominen"),
    ("kartoittaa", "kartoitus", "kartoittaminen"),
    ("vaihtaa", "vaihto", "vaihtaminen"),
    ("luovuttaa", "luovutus", "luovuttaminen"),
    ("käsitellä", "käsittely"),
    ("seurata", "seuranta", "seuraaminen"),
    ("tulkata", "tulkkaus"),
    ("kirjata", "kirjaus", "kirjaaminen"),
    ("ilmoittaa", "ilmoitus", "ilmoittaminen"),
    ("hyväksyä", "hyväksyntä", "hyväksyminen"),
    ("perehtyä", "perehdyttää", "perehdytys", "perehdyttäminen", "perehtyminen"),
    ("kehittää", "kehittäminen", "kehitys"),
    ("asioida", "asiointi"),
    ("hakea", "haku", "hakeminen", "hakemus"),
    ("sitoutua", "sitoutuminen", "sitouttaa"),
    ("maksaa", "maksu"),
)

# Everyday words and the field's own terms for one thing ("rahat loppu" / toimeentulo, "ei tule
# tapaamiseen" / poissaolo, "lopettaa asiakkuus" / asiakkuuden päättäminen), short forms of
# roles, services and organisations (sote, ELY-keskus, TEM, STM, Effica). Each a genuine
# equivalence of the field (the domain source documents and common usage), kept only when the
# dev half of the second judged set did not lose (search/evaluation/JOURNAL.md, "A vocabulary
# of everyday words"). Seeded by migration 0011 beside the groups of 0007.
EVERYDAY_GROUPS: tuple[tuple[str, ...], ...] = (
    (
        "taloudellinen tilanne",
        "talousvaikeudet",
        "taloudelliset vaikeudet",
        "rahapula",
        "rahaongelmat",
        "rahat loppu",
        "rahat loppuvat",
        "raha-asiat",
        "talousasiat",
        "toimeentulo",
    ),
    ("velkaongelma", "velkaongelmat", "maksuhäiriö", "maksuhäiriömerkintä"),
    ("velkaneuvonta", "talous- ja velkaneuvonta", "talousneuvonta"),
    (
        "poissaolo",
        "poisjäänti",
        "jää pois tapaamisesta",
        "jättää tapaamisen väliin",
        "ei tule tapaamiseen",
        "ei saavu tapaamiseen",
        "jättää tulematta",
    ),
    (
        "asiakkuuden päättäminen",
        "asiakkuuden lopettaminen",
        "lopettaa asiakkuus",
        "päättää asiakkuus",
        "lopettaa palvelu",
        "keskeyttää palvelu",
        "lopettaa kesken",
    ),
    ("asiakkuus", "asiakassuhde"),
    ("suostumus", "asiakkaan lupa"),
    ("kirjaaminen", "kirjata", "kirjaus", "dokumentointi", "dokumentoida"),
    ("vaitiolovelvollisuus", "salassapitovelvollisuus", "salassapito"),
    ("henkilötunnus", "hetu", "sotu"),
    ("lomake", "kaavake"),
    ("työnhaku", "työpaikan haku", "työn etsiminen", "työpaikkojen etsiminen", "työnetsintä"),
    ("työllistyminen", "työllistyä", "työn saaminen", "töihin pääsy", "työpaikan saaminen"),
    ("pitkäaikaistyötön", "pitkäaikaistyöttömyys", "pitkään työttömänä ollut", "pitkittynyt työttömyys"),
    ("työttömyysetuus", "työttömyyskorvaus", "työttömyysturva", "työttömyyspäiväraha"),
    ("opinnot", "opiskelu"),
    ("sairaus", "terveysongelma", "terveysvaikeudet", "terveydelliset syyt", "terveydentila"),
    ("lääkärinlausunto", "lääkärintodistus", "B-lausunto", "lääkärin lausunto"),
    ("mielenterveysongelma", "mielenterveysongelmat", "mielenterveyden häiriö", "psyykkinen sairaus"),
    ("päihdepalvelut", "päihdehoito", "päihdekuntoutus"),
    ("työkokeilu", "työharjoittelu", "työelämävalmennus"),
    ("kuntouttava työtoiminta", "kuntsari"),
    ("työhönvalmennus", "työvalmennus"),
    ("ammatinvalinnanohjaus", "uraohjaus", "ammatinvalinta- ja urasuunnittelu"),
    ("etätapaaminen", "videotapaaminen", "videoyhteys", "digiyhteys", "Teams-tapaaminen"),
    ("tulkkaus", "tulkata", "tulkki", "tulkin käyttö"),
    ("omatyöntekijä", "vastuutyöntekijä", "omaohjaaja"),
    ("esihenkilö", "esimies"),
    ("sossu", "sosiaalitoimisto"),
    ("sote", "sosiaali- ja terveyspalvelut", "sosiaali- ja terveydenhuolto"),
    ("sote-keskus", "terveyskeskus", "terveysasema"),
    ("hyvinvointialue", "sote-alue"),
    ("työllisyyspalvelut", "työvoimapalvelut"),
    ("TE-toimisto", "työ- ja elinkeinotoimisto"),
    ("ELY-keskus", "ELY", "elinkeino-, liikenne- ja ympäristökeskus"),
    ("TEM", "työ- ja elinkeinoministeriö"),
    ("STM", "sosiaali- ja terveysministeriö"),
    ("kolmas sektori", "järjestö", "järjestöt"),
    ("Effica", "Sosiaali-Effica"),
)

# Synonyms and abbreviations of the field: each group is expressions of one thing (the seed of
# the SynonymGroup snippets, and the groups used when there is no database).
SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("TYP", "TYM", "monialainen yhteispalvelu", "monialainen yhteistoiminta"),
    ("HVA", "hyvinvointialue"),
    ("TE-toimisto", "työvoimaviranomainen", "työllisyysalue"),
    ("KEHA", "KEHA-keskus", "kehittämis- ja hallintokeskus"),
    ("Kela", "kansaneläkelaitos"),
    ("TYPPI", "TYP-asiakastietojärjestelmä"),
    ("URA", "URA-järjestelmä"),
    ("sosiaaliohjaaja", "sosiaaliohjaus"),
    ("työkokeilu", "työkokeilujakso"),
    ("palkkatuki", "palkkatuettu työ"),
    ("kuntouttava työtoiminta", "työtoiminta"),
    ("työmarkkinatuki", "työttömyysetuus"),
    ("alkoholiongelma", "päihdeongelma", "päihteet"),
    ("maahanmuuttaja", "maahan muuttanut", "kotoutuja"),
    ("kielikurssi", "kielikoulutus", "kielen opiskelu"),
    ("etäpalvelu", "etäyhteys", "etätapaaminen"),
    ("tietojenvaihto", "tietojen vaihto", "tietojen luovutus"),
    # Everyday words for the field's terms, roles, services and organisations (migration 0011).
    *EVERYDAY_GROUPS,
)

# The statutes of the field (number, names); the knowledge base's statutes are added to them.
STATUTES: tuple[tuple[str, ...], ...] = (
    ("381/2023", "TYM-laki", "laki työllistymistä edistävästä monialaisesta yhteistoiminnasta"),
    ("1369/2014", "TYP-laki", "laki työllistymistä edistävästä monialaisesta yhteispalvelusta"),
    ("380/2023", "järjestämislaki", "laki työvoimapalvelujen järjestämisestä"),
    ("916/2012", "laki julkisesta työvoima- ja yrityspalvelusta"),
    ("189/2001", "laki kuntouttavasta työtoiminnasta"),
    ("1301/2014", "sosiaalihuoltolaki"),
    ("1290/2002", "työttömyysturvalaki"),
    ("306/2019", "digipalvelulaki", "laki digitaalisten palvelujen tarjoamisesta"),
    ("1050/2018", "tietosuojalaki"),
    ("434/2003", "hallintolaki"),
    ("566/2005", "kuntoutuslaki", "laki Kansaneläkelaitoksen kuntoutusetuuksista"),
    ("681/2023", "kotoutumislaki", "laki kotoutumisen edistämisestä"),
)

CACHE_SECONDS = 60.0


@dataclass(frozen=True)
class Vocabulary:
    """Synonym groups (expressions) and word families (base forms), as plain text."""

    groups: tuple[tuple[str, ...], ...]
    families: tuple[tuple[str, ...], ...] = WORD_FAMILIES
    # The sections of the knowledge base's statutes: (section number, statute number), e.g.
    # ("11", "381/2023"). A section named without its law finds the law's names too.
    sections: tuple[tuple[str, str], ...] = ()


def name_forms(name: str) -> tuple[str, ...]:
    """A statute's name and its short form: a long name "laki <words>" is often written with
    only its last two words ("laki työllistymistä edistävästä monialaisesta yhteispalvelusta"
    as "laki monialaisesta yhteispalvelusta"), so that form names the law too."""
    words = name.split()
    if (
        len(words) > 4
        and words[0].lower() == "laki"
        and "ja" not in words[-2:]
        and not words[-2].endswith("-")
    ):
        return (name, " ".join([words[0], *words[-2:]]))
    return (name,)


def with_name_forms(group: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(form for name in group for form in name_forms(name))


def merge_groups(groups) -> tuple[tuple[str, ...], ...]:
    """Groups sharing an expression (compared lower-cased) become one group."""
    merged: list[list[str]] = []
    for group in groups:
        names = [name.strip() for name in group if name and name.strip()]
        keys = {name.lower() for name in names}
        joined = [existing for existing in merged if keys & {name.lower() for name in existing}]
        target: list[str] = []
        for existing in joined:
            merged.remove(existing)
            target.extend(existing)
        for name in names:
            if name.lower() not in {known.lower() for known in target}:
                target.append(name)
        merged.append(target)
    return tuple(tuple(group) for group in merged)


STATIC_VOCABULARY = Vocabulary(merge_groups([*SYNONYM_GROUPS, *map(with_name_forms, STATUTES)]))


def synonym_groups() -> list[tuple[str, ...]]:
    """The SynonymGroup snippets' expressions."""
    synonym_group = apps.get_model("search", "SynonymGroup")
    return [tuple(group.expression_list()) for group in synonym_group.objects.all()]


def clear_cache_on_change(sender, **kwargs) -> None:
    clear_vocabulary_cache()


def vocabulary_models() -> list[str]:
    """The models whose rows make the vocabulary (as "app.Model")."""
    models = ["search.SynonymGroup", "knowledge.Statute", "knowledge.LawSection"]
    return [model for model in models if not model.startswith("knowledge.") or apps.is_installed("knowledge")]


def connect_signals() -> None:
    """A saved or deleted synonym group or statute is searched for at once."""
    for model in vocabulary_models():
        post_save.connect(clear_cache_on_change, sender=model, dispatch_uid=f"vocabulary-save-{model}")
        post_delete.connect(clear_cache_on_change, sender=model, dispatch_uid=f"vocabulary-delete-{model}")


def statute_groups() -> list[tuple[str, ...]]:
    """Every statute of the knowledge base: number, name, short name, "<abbreviation>-laki"."""
    if not apps.is_installed("knowledge"):
        return []
    statute = apps.get_model("knowledge", "Statute")
    groups = []
    for number, name, short_name, abbreviation in statute.objects.values_list(
        "number", "name", "short_name", "abbreviation"
    ):
        names = [number, name, short_name]
        if abbreviation:
            names.append(f"{abbreviation}-laki")
        groups.append(with_name_forms(tuple(names)))
    return groups


def law_sections() -> tuple[tuple[str, str], ...]:
    """Every section of the knowledge base's statutes: (section number, statute number)."""
    if not apps.is_installed("knowledge"):
        return ()
    law_section = apps.get_model("knowledge", "LawSection")
    return tuple(
        law_section.objects.order_by("statute__number", "number").values_list("number", "statute__number")
    )


class _VocabularyCache:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.vocabulary: Vocabulary | None = None
        self.read_at = 0.0

    def clear(self) -> None:
        with self.lock:
            self.vocabulary = None


_cache = _VocabularyCache()


def clear_vocabulary_cache() -> None:
    """Forget the groups and statutes read from the database (after one is saved or deleted)."""
    _cache.clear()


def current_vocabulary() -> Vocabulary:
    """The synonym groups and statutes of the database, with the field's statutes (cached)."""
    now = time.monotonic()
    with _cache.lock:
        if _cache.vocabulary is not None and now - _cache.read_at < CACHE_SECONDS:
            return _cache.vocabulary
    try:
        synonyms = synonym_groups()
        statutes = statute_groups()
        sections = law_sections()
    except DatabaseError:  # tables not there (a database with only the search's tables)
        vocabulary = STATIC_VOCABULARY
    else:
        statute_names = [*map(with_name_forms, STATUTES), *statutes]
        vocabulary = Vocabulary(merge_groups([*synonyms, *statute_names]), sections=sections)
    with _cache.lock:
        _cache.vocabulary, _cache.read_at = vocabulary, now
    return vocabulary
