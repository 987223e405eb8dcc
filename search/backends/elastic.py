"""The Elasticsearch backend: elasticsearch-dsl documents holding the embedded backend's terms.

Analysis: one analysis for both backends, by construction. Every text is analysed in Python
(`search.analysis`: Voikko base forms and compound parts, ä/ö folding, section references,
stop words), exactly as the embedded store analyses it, and the terms are indexed into
*term fields* with Elasticsearch's `whitespace` analyzer, which takes them as they are:

- `title_terms`, `body_terms`, `extra_terms`: `Analyzer.index_terms()` of each text (bm25 per
  field, title ×8, extra ×3; frequencies only, no positions);
- `exact`: `Analyzer.exact_terms()` of title and body (folded words in order, stop words
  included, with positions) for "quoted phrases";
- `title`, `body` (its first SNIPPET_CHARS characters) and `url` are kept for display only.

Queries use the same terms: each query word's `terms` (its base forms, folded form, family),
its synonym groups' words, and, only for a word no document has, a one-edit fuzzy match
(`prefix_length` 1, never for numbers or section references) plus the analyser's spelling
suggestions. Snippets are made from the stored text with the shared `Highlighter`, so they
mark the same words the embedded backend marks. No analysis chain of Elasticsearch's own is
involved: no stemmer, no decompounder, no regular expression.

Zero-downtime rebuild, one at a time (a lock document in `<prefix>-search-rebuild-lock`):

1. take the lock (a stale lock, not renewed for LOCK_STALE_SECONDS, is taken over);
2. put the index template for `<prefix>-documents-*` and start an empty change log
   (`<prefix>-search-rebuild-changes`);
3. create the new index `<prefix>-documents-<timestamp>` (refresh and replicas off), and only
   then read the documents: from now on every single-document update also goes to the new
   index and its key is written to the change log first;
4. load with `op_type: create`, so a live write that got there first wins over the older copy;
5. replay the keys in the change log from the database as it is now (edits, deletions and
   access changes made during the load);
6. restore the refresh interval and replicas, refresh, swap the alias in one atomic action,
   and drop the indices that were behind the alias and orphans older than ours.

A failed rebuild drops its own index (or at least restores its refresh interval) and releases
the lock; single-document updates wait for a refresh only on the indices behind the alias.
Hosts come from ELASTICSEARCH_URL (comma-separated), credentials and TLS from
ELASTICSEARCH_API_KEY or ELASTICSEARCH_USERNAME/PASSWORD and ELASTICSEARCH_CA_CERTS or
ELASTICSEARCH_SSL_FINGERPRINT, replicas from ELASTICSEARCH_REPLICAS.
"""

from __future__ import annotations

import contextlib
import datetime
import logging
import os
import socket
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.utils.safestring import mark_safe
from elastic_transport import TransportError
from elasticsearch import ApiError, BadRequestError, ConflictError, Elasticsearch, NotFoundError
from elasticsearch.helpers import streaming_bulk
from elasticsearch_dsl import Date, Document, Index, Integer, Keyword, MetaField, Q, Search, Text

from ..analysis import PHRASE_RE, Analyzer, ParsedQuery, QueryWord, fold, tokenize
from ..contracts import SearchDocument
from ..indexing import documents_for
from ..results_cache import renews_kept_results
from .base import Answer, SearchBackend, SearchHit, SearchRequest, SearchUnavailable, _lookups, edits1

logger = logging.getLogger(__name__)

# As the embedded stores weigh the fields (stores.base: TITLE_WEIGHT, EXTRA_WEIGHT).
TITLE_BOOST, EXTRA_BOOST = 8, 3
# Each meaningful word a document has adds this much, far above any bm25 score: documents with
# every word come first, then those with most of them (coordination).
COORDINATION_BOOST = 1000
# Synonyms and word-family members count a little less than the word as typed; function words
# ("milloin", "voiko") only a little; near spellings of an unknown word less still.
ALTERNATIVE_BOOST, OPTIONAL_BOOST, TYPO_BOOST = 0.8, 0.2, 0.3

TERM_FIELDS = ("title_terms", "body_terms", "extra_terms")
WEIGHTED_TERM_FIELDS = [f"title_terms^{TITLE_BOOST}", "body_terms", f"extra_terms^{EXTRA_BOOST}"]
# The body's analysis covers this much text (as the embedded store's); display keeps less.
BODY_CHARS = 100_000
SNIPPET_CHARS = 20_000
HIT_SOURCE = ["key", "kind", "title", "url", "body", "date", "network", "organisation", "themes"]

