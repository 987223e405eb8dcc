"""The Elasticsearch mapping, analysis and query bodies, checked without a cluster."""

import pytest

from search.analysis import get_analyzer, parse_query
from search.backends.base import SearchRequest
from search.backends.elastic import (
    ALTERNATIVE_BOOST,
    COORDINATION_BOOST,
    EXTRA_BOOST,
    OPTIONAL_BOOST,
    TERM_FIELDS,
    TITLE_BOOST,
    build_index,
    build_search,
    build_suggest,
    build_term_lookup,
    client_options,
    hosts,
    index_body,
    source_of,
    template_body,
    typed_form,
)
from search.backends.stores.base import EXTRA_WEIGHT, TITLE_WEIGHT
from search.vocabulary import STATIC_VOCABULARY, Vocabulary
from typ_site.core.access import PUBLIC, network_key

from .conftest import make_document


def index_definition(settings):
    settings.ELASTICSEARCH_INDEX_PREFIX = "typ"
    return build_index("typ-documents-1").to_dict()


def test_hosts_are_a_comma_separated_list(settings):
    settings.ELASTICSEARCH_URL = "http://es1:9200, http://es2:9200,http://es3:9200"

    assert hosts() == ["http://es1:9200", "http://es2:9200", "http://es3:9200"]


def test_replicas_come_from_the_settings(settings):
    settings.ELASTICSEARCH_REPLICAS = 2

    assert index_definition(settings)["settings"]["number_of_replicas"] == 2


def test_an_index_being_loaded_neither_refreshes_nor_replicates(settings):
    settings.ELASTICSEARCH_REPLICAS = 2

    body = index_body("typ-documents-1", loading=True)

    assert body["settings"]["refresh_interval"] == "-1"
    assert body["settings"]["number_of_replicas"] == 0


# --- 1: one analysis for both backends -------------------------------------------------------


def test_the_term_fields_take_the_python_terms_as_they_are(settings):
    mappings = index_definition(settings)["mappings"]
    properties = mappings["properties"]

    for name in TERM_FIELDS:
        assert properties[name] == {"type": "text", "analyzer": "whitespace", "index_options": "freqs"}
    assert properties["exact"] == {"type": "text", "analyzer": "whitespace"}  # positions, for phrases
    assert mappings["_source"] == {"excludes": [*TERM_FIELDS, "exact"]}
    assert mappings["dynamic"] == "strict"


def test_no_analysis_chain_of_elasticsearch_is_defined(settings):
    """No stemmer, decompounder or regular expression of its own: nothing to differ from the
    embedded analysis, and no Java regex whose \\w is ASCII-only."""
    definition = index_definition(settings)

    assert "analysis" not in definition["settings"]
    analyzers = {field.get("analyzer") for field in definition["mappings"]["properties"].values()}
    assert analyzers <= {None, "whitespace"}


def test_a_document_holds_exactly_the_terms_the_embedded_store_holds():
    analyzer = get_analyzer()
    document = make_document(
        "page:1",
        "Työllistymissuunnitelman laatiminen",
        "Asiakkaalle laaditaan keskustelussa suunnitelma TYM-lain 11. pykälän mukaisesti (381/2023).",
        tags=["kuntoutus"],
    )

    source = source_of(document, analyzer)

    assert source["title_terms"].split() == analyzer.index_terms(document.title)
    assert source["body_terms"].split() == analyzer.index_terms(document.body)
    assert source["extra_terms"].split() == analyzer.index_terms(document.extra_text)
    assert source["exact"].split() == analyzer.exact_terms(f"{document.title}\n{document.body}")
    # Section references are single terms, with Unicode letters ("pykälän") handled in Python.
    assert "11pykala" in source["body_terms"].split()
    assert "381s2023" in source["body_terms"].split()
    # No brute-force parts: "keskustelussa" does not give "keskus".
    assert "keskus" not in source["body_terms"].split()


def test_an_abbreviation_with_a_case_ending_is_indexed_and_searched_as_the_abbreviation():
    source = source_of(make_document("page:1", "Tilastot TYPPIstä", "HVAlle."), get_analyzer())

    assert source["title_terms"].split() == ["tilasto", "tilastot", "typpi"]
    assert source["body_terms"].split() == ["hva"]
    (clause,) = search_body("TYPPIstä")["query"]["bool"]["must"][0]["bool"]["must"]
    assert clause["bool"]["should"][0]["multi_match"]["query"].split() == ["typpi"]


