"""Finnish analysis: the same terms at index and query time make these searches work."""

import libvoikko
import pytest

from search.analysis import SnowballAnalyzer, build_analyzer, derived_verb, parse_query, tokenize
from search.vocabulary import STATIC_VOCABULARY, Vocabulary, name_forms


@pytest.fixture(scope="module")
def voikko():
    analyzer = build_analyzer("voikko")
    if analyzer.name != "voikko":
        pytest.skip("Voikko is not installed (Debian: libvoikko1 voikko-fi)")
    return analyzer


def query_terms(analyzer, text):
    return parse_query(text, analyzer).words[0].terms


def test_consonant_gradation_leads_to_the_same_base_form(voikko):
    assert "asiakas" in query_terms(voikko, "asiakkaille")
    assert "asiakas" in query_terms(voikko, "asiakkaan")


def test_snowball_alone_misses_consonant_gradation():
    snowball = SnowballAnalyzer()
    assert not query_terms(snowball, "asiakkaille") & query_terms(snowball, "asiakas")


def test_a_compound_is_indexed_with_its_parts(voikko):
    terms = voikko.index_terms("työllistymissuunnitelmaan")
    assert {"suunnitelma", "tyollistymissuunnitelma"} <= set(terms)


def test_a_query_word_does_not_expand_to_its_parts(voikko):
    assert "tyo" not in query_terms(voikko, "työkokeilu")


def test_a_compound_query_word_also_matches_all_of_its_parts_together(voikko):
    (word,) = parse_query("suunnitelmapohjan", voikko).words

    assert word.alternatives == ((frozenset({"pohja"}), frozenset({"suunnitelma"})),)
    assert "suunnitelma" not in word.terms and "pohja" not in word.terms
    # A part shorter than four letters ("työ") would match nearly everything with the other.
    assert parse_query("työpäivä", voikko).words[0].alternatives == ()
    assert parse_query("asiakas", voikko).words[0].alternatives == ()


def test_a_short_part_of_a_compound_query_word_is_joined_to_its_neighbour(voikko):
    (word,) = parse_query("tyokokeilusopimuksen", voikko).words

    assert word.alternatives == ((frozenset({"sopimus"}), frozenset({"tyokokeilu"})),)


def test_words_typed_without_a_and_o_umlauts_get_their_base_forms(voikko):
    assert "tyollistymissuunnitelma" in query_terms(voikko, "tyollistymissuunnitelmaan")


def test_stop_words_are_not_indexed(voikko):
    assert voikko.index_terms("ja tai että") == []


def test_section_and_statute_references_are_single_terms():
    assert [t.folded for t in tokenize("TYM-lain 11 §:n ja 11. pykälän mukaan")] == [
        "tym",
        "lain",
        "11pykala",
        "ja",
        "11pykala",
        "mukaan",
    ]
    assert [t.folded for t in tokenize("laki 381/2023")] == ["laki", "381s2023"]


def test_quoted_text_is_a_phrase_of_folded_words(voikko):
    parsed = parse_query('"Monialainen työllistymissuunnitelma" kela', voikko)

    assert parsed.phrases == [["monialainen", "tyollistymissuunnitelma"]]
    assert [word.text for word in parsed.words] == ["kela"]


def test_an_abbreviation_expands_to_what_it_stands_for(voikko):
    word = parse_query("HVA", voikko).words[0]
    assert (frozenset({"hyvinvointialue"}),) in word.alternatives
    assert word.synonyms[0] == "hyvinvointialue"  # then "sote-alue" (migration 0011)


def test_a_run_of_words_that_names_a_statute_is_one_word_with_the_statute_s_names(voikko):
    words = parse_query("TYM-lain 11 §", voikko).words

    assert [word.text for word in words] == ["tym-lain", "11 §"]
    assert (frozenset({"381s2023"}),) in words[0].alternatives


# The knowledge base's sections: 381/2023 (TYM-laki) has a section 11, no section 12.
WITH_SECTIONS = Vocabulary(STATIC_VOCABULARY.groups, sections=(("11", "381/2023"), ("6", "306/2019")))


