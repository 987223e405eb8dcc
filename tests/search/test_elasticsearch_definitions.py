"""The Elasticsearch mapping, analysis and query bodies, checked without a cluster."""

from search.analysis import parse_query
from search.backends.base import SearchRequest
from search.backends.elastic import (
    COORDINATION_BOOST,
    OPTIONAL_BOOST,
    build_index,
    build_search,
    build_suggest,
    hosts,
)
from typ_site.core.access import PUBLIC, network_key


def index_definition(settings, **kwargs):
    settings.ELASTICSEARCH_INDEX_PREFIX = "typ"
    return build_index("typ-documents-1", **kwargs).to_dict()


def test_hosts_are_a_comma_separated_list(settings):
    settings.ELASTICSEARCH_URL = "http://es1:9200, http://es2:9200,http://es3:9200"

    assert hosts() == ["http://es1:9200", "http://es2:9200", "http://es3:9200"]


def test_replicas_come_from_the_settings(settings):
    settings.ELASTICSEARCH_REPLICAS = 2

    assert index_definition(settings)["settings"]["number_of_replicas"] == 2


def test_the_finnish_analyzer_lowercases_removes_stop_words_decompounds_and_stems(settings):
    analysis = index_definition(settings, compound_words=["suunnitelma"])["settings"]["analysis"]
    text = analysis["analyzer"]["fi_text"]

    assert text["filter"] == ["lowercase", "fi_stop", "fi_decompound", "fi_stemmer"]
    assert analysis["filter"]["fi_stemmer"] == {"type": "stemmer", "language": "finnish"}
    assert "ja" in analysis["filter"]["fi_stop"]["stopwords"]
    decompound = analysis["filter"]["fi_decompound"]
    assert decompound["type"] == "dictionary_decompounder"
    assert "suunnitelma" in decompound["word_list"]


def test_the_folded_sub_field_folds_a_and_o_umlauts(settings):
    definition = index_definition(settings)
    analysis = definition["settings"]["analysis"]
    body = definition["mappings"]["properties"]["body"]

    assert "asciifolding" in analysis["analyzer"]["fi_folded"]["filter"]
    assert body["fields"]["folded"]["analyzer"] == "fi_folded"
    assert body["fields"]["exact"]["analyzer"] == "fi_exact"


def test_section_references_become_single_tokens(settings):
    analysis = index_definition(settings)["settings"]["analysis"]

    assert analysis["char_filter"]["fi_statute"]["replacement"] == "$1s$2"
    assert analysis["char_filter"]["fi_section"]["replacement"] == "$1pykala"
    assert analysis["analyzer"]["fi_text"]["char_filter"] == ["fi_statute", "fi_section"]


def test_facet_fields_are_keywords(settings):
    properties = index_definition(settings)["mappings"]["properties"]

    for name in ("kind", "access_key", "network", "organisation", "themes"):
        assert properties[name]["type"] == "keyword"
    assert properties["year"]["type"] == "integer"


def search_body(query, **kwargs):
    request = SearchRequest(query, frozenset({PUBLIC, network_key(3)}), **kwargs)
    return build_search(request, parse_query(query)).to_dict()


def test_every_query_is_filtered_by_the_access_keys():
    body = search_body("työkokeilu")

    assert {"terms": {"access_key": ["network:3", "public"]}} in body["query"]["bool"]["filter"]


def test_each_word_matches_in_one_of_its_forms_and_every_word_adds_coordination():
    text = search_body("asiakkaan suunnitelma")["query"]["bool"]["must"][0]["bool"]
    required = text["must"][0]["bool"]

    assert required["minimum_should_match"] == 1 and len(required["should"]) == 2
    should = required["should"][0]["bool"]["should"]
    assert should[0]["multi_match"]["fields"] == ["title^8", "body", "extra^2"]
    assert should[1]["multi_match"]["fields"] == ["title.folded^8", "body.folded", "extra.folded^2"]
    assert should[2]["multi_match"]["fuzziness"] == 1
    coordination = [clause["constant_score"] for clause in text["should"]]
    assert [clause["boost"] for clause in coordination] == [COORDINATION_BOOST] * 2
    assert [clause["filter"] for clause in coordination] == required["should"]


def test_the_documents_with_every_word_are_counted():
    body = search_body("asiakkaan suunnitelma")

    assert len(body["aggs"]["complete"]["filter"]["bool"]["must"]) == 2


def test_question_words_only_add_to_the_score():
    text = search_body("milloin asiakkuus päättyy")["query"]["bool"]["must"][0]["bool"]

    assert len(text["must"][0]["bool"]["should"]) == 2  # asiakkuus, päättyy
    optional = [clause["bool"] for clause in text["should"] if "bool" in clause]
    assert [clause["boost"] for clause in optional] == [OPTIONAL_BOOST]


def test_synonyms_and_word_families_are_alternatives_of_the_word():
    should = search_body("velkaantuminen")["query"]["bool"]["must"][0]["bool"]["must"][0]["bool"]["should"]
    alternatives = [clause["multi_match"]["query"] for clause in should]
    assert "velka" in alternatives

    should = search_body("TYM-lain")["query"]["bool"]["must"][0]["bool"]["must"][0]["bool"]["should"]
    alternatives = [clause["multi_match"]["query"] for clause in should]
    assert should[0]["multi_match"]["query"] == "tym-lain"
    assert "381/2023" in alternatives


def test_a_quoted_phrase_is_a_phrase_query_on_the_exact_field():
    must = search_body('"monialainen yhteispalvelu"')["query"]["bool"]["must"][0]["bool"]["must"]

    assert must == [
        {
            "multi_match": {
                "query": "monialainen yhteispalvelu",
                "type": "phrase",
                "fields": ["title.exact^8", "body.exact"],
            }
        }
    ]


def test_filters_facets_highlighting_and_paging_are_requested():
    body = search_body("asiakas", filters={"kind": "post", "year": "2024"}, page=3, per_page=10)

    assert {"term": {"kind": "post"}} in body["query"]["bool"]["filter"]
    assert {"term": {"year": 2024}} in body["query"]["bool"]["filter"]
    assert set(body["aggs"]) == {"kind", "theme", "network", "organisation", "year"}
    assert body["highlight"]["encoder"] == "html"
    assert body["highlight"]["pre_tags"] == ["<mark>"]
    assert (body["from"], body["size"]) == (20, 10)


def test_date_order_sorts_by_date():
    assert search_body("asiakas", order="date")["sort"][0] == {"date": {"order": "desc", "missing": "_last"}}


def test_suggestions_complete_the_last_word_and_respect_access():
    body = build_suggest("työkok", frozenset({PUBLIC}), 5).to_dict()

    assert body["query"]["bool"]["must"][0]["multi_match"]["type"] == "bool_prefix"
    assert body["query"]["bool"]["filter"] == [{"terms": {"access_key": ["public"]}}]
    assert body["size"] == 5
