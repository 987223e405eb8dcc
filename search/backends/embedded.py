"""The embedded backend: the site's own database does the full-text search.

Text is analysed in Python (search.analysis: Voikko base forms and compound parts, ä/ö
folding) and stored as terms, so SQLite's FTS5 and PostgreSQL's tsvector only match terms.
The backend keeps the entries (`SearchEntry`), turns a query into clauses and rows into hits
and facets; a store (`search.backends.stores`, one protocol) keeps the full-text index and runs
the statements: SQLite FTS5 with bm25 ranking, title weighted above the body
(`stores/sqlite.py`), or a tsvector whose lexemes carry positions and weights written by us,
ranked by bm25 summed per clause (`stores/postgresql.py`).
"""

from __future__ import annotations

import datetime
import json
import logging
from collections.abc import Callable, Iterable

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.utils import timezone
from django.utils.safestring import SafeString

from ..analysis import ParsedQuery, QueryWord, tokenize
from ..contracts import SearchDocument
from ..models import SearchEntry
from ..results_cache import renews_kept_results
from .base import Answer, SearchBackend, SearchHit, SearchRequest
from .stores.base import Store
from .stores.postgresql import PostgresStore
from .stores.sqlite import SqliteStore

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
# How many times more a word's own forms count than the other words of its family (bm25 sums
# over every phrase of the expression, so the own forms are repeated in the scoring part).
OWN_FORM_EMPHASIS = 2