@pytest.mark.parametrize("query", ["Kela 11 §", "Kelan 11 §:n", "tietojenvaihto 11. pykälä"])
def test_a_section_named_without_its_law_also_matches_the_law_s_names(voikko, query):
    section = parse_query(query, voikko, WITH_SECTIONS).words[-1]

    assert section.terms == frozenset({"11pykala"})
    assert (frozenset({"381s2023"}),) in section.alternatives
    assert "TYM-laki" in section.synonyms


def test_a_section_alone_keeps_to_itself(voikko):
    (section,) = parse_query("11 §", voikko, WITH_SECTIONS).words
    assert section.alternatives == ()


def test_a_section_no_statute_has_or_a_section_with_its_law_named_keeps_to_itself(voikko):
    (_kela, section) = parse_query("Kela 12 §", voikko, WITH_SECTIONS).words
    assert section.alternatives == ()

    law, section = parse_query("sosiaalihuoltolaki 11 §", voikko, WITH_SECTIONS).words
    assert section.alternatives == ()  # another law named: its section 11, not TYM-laki's
    assert (frozenset({"11pykala"}),) not in law.alternatives  # no section 11 of it is known


@pytest.mark.parametrize("query", ["TYM-laki 11 §", "TYM-lain 11 §:n", "381/2023 11 §"])
def test_a_law_named_with_one_of_its_sections_also_matches_the_section_alone(voikko, query):
    law, section = parse_query(query, voikko, WITH_SECTIONS).words

    assert (frozenset({"11pykala"}),) in law.alternatives
    assert section.terms == frozenset({"11pykala"}) and section.alternatives == ()


def test_a_long_statute_name_is_also_known_by_its_short_form(voikko):
    assert name_forms("laki työllistymistä edistävästä monialaisesta yhteispalvelusta") == (
        "laki työllistymistä edistävästä monialaisesta yhteispalvelusta",
        "laki monialaisesta yhteispalvelusta",
    )
    assert name_forms("laki kuntouttavasta työtoiminnasta") == ("laki kuntouttavasta työtoiminnasta",)
    assert name_forms("laki julkisesta työvoima- ja yrityspalvelusta") == (
        "laki julkisesta työvoima- ja yrityspalvelusta",
    )

    (law,) = parse_query("laki monialaisesta yhteispalvelusta", voikko).words
    assert (frozenset({"1369s2014"}),) in law.alternatives
    (number,) = parse_query("1369/2014", voikko).words
    assert "laki monialaisesta yhteispalvelusta" in number.synonyms


def test_a_statute_also_matches_the_subject_of_its_name(voikko):
    (number,) = parse_query("189/2001", voikko).words

    subject = (
        frozenset({"kuntouttava", "kuntouttavasta", "kuntouttaa"}),
        frozenset({"tyotoiminta", "tyotoiminnasta"}),
    )
    assert any(
        len(alternative) == 2 and all(a & b for a, b in zip(alternative, subject, strict=True))
        for alternative in number.alternatives
    )
    (law,) = parse_query("hallintolaki", voikko).words  # a one-word name has no subject to add
    assert all(len(alternative) == 1 for alternative in law.alternatives)


def test_a_one_word_query_is_weighted_by_the_field_s_own_words(voikko):
    parsed = parse_query("kartoitus", voikko)

    assert [word.text for word in parsed.required_words] == ["kartoitus"]
    assert [word.text for word in parsed.words] == ["kartoitus"]
    assert [word.text for word in parsed.optional_words] == ["asiakas", "palvelu"]
    assert "asiakas" not in parsed.highlight_terms()  # they are never marked

    assert parse_query("asiakkaat", voikko).optional_words[0].text == "palvelu"  # not itself
    assert parse_query("kartoitus kunto", voikko).optional_words == []  # two words say enough
    assert parse_query('"kartoitus"', voikko).optional_words == []