def test_an_action_noun_is_indexed_with_its_verb_and_the_verb_searches_for_it():
    analyzer = get_analyzer()
    if analyzer.name != "voikko":
        pytest.skip("the verbs of action nouns come from Voikko")
    source = source_of(make_document("page:1", "Lomakkeen tarkistus", ""), analyzer)

    assert "tarkistaa0n" in source["title_terms"].split()
    (clause,) = search_body("tarkistaa")["query"]["bool"]["must"][0]["bool"]["must"]
    queries = [option["multi_match"]["query"].split() for option in clause["bool"]["should"]]
    assert queries[0] == ["tarkistaa"]
    assert ["tarkistaa0n"] in queries[1:]


def test_facet_fields_are_keywords(settings):
    properties = index_definition(settings)["mappings"]["properties"]

    for name in ("kind", "access_key", "network", "organisation", "themes"):
        assert properties[name]["type"] == "keyword"
    assert properties["year"]["type"] == "integer"


def test_the_index_template_carries_the_mapping_for_the_pattern(settings):
    settings.ELASTICSEARCH_INDEX_PREFIX = "typ"

    template = template_body()

    assert template["index_patterns"] == ["typ-documents-*"]
    assert template["template"]["mappings"]["properties"]["body_terms"]["analyzer"] == "whitespace"


# --- queries ----------------------------------------------------------------------------------


def search_body(query, near=None, **kwargs):
    request = SearchRequest(query, frozenset({PUBLIC, network_key(3)}), **kwargs)
    return build_search(request, parse_query(query), near).to_dict()


def test_every_query_is_filtered_by_the_access_keys():
    body = search_body("työkokeilu")

    assert {"terms": {"access_key": ["network:3", "public"]}} in body["query"]["bool"]["filter"]


def test_a_query_word_is_its_python_terms_on_the_term_fields():
    parsed = parse_query("asiakkaille")
    (clause,) = search_body("asiakkaille")["query"]["bool"]["must"][0]["bool"]["must"]

    first = clause["bool"]["should"][0]["multi_match"]
    assert first["query"].split() == sorted(parsed.words[0].own_terms)
    assert first["fields"] == ["title_terms^8", "body_terms", "extra_terms^3"]
    # The fields weigh as in the embedded stores.
    assert (TITLE_BOOST, EXTRA_BOOST) == (TITLE_WEIGHT, EXTRA_WEIGHT)
    assert first["type"] == "most_fields"
    # The same terms the embedded backend matches: the base form is among them.
    if get_analyzer().name == "voikko":
        assert "asiakas" in first["query"].split()


def test_a_compound_in_a_query_is_not_split_into_its_parts():
    (clause,) = search_body("työllistymissuunnitelma")["query"]["bool"]["must"][0]["bool"]["must"]

    terms = clause["bool"]["should"][0]["multi_match"]["query"].split()
    assert "tyo" not in terms and "suunnitelma" not in terms


def test_a_compound_also_matches_all_of_its_parts_together_a_little_less():
    if get_analyzer().name != "voikko":
        pytest.skip("compound parts come from Voikko")
    (clause,) = search_body("suunnitelmapohjan")["query"]["bool"]["must"][0]["bool"]["must"]
    alternatives = [option["bool"] for option in clause["bool"]["should"] if "bool" in option]

    assert [[part["multi_match"]["query"] for part in option["must"]] for option in alternatives] == [
        ["pohja", "suunnitelma"]
    ]
    assert alternatives[0]["boost"] == ALTERNATIVE_BOOST


def test_each_word_adds_coordination():
    text = search_body("asiakkaan suunnitelma")["query"]["bool"]["must"][0]["bool"]
    required = text["must"][0]["bool"]

    assert required["minimum_should_match"] == 1 and len(required["should"]) == 2
    coordination = [clause["constant_score"] for clause in text["should"]]
    assert [clause["boost"] for clause in coordination] == [COORDINATION_BOOST] * 2
    assert [clause["filter"] for clause in coordination] == required["should"]


