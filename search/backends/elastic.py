"""The Elasticsearch backend: elasticsearch-dsl documents with a Finnish analysis chain.

Analysis (per text field):
- `fi_text` (the field itself): section references joined into one token ("11 §" →
  `11pykala`, "381/2023" → `381s2023`, the same terms as the embedded analysis), standard
  tokenizer, lower-casing, Finnish stop words, dictionary decompounding, Finnish stemming.
- `.folded`: the same with ä/ö/å folded (asciifolding), so "tyollistymissuunnitelma" finds
  "työllistymissuunnitelma".
- `.exact`: lower-cased and folded words without stemming, for "quoted phrases" and
  did-you-mean.

Compounds: decompounding with a dictionary, not n-grams. The dictionary is built at each
rebuild from Voikko's analysis of the content being indexed (the parts of its compounds,
such as "suunnitelma", "kokeilu", "alue") plus a built-in list of the field's common parts.
N-grams would match any substring ("alue" inside "valuetta"), grow the index several times
over and blur the term statistics ranking depends on; a dictionary of real parts only adds the
parts Finnish speakers would search for.

Zero-downtime rebuild: a new index `<prefix>-documents-<timestamp>` is filled with refresh
and replicas off, then the alias `<prefix>-documents` is swapped to it in one atomic action
and the old index is dropped. While a rebuild runs, every single-document update is written to
all physical indices, so nothing edited meanwhile is lost. Hosts come from ELASTICSEARCH_URL
(comma-separated) and replicas from ELASTICSEARCH_REPLICAS: growing past one machine is a
configuration change.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Iterable

from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import mark_safe
from elasticsearch_dsl import (
    Date,
    Document,
    Index,
    Integer,
    Keyword,
    Q,
    Search,
    Text,
    analyzer,
    char_filter,
    token_filter,
)

from ..analysis import FINNISH_STOP_WORDS, ParsedQuery, QueryWord, compound_parts, fold, tokenize
from ..contracts import SearchDocument
from .base import SearchBackend, SearchHit, SearchRequest, SearchUnavailable

logger = logging.getLogger(__name__)

# Common parts of the field's compounds, used when Voikko is not there to find them.
BASE_COMPOUND_PARTS = sorted(
    [
        "alue",
        "arvio",
        "arviointi",
        "asiakas",
        "asiantuntija",
        "hoitaja",
        "kartoitus",
        "keskus",
        "kokeilu",
        "kunta",
        "laki",
        "malli",
        "ohjaaja",
        "ohjaus",
        "palvelu",
        "polku",
        "prosessi",
        "päivä",
        "ryhmä",
        "suunnitelma",
        "tarve",
        "toiminta",
        "tuki",
        "työ",
        "valmennus",
        "verkosto",
        "viranomainen",
        "yhteistyö",
    ]
)
TITLE_BOOST, EXTRA_BOOST = 8, 2
# Each meaningful word a document has adds this much, far above any bm25 score: documents with
# every word come first, then those with most of them (coordination).
COORDINATION_BOOST = 1000
# Synonyms and word-family members count a little less than the word as typed; function words
# ("milloin", "voiko") only a little.
ALTERNATIVE_BOOST, OPTIONAL_BOOST = 0.8, 0.2


def hosts() -> list[str]:
    return [host.strip() for host in settings.ELASTICSEARCH_URL.split(",") if host.strip()]


def alias_name() -> str:
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-documents"


def build_analysis(compound_words: Iterable[str]):
    """The three analyzers of the index (elasticsearch-dsl objects)."""
    words = sorted(set(compound_words) | set(BASE_COMPOUND_PARTS))
    folded_words = sorted({fold(word) for word in words})
    references = [
        char_filter(
            "fi_statute",
            type="pattern_replace",
            pattern=r"\b(\d{1,4})/(\d{4})\b",
            replacement="$1s$2",
        ),
        char_filter(
            "fi_section",
            type="pattern_replace",
            pattern=r"(?i)\b(\d{1,3}[a-z]?)\s*(?:§(?::\p{L}+)?|\.?\s*pyk[äa]l\w*)",
            replacement="$1pykala",
        ),
    ]
    stop = token_filter("fi_stop", type="stop", stopwords=sorted(FINNISH_STOP_WORDS))
    folded_stop = token_filter(
        "fi_stop_folded", type="stop", stopwords=sorted({fold(w) for w in FINNISH_STOP_WORDS})
    )
    decompound = token_filter(
        "fi_decompound",
        type="dictionary_decompounder",
        word_list=words,
        min_subword_size=3,
        only_longest_match=False,
    )
    folded_decompound = token_filter(
        "fi_decompound_folded",
        type="dictionary_decompounder",
        word_list=folded_words,
        min_subword_size=3,
        only_longest_match=False,
    )
    stemmer = token_filter("fi_stemmer", type="stemmer", language="finnish")
    text = analyzer(
        "fi_text",
        tokenizer="standard",
        char_filter=references,
        filter=["lowercase", stop, decompound, stemmer],
    )
    folded = analyzer(
        "fi_folded",
        tokenizer="standard",
        char_filter=references,
        filter=["lowercase", "asciifolding", folded_stop, folded_decompound, stemmer],
    )
    exact = analyzer(
        "fi_exact",
        tokenizer="standard",
        char_filter=references,
        filter=["lowercase", "asciifolding"],
    )
    return text, folded, exact


def document_class(compound_words: Iterable[str] = ()):
    """An elasticsearch-dsl Document class with the Finnish mapping."""
    text, folded, exact = build_analysis(compound_words)

    def finnish_text(**kwargs):
        return Text(
            analyzer=text,
            fields={"folded": Text(analyzer=folded), "exact": Text(analyzer=exact)},
            **kwargs,
        )

    class SearchEntryDocument(Document):
        key = Keyword()
        kind = Keyword()
        title = finnish_text()
        body = finnish_text()
        extra = finnish_text()
        url = Keyword(index=False)
        access_key = Keyword()
        network = Keyword()
        organisation = Keyword()
        themes = Keyword(multi=True)
        tags = Keyword(multi=True)
        date = Date()
        year = Integer()
        language = Keyword()

        class Index:
            name = alias_name()

    return SearchEntryDocument


def index_settings() -> dict:
    return {
        "number_of_shards": getattr(settings, "ELASTICSEARCH_SHARDS", 1),
        "number_of_replicas": settings.ELASTICSEARCH_REPLICAS,
    }


def build_index(name: str, compound_words: Iterable[str] = ()) -> Index:
    index = Index(name)
    index.settings(**index_settings())
    index.document(document_class(compound_words))
    return index


def source_of(document: SearchDocument) -> dict:
    return {
        "key": document.key,
        "kind": document.kind,
        "title": document.title,
        "body": document.body[:100_000],
        "extra": document.extra_text,
        "url": document.url,
        "access_key": document.access_key,
        "network": document.network,
        "organisation": document.organisation,
        "themes": list(document.themes),
        "tags": list(document.tags),
        "date": document.date.isoformat() if document.date else None,
        "year": document.year,
        "language": document.language,
    }


# --- queries: plain functions so that tests can check the bodies without a cluster ---------

WORD_FIELDS = [f"title^{TITLE_BOOST}", "body", f"extra^{EXTRA_BOOST}"]
FOLDED_FIELDS = [f"title.folded^{TITLE_BOOST}", "body.folded", f"extra.folded^{EXTRA_BOOST}"]


def word_query(word: QueryWord) -> Q:
    """One query word: any of its forms in any field, one typo allowed on longer words, the
    other words of its family and the other expressions of its synonym group."""
    text = word.text
    should = [
        Q("multi_match", query=text, fields=WORD_FIELDS, operator="and"),
        Q("multi_match", query=text, fields=FOLDED_FIELDS, operator="and"),
    ]
    if len(text) >= 4:
        should.append(
            Q("multi_match", query=text, fields=FOLDED_FIELDS, operator="and", fuzziness=1, boost=0.3)
        )
    for alternative in (*word.synonyms, *word.family):
        should.append(
            Q("multi_match", query=alternative, fields=FOLDED_FIELDS, operator="and", boost=ALTERNATIVE_BOOST)
        )
    return Q("bool", should=should, minimum_should_match=1)


def phrase_query(words: list[str]) -> Q:
    return Q(
        "multi_match",
        query=" ".join(words),
        type="phrase",
        fields=[f"title.exact^{TITLE_BOOST}", "body.exact"],
    )


def required_clauses(parsed: ParsedQuery) -> list[Q]:
    """The meaningful words and the phrases."""
    return [word_query(word) for word in parsed.required_words] + [
        phrase_query(phrase) for phrase in parsed.phrases
    ]


def text_query(parsed: ParsedQuery) -> Q:
    """Documents with at least one meaningful word; every word matched adds
    COORDINATION_BOOST, so documents with all of them rank first, then those with most."""
    required = required_clauses(parsed)
    optional = [Q("bool", should=[word_query(word)], boost=OPTIONAL_BOOST) for word in parsed.optional_words]
    if len(required) == 1:
        return Q("bool", must=required, should=optional)
    coordination = [Q("constant_score", filter=clause, boost=COORDINATION_BOOST) for clause in required]
    return Q(
        "bool",
        must=[Q("bool", should=required, minimum_should_match=1)],
        should=[*coordination, *optional],
    )


def filter_queries(request: SearchRequest) -> list[Q]:
    filters = [Q("terms", access_key=sorted(request.access_keys))]
    for name, field_name in (
        ("kind", "kind"),
        ("network", "network"),
        ("organisation", "organisation"),
        ("theme", "themes"),
    ):
        if request.filters.get(name):
            filters.append(Q("term", **{field_name: request.filters[name]}))
    if request.filters.get("year"):
        try:
            filters.append(Q("term", year=int(request.filters["year"])))
        except ValueError:
            filters.append(Q("bool", must_not=[Q("match_all")]))
    return filters


def build_search(request: SearchRequest, parsed: ParsedQuery) -> Search:
    search = Search(index=alias_name()).query(
        Q("bool", must=[text_query(parsed)], filter=filter_queries(request))
    )
    required = required_clauses(parsed)
    if len(required) > 1:  # how many documents have every meaningful word
        search.aggs.bucket("complete", "filter", Q("bool", must=required))
    for facet, field_name in (
        ("kind", "kind"),
        ("theme", "themes"),
        ("network", "network"),
        ("organisation", "organisation"),
        ("year", "year"),
    ):
        search.aggs.bucket(facet, "terms", field=field_name, size=50)
    search = search.highlight(
        "body", "body.folded", fragment_size=220, number_of_fragments=1, no_match_size=220
    ).highlight_options(pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html")
    if request.order == "date":
        search = search.sort({"date": {"order": "desc", "missing": "_last"}}, "_score")
    search = search.source(excludes=["body", "extra"])
    return search[request.offset : request.offset + request.per_page]


def build_suggest(text: str, access_keys: frozenset[str], limit: int) -> Search:
    return (
        Search(index=alias_name())
        .query(
            Q(
                "bool",
                must=[
                    Q(
                        "multi_match",
                        query=text,
                        type="bool_prefix",
                        fields=[f"title.exact^{TITLE_BOOST}", "body.exact", "title.folded"],
                    )
                ],
                filter=[Q("terms", access_key=sorted(access_keys))],
            )
        )
        .source(["key", "kind", "title", "url", "date", "network", "organisation", "themes"])
    )[:limit]


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, analyzer=None):
        super().__init__(analyzer)
        from elasticsearch import Elasticsearch

        self.client = Elasticsearch(hosts(), request_timeout=5, max_retries=1)

    # --- writing ------------------------------------------------------------------------
    def physical_indices(self) -> list[str]:
        pattern = f"{alias_name()}-*"
        try:
            return sorted(self.client.indices.get(index=pattern).keys())
        except Exception as error:
            raise SearchUnavailable(str(error)) from error

    def ensure_index(self) -> None:
        if not self.client.indices.exists_alias(name=alias_name()):
            self.rebuild([])

    def index_documents(self, documents: Iterable[SearchDocument]) -> int:
        from elasticsearch.helpers import bulk

        self.ensure_index()
        indices = self.physical_indices()
        actions = [
            {
                "_op_type": "index",
                "_index": index,
                "_id": document.key,
                "_source": source_of(document),
            }
            for document in documents
            for index in indices
        ]
        if actions:
            bulk(self.client, actions, refresh="wait_for")
        return len(actions) // max(1, len(indices))

    def delete_documents(self, keys: Iterable[str]) -> None:
        from elasticsearch.helpers import bulk

        indices = self.physical_indices()
        actions = [{"_op_type": "delete", "_index": index, "_id": key} for key in keys for index in indices]
        if actions:
            bulk(self.client, actions, raise_on_error=False, refresh="wait_for")

    def compound_words(self, documents: list[SearchDocument]) -> set[str]:
        if self.analyzer.name != "voikko":
            return set()
        words: set[str] = set()
        for document in documents:
            for token in tokenize(f"{document.title} {document.body}"):
                if token.special or len(token.surface) < 8:
                    continue
                for analysis in self.analyzer.analyse(token.surface):
                    words |= {
                        part
                        for part in compound_parts(token.surface, analysis)
                        if 3 <= len(part) <= 20 and part.isalpha()
                    }
        return words

    def rebuild(
        self,
        documents: Iterable[SearchDocument],
        progress: Callable[[int], None] | None = None,
    ) -> int:
        from elasticsearch.helpers import streaming_bulk

        documents = list(documents)
        name = f"{alias_name()}-{datetime.datetime.now(datetime.UTC):%Y%m%d%H%M%S%f}"
        index = build_index(name, self.compound_words(documents))
        index.create(using=self.client)
        self.client.indices.put_settings(
            index=name, settings={"refresh_interval": "-1", "number_of_replicas": 0}
        )
        count = 0
        actions = (
            {"_index": name, "_id": document.key, "_source": source_of(document)} for document in documents
        )
        for ok, _item in streaming_bulk(self.client, actions, chunk_size=500):
            count += ok
            if progress and count % 500 == 0:
                progress(count)
        if progress:
            progress(count)
        self.client.indices.put_settings(
            index=name,
            settings={
                "refresh_interval": "1s",
                "number_of_replicas": settings.ELASTICSEARCH_REPLICAS,
            },
        )
        self.client.indices.refresh(index=name)
        old = [existing for existing in self.physical_indices() if existing != name]
        actions = [{"remove": {"index": existing, "alias": alias_name()}} for existing in old]
        actions.append({"add": {"index": name, "alias": alias_name()}})
        if self.client.indices.exists(index=alias_name()) and not self.client.indices.exists_alias(
            name=alias_name()
        ):
            self.client.indices.delete(index=alias_name())  # a plain index in the alias's way
        self.client.indices.update_aliases(actions=actions)
        for existing in old:
            self.client.indices.delete(index=existing, ignore_unavailable=True)
        return count

    def clear(self) -> None:
        for existing in self.physical_indices():
            self.client.indices.delete(index=existing, ignore_unavailable=True)

    def count(self) -> int:
        return self.client.count(index=alias_name())["count"]

    def problem(self) -> str | None:
        try:
            health = self.client.options(request_timeout=3).cluster.health()
        except Exception as error:  # noqa: BLE001  (any failure means "cannot answer")
            return f"Elasticsearch unreachable ({error.__class__.__name__})"
        if health.get("status") == "red":
            return "Elasticsearch cluster status is red"
        return None

    # --- reading ------------------------------------------------------------------------
    def execute(self, request: SearchRequest, parsed: ParsedQuery):
        search = build_search(request, parsed)
        try:
            response = search.using(self.client).execute()
        except Exception as error:
            raise SearchUnavailable(str(error)) from error
        hits = []
        for hit in response:
            highlight = getattr(hit.meta, "highlight", None)
            fragments = []
            if highlight is not None:
                fragments = list(highlight.to_dict().get("body", [])) or list(
                    highlight.to_dict().get("body.folded", [])
                )
            snippet = mark_safe(fragments[0]) if fragments else escape("")  # noqa: S308
            raw_date = getattr(hit, "date", None)
            date = datetime.date.fromisoformat(str(raw_date)[:10]) if raw_date else None
            hits.append(
                SearchHit(
                    hit.key,
                    hit.kind,
                    hit.title,
                    hit.url,
                    snippet,
                    date,
                    getattr(hit, "network", "") or "",
                    getattr(hit, "organisation", "") or "",
                    list(getattr(hit, "themes", []) or []),
                    hit.meta.score or 0.0,
                )
            )
        facets = {
            facet: [(str(bucket.key), bucket.doc_count) for bucket in response.aggregations[facet].buckets]
            for facet in ("kind", "theme", "network", "organisation", "year")
        }
        if "year" in facets:
            facets["year"].sort(key=lambda item: item[0], reverse=True)
        total = response.hits.total.value
        complete_bucket = getattr(response.aggregations, "complete", None)
        complete = complete_bucket.doc_count if complete_bucket is not None else total
        return hits, total, {name: values for name, values in facets.items() if values}, False, complete

    def suggest(self, text: str, access_keys: frozenset[str], limit: int = 8) -> list[SearchHit]:
        try:
            response = build_suggest(text, access_keys, limit).using(self.client).execute()
        except Exception as error:
            raise SearchUnavailable(str(error)) from error
        return [
            SearchHit(hit.key, hit.kind, hit.title, hit.url, mark_safe(""))  # noqa: S308
            for hit in response
        ]

    def known_terms(self, terms: Iterable[str]) -> set[str]:
        return set()  # did-you-mean uses Elasticsearch's term suggester instead

    def has_unknown_words(self, parsed: ParsedQuery) -> bool:
        return bool(parsed.words)  # Elasticsearch's term suggester decides

    def did_you_mean(self, request: SearchRequest, parsed: ParsedQuery) -> str | None:
        search = Search(index=alias_name()).suggest(
            "spelling", parsed.text, term={"field": "body.exact", "suggest_mode": "missing"}
        )[:0]
        try:
            response = search.using(self.client).execute()
        except Exception:  # noqa: BLE001  (a suggestion is optional)
            return None
        corrected, changed = [], False
        for entry in response.suggest.spelling:
            if entry.options:
                corrected.append(entry.options[0].text)
                changed = True
            else:
                corrected.append(entry.text)
        return " ".join(corrected) if changed else None