def test_question_and_function_words_are_optional(voikko):
    words = parse_query("milloin tarvitaanko suostumus", voikko).words

    assert [(word.text, word.optional) for word in words] == [
        ("milloin", True),
        ("tarvitaanko", True),
        ("suostumus", False),
    ]


def test_the_case_ending_after_an_abbreviation_s_colon_is_no_word(voikko):
    assert [word.text for word in parse_query("KEHA:n koulutukset", voikko).words] == ["keha", "koulutukset"]


def test_an_abbreviation_with_a_case_ending_written_on_is_the_abbreviation(voikko):
    # "TYPPIstä" is no form Voikko knows (Snowball gave "typ", which is TYP, not TYPPI).
    assert voikko.index_terms("TYPPIstä TYPPIin HVAlle URAan") == ["typpi", "typpi", "hva", "ura"]
    assert [token.surface for token in tokenize("TYPPIstä")] == ["typpi"]
    word = parse_query("HVAlle", voikko).words[0]
    assert word.synonyms[0] == "hyvinvointialue"
    # Words that are no abbreviation stay as they are: capitals only, a capital and small
    # letters, a longer ending.
    assert [token.surface for token in tokenize("PALVELUTARPEEN Kelan TYPPIkoulutus")] == [
        "palvelutarpeen",
        "kelan",
        "typpikoulutus",
    ]


def test_the_verb_of_an_action_noun_comes_from_voikko_s_word_bases():
    assert derived_verb("+kokeil(kokeilla)+u(+u)") == "kokeilla"
    assert derived_verb("+arvioi(arvioida)+n+ti(+ti)") == "arvioida"
    assert derived_verb("+perehdyt(perehdyttää)+ys(+ys)") == "perehdyttää"
    assert derived_verb("+koulutta(kouluttaa)+ja(+ja)") == "kouluttaa"
    # A noun made from a noun is left to the caller's verb check; a plain word and a compound
    # give nothing.
    assert derived_verb("+asiakku(asiakas)+us(+us)") is None
    assert derived_verb("+sopimus(sopimus)") is None
    assert derived_verb("+sanoi(sanoa)+n+en(+en)") is None
    assert derived_verb("+työ(työ)+kokeil(kokeilla)+u(+u)") is None


def test_an_action_noun_and_its_verb_find_each_other_through_voikko(voikko):
    # "tarkistus" ← "tarkistaa" is in no table: the family comes from Voikko's analysis.
    assert "tarkistaa0n" in voikko.index_terms("Tarkistus tehdään vuosittain.")
    assert "tarkistaa0n" not in voikko.index_terms("Tarkistetaan vuosittain.")
    verb = parse_query("tarkistaa", voikko).words[0]
    assert verb.own_terms == frozenset({"tarkistaa"})
    assert verb.family_terms == frozenset({"tarkistaa0n"})
    noun = parse_query("tarkistuksen", voikko).words[0]
    assert noun.family == ("tarkistaa",)
    assert noun.family_terms == frozenset({"tarkistaa", "tarkistaa0n"})
    # A noun made from a noun ("asiakkuus" ← "asiakas") and a result noun keep to themselves.
    assert parse_query("asiakkuus", voikko).words[0].family_terms == frozenset()
    assert parse_query("sopimus", voikko).words[0].family_terms == frozenset()


def test_a_word_matches_the_base_forms_of_its_family(voikko):
    word = parse_query("velkaantuminen", voikko).words[0]

    assert {"velka", "velkaantua"} <= word.terms
    assert "velka" in word.family


def test_without_voikko_the_analysis_falls_back_to_snowball_with_a_warning(caplog, monkeypatch):

    def missing(*args, **kwargs):
        raise OSError("libvoikko.so.1: cannot open shared object file")

    # The library is installed here; simulate a machine without it.
    monkeypatch.setattr(libvoikko, "Voikko", missing)

    analyzer = build_analyzer("voikko")

    assert analyzer.name == "snowball"
    assert "Voikko is not available" in caplog.text