# Bulk loads: chunks bounded in count and size, a longer timeout than searches, retries on
# timeouts (transport) and on 429 (per item).
BULK_CHUNK_SIZE = 500
BULK_CHUNK_BYTES = 10 * 1024 * 1024
BULK_TIMEOUT_SECONDS = 120
BULK_RETRIES = 3
# How many candidate terms one look-up request checks.
TERM_LOOKUP_CHUNK = 1000
# A rebuild renews its lock at least this often; a lock not renewed for LOCK_STALE_SECONDS
# belongs to a rebuild that died.
LOCK_RENEW_SECONDS = 60
LOCK_STALE_SECONDS = 600
LOCK_ID = "rebuild"
# The index `ensure_index` creates on an empty cluster: named to sort before every rebuild's.
INITIAL_SUFFIX = "0" * 20
# Answers that mean "the cluster cannot answer now" rather than "this request is wrong".
UNAVAILABLE_STATUSES = frozenset({401, 403, 404, 408, 429})


class RebuildInProgress(Exception):
    """Another rebuild holds the lock."""


class IndexWriteFailed(Exception):
    """Elasticsearch refused some of the documents of a write (other than a missing one)."""


# --- names and connection --------------------------------------------------------------------


def hosts() -> list[str]:
    return [host.strip() for host in settings.ELASTICSEARCH_URL.split(",") if host.strip()]


def alias_name() -> str:
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-documents"


def index_pattern() -> str:
    return f"{alias_name()}-*"


def lock_index() -> str:
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-search-rebuild-lock"


def changes_index() -> str:
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-search-rebuild-changes"


def new_index_name() -> str:
    return f"{alias_name()}-{datetime.datetime.now(datetime.UTC):%Y%m%d%H%M%S%f}"


def client_options() -> dict:
    """The client's connection settings: hosts, timeouts, TLS trust and credentials."""
    options: dict = {
        "hosts": hosts(),
        "request_timeout": getattr(settings, "ELASTICSEARCH_TIMEOUT", 5),
        "max_retries": 1,
    }
    if getattr(settings, "ELASTICSEARCH_CA_CERTS", ""):
        options["ca_certs"] = settings.ELASTICSEARCH_CA_CERTS
    if getattr(settings, "ELASTICSEARCH_SSL_FINGERPRINT", ""):
        options["ssl_assert_fingerprint"] = settings.ELASTICSEARCH_SSL_FINGERPRINT
    if getattr(settings, "ELASTICSEARCH_API_KEY", ""):
        options["api_key"] = settings.ELASTICSEARCH_API_KEY
    elif getattr(settings, "ELASTICSEARCH_USERNAME", ""):
        options["basic_auth"] = (settings.ELASTICSEARCH_USERNAME, settings.ELASTICSEARCH_PASSWORD)
    return options


def is_unavailable(error: Exception) -> bool:
    """A connection failure, timeout, TLS or credential problem, overload or a missing index;
    not a request the cluster refused as malformed (that is our error, and must show)."""
    if isinstance(error, TransportError):
        return True
    if isinstance(error, ApiError):
        return error.meta.status >= 500 or error.meta.status in UNAVAILABLE_STATUSES
    return False


@contextlib.contextmanager
def answering() -> Iterator[None]:
    """Turn "the cluster cannot answer" into SearchUnavailable; let everything else through."""
    try:
        yield
    except (TransportError, ApiError) as error:
        if is_unavailable(error):
            raise SearchUnavailable(f"{error.__class__.__name__}: {error}") from error
        raise


# --- the index --------------------------------------------------------------------------------


def term_field() -> Text:
    """Analysed terms, separated by spaces, taken as they are."""
    return Text(analyzer="whitespace", index_options="freqs")


class SearchEntryDocument(Document):
    key = Keyword()
    kind = Keyword()
    title = Text(index=False)
    body = Text(index=False)
    url = Keyword(index=False)
    title_terms = term_field()
    body_terms = term_field()
    extra_terms = term_field()
    exact = Text(analyzer="whitespace")
    access_key = Keyword()
    network = Keyword()
    organisation = Keyword()
    themes = Keyword(multi=True)
    tags = Keyword(multi=True)
    date = Date()
    year = Integer()
    language = Keyword()

    class Meta:
        dynamic = MetaField("strict")
        # The terms are rebuilt from the database, never read back: they stay out of _source.
        source = MetaField(excludes=[*TERM_FIELDS, "exact"])