def test_the_documents_with_every_word_are_counted_and_totals_are_exact():
    body = search_body("asiakkaan suunnitelma")

    assert len(body["aggs"]["complete"]["filter"]["bool"]["must"]) == 2
    assert body["track_total_hits"] is True


def test_question_words_only_add_to_the_score():
    text = search_body("milloin asiakkuus päättyy")["query"]["bool"]["must"][0]["bool"]

    assert len(text["must"][0]["bool"]["should"]) == 2  # asiakkuus, päättyy
    optional = [clause["bool"] for clause in text["should"] if "bool" in clause]
    assert [clause["boost"] for clause in optional] == [OPTIONAL_BOOST]


def test_synonyms_and_word_families_are_alternatives_of_the_word():
    (clause,) = search_body("velkaantuminen")["query"]["bool"]["must"][0]["bool"]["must"]
    queries = [option["multi_match"]["query"] for option in clause["bool"]["should"]]
    assert any("velka" in query.split() for query in queries[1:])

    (clause,) = search_body("TYM-lain")["query"]["bool"]["must"][0]["bool"]["must"]
    alternatives = [option["bool"]["must"] for option in clause["bool"]["should"] if "bool" in option]
    assert any(
        [part["multi_match"]["query"] for part in alternative] == ["381s2023"] for alternative in alternatives
    )


def test_everyday_words_ask_for_the_field_s_terms_without_a_database():
    (clause,) = search_body("rahat loppu")["query"]["bool"]["must"][0]["bool"]["must"]
    alternatives = [
        [part["multi_match"]["query"] for part in option["bool"]["must"]]
        for option in clause["bool"]["should"]
        if "bool" in option
    ]
    assert ["toimeentulo"] in alternatives and ["rahapula"] in alternatives


def test_a_section_named_without_its_law_also_asks_for_the_law_s_names():
    vocabulary = Vocabulary(STATIC_VOCABULARY.groups, sections=(("11", "381/2023"),))
    request = SearchRequest("Kela 11 §", frozenset({PUBLIC}))
    body = build_search(request, parse_query("Kela 11 §", vocabulary=vocabulary)).to_dict()

    (text,) = body["query"]["bool"]["must"][0]["bool"]["must"]
    _kela, section = text["bool"]["should"]  # any meaningful word
    options = section["bool"]["should"]
    assert options[0]["multi_match"]["query"] == "11pykala"
    alternatives = [
        [part["multi_match"]["query"] for part in option["bool"]["must"]] for option in options[1:]
    ]
    assert ["381s2023"] in alternatives and ["tym", "laki"] in alternatives


def test_a_one_word_query_weights_the_field_s_own_words_like_function_words():
    text = search_body("kartoitus")["query"]["bool"]["must"][0]["bool"]

    weighted = [clause["bool"] for clause in text["should"]]
    assert [clause["boost"] for clause in weighted] == [OPTIONAL_BOOST, OPTIONAL_BOOST]
    queries = [clause["should"][0]["bool"]["should"][0]["multi_match"]["query"] for clause in weighted]
    assert queries == ["asiakas", "palvelu"]


# --- 8: fuzziness only for unknown words -----------------------------------------------------