class EmbeddedBackend(SearchBackend):
    name = "embedded"

    def __init__(self, analyzer=None, using: str = DEFAULT_DB_ALIAS):
        super().__init__(analyzer)
        self.using = using
        store_class = PostgresStore if self.connection.vendor == "postgresql" else SqliteStore
        self.store: Store = store_class(using, self.analyzer)

    @property
    def connection(self):
        return connections[self.using]

    @property
    def entries(self):
        return SearchEntry.objects.using(self.using)

    # --- writing ------------------------------------------------------------------------
    def index_documents(self, documents: Iterable[SearchDocument]) -> int:
        count = 0
        batch: list[SearchDocument] = []
        for document in documents:
            batch.append(document)
            if len(batch) >= BATCH_SIZE:
                count += self._write_batch(batch)
                batch = []
        if batch:
            count += self._write_batch(batch)
        return count

    @renews_kept_results
    def _write_batch(self, documents: list[SearchDocument]) -> int:
        unique = {document.key: document for document in documents}
        now = timezone.now()
        entries = [
            SearchEntry(
                key=document.key,
                kind=document.kind,
                title=document.title,
                body=document.body[:100_000],
                url=document.url,
                access_key=document.access_key,
                network=document.network,
                organisation=document.organisation,
                themes=list(document.themes),
                tags=list(document.tags),
                date=document.date,
                year=document.year,
                language=document.language,
                indexed_at=now,
            )
            for document in unique.values()
        ]
        with transaction.atomic(using=self.using):
            self.entries.bulk_create(
                entries,
                update_conflicts=True,
                unique_fields=["key"],
                update_fields=[
                    "kind",
                    "title",
                    "body",
                    "url",
                    "access_key",
                    "network",
                    "organisation",
                    "themes",
                    "tags",
                    "date",
                    "year",
                    "language",
                    "indexed_at",
                ],
            )
            ids = dict(self.entries.filter(key__in=list(unique)).values_list("key", "id"))
            self.store.write({ids[key]: document for key, document in unique.items()})
        return len(unique)

    @renews_kept_results
    def delete_documents(self, keys: Iterable[str]) -> None:
        keys = list(keys)
        with transaction.atomic(using=self.using):
            ids = list(self.entries.filter(key__in=keys).values_list("id", flat=True))
            self.store.delete(ids)
            self.entries.filter(id__in=ids).delete()

    def rebuild(
        self,
        documents: Iterable[SearchDocument],
        progress: Callable[[int], None] | None = None,
    ) -> int:
        """Upsert everything in short batches, then drop what was not seen.

        Searches keep answering throughout (every document is present, old or new version),
        and the site's own writes are never blocked for longer than one batch.
        """
        started = timezone.now()
        count = 0
        batch: list[SearchDocument] = []
        for document in documents:
            batch.append(document)
            if len(batch) >= BATCH_SIZE:
                count += self._write_batch(batch)
                batch = []
                if progress:
                    progress(count)
        if batch:
            count += self._write_batch(batch)
            if progress:
                progress(count)
        stale = list(self.entries.filter(indexed_at__lt=started).values_list("key", flat=True))
        for start in range(0, len(stale), BATCH_SIZE):
            self.delete_documents(stale[start : start + BATCH_SIZE])
        self.store.optimise()
        return count

    @renews_kept_results
    def clear(self) -> None:
        with transaction.atomic(using=self.using):
            self.store.clear()
            self.entries.all().delete()

    def count(self) -> int:
        return self.entries.count()

    def problem(self) -> str | None:
        try:
            return self.store.problem()
        except Exception as error:  # noqa: BLE001  (any failure means "cannot answer")
            return f"embedded search index unavailable ({error.__class__.__name__})"

    # --- reading ------------------------------------------------------------------------
    def known_terms(self, terms: Iterable[str]) -> set[str]:
        terms = frozenset(terms)
        if not terms:
            return set()
        return self.remembered(("known", terms), lambda: self.store.known_terms(sorted(terms)))

    def word_terms(self, word: QueryWord) -> set[str]:
        """The word's terms, plus near spellings from the index when it knows none of them."""
        terms = set(word.terms)
        if len(word.text) >= 4 and not self.known_terms(terms) and not word.alternatives:
            terms |= self.typo_candidates(word.text)
            for suggestion in self.spelling_suggestions(word.text)[:3]:
                for token in tokenize(suggestion):
                    terms |= self.known_terms(self.analyzer.word(token).query_terms)
        return terms

    def clauses(self, parsed: ParsedQuery) -> list[tuple]:
        """The meaningful words (typos allowed) and the phrases: (kind, item, terms)."""
        clauses = [("word", word, self.word_terms(word)) for word in parsed.required_words]
        return clauses + [("phrase", phrase, None) for phrase in parsed.phrases]

    @staticmethod
    def optional_clauses(parsed: ParsedQuery) -> list[tuple]:
        """What adds to the score without deciding a match: the function words, and the
        required words' own forms again, so that a word as typed weighs more than the
        other words of its family."""
        clauses = [("word", word, set(word.terms)) for word in parsed.optional_words]
        for word in parsed.required_words:
            if word.family_terms and word.own_terms:
                own = ("word", QueryWord(word.text, word.own_terms), set(word.own_terms))
                clauses += [own] * OWN_FORM_EMPHASIS
        return clauses

    def execute(self, request: SearchRequest, parsed: ParsedQuery) -> Answer:
        found = self.store.execute(request, self.clauses(parsed), self.optional_clauses(parsed))
        hits = self.hits_from_rows(found.rows, parsed)
        facets = self.facets_from_rows(found.facet_rows)
        return Answer(hits, found.total, facets, found.estimated, found.complete, found.total_estimated)

    def count_matches(self, request: SearchRequest, parsed: ParsedQuery) -> int:
        return self.store.count_matches(request, self.clauses(parsed))

    def suggest(self, text: str, access_keys: frozenset[str], limit: int = 8) -> list[SearchHit]:
        tokens = tokenize(text)
        if not tokens:
            return []
        complete = [self.analyzer.word(token).query_terms for token in tokens[:-1]]
        last = tokens[-1]
        return self.hits_from_rows(self.store.suggest(complete, last.folded, access_keys, limit), None)

    def hits_from_rows(self, rows, parsed: ParsedQuery | None) -> list[SearchHit]:
        hits = []
        snippet = self.highlighter(parsed) if parsed is not None else None
        for row in rows:
            _id, key, kind, title, url, body, date, network, organisation, themes, score = row
            if isinstance(themes, str):
                themes = json.loads(themes)
            if isinstance(date, str):
                date = datetime.date.fromisoformat(date)
            hits.append(
                SearchHit(
                    key,
                    kind,
                    title,
                    url,
                    snippet(body) if snippet is not None else SafeString(""),
                    date,
                    network,
                    organisation,
                    list(themes or []),
                    float(score),
                )
            )
        return hits

    def facets_from_rows(self, rows) -> dict[str, list[tuple[str, int]]]:
        facets: dict[str, list[tuple[str, int]]] = {}
        for facet, value, count in rows:
            if value in (None, ""):
                continue
            facets.setdefault(facet, []).append((str(value), int(count)))
        for facet, values in facets.items():
            if facet == "year":
                values.sort(key=lambda item: item[0], reverse=True)
            else:
                values.sort(key=lambda item: (-item[1], item[0]))
        return facets