def index_settings() -> dict:
    return {
        "number_of_shards": getattr(settings, "ELASTICSEARCH_SHARDS", 1),
        "number_of_replicas": settings.ELASTICSEARCH_REPLICAS,
    }


def build_index(name: str) -> Index:
    index = Index(name)
    index.settings(**index_settings())
    index.document(SearchEntryDocument)
    return index


def index_body(name: str, loading: bool = False) -> dict:
    """Settings and mappings of an index; while loading, without refresh and replicas."""
    body = build_index(name).to_dict()
    if loading:
        body["settings"] = {**body["settings"], "refresh_interval": "-1", "number_of_replicas": 0}
    return body


def template_body() -> dict:
    """An index template, so that an index of the pattern created by a stray write gets the
    mapping instead of dynamic fields."""
    body = index_body("template")
    return {"index_patterns": [index_pattern()], "priority": 500, "template": body}


def source_of(document: SearchDocument, analyzer: Analyzer) -> dict:
    """What Elasticsearch stores for a document: its terms (as the embedded store's) and the
    fields shown and filtered on."""
    return {
        "key": document.key,
        "kind": document.kind,
        "title": document.title,
        "body": document.body[:SNIPPET_CHARS],
        "url": document.url,
        "title_terms": " ".join(analyzer.index_terms(document.title)),
        "body_terms": " ".join(analyzer.index_terms(document.body[:BODY_CHARS])),
        "extra_terms": " ".join(analyzer.index_terms(document.extra_text)),
        "exact": " ".join(analyzer.exact_terms(f"{document.title}\n{document.body[:BODY_CHARS]}")),
        "access_key": document.access_key,
        # An empty keyword would be a term of its own, and a facet value "".
        "network": document.network or None,
        "organisation": document.organisation or None,
        "themes": list(document.themes),
        "tags": list(document.tags),
        "date": document.date.isoformat() if document.date else None,
        "year": document.year,
        "language": document.language or None,
    }


# --- queries: plain functions so that tests can check the bodies without a cluster ---------

MATCH_NOTHING = Q("bool", must_not=[Q("match_all")])


def terms_query(terms: Iterable[str], boost: float | None = None) -> Q:
    """Any of these terms in the title, body or extra text (bm25 summed over the fields)."""
    options = {"boost": boost} if boost is not None else {}
    return Q(
        "multi_match",
        query=" ".join(sorted(terms)),
        fields=WEIGHTED_TERM_FIELDS,
        type="most_fields",
        **options,
    )


def may_have_typos(word: QueryWord) -> bool:
    """Only whole words of letters: never numbers, statutes or section references."""
    return (
        len(word.text) >= 4
        and not word.alternatives
        and not any(char.isdigit() or char.isspace() for char in word.text)
    )


def word_query(word: QueryWord, near: frozenset[str] | None = None) -> Q:
    """One query word: any of its terms, its family's (a little less), any expression of its
    synonym group; with `near` (the word is unknown to the index), also one-edit spellings of
    it and these terms (the analyser's spelling suggestions)."""
    should = []
    if word.own_terms:
        should.append(terms_query(word.own_terms))
    if word.family_terms:
        should.append(terms_query(word.family_terms, ALTERNATIVE_BOOST))
    for alternative in word.alternatives:
        parts = [terms_query(terms) for terms in alternative if terms]
        if parts:
            should.append(Q("bool", must=parts, boost=ALTERNATIVE_BOOST))
    if near is not None:
        if may_have_typos(word):
            should.append(
                Q(
                    "multi_match",
                    query=fold(word.text),
                    fields=WEIGHTED_TERM_FIELDS,
                    type="most_fields",
                    fuzziness=1,
                    prefix_length=1,
                    boost=TYPO_BOOST,
                )
            )
        if near:
            should.append(terms_query(near, TYPO_BOOST))
    if not should:
        return MATCH_NOTHING
    return Q("bool", should=should, minimum_should_match=1)


def phrase_query(words: list[str]) -> Q:
    return Q("match_phrase", exact=" ".join(words))


def required_clauses(parsed: ParsedQuery, near: dict[str, frozenset[str]] | None = None) -> list[Q]:
    """The meaningful words and the phrases."""
    near = near or {}
    return [word_query(word, near.get(word.text)) for word in parsed.required_words] + [
        phrase_query(phrase) for phrase in parsed.phrases
    ]


