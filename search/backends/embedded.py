"""The embedded backend: the site's own database does the full-text search.

Text is analysed in Python (search.analysis: Voikko base forms and compound parts, ä/ö
folding) and stored as terms, so SQLite's FTS5 and PostgreSQL's tsvector only match terms.
SQLite: FTS5 with bm25 ranking, title weighted above the body. PostgreSQL: a tsvector whose
lexemes carry positions and weights written by us (no PostgreSQL dictionary involved), ranked
with ts_rank_cd.
"""

from __future__ import annotations

import datetime
import json
import logging
from collections.abc import Callable, Iterable

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.utils import timezone

# The SQL below is assembled from constants and "%s" placeholders only; every value (terms,
# keys, filters) is passed as a parameter.
# ruff: noqa: S608
from ..analysis import ParsedQuery, QueryWord, cached_fold, scan, tokenize
from ..contracts import SearchDocument
from ..models import SearchEntry
from .base import SearchBackend, SearchHit, SearchRequest

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
TITLE_WEIGHT, BODY_WEIGHT, EXTRA_WEIGHT, EXACT_WEIGHT = 8.0, 1.0, 2.0, 1.0
# How many times more a word's own forms count than the other words of its family (bm25 sums
# over every phrase of the expression, so the own forms are repeated in the scoring part).
OWN_FORM_EMPHASIS = 2
# CROSS JOIN makes SQLite read the full-text matches first and look the entries up by id;
# with a plain JOIN it may scan entries and evaluate MATCH once per entry.
ENTRY_COLUMNS = "e.id, e.key, e.kind, e.title, e.url, e.body, e.date, e.network, e.organisation, e.themes"