def fuzzy_clauses(body) -> list[dict]:
    found = []

    def walk(node):
        if isinstance(node, dict):
            if "multi_match" in node and "fuzziness" in node["multi_match"]:
                found.append(node["multi_match"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(body["query"])
    return found


def test_a_known_word_gets_no_fuzziness():
    # `near` names the words the index does not know (the backend looks them up).
    assert fuzzy_clauses(search_body("kela")) == []
    assert fuzzy_clauses(search_body("sosiaaliohjaaja")) == []


def test_an_unknown_word_gets_one_edit_with_the_first_letter_fixed():
    body = search_body("sosiaalohjaaja", near={"sosiaalohjaaja": frozenset({"sosiaaliohjaaja"})})

    (fuzzy,) = fuzzy_clauses(body)
    assert fuzzy["fuzziness"] == 1 and fuzzy["prefix_length"] == 1
    assert fuzzy["query"] == "sosiaalohjaaja"
    (clause,) = body["query"]["bool"]["must"][0]["bool"]["must"]
    assert any(option["multi_match"].get("query") == "sosiaaliohjaaja" for option in clause["bool"]["should"])


@pytest.mark.parametrize("query", ["12 §", "381/2024", "2024"])
def test_numbers_and_section_references_never_get_fuzziness(query):
    near = {word.text: frozenset() for word in parse_query(query).words}

    assert fuzzy_clauses(search_body(query, near=near)) == []


def test_a_quoted_phrase_is_a_phrase_query_on_the_exact_field():
    must = search_body('"monialainen yhteispalvelu"')["query"]["bool"]["must"][0]["bool"]["must"]

    assert must == [{"match_phrase": {"exact": "monialainen yhteispalvelu"}}]


def test_filters_facets_and_paging_are_requested():
    body = search_body("asiakas", filters={"kind": "post", "year": "2024"}, page=3, per_page=10)

    assert {"term": {"kind": "post"}} in body["query"]["bool"]["filter"]
    assert {"term": {"year": 2024}} in body["query"]["bool"]["filter"]
    assert set(body["aggs"]) == {"kind", "theme", "network", "organisation", "year"}
    assert (body["from"], body["size"]) == (20, 10)
    assert "body" in body["_source"]  # for the shared snippet
    assert "highlight" not in body


def test_date_order_sorts_by_date():
    assert search_body("asiakas", order="date")["sort"][0] == {"date": {"order": "desc", "missing": "_last"}}


def test_suggestions_complete_the_last_word_and_respect_access():
    body = build_suggest("työkok", frozenset({PUBLIC}), 5, get_analyzer()).to_dict()

    prefixes = body["query"]["bool"]["must"][0]["bool"]["should"]
    assert prefixes[0] == {"prefix": {"title_terms": {"value": "tyokok", "boost": TITLE_BOOST}}}
    assert body["query"]["bool"]["filter"] == [{"terms": {"access_key": ["public"]}}]
    assert body["size"] == 5


# --- 5: the look-ups behind did-you-mean -------------------------------------------------------


def test_term_look_ups_for_a_person_carry_the_access_filter_and_the_filters():
    request = SearchRequest("x", frozenset({PUBLIC}), filters={"kind": "post"})

    body = build_term_lookup(["tyokokeilu", "11pykala"], request).to_dict()

    filters = body["query"]["bool"]["filter"][0]["bool"]["filter"]
    assert {"terms": {"access_key": ["public"]}} in filters
    assert {"term": {"kind": "post"}} in filters
    buckets = body["aggs"]["found"]["filters"]["filters"]
    assert buckets["0"]["bool"]["should"][0] == {"term": {"title_terms": "tyokokeilu"}}
    assert body["size"] == 0


def test_a_correction_is_written_back_onto_the_word_as_typed():
    assert typed_form("työkoeilu", "tyokokeilu") == "työkokeilu"
    assert typed_form("sosiaalohjaaja", "sosiaaliohjaaja") == "sosiaaliohjaaja"
    assert typed_form("päätös", "paatos") == "päätös"
    assert typed_form("kriisirymä", "kriisiryhma") == "kriisiryhmä"


# --- 11: connecting to a secured cluster --------------------------------------------------------


def test_an_api_key_and_a_ca_certificate_come_from_the_settings(settings):
    settings.ELASTICSEARCH_URL = "https://es1:9200,https://es2:9200"
    settings.ELASTICSEARCH_API_KEY = "a2V5OnNlY3JldA=="
    settings.ELASTICSEARCH_CA_CERTS = "/etc/typ/http_ca.crt"

    options = client_options()

    assert options["hosts"] == ["https://es1:9200", "https://es2:9200"]
    assert options["api_key"] == "a2V5OnNlY3JldA=="
    assert options["ca_certs"] == "/etc/typ/http_ca.crt"
    assert "basic_auth" not in options


def test_a_user_and_a_certificate_fingerprint_come_from_the_settings(settings):
    settings.ELASTICSEARCH_API_KEY = ""
    settings.ELASTICSEARCH_USERNAME = "typ_search"
    settings.ELASTICSEARCH_PASSWORD = "salasana"
    settings.ELASTICSEARCH_SSL_FINGERPRINT = "AB:CD:EF"

    options = client_options()

    assert options["basic_auth"] == ("typ_search", "salasana")
    assert options["ssl_assert_fingerprint"] == "AB:CD:EF"
    assert "api_key" not in options and "ca_certs" not in options