def text_query(parsed: ParsedQuery, required: list[Q]) -> Q:
    """Documents with at least one meaningful word; every word matched adds
    COORDINATION_BOOST, so documents with all of them rank first, then those with most."""
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
            filters.append(MATCH_NOTHING)
    return filters


def build_search(
    request: SearchRequest, parsed: ParsedQuery, near: dict[str, frozenset[str]] | None = None
) -> Search:
    """The search: `near` holds the meaningful words the index does not know (see word_query)."""
    required = required_clauses(parsed, near)
    search = (
        Search(index=alias_name())
        .query(Q("bool", must=[text_query(parsed, required)], filter=filter_queries(request)))
        .extra(track_total_hits=True)
    )
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
    if request.order == "date":
        search = search.sort({"date": {"order": "desc", "missing": "_last"}}, "_score")
    search = search.source(HIT_SOURCE)
    return search[request.offset : request.offset + request.per_page]


def build_term_lookup(terms: list[str], request: SearchRequest | None = None) -> Search:
    """How many documents (the request may see, with its filters) have each term: one
    `filters` bucket per term, named by its position in `terms`."""
    search = Search(index=alias_name()).extra(size=0, track_total_hits=False)
    if request is not None:
        search = search.filter(Q("bool", filter=filter_queries(request)))
    buckets = {
        str(number): Q("bool", should=[Q("term", **{field_name: term}) for field_name in TERM_FIELDS])
        for number, term in enumerate(terms)
    }
    search.aggs.bucket("found", "filters", filters=buckets)
    return search


def build_suggest(text: str, access_keys: frozenset[str], limit: int, analyzer: Analyzer) -> Search | None:
    """Search-as-you-type: the complete words in any of their forms, the last one as a prefix
    of a term; documents with it in the title first."""
    tokens = tokenize(text)
    if not tokens:
        return None
    must = [terms_query(analyzer.word(token).query_terms) for token in tokens[:-1]]
    prefix = tokens[-1].folded
    if len(prefix) >= 2:
        boosts = {"title_terms": TITLE_BOOST, "body_terms": 1, "extra_terms": EXTRA_BOOST}
        must.append(
            Q(
                "bool",
                should=[
                    Q("prefix", **{field_name: {"value": prefix, "boost": boost}})
                    for field_name, boost in boosts.items()
                ],
                minimum_should_match=1,
            )
        )
    if not must:
        return None
    return (
        Search(index=alias_name())
        .query(Q("bool", must=must, filter=[Q("terms", access_key=sorted(access_keys))]))
        .source(["key", "kind", "title", "url"])
    )[:limit]


def typed_form(surface: str, candidate: str) -> str:
    """A folded correction written back onto the word as typed: "työkoeilu" corrected to
    "tyokokeilu" is "työkokeilu" (the letters outside the edit stay as typed)."""
    folded = fold(surface)
    if len(folded) != len(surface):
        return candidate
    start = 0
    while start < min(len(folded), len(candidate)) and folded[start] == candidate[start]:
        start += 1
    end = 0
    while end < min(len(folded), len(candidate)) - start and folded[-1 - end] == candidate[-1 - end]:
        end += 1
    return surface[:start] + candidate[start : len(candidate) - end] + surface[len(surface) - end :]


# --- the backend -----------------------------------------------------------------------------