class EmbeddedBackend(SearchBackend):
    name = "embedded"

    def __init__(self, analyzer=None, using: str = DEFAULT_DB_ALIAS):
        super().__init__(analyzer)
        self.using = using
        store_class = PostgresStore if self.connection.vendor == "postgresql" else SqliteStore
        self.store = store_class(self)

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

    def analyse(self, document: SearchDocument) -> dict[str, list[str]]:
        index_terms = self.analyzer.index_terms
        return {
            "title": index_terms(document.title),
            "body": index_terms(document.body),
            "extra": index_terms(document.extra_text),
            "exact": self.analyzer.exact_terms(f"{document.title}\n{document.body}"),
        }

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

    def execute(self, request: SearchRequest, parsed: ParsedQuery):
        return self.store.execute(request, self.clauses(parsed), self.optional_clauses(parsed), parsed)

    def count_matches(self, request: SearchRequest, parsed: ParsedQuery) -> int:
        return self.store.count_matches(request, self.clauses(parsed))

    def suggest(self, text: str, access_keys: frozenset[str], limit: int = 8) -> list[SearchHit]:
        tokens = tokenize(text)
        if not tokens:
            return []
        complete = [self.analyzer.word(token).query_terms for token in tokens[:-1]]
        last = tokens[-1]
        return self.store.suggest(complete, last.folded, access_keys, limit)

    def filter_sql(self, request: SearchRequest) -> tuple[str, list]:
        keys = sorted(request.access_keys)
        sql = [f"e.access_key IN ({', '.join(['%s'] * len(keys))})"]
        params: list = list(keys)
        for name, column in (("kind", "kind"), ("network", "network"), ("organisation", "organisation")):  # noqa: E501
            if request.filters.get(name):
                sql.append(f"e.{column} = %s")
                params.append(request.filters[name])
        if request.filters.get("year"):
            try:
                params.append(int(request.filters["year"]))
                sql.append("e.year = %s")
            except ValueError:
                sql.append("1 = 0")
        if request.filters.get("theme"):
            sql.append(self.store.theme_filter_sql)
            params.append(self.store.theme_param(request.filters["theme"]))
        return " AND ".join(sql), params

    def order_sql(self, request: SearchRequest) -> str:
        if request.order == "date":
            return "e.date IS NULL, e.date DESC, score"
        return "score, e.date DESC"

    def hits_from_rows(self, rows, parsed: ParsedQuery | None) -> list[SearchHit]:
        hits = []
        for row in rows:
            _id, key, kind, title, url, body, date, network, organisation, themes, score = row
            if isinstance(themes, str):
                themes = json.loads(themes)
            if isinstance(date, str):
                date = datetime.date.fromisoformat(date)
            snippet = self.snippet(body, parsed) if parsed is not None else ""
            hits.append(
                SearchHit(
                    key,
                    kind,
                    title,
                    url,
                    snippet,
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


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def meta_token(prefix: str, value) -> str:
    """One filter value as a single FTS5 term: a prefix and the value's UTF-8 bytes in hex.

    Hex keeps any value (access keys with ":", network names with spaces and ä/ö) one
    alphanumeric token that the unicode61 tokenizer leaves whole; equality of tokens is
    equality of values. The migration writes the same tokens with SQLite's hex().
    """
    return prefix + str(value).encode().hex()


META_PREFIXES = {
    "access": "xa",
    "kind": "xk",
    "network": "xn",
    "organisation": "xo",
    "year": "xy",
    "theme": "xt",
}


def meta_terms(document: SearchDocument) -> list[str]:
    values = [
        ("access", document.access_key),
        ("kind", document.kind),
        ("network", document.network),
        ("organisation", document.organisation),
        ("year", document.year),
        *(("theme", theme) for theme in document.themes),
    ]
    return [meta_token(META_PREFIXES[name], value) for name, value in values if value not in (None, "")]


class SqliteStore:
    """SQLite FTS5: everything a query needs before ranking happens inside the FTS index.

    The access key and the filterable facet values are terms of the `meta` column, so the
    permission filter and the user's filters are part of the MATCH expression: FTS5 only
    ever sees (and bm25 only scores) documents the user may see, and the page of hits, the
    total and the ranking need no look-up of `search_searchentry` rows. The entries are read
    for the 10 hits shown and for facet counting; their access key is checked again there.
    """

    RANK = f"bm25(search_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}, {EXTRA_WEIGHT}, {EXACT_WEIGHT}, 0.0)"
    # Facets are counted exactly up to this many matches; above it, from an even sample of
    # about this many matches, scaled up and shown as estimates.
    FACET_SAMPLE = 1000
    # Above this many matches bm25 ranks a bounded candidate set (see ranked_in_tiers).
    RANK_LIMIT = 1000
    READ_PRAGMAS = ("PRAGMA cache_size = -32000", "PRAGMA mmap_size = 268435456")

    def __init__(self, backend: EmbeddedBackend):
        self.backend = backend

    def cursor(self):
        """A cursor on the backend's connection, with the read settings applied once to it."""
        connection = self.backend.connection
        connection.ensure_connection()
        raw = connection.connection
        if getattr(connection, "_search_read_pragmas_for", None) is not raw:
            with connection.cursor() as cursor:
                for pragma in self.READ_PRAGMAS:
                    cursor.execute(pragma)
            connection._search_read_pragmas_for = raw
        return connection.cursor()

    def write(self, documents_by_id: dict[int, SearchDocument]) -> None:
        ids = list(documents_by_id)
        rows = []
        for entry_id, document in documents_by_id.items():
            analysed = self.backend.analyse(document)
            rows.append(
                (
                    entry_id,
                    " ".join(analysed["title"]),
                    " ".join(analysed["body"]),
                    " ".join(analysed["extra"]),
                    " ".join(analysed["exact"]),
                    " ".join(meta_terms(document)),
                )
            )
        with self.backend.connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM search_fts WHERE rowid IN ({', '.join(['%s'] * len(ids))})", ids)
            cursor.executemany(
                "INSERT INTO search_fts (rowid, title, body, extra, exact, meta) "
                "VALUES (%s, %s, %s, %s, %s, %s)",
                rows,
            )

    def delete(self, ids: list[int]) -> None:
        if not ids:
            return
        with self.backend.connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM search_fts WHERE rowid IN ({', '.join(['%s'] * len(ids))})", ids)

    def clear(self) -> None:
        with self.backend.connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")

    def optimise(self) -> None:
        with self.backend.connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
            cursor.execute("ANALYZE search_searchentry")

    def problem(self) -> str | None:
        with self.backend.connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'ok'")
            cursor.fetchone()
        return None

    def known_terms(self, terms: list[str]) -> set[str]:
        if len(terms) <= 8:
            # A query's own words: stop at the first document that has the term (the
            # vocabulary table would count every document that has it).
            with self.cursor() as cursor:
                known = set()
                for term in terms:
                    cursor.execute(
                        "SELECT 1 FROM search_fts WHERE search_fts MATCH %s LIMIT 1",
                        [_quote(term)],
                    )
                    if cursor.fetchone():
                        known.add(term)
                return known
        with self.cursor() as cursor:
            cursor.execute(
                f"SELECT term FROM search_fts_vocab WHERE term IN ({', '.join(['%s'] * len(terms))})",
                terms,
            )
            return {row[0] for row in cursor.fetchall()}

    @staticmethod
    def filter_expression(request: SearchRequest) -> str:
        """The access keys and the user's filters as FTS5 terms of the meta column."""
        keys = " OR ".join(meta_token(META_PREFIXES["access"], key) for key in sorted(request.access_keys))
        parts = [f"meta : ({keys or 'xnone'})"]
        for name in ("kind", "network", "organisation", "year", "theme"):
            value = request.filters.get(name)
            if value:
                if name == "year":
                    try:
                        value = int(value)
                    except ValueError:
                        value = "none"
                parts.append(f"meta : {meta_token(META_PREFIXES[name], value)}")
        return " AND ".join(parts)

    @staticmethod
    def word_options(item, terms) -> str:
        options = [_quote(term) for term in sorted(terms)]
        for alternative in item.alternatives:
            words = ["(" + " OR ".join(_quote(t) for t in sorted(w)) + ")" for w in alternative]
            options.append("(" + " AND ".join(words) + ")")
        return "(" + " OR ".join(options) + ")"

    def clause_expressions(self, clauses) -> list[str]:
        """Each clause as an FTS5 expression on the text columns."""
        parts = []
        for kind, item, terms in clauses:
            if kind == "phrase":
                parts.append("exact : " + _quote(" ".join(item)))
            else:
                parts.append("{title body extra} : " + self.word_options(item, terms))
        return parts

    @staticmethod
    def joined(parts: list[str], operator: str) -> str:
        return f" {operator} ".join(f"({part})" for part in parts)

    def match_expression(self, clauses, any_word: bool, request: SearchRequest) -> str:
        text = self.joined(self.clause_expressions(clauses), "OR" if any_word else "AND")
        return f"({text}) AND {self.filter_expression(request)}"

    def title_expression(self, clauses) -> str | None:
        """Any query word in the title (None for a query of phrases only)."""
        words = [
            "title : " + self.word_options(item, terms) for kind, item, terms in clauses if kind == "word"
        ]
        return " OR ".join(f"({word})" for word in words) or None

    def execute(self, request: SearchRequest, clauses, optional, parsed: ParsedQuery):
        """The documents with any meaningful word; those with every one of them first."""
        parts = self.clause_expressions(clauses)
        filters = self.filter_expression(request)
        any_text, all_text = self.joined(parts, "OR"), self.joined(parts, "AND")
        # The function words (and the words' own forms again) take part in ranking: bm25
        # counts every phrase of the expression, and the added condition is already implied,
        # so it changes the score, not the matches. Only the ranking statements carry it.
        emphasis = None
        if optional:
            emphasis = self.joined([any_text, *self.clause_expressions(optional)], "OR")
        match_any = f"({any_text}) AND {filters}"
        match_all = f"({all_text}) AND {filters}" if len(parts) > 1 else None
        with self.cursor() as cursor:
            total, facet_rows, estimated, complete = self.total_and_facets(cursor, match_any, match_all)
            if not total:
                return [], 0, {}, False, 0
            if request.order == "date":
                ranked = self.newest_first(cursor, match_any, match_all, request)
            elif match_all is None:
                if total <= self.RANK_LIMIT:
                    ranked = self.ranked(
                        cursor, match_any, request.per_page, request.offset, 0, None, emphasis
                    )
                else:
                    ranked = self.ranked_in_tiers(cursor, match_any, clauses, request, emphasis)
            else:
                partial = f"(({any_text}) NOT ({all_text})) AND {filters}"
                ranked = self.ranked_by_coordination(
                    cursor, match_all, partial, parts, total, complete, clauses, request, emphasis
                )
            rows = self.entries(cursor, ranked, request.access_keys)
        facets = self.backend.facets_from_rows(facet_rows)
        return self.backend.hits_from_rows(rows, parsed), total, facets, estimated, complete

    def newest_first(self, cursor, match_any: str, match_all: str | None, request: SearchRequest):
        """Newest first: the documents with every meaningful word, then the others."""
        complete_first = ""
        params = [match_any]
        if match_all is not None:
            complete_first = "e.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %s) DESC, "
            params.append(match_all)
        # The dates are read through the covering index of entries.
        cursor.execute(
            "SELECT e.id FROM search_fts CROSS JOIN search_searchentry e "
            "INDEXED BY search_entry_facets ON e.id = search_fts.rowid "
            "WHERE search_fts MATCH %s "
            f"ORDER BY {complete_first}e.date IS NULL, e.date DESC, e.id DESC LIMIT %s OFFSET %s",
            [*params, request.per_page, request.offset],
        )
        return [(row[0], 0.0) for row in cursor.fetchall()]

    def ranked_by_coordination(
        self, cursor, match_all, partial, parts, total, complete, clauses, request, emphasis=None
    ):
        """Every meaningful word first (ranked as a single word's matches are), then the
        documents with some of them: by how many (coordination), then by bm25."""
        tiers = []  # (expression, its size when known, coordination clauses)
        title = self.title_expression(clauses)
        if complete > self.RANK_LIMIT and title:
            tiers.append((f"({match_all}) AND ({title})", None, None))
            tiers.append((f"({match_all}) NOT ({title})", None, None))
        elif complete:
            tiers.append((match_all, complete, None))
        tiers.append((partial, total - complete, parts))
        wanted, offset, found = request.per_page, request.offset, []
        for tier, size, coordination in tiers:
            if not wanted:
                break
            if offset:
                if size is None:
                    size = self.count(cursor, tier)
                if offset >= size:
                    offset -= size
                    continue
            part = self.tier_page(cursor, tier, wanted, offset, coordination, emphasis)
            found += part
            wanted -= len(part)
            offset = 0
        return found

    def count_matches(self, request: SearchRequest, clauses) -> int:
        with self.cursor() as cursor:
            return self.count(cursor, self.match_expression(clauses, True, request))

    @staticmethod
    def count(cursor, match: str) -> int:
        cursor.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH %s", [match])
        return cursor.fetchone()[0]

    def ranked(
        self, cursor, match: str, limit: int, offset: int, since: int = 0, coordination=None, emphasis=None
    ):
        """bm25 order; with `coordination` (the clauses' expressions), first by how many of
        the clauses a document matches; `emphasis` adds phrases to bm25 (see execute)."""
        if emphasis:
            match = f"({match}) AND ({emphasis})"
        if not coordination:
            cursor.execute(
                f"SELECT rowid, {self.RANK} AS score FROM search_fts "
                "WHERE search_fts MATCH %s AND rowid >= %s ORDER BY score, rowid DESC "
                "LIMIT %s OFFSET %s",
                [match, since, limit, offset],
            )
            return cursor.fetchall()
        matched = " + ".join(
            "(rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %s))" for _part in coordination
        )
        cursor.execute(
            f"SELECT rowid, {self.RANK} AS score, {matched} AS coordination FROM search_fts "
            "WHERE search_fts MATCH %s AND rowid >= %s ORDER BY coordination DESC, score, rowid DESC "
            "LIMIT %s OFFSET %s",
            [*coordination, match, since, limit, offset],
        )
        return [(row[0], row[1]) for row in cursor.fetchall()]

    def rank_boundary(self, cursor, match: str) -> int:
        """The id of the RANK_LIMIT-th newest match, or 0 when there are fewer matches."""
        cursor.execute(
            "SELECT rowid FROM search_fts WHERE search_fts MATCH %s ORDER BY rowid DESC LIMIT 1 OFFSET %s",
            [match, self.RANK_LIMIT - 1],
        )
        row = cursor.fetchone()
        return row[0] if row else 0

    def ranked_in_tiers(self, cursor, match, clauses, request, emphasis=None):
        """Very many matches: bm25 ranks a bounded candidate set, not every match.

        The results are, in this order: documents with a query word in the title, then the
        others. Within each tier the newest RANK_LIMIT matches are ranked by bm25 and any
        older ones follow newest first. Every tier is already filtered by access and filters.
        A tier is counted only when a later page has to skip over it: the first page reads
        just the top of the first tier.
        """
        title = self.title_expression(clauses)
        tiers = [f"({match}) AND ({title})", f"({match}) NOT ({title})"] if title else [match]
        wanted, offset, found = request.per_page, request.offset, []
        for number, tier in enumerate(tiers):
            if not wanted:
                break
            if offset and number < len(tiers) - 1:
                size = self.count(cursor, tier)
                if offset >= size:
                    offset -= size
                    continue
            part = self.tier_page(cursor, tier, wanted, offset, None, emphasis)
            found += part
            wanted -= len(part)
            offset = 0  # the page started in this tier: the next tier is read from its start
        return found

    def tier_page(
        self, cursor, tier: str, wanted: int, offset: int, coordination=None, emphasis=None
    ) -> list:
        """Up to `wanted` matches of one tier, from `offset` on."""
        since = self.rank_boundary(cursor, tier)
        if not since:  # at most RANK_LIMIT matches: bm25 ranks them all
            return self.ranked(cursor, tier, wanted, offset, 0, coordination, emphasis)
        found = []
        if offset < self.RANK_LIMIT:
            found = self.ranked(cursor, tier, wanted, offset, since, coordination, emphasis)
            offset = 0
        else:
            offset -= self.RANK_LIMIT
        if len(found) < wanted:
            cursor.execute(
                "SELECT rowid, 0.0 FROM search_fts WHERE search_fts MATCH %s AND rowid < %s "
                "ORDER BY rowid DESC LIMIT %s OFFSET %s",
                [tier, since, wanted - len(found), offset],
            )
            found += cursor.fetchall()
        return found

    def entries(self, cursor, ranked, access_keys) -> list[tuple]:
        """The entries of the ranked ids, in rank order, re-checked against the access keys."""
        if not ranked:
            return []
        ids = [entry_id for entry_id, _score in ranked]
        keys = sorted(access_keys)
        cursor.execute(
            f"SELECT {ENTRY_COLUMNS} FROM search_searchentry e "
            f"WHERE e.id IN ({', '.join(['%s'] * len(ids))}) "
            f"AND e.access_key IN ({', '.join(['%s'] * len(keys))})",
            [*ids, *keys],
        )
        by_id = {row[0]: row for row in cursor.fetchall()}
        return [(*by_id[entry_id], score) for entry_id, score in ranked if entry_id in by_id]

    def total_and_facets(self, cursor, match: str, match_all: str | None = None):
        """The number of matches, the facet counts and (given `match_all`) the number of
        matches with every meaningful word, in one statement: (total, facets, estimated,
        complete).

        Facets are exact for up to FACET_SAMPLE matches; above that they are estimated from
        the matches whose id hashes to 0 modulo n (a multiplicative hash modulo a prime, so
        the sample is spread over the whole index, old and new, and follows no regular pattern
        of ids), scaled by total / sample size.
        """
        cursor.execute(
            "WITH matches AS MATERIALIZED (SELECT rowid AS id FROM search_fts "
            "WHERE search_fts MATCH %s), "
            "total AS (SELECT count(*) AS n FROM matches), "
            "hits AS MATERIALIZED (SELECT e.kind, e.network, e.organisation, e.year, e.themes "
            "FROM matches m CROSS JOIN search_searchentry e "
            "INDEXED BY search_entry_facets ON e.id = m.id "
            "WHERE (m.id * 2654435761) %% 4294967311 %% "
            "max(1, ((SELECT n FROM total) + %s - 1) / %s) = 0) "
            "SELECT 'kind', kind, count(*) FROM hits GROUP BY kind "
            "UNION ALL SELECT 'network', network, count(*) FROM hits GROUP BY network "
            "UNION ALL SELECT 'organisation', organisation, count(*) FROM hits "
            "GROUP BY organisation "
            "UNION ALL SELECT 'year', year, count(*) FROM hits GROUP BY year "
            "UNION ALL SELECT 'theme', t.value, count(*) FROM hits, json_each(hits.themes) t "
            "GROUP BY t.value "
            "UNION ALL SELECT '#sample', '', count(*) FROM hits "
            "UNION ALL SELECT '#total', '', n FROM total"
            + (
                " UNION ALL SELECT '#complete', '', count(*) FROM search_fts WHERE search_fts MATCH %s"
                if match_all
                else ""
            ),
            [match, self.FACET_SAMPLE, self.FACET_SAMPLE, *([match_all] if match_all else [])],
        )
        rows = cursor.fetchall()
        counts = {facet: count for facet, _value, count in rows if facet.startswith("#")}
        rows = [row for row in rows if not row[0].startswith("#")]
        total, sampled = counts["#total"], counts["#sample"]
        complete = counts.get("#complete", total)
        if total <= self.FACET_SAMPLE:
            return total, rows, False, complete
        scale = total / (sampled or 1)
        rows = [(facet, value, estimate(count * scale)) for facet, value, count in rows]
        return total, rows, True, complete

    def suggest(self, complete, prefix: str, access_keys, limit: int) -> list[SearchHit]:
        parts = [
            "{title body extra} : (" + " OR ".join(_quote(t) for t in sorted(terms)) + ")"
            for terms in complete
        ]
        if len(prefix) >= 2:
            parts.append("{title body extra} : " + _quote(prefix) + " *")
        if not parts:
            return []
        request = SearchRequest("", frozenset(access_keys))
        match = " AND ".join(parts) + " AND " + self.filter_expression(request)
        with self.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, {self.RANK} AS score FROM search_fts WHERE search_fts MATCH %s "
                "ORDER BY score, rowid DESC LIMIT %s",
                [match, limit],
            )
            rows = self.entries(cursor, cursor.fetchall(), access_keys)
        return self.backend.hits_from_rows(rows, None)


def estimate(value: float) -> int:
    """An estimated count rounded to two significant digits (1,234 → 1,200)."""
    value = max(1, round(value))
    digits = len(str(value))
    return value if digits <= 2 else round(value, 2 - digits)


def _lexeme(term: str) -> str:
    """A term as a quoted lexeme of a tsvector or tsquery literal."""
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


# The matches of a tsquery, through the GIN index only (migration 0004 says why).
MATCHES = "search_match_ids(%s::tsquery) m(id)"


class PostgresStore:
    """PostgreSQL: lexemes written by us into a tsvector, matched with a tsquery.

    No PostgreSQL dictionary is involved: `search_vector.document` holds, for every word,
    its terms (base forms, compound parts, folded form) at the word's position with the
    field's weight (title A, tags/network/attachments B, body C), "=" + the folded surface
    form at the same position for phrases, and "^" + each title term without a position, so
    that "a query word in the title" is a plain lexeme test the GIN index answers without
    reading the documents. Matches are found through `search_match_ids()` (migration 0004),
    which always uses the GIN index; the access keys and the user's filters are conditions
    on the joined entry. The same bounds as SqliteStore: facets are sampled above
    FACET_SAMPLE matches and ts_rank_cd ranks at most RANK_LIMIT matches per tier (ranking
    reads each candidate's tsvector; finding and counting matches does not).
    """

    theme_filter_sql = "e.themes @> %s::jsonb"
    WEIGHTS = {"title": "A", "extra": "B", "body": "C"}
    # ts_rank_cd's weights for D, C (body), B (extra), A (title): the bm25 weights of SQLite.
    RANK = (
        f"ts_rank_cd('{{0, {BODY_WEIGHT / 10}, {EXTRA_WEIGHT / 10}, {TITLE_WEIGHT / 10}}}', "
        "v.document, %s::tsquery, 1)"
    )
    FACET_SAMPLE = 1000
    RANK_LIMIT = 1000
    SUGGEST_RANK_LIMIT = 200
    # PostgreSQL refuses lexemes of 2 kB or more and tsvectors whose lexemes and positions
    # take 1 MB or more, and keeps at most 256 positions of a lexeme, up to 16,383; a
    # longer "word" is no word anyone searches for.
    MAX_TERM_BYTES = 1000
    MAX_TSVECTOR_BYTES = 1_048_575
    MAX_POSITION = 16383
    NO_MATCH = "'#'"  # a lexeme never written: a word without terms matches nothing

    def __init__(self, backend: EmbeddedBackend):
        self.backend = backend

    @staticmethod
    def theme_param(theme: str) -> str:
        return json.dumps([theme])

    # --- writing ------------------------------------------------------------------------
    def tsvector(self, document: SearchDocument) -> tuple[str, set[str]]:
        """The document's tsvector literal and its (searchable) terms for the vocabulary."""
        word_terms = self.backend.analyzer._word_index_terms  # cached per distinct word
        positions: dict[str, list[str]] = {}
        title_terms: set[str] = set()
        position = 0
        for field_name, text in (
            ("title", document.title),
            ("extra", document.extra_text),
            ("body", document.body),
        ):
            weight = self.WEIGHTS[field_name]
            for surface, special, _start, _end in scan(text):
                position = min(position + 1, self.MAX_POSITION)
                entry = f"{position}{weight}"
                terms = (special,) if special else word_terms(surface)
                if field_name != "extra":  # phrases match the title and body (as on SQLite)
                    positions.setdefault("=" + (special or cached_fold(surface)), []).append(entry)
                for term in terms:
                    positions.setdefault(term, []).append(entry)
                if field_name == "title":
                    title_terms.update(terms)
            position = min(position + 10, self.MAX_POSITION)  # phrases never span two fields
        # The title's lexemes first, then in order of appearance, until the tsvector's limit
        # (1 MB for the lexemes and their positions; reached only by a huge attachment).
        lexemes, vocabulary, budget = [], set(), self.MAX_TSVECTOR_BYTES
        for term, entries in [*((f"^{term}", []) for term in title_terms), *positions.items()]:
            size = len(term.encode())
            if size > self.MAX_TERM_BYTES:
                continue
            entries = entries[:256]
            # As PostgreSQL counts it: the text 2-byte aligned, 2 bytes per position and 2
            # for their number.
            budget -= size + size % 2 + (2 + 2 * len(entries) if entries else 0)
            if budget < 0:
                break
            if not entries:
                lexemes.append(_lexeme(term))
                continue
            lexemes.append(f"{_lexeme(term)}:{','.join(entries)}")
            if term[0] != "=":
                vocabulary.add(term)
        return " ".join(lexemes), vocabulary

    def write(self, documents_by_id: dict[int, SearchDocument]) -> None:
        ids, literals, vocabulary = [], [], set()
        for entry_id, document in documents_by_id.items():
            literal, terms = self.tsvector(document)
            ids.append(entry_id)
            literals.append(literal)
            vocabulary |= terms
        with self.backend.connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO search_vector (entry_id, document) "
                "SELECT id, literal::tsvector FROM unnest(%s::bigint[], %s::text[]) "
                "AS u(id, literal) "
                "ON CONFLICT (entry_id) DO UPDATE SET document = EXCLUDED.document",
                [ids, literals],
            )
            cursor.execute(
                "INSERT INTO search_vocabulary (term) SELECT unnest(%s::text[]) ON CONFLICT DO NOTHING",
                [sorted(vocabulary)],
            )

    def delete(self, ids: list[int]) -> None:
        if not ids:
            return
        with self.backend.connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_vector WHERE entry_id = ANY(%s)", [ids])

    def clear(self) -> None:
        with self.backend.connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_vector")
            cursor.execute("DELETE FROM search_vocabulary")

    def optimise(self) -> None:
        """After a rebuild: forget the terms no document has any more, refresh statistics."""
        with self.backend.connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM search_vocabulary v WHERE NOT EXISTS (SELECT 1 FROM "
                "ts_stat('SELECT document FROM search_vector') s WHERE s.word = v.term)"
            )
            cursor.execute("ANALYZE search_vector")
            cursor.execute("ANALYZE search_searchentry")
            cursor.execute("ANALYZE search_vocabulary")

    def problem(self) -> str | None:
        with self.backend.connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM search_match_ids('ok', 1)")
            cursor.fetchone()
            cursor.execute("SELECT 1 FROM search_vocabulary LIMIT 1")
            cursor.fetchone()
        return None

    # --- reading ------------------------------------------------------------------------
    def known_terms(self, terms: list[str]) -> set[str]:
        """The terms some document has. The vocabulary narrows many candidates (typos) down;
        it can still hold terms of changed or deleted documents, so the index has the last
        word."""
        if len(terms) > 8:
            with self.backend.connection.cursor() as cursor:
                cursor.execute(
                    "SELECT term FROM search_vocabulary WHERE term = ANY(%s) ORDER BY term",
                    [terms],
                )
                terms = [row[0] for row in cursor.fetchall()]
        if not terms:
            return set()
        # One EXISTS per term with the term as a constant, so the planner sees how common it is.
        sql = " UNION ALL ".join(
            "SELECT %s WHERE EXISTS (SELECT FROM search_match_ids(%s::tsquery, 1))" for _term in terms
        )
        params = [value for term in terms for value in (term, _lexeme(term))]
        with self.backend.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return {row[0] for row in cursor.fetchall()}

    @staticmethod
    def word_options(item, terms, prefix: str = "") -> str:
        options = [_lexeme(prefix + term) for term in sorted(terms)]
        for alternative in item.alternatives:
            words = ["(" + " | ".join(_lexeme(prefix + t) for t in sorted(w)) + ")" for w in alternative]
            options.append("(" + " & ".join(words) + ")")
        return "(" + (" | ".join(options) or PostgresStore.NO_MATCH) + ")"

    def clause_queries(self, clauses) -> list[str]:
        parts = []
        for kind, item, terms in clauses:
            if kind == "phrase":
                parts.append("(" + " <-> ".join(_lexeme("=" + word) for word in item) + ")")
            else:
                parts.append(self.word_options(item, terms))
        return parts

    def tsquery(self, clauses, any_word: bool) -> str:
        return (" | " if any_word else " & ").join(self.clause_queries(clauses)) or self.NO_MATCH

    def title_tsquery(self, clauses) -> str | None:
        """Any query word in the title (None for a query of phrases only)."""
        words = [self.word_options(item, terms, "^") for kind, item, terms in clauses if kind == "word"]
        return " | ".join(words) or None

    def execute(self, request: SearchRequest, clauses, optional, parsed: ParsedQuery):
        """As SqliteStore.execute: any meaningful word; those with every one of them first."""
        parts = self.clause_queries(clauses)
        any_query = " | ".join(parts) or self.NO_MATCH
        all_query = " & ".join(parts) if len(parts) > 1 else None
        # The function words add to ts_rank_cd without deciding a match (implied condition).
        scoring = any_query
        if optional:
            scoring = f"({any_query}) & ({' | '.join([any_query, *self.clause_queries(optional)])})"
        where, params = self.backend.filter_sql(request)
        with self.backend.connection.cursor() as cursor:
            total, facet_rows, estimated, complete = self.total_and_facets(
                cursor, any_query, where, params, all_query
            )
            if not total:
                return [], 0, {}, False, 0
            if request.order == "date":
                complete_first = ""
                date_params = [any_query, *params]
                if all_query is not None:
                    complete_first = "m.id IN (SELECT c.id FROM search_match_ids(%s::tsquery) c(id)) DESC, "
                    date_params.append(all_query)
                cursor.execute(
                    f"SELECT e.id, 0.0 FROM {MATCHES} JOIN search_searchentry e ON e.id = m.id "
                    f"WHERE {where} "
                    f"ORDER BY {complete_first}e.date DESC NULLS LAST, e.id DESC LIMIT %s OFFSET %s",
                    [*date_params, request.per_page, request.offset],
                )
                ranked = cursor.fetchall()
            elif all_query is None:
                if total <= self.RANK_LIMIT:
                    ranked = self.ranked(cursor, scoring, where, params, request.per_page, request.offset)
                else:
                    ranked = self.ranked_in_tiers(cursor, scoring, where, params, clauses, request)
            else:
                ranked = self.ranked_by_coordination(
                    cursor, scoring, all_query, parts, where, params, total, complete, clauses, request
                )
            rows = self.entries(cursor, ranked, request.access_keys)
        facets = self.backend.facets_from_rows(facet_rows)
        return self.backend.hits_from_rows(rows, parsed), total, facets, estimated, complete

    def ranked_by_coordination(
        self, cursor, scoring, all_query, parts, where, params, total, complete, clauses, request
    ):
        """As SqliteStore.ranked_by_coordination."""
        tiers = []  # (expression, its size when known, coordination clauses)
        title = self.title_tsquery(clauses)
        complete_query = f"({scoring}) & ({all_query})"
        if complete > self.RANK_LIMIT and title:
            tiers.append((f"{complete_query} & ({title})", None, None))
            tiers.append((f"{complete_query} & !({title})", None, None))
        elif complete:
            tiers.append((complete_query, complete, None))
        tiers.append((f"({scoring}) & !({all_query})", total - complete, parts))
        wanted, offset, found = request.per_page, request.offset, []
        for tier, size, coordination in tiers:
            if not wanted:
                break
            if offset:
                if size is None:
                    size = self.count(cursor, tier, where, params)
                if offset >= size:
                    offset -= size
                    continue
            part = self.tier_page(cursor, tier, where, params, wanted, offset, coordination)
            found += part
            wanted -= len(part)
            offset = 0
        return found

    def count_matches(self, request: SearchRequest, clauses) -> int:
        where, params = self.backend.filter_sql(request)
        with self.backend.connection.cursor() as cursor:
            return self.count(cursor, self.tsquery(clauses, True), where, params)

    @staticmethod
    def count(cursor, query: str, where: str, params: list) -> int:
        cursor.execute(
            f"SELECT count(*) FROM {MATCHES} JOIN search_searchentry e ON e.id = m.id WHERE {where}",
            [query, *params],
        )
        return cursor.fetchone()[0]

    def ranked(
        self, cursor, query, where, params, limit: int, offset: int, since: int = 0, coordination=None
    ):
        """ts_rank_cd order; with `coordination` (the clauses' tsqueries), first by how many
        of the clauses a document matches."""
        matched = " + ".join("(v.document @@ %s::tsquery)::int" for _part in coordination or ()) or "0"
        cursor.execute(
            f"SELECT m.id, -{self.RANK} AS score, {matched} AS coordination FROM {MATCHES} "
            "JOIN search_searchentry e ON e.id = m.id JOIN search_vector v ON v.entry_id = m.id "
            f"WHERE m.id >= %s AND {where} ORDER BY coordination DESC, score, m.id DESC LIMIT %s OFFSET %s",
            [query, *(coordination or ()), query, since, *params, limit, offset],
        )
        return [(row[0], row[1]) for row in cursor.fetchall()]

    def rank_boundary(self, cursor, query, where, params, limit: int | None = None) -> int:
        """The id of the RANK_LIMIT-th (or limit-th) newest match, or 0 when there are fewer."""
        cursor.execute(
            f"SELECT m.id FROM {MATCHES} JOIN search_searchentry e ON e.id = m.id "
            f"WHERE {where} ORDER BY m.id DESC LIMIT 1 OFFSET %s",
            [query, *params, (limit or self.RANK_LIMIT) - 1],
        )
        row = cursor.fetchone()
        return row[0] if row else 0

    def ranked_in_tiers(self, cursor, query, where, params, clauses, request):
        """Very many matches: as SqliteStore.ranked_in_tiers (title matches first, then the
        others; within each tier the newest RANK_LIMIT ranked, older ones newest first)."""
        title = self.title_tsquery(clauses)
        tiers = [f"({query}) & ({title})", f"({query}) & !({title})"] if title else [query]
        wanted, offset, found = request.per_page, request.offset, []
        for number, tier in enumerate(tiers):
            if not wanted:
                break
            if offset and number < len(tiers) - 1:
                size = self.count(cursor, tier, where, params)
                if offset >= size:
                    offset -= size
                    continue
            part = self.tier_page(cursor, tier, where, params, wanted, offset)
            found += part
            wanted -= len(part)
            offset = 0
        return found

    def tier_page(self, cursor, tier, where, params, wanted: int, offset: int, coordination=None) -> list:
        since = self.rank_boundary(cursor, tier, where, params)
        if not since:
            return self.ranked(cursor, tier, where, params, wanted, offset, 0, coordination)
        found = []
        if offset < self.RANK_LIMIT:
            found = self.ranked(cursor, tier, where, params, wanted, offset, since, coordination)
            offset = 0
        else:
            offset -= self.RANK_LIMIT
        if len(found) < wanted:
            cursor.execute(
                f"SELECT m.id, 0.0 FROM {MATCHES} JOIN search_searchentry e ON e.id = m.id "
                f"WHERE m.id < %s AND {where} ORDER BY m.id DESC LIMIT %s OFFSET %s",
                [tier, since, *params, wanted - len(found), offset],
            )
            found += cursor.fetchall()
        return found

    @staticmethod
    def entries(cursor, ranked, access_keys) -> list[tuple]:
        """The entries of the ranked ids, in rank order, re-checked against the access keys."""
        if not ranked:
            return []
        cursor.execute(
            f"SELECT {ENTRY_COLUMNS} FROM search_searchentry e "
            "WHERE e.id = ANY(%s) AND e.access_key = ANY(%s)",
            [[entry_id for entry_id, _score in ranked], sorted(access_keys)],
        )
        by_id = {row[0]: row for row in cursor.fetchall()}
        return [(*by_id[entry_id], score) for entry_id, score in ranked if entry_id in by_id]

    def total_and_facets(self, cursor, query, where, params, all_query: str | None = None):
        """The number of matches, the facet counts and (given `all_query`) the number of
        matches with every meaningful word in one statement; above FACET_SAMPLE matches the
        facets are counted on the matches whose id hashes to 0 modulo n."""
        cursor.execute(
            "WITH matches AS MATERIALIZED (SELECT e.id, e.kind, e.network, e.organisation, "
            f"e.year, e.themes FROM {MATCHES} JOIN search_searchentry e ON e.id = m.id "
            f"WHERE {where}), "
            "total AS (SELECT count(*) AS n FROM matches), "
            "hits AS MATERIALIZED (SELECT * FROM matches WHERE (hashint8(id) & 2147483647) %% "
            "greatest(1, ((SELECT n FROM total) + %s - 1) / %s) = 0) "
            "SELECT 'kind', kind, count(*) FROM hits GROUP BY kind "
            "UNION ALL SELECT 'network', network, count(*) FROM hits GROUP BY network "
            "UNION ALL SELECT 'organisation', organisation, count(*) FROM hits "
            "GROUP BY organisation "
            "UNION ALL SELECT 'year', year::text, count(*) FROM hits GROUP BY year "
            "UNION ALL SELECT 'theme', t.value, count(*) FROM hits, "
            "jsonb_array_elements_text(hits.themes) t(value) GROUP BY t.value "
            "UNION ALL SELECT '#sample', '', count(*) FROM hits "
            "UNION ALL SELECT '#total', '', n FROM total"
            + (
                " UNION ALL SELECT '#complete', '', count(*) FROM matches "
                "WHERE id IN (SELECT c.id FROM search_match_ids(%s::tsquery) c(id))"
                if all_query
                else ""
            ),
            [query, *params, self.FACET_SAMPLE, self.FACET_SAMPLE, *([all_query] if all_query else [])],
        )
        rows, counts = [], {}
        for facet, value, count in cursor.fetchall():
            if facet.startswith("#"):
                counts[facet] = count
            else:
                rows.append((facet, value, count))
        total, sampled = counts["#total"], counts["#sample"]
        complete = counts.get("#complete", total)
        if total <= self.FACET_SAMPLE:
            return total, rows, False, complete
        scale = total / (sampled or 1)
        rows = [(facet, value, estimate(count * scale)) for facet, value, count in rows]
        return total, rows, True, complete

    def suggest(self, complete, prefix: str, access_keys, limit: int) -> list[SearchHit]:
        """Documents with the complete words and a word starting with the last one typed.

        Those with such a word in the title come first; within each of the two groups the
        newest SUGGEST_RANK_LIMIT are ranked (a two-letter prefix matches most documents, and
        ranking reads each candidate's tsvector).
        """
        words = [" | ".join(_lexeme(t) for t in sorted(terms)) or self.NO_MATCH for terms in complete]
        title_words = [" | ".join(_lexeme("^" + t) for t in sorted(terms)) for terms in complete]
        if len(prefix) >= 2:
            words.append(_lexeme(prefix) + ":*")
            title_words.append(_lexeme("^" + prefix) + ":*")
        if not words:
            return []
        query = " & ".join(f"({word})" for word in words)
        title = " | ".join(f"({word})" for word in title_words if word)
        tiers = [f"{query} & ({title})", f"{query} & !({title})"] if title else [query]
        where, params = self.backend.filter_sql(SearchRequest("", frozenset(access_keys)))
        found: list = []
        with self.backend.connection.cursor() as cursor:
            for tier in tiers:
                if len(found) >= limit:
                    break
                since = self.rank_boundary(cursor, tier, where, params, self.SUGGEST_RANK_LIMIT)
                found += self.ranked(cursor, tier, where, params, limit - len(found), 0, since)
            rows = self.entries(cursor, found, access_keys)
        return self.backend.hits_from_rows(rows, None)