@dataclass
class RebuildLock:
    owner: str
    seq_no: int
    primary_term: int
    renewed: float


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, analyzer=None):
        super().__init__(analyzer)
        self.client = Elasticsearch(**client_options())

    @property
    def bulk_client(self) -> Elasticsearch:
        return self.client.options(
            request_timeout=BULK_TIMEOUT_SECONDS, retry_on_timeout=True, max_retries=BULK_RETRIES
        )

    # --- the indices ----------------------------------------------------------------------
    def index_layout(self) -> tuple[list[str], list[str]]:
        """(the indices behind the alias, the other indices of the pattern: one being built by
        a rebuild, or left over)."""
        with answering():
            try:
                found = self.client.indices.get_alias(index=index_pattern())
            except NotFoundError:
                found = {}
        alias = alias_name()
        live = sorted(name for name, info in found.items() if alias in info.get("aliases", {}))
        return live, sorted(set(found) - set(live))

    def physical_indices(self) -> list[str]:
        live, other = self.index_layout()
        return sorted(live + other)

    def put_template(self) -> None:
        with answering():
            self.client.indices.put_index_template(name=alias_name(), **template_body())

    def ensure_index(self) -> tuple[list[str], list[str]]:
        """The index layout; on a cluster without the alias, first an empty index behind it
        (never a rebuild: one may be running, and its index must stay)."""
        live, other = self.index_layout()
        if live:
            return live, other
        name = f"{alias_name()}-{INITIAL_SUFFIX}"
        self.put_template()
        with answering():
            if name in other:
                self.client.indices.put_alias(index=name, name=alias_name())
            else:
                try:
                    self.client.indices.create(index=name, aliases={alias_name(): {}}, **index_body(name))
                except BadRequestError as error:
                    if error.error != "resource_already_exists_exception":
                        raise  # another process created it meanwhile: that one will do
        return self.index_layout()

    # --- writing ------------------------------------------------------------------------
    def write(self, actions: list[dict], refresh, ignore_missing: bool = False, client=None) -> int:
        """Bulk actions; every refused item raises, except a missing one when deleting."""
        if not actions:
            return 0
        done, refused = 0, []
        with answering():
            for ok, item in streaming_bulk(
                client or self.client,
                actions,
                chunk_size=BULK_CHUNK_SIZE,
                max_chunk_bytes=BULK_CHUNK_BYTES,
                raise_on_error=False,
                max_retries=BULK_RETRIES,
                refresh=refresh,
            ):
                (result,) = item.values()
                if ok or (ignore_missing and result.get("status") == 404):
                    done += 1
                else:
                    refused.append(item)
        if refused:
            raise IndexWriteFailed(f"{len(refused)} of {len(actions)} refused, e.g. {refused[:3]}")
        return done

    def log_changes(self, keys: Iterable[str]) -> None:
        """Note keys changed during a rebuild, before changing them (the rebuild replays them)."""
        actions = [{"_index": changes_index(), "_id": key, "_source": {"key": key}} for key in keys]
        self.write(actions, refresh=False)

    @renews_kept_results
    def index_documents(self, documents: Iterable[SearchDocument]) -> int:
        unique = {document.key: document for document in documents}
        if not unique:
            return 0
        live, building = self.ensure_index()
        if building:
            self.log_changes(unique)
        sources = {key: source_of(document, self.analyzer) for key, document in unique.items()}

        def actions(indices):
            return [
                {"_op_type": "index", "_index": index, "_id": key, "_source": source}
                for index in indices
                for key, source in sources.items()
            ]

        # Waiting for a refresh only where searches read: an index being built refreshes never.
        self.write(actions(live), refresh="wait_for")
        self.write(actions(building), refresh=False)
        return len(unique)

    @renews_kept_results
    def delete_documents(self, keys: Iterable[str]) -> None:
        keys = sorted(set(keys))
        if not keys:
            return
        live, building = self.index_layout()
        if building:
            self.log_changes(keys)

        def actions(indices):
            return [{"_op_type": "delete", "_index": index, "_id": key} for index in indices for key in keys]

        self.write(actions(live), refresh="wait_for", ignore_missing=True)
        self.write(actions(building), refresh=False, ignore_missing=True)

    # --- the rebuild ----------------------------------------------------------------------
    @renews_kept_results
    def rebuild(
        self,
        documents: Iterable[SearchDocument],
        progress: Callable[[int], None] | None = None,
    ) -> int:
        lock = self.acquire_lock()
        name = new_index_name()
        swapped = False
        try:
            self.put_template()
            self.start_change_log()
            with answering():
                self.client.indices.create(index=name, **index_body(name, loading=True))
            # Only now are the documents read: what changes from here on reaches this index.
            count = self.load(name, documents, progress, lock)
            self.replay_changes(name)
            with answering():
                self.client.indices.put_settings(
                    index=name,
                    settings={
                        "index": {
                            "refresh_interval": None,
                            "number_of_replicas": settings.ELASTICSEARCH_REPLICAS,
                        }
                    },
                )
                self.client.indices.refresh(index=name)
            self.swap(name)
            swapped = True
            return count
        finally:
            if not swapped:
                self.discard(name)
            with contextlib.suppress(TransportError, ApiError):
                self.client.indices.delete(index=changes_index(), ignore_unavailable=True)
            self.release_lock(lock)

    def load(self, name: str, documents: Iterable[SearchDocument], progress, lock: RebuildLock) -> int:
        """Every document with op_type create: a copy that a live write put there first (409)
        is newer and stays."""
        actions = (
            {
                "_op_type": "create",
                "_index": name,
                "_id": document.key,
                "_source": source_of(document, self.analyzer),
            }
            for document in documents
        )
        count = 0
        with answering():
            for _ok, _item in streaming_bulk(
                self.bulk_client,
                actions,
                chunk_size=BULK_CHUNK_SIZE,
                max_chunk_bytes=BULK_CHUNK_BYTES,
                max_retries=BULK_RETRIES,
                ignore_status=(409,),
            ):
                count += 1
                if count % BULK_CHUNK_SIZE == 0:
                    if progress:
                        progress(count)
                    self.renew_lock(lock)
        if progress:
            progress(count)
        return count

    def start_change_log(self) -> None:
        with answering():
            self.client.indices.delete(index=changes_index(), ignore_unavailable=True)
            self.client.indices.create(
                index=changes_index(),
                mappings={"dynamic": "strict", "properties": {"key": {"type": "keyword"}}},
                settings={"number_of_shards": 1},
            )

    def changed_keys(self) -> list[str]:
        keys: list[str] = []
        after = None
        with answering():
            self.client.indices.refresh(index=changes_index())
            while True:
                extra: dict = {"search_after": after} if after else {}
                response = self.client.search(
                    index=changes_index(), size=1000, sort=[{"key": "asc"}], source=False, **extra
                )
                hits = response["hits"]["hits"]
                if not hits:
                    return keys
                keys += [hit["sort"][0] for hit in hits]
                after = hits[-1]["sort"]

    def replay_changes(self, name: str) -> None:
        """Write the keys changed during the load as the database has them now."""
        keys = self.changed_keys()
        for start in range(0, len(keys), BULK_CHUNK_SIZE):
            to_index, to_delete = documents_for(keys[start : start + BULK_CHUNK_SIZE])
            self.write(
                [
                    {
                        "_op_type": "index",
                        "_index": name,
                        "_id": document.key,
                        "_source": source_of(document, self.analyzer),
                    }
                    for document in to_index
                ],
                refresh=False,
                client=self.bulk_client,
            )
            self.write(
                [{"_op_type": "delete", "_index": name, "_id": key} for key in to_delete],
                refresh=False,
                ignore_missing=True,
            )
        if keys:
            logger.info("Search rebuild replayed %s documents changed during the load", len(keys))

    def swap(self, name: str) -> None:
        """Point the alias at `name` alone; drop what was behind it and older orphans."""
        alias = alias_name()
        with answering():
            found = self.client.indices.get_alias(index=index_pattern())
            behind = sorted(index for index, info in found.items() if alias in info.get("aliases", {}))
            behind = [index for index in behind if index != name]
            orphans = [index for index in found if index not in behind and index < name]
            actions: list[dict] = [{"remove": {"index": index, "alias": alias}} for index in behind]
            actions.append({"add": {"index": name, "alias": alias}})
            if not behind and self.client.indices.exists(index=alias):
                self.client.indices.delete(index=alias)  # a plain index in the alias's way
            self.client.indices.update_aliases(actions=actions)
            old = sorted(set(behind) | set(orphans))
            if old:
                self.client.indices.delete(index=",".join(old), ignore_unavailable=True)

    def discard(self, name: str) -> None:
        """After a failed rebuild: drop its index, or at least let it refresh again."""
        try:
            self.client.indices.delete(index=name, ignore_unavailable=True)
        except (TransportError, ApiError):
            logger.exception("Could not drop the unfinished search index %s", name)
            with contextlib.suppress(TransportError, ApiError):
                self.client.indices.put_settings(index=name, settings={"index": {"refresh_interval": None}})

    # --- the lock -------------------------------------------------------------------------
    def acquire_lock(self) -> RebuildLock:
        owner = f"{socket.gethostname()}:{os.getpid()}:{time.time():.0f}"
        document = {"owner": owner, "renewed": datetime.datetime.now(datetime.UTC).isoformat()}
        with answering():
            try:  # explicitly: a cluster may forbid creating indices on the fly
                self.client.indices.create(
                    index=lock_index(),
                    mappings={"properties": {"owner": {"type": "keyword"}, "renewed": {"type": "date"}}},
                    settings={"number_of_shards": 1},
                )
            except BadRequestError as error:
                if error.error != "resource_already_exists_exception":
                    raise
            try:
                response = self.client.create(index=lock_index(), id=LOCK_ID, document=document, refresh=True)
            except ConflictError:
                current = self.client.get(index=lock_index(), id=LOCK_ID)
                renewed = datetime.datetime.fromisoformat(current["_source"]["renewed"])
                age = (datetime.datetime.now(datetime.UTC) - renewed).total_seconds()
                if age < LOCK_STALE_SECONDS:
                    raise RebuildInProgress(
                        f"a search index rebuild is running ({current['_source']['owner']}, "
                        f"last seen {age:.0f} s ago)"
                    ) from None
                logger.warning("Taking over a stale search rebuild lock of %s", current["_source"]["owner"])
                try:
                    response = self.client.index(
                        index=lock_index(),
                        id=LOCK_ID,
                        document=document,
                        if_seq_no=current["_seq_no"],
                        if_primary_term=current["_primary_term"],
                        refresh=True,
                    )
                except ConflictError:
                    raise RebuildInProgress("another rebuild took the stale lock first") from None
        return RebuildLock(owner, response["_seq_no"], response["_primary_term"], time.monotonic())

    def renew_lock(self, lock: RebuildLock) -> None:
        if time.monotonic() - lock.renewed < LOCK_RENEW_SECONDS:
            return
        document = {"owner": lock.owner, "renewed": datetime.datetime.now(datetime.UTC).isoformat()}
        try:
            response = self.client.index(
                index=lock_index(),
                id=LOCK_ID,
                document=document,
                if_seq_no=lock.seq_no,
                if_primary_term=lock.primary_term,
            )
        except ConflictError:
            raise RebuildInProgress("the rebuild lock was taken over; stopping this rebuild") from None
        lock.seq_no, lock.primary_term = response["_seq_no"], response["_primary_term"]
        lock.renewed = time.monotonic()

    def release_lock(self, lock: RebuildLock) -> None:
        try:
            self.client.delete(
                index=lock_index(), id=LOCK_ID, if_seq_no=lock.seq_no, if_primary_term=lock.primary_term
            )
        except (NotFoundError, ConflictError):
            logger.warning("The search rebuild lock was no longer ours to release")
        except (TransportError, ApiError):
            logger.exception("Could not release the search rebuild lock (it goes stale)")

    @renews_kept_results
    def clear(self) -> None:
        names = self.physical_indices()
        with answering():
            for name in (*names, changes_index(), lock_index()):
                self.client.indices.delete(index=name, ignore_unavailable=True)
            with contextlib.suppress(NotFoundError):
                self.client.indices.delete_index_template(name=alias_name())

    def count(self) -> int:
        with answering():
            return self.client.count(index=alias_name())["count"]

    def problem(self) -> str | None:
        try:
            client = self.client.options(request_timeout=3)
            health = client.cluster.health()
            if health.get("status") == "red":
                return "Elasticsearch cluster status is red"
            if not client.indices.exists_alias(name=alias_name()):
                return f"Elasticsearch has no index {alias_name()} (run manage.py search_reindex)"
        except (TransportError, ApiError) as error:
            return f"Elasticsearch unreachable ({error.__class__.__name__})"
        return None

    # --- reading ------------------------------------------------------------------------
    def terms_found(self, terms: Iterable[str], request: SearchRequest | None = None) -> set[str]:
        """Which terms some document has; with a request, some document it may see and its
        filters allow. Remembered per term within one search."""
        terms = {term for term in terms if term}
        scope = None
        if request is not None:
            scope = (tuple(sorted(request.access_keys)), tuple(sorted(request.filters.items())))
        memo = _lookups.get()
        known: dict[str, bool] = {} if memo is None else memo.setdefault(("elastic-terms", scope), {})
        missing = sorted(terms - known.keys())
        for start in range(0, len(missing), TERM_LOOKUP_CHUNK):
            chunk = missing[start : start + TERM_LOOKUP_CHUNK]
            with answering():
                response = build_term_lookup(chunk, request).using(self.client).execute()
            buckets = response.aggregations.found.buckets
            for number, term in enumerate(chunk):
                known[term] = buckets[str(number)].doc_count > 0
        return {term for term in terms if known.get(term)}

    def known_terms(self, terms: Iterable[str]) -> set[str]:
        return self.terms_found(terms)

    def near_spellings(self, parsed: ParsedQuery) -> dict[str, frozenset[str]]:
        """The meaningful words no document has, each with the terms of the analyser's
        spelling suggestions (the fuzzy match is added in word_query)."""
        self.terms_found({term for word in parsed.words for term in word.terms})  # one look-up
        near = {}
        for word in parsed.required_words:
            if word.alternatives or len(word.text) < 4 or self.known_terms(word.terms):
                continue
            terms: set[str] = set()
            for suggestion in self.spelling_suggestions(word.text)[:3]:
                for token in tokenize(suggestion):
                    terms |= self.analyzer.word(token).query_terms
            near[word.text] = frozenset(terms)
        return near

    def execute(self, request: SearchRequest, parsed: ParsedQuery) -> Answer:
        search = build_search(request, parsed, self.near_spellings(parsed))
        with answering():
            response = search.using(self.client).execute()
        hits = []
        snippet = self.highlighter(parsed)
        for hit in response:
            raw_date = getattr(hit, "date", None)
            date = datetime.date.fromisoformat(str(raw_date)[:10]) if raw_date else None
            hits.append(
                SearchHit(
                    hit.key,
                    hit.kind,
                    hit.title,
                    hit.url,
                    snippet(getattr(hit, "body", "") or ""),
                    date,
                    getattr(hit, "network", "") or "",
                    getattr(hit, "organisation", "") or "",
                    list(getattr(hit, "themes", []) or []),
                    hit.meta.score or 0.0,
                )
            )
        facets = {
            facet: [
                (str(bucket.key), bucket.doc_count)
                for bucket in response.aggregations[facet].buckets
                if str(bucket.key) != ""
            ]
            for facet in ("kind", "theme", "network", "organisation", "year")
        }
        facets["year"].sort(key=lambda item: item[0], reverse=True)
        total = response.hits.total.value
        complete_bucket = getattr(response.aggregations, "complete", None)
        complete = complete_bucket.doc_count if complete_bucket is not None else total
        return Answer(
            hits, total, {name: values for name, values in facets.items() if values}, False, complete
        )

    def count_matches(self, request: SearchRequest, parsed: ParsedQuery) -> int:
        query = build_search(request, parsed, self.near_spellings(parsed)).to_dict()["query"]
        with answering():
            return self.client.count(index=alias_name(), query=query)["count"]

    def suggest(self, text: str, access_keys: frozenset[str], limit: int = 8) -> list[SearchHit]:
        search = build_suggest(text, access_keys, limit, self.analyzer)
        if search is None:
            return []
        with answering():
            response = search.using(self.client).execute()
        return [SearchHit(hit.key, hit.kind, hit.title, hit.url, mark_safe("")) for hit in response]  # noqa: S308

    def did_you_mean(self, request: SearchRequest, parsed: ParsedQuery) -> str | None:
        """Each word no document the person may see has, replaced by the first spelling that
        one has (the analyser's suggestions, then one-edit spellings), written as typed."""
        tokens = tokenize(PHRASE_RE.sub(" ", parsed.text).replace('"', " "))
        words = {
            number: self.analyzer.word(token).query_terms
            for number, token in enumerate(tokens)
            if not token.special and not token.is_stop_word
        }
        if not words:
            return None
        try:
            seen = self.terms_found({term for terms in words.values() for term in terms}, request)
            options: dict[int, list[tuple[str, frozenset[str]]]] = {}
            for number, terms in words.items():
                if terms & seen:
                    continue
                surface = tokens[number].surface
                candidates = []
                for suggestion in self.spelling_suggestions(surface)[:5]:
                    suggested = tokenize(suggestion)
                    if len(suggested) == 1:
                        candidates.append((suggestion.lower(), self.analyzer.word(suggested[0]).query_terms))
                for candidate in sorted(edits1(fold(surface))):
                    candidates.append((typed_form(surface, candidate), frozenset({candidate})))
                options[number] = candidates
            found = self.terms_found(
                {term for candidates in options.values() for _text, terms in candidates for term in terms},
                request,
            )
        except SearchUnavailable:
            return None  # a suggestion is optional
        corrected, changed = [], False
        for number, token in enumerate(tokens):
            replacement = next((text for text, terms in options.get(number, ()) if terms & found), None)
            corrected.append(replacement or token.surface)
            changed = changed or replacement is not None
        return " ".join(corrected) if changed else None
