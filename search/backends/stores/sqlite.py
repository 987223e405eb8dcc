"""The SQLite store: FTS5 with bm25 ranking, title weighted above the body.

`search_fts` is a contentless FTS5 table (`content=''`, migration 0009): it keeps the index
only, not a copy of the analysed text. FTS5 removes a row from a contentless table through
its `'delete'` command, given the exact values that were indexed; SQLite 3.43 can do without
them (`contentless_delete=1`), but Debian 12 (this project's machines and CI) has 3.40. So the
analysed values are kept beside it, zlib-compressed, in `search_fts_terms` (one row per entry),
and read back to delete or replace a row: about a third of what the uncompressed copy took.

`search_suggest` (migration 0010) serves search-as-you-type: a second contentless FTS5 table
with the analysed titles and the access keys only, and prefix indexes of 2, 3 and 4
characters, so a short prefix is one doclist look-up instead of a walk over every term of the
main index that starts with it. It is written, replaced, deleted and cleared together with
`search_fts`; its values are the title and the access terms of the same compressed copy.
"""

from __future__ import annotations

import zlib

from django.db import connections

from ...analysis import Analyzer
from ...contracts import SearchDocument
from ..base import SearchRequest
from .base import (
    BODY_WEIGHT,
    ENTRY_COLUMNS,
    EXACT_WEIGHT,
    EXTRA_WEIGHT,
    NO_MATCHES,
    TITLE_WEIGHT,
    Matches,
    Tier,
    bounded_page,
    coordination_tiers,
    estimate,
    read_tiers,
    sample_error,
    sample_windows,
    title_tiers,
    totals_and_facets,
)

# The SQL below is assembled from constants and "%s" placeholders only; every value (terms,
# keys, filters) is passed as a parameter.
# ruff: noqa: S608


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


FTS_COLUMNS = ("title", "body", "extra", "exact", "meta")
SEPARATOR = "\x1f"  # between the columns in the compressed copy; never part of a term


def pack(values: tuple[str, ...]) -> bytes:
    return zlib.compress(SEPARATOR.join(values).encode(), 9)


def unpack(data: bytes) -> list[str]:
    return zlib.decompress(data).decode().split(SEPARATOR)


def both(expression: str, other: str) -> str:
    return f"({expression}) AND ({other})"


def but_not(expression: str, other: str) -> str:
    return f"({expression}) NOT ({other})"


def access_terms(meta: str) -> str:
    """The access key terms of a meta column's value (what `search_suggest` filters on)."""
    return " ".join(term for term in meta.split() if term.startswith(META_PREFIXES["access"]))


def suggest_row(entry_id: int, title: str, meta: str) -> tuple:
    return (entry_id, title, access_terms(meta))


def insert_rows(cursor, rows: list[tuple]) -> None:
    """Index rows of (entry id, title, body, extra, exact, meta), keeping their values."""
    cursor.executemany(
        "INSERT INTO search_fts (rowid, title, body, extra, exact, meta) VALUES (%s, %s, %s, %s, %s, %s)",
        rows,
    )
    cursor.executemany(
        "INSERT INTO search_suggest (rowid, title, access) VALUES (%s, %s, %s)",
        [suggest_row(row[0], row[1], row[5]) for row in rows],
    )
    cursor.executemany(
        "INSERT INTO search_fts_terms (id, terms) VALUES (%s, %s)",
        [(row[0], pack(row[1:])) for row in rows],
    )


class SqliteStore:
    """SQLite FTS5: everything a query needs before ranking happens inside the FTS index.

    The access key and the filterable facet values are terms of the `meta` column, so the
    permission filter and the user's filters are part of the MATCH expression: FTS5 only
    ever sees (and bm25 only scores) documents the user may see, and the page of hits, the
    total and the ranking need no look-up of `search_searchentry` rows. The entries are read
    for the 10 hits shown and for facet counting; their access key is checked again there.
    CROSS JOIN makes SQLite read the full-text matches first and look the entries up by id;
    with a plain JOIN it may scan entries and evaluate MATCH once per entry.
    """

    RANK = f"bm25(search_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}, {EXTRA_WEIGHT}, {EXACT_WEIGHT}, 0.0)"
    # Facets are counted exactly up to this many matches; above it, from an even sample of
    # about this many matches, scaled up and shown as estimates.
    FACET_SAMPLE = 1000
    # Above this many matches bm25 ranks a bounded candidate set per tier (stores.base.read_tiers).
    RANK_LIMIT = 1000
    # Up to this many matches the total is counted. Above it the total is estimated, as the
    # facets are, from the matches in SAMPLE_WINDOWS runs of ids spread over the index, and
    # shown as "about N": merging the word lists of 30,000 matches of a broad query only to
    # count them cost more than ranking them.
    EXACT_TOTAL_LIMIT = 5000
    SAMPLE_WINDOWS = 16
    # The estimate is used when its relative standard error (from how the matches spread over
    # the windows) is at most this; otherwise the matches are counted.
    SAMPLE_ERROR = 0.1
    READ_PRAGMAS = ("PRAGMA cache_size = -32000", "PRAGMA mmap_size = 268435456")

    def __init__(self, using: str, analyzer: Analyzer):
        self.using = using
        self.analyzer = analyzer

    @property
    def connection(self):
        return connections[self.using]

    def cursor(self):
        """A cursor on the store's connection, with the read settings applied once to it."""
        connection = self.connection
        connection.ensure_connection()
        raw = connection.connection
        if getattr(connection, "_search_read_pragmas_for", None) is not raw:
            with connection.cursor() as cursor:
                for pragma in self.READ_PRAGMAS:
                    cursor.execute(pragma)
            connection._search_read_pragmas_for = raw
        return connection.cursor()

    # --- writing ------------------------------------------------------------------------
    def analyse(self, document: SearchDocument) -> dict[str, list[str]]:
        index_terms = self.analyzer.index_terms
        return {
            "title": index_terms(document.title),
            "body": index_terms(document.body),
            "extra": index_terms(document.extra_text),
            "exact": self.analyzer.exact_terms(f"{document.title}\n{document.body}"),
        }

    def write(self, documents_by_id: dict[int, SearchDocument]) -> None:
        ids = list(documents_by_id)
        rows = []
        for entry_id, document in documents_by_id.items():
            analysed = self.analyse(document)
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
        with self.connection.cursor() as cursor:
            self._remove(cursor, ids)
            insert_rows(cursor, rows)

    def delete(self, ids: list[int]) -> None:
        if not ids:
            return
        with self.connection.cursor() as cursor:
            self._remove(cursor, ids)

    @staticmethod
    def _remove(cursor, ids: list[int]) -> None:
        """Take these entries out of the index, with the values they were indexed with."""
        placeholders = ", ".join(["%s"] * len(ids))
        cursor.execute(f"SELECT id, terms FROM search_fts_terms WHERE id IN ({placeholders})", ids)
        indexed = cursor.fetchall()
        if not indexed:
            return
        values = [(entry_id, *unpack(bytes(data))) for entry_id, data in indexed]
        cursor.executemany(
            "INSERT INTO search_fts (search_fts, rowid, title, body, extra, exact, meta) "
            "VALUES ('delete', %s, %s, %s, %s, %s, %s)",
            values,
        )
        cursor.executemany(
            "INSERT INTO search_suggest (search_suggest, rowid, title, access) VALUES ('delete', %s, %s, %s)",
            [suggest_row(row[0], row[1], row[5]) for row in values],
        )
        cursor.execute(f"DELETE FROM search_fts_terms WHERE id IN ({placeholders})", ids)

    def clear(self) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")
            cursor.execute("INSERT INTO search_suggest (search_suggest) VALUES ('delete-all')")
            cursor.execute("DELETE FROM search_fts_terms")

    def optimise(self) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
            cursor.execute("INSERT INTO search_suggest (search_suggest) VALUES ('optimize')")
            cursor.execute("ANALYZE search_searchentry")

    def problem(self) -> str | None:
        with self.connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'ok'")
            cursor.fetchone()
        return None

    # --- reading ------------------------------------------------------------------------
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
            value: str | int | None = request.filters.get(name)
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

    def title_expression(self, clauses) -> str | None:
        """Any query word in the title (None for a query of phrases only)."""
        words = [
            "title : " + self.word_options(item, terms) for kind, item, terms in clauses if kind == "word"
        ]
        return " OR ".join(f"({word})" for word in words) or None

    def execute(self, request: SearchRequest, clauses, optional) -> Matches:
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
            total, facet_rows, estimated, complete, total_estimated = self.total_and_facets(
                cursor, match_any, match_all
            )
            if not total:
                return NO_MATCHES
            title = self.title_expression(clauses)
            if request.order == "date":
                ranked = self.newest_first(cursor, match_any, match_all, request)
            elif match_all is None and total <= self.RANK_LIMIT:
                ranked = self.ranked(cursor, match_any, request.per_page, request.offset, 0, None, emphasis)
            else:
                if match_all is None:
                    # Very many matches: bm25 ranks a bounded candidate set, not every match.
                    tiers = title_tiers(match_any, title, both, but_not)
                else:
                    partial = f"(({any_text}) NOT ({all_text})) AND {filters}"
                    partial_size = None if total_estimated else total - complete
                    tiers = coordination_tiers(
                        match_all,
                        partial,
                        parts,
                        title,
                        partial_size,
                        complete,
                        self.RANK_LIMIT,
                        both,
                        but_not,
                    )
                ranked = read_tiers(
                    tiers,
                    request.per_page,
                    request.offset,
                    lambda expression: self.count(cursor, expression),
                    lambda tier, wanted, offset: self.tier_page(cursor, tier, wanted, offset, emphasis),
                )
            rows = self.entries(cursor, ranked, request.access_keys)
        return Matches(rows, total, facet_rows, estimated, complete, total_estimated)

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

    def count_matches(self, request: SearchRequest, clauses) -> int:
        text = self.joined(self.clause_expressions(clauses), "OR")
        with self.cursor() as cursor:
            return self.count(cursor, f"({text}) AND {self.filter_expression(request)}")

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
        return self.newer_than(cursor, match, self.RANK_LIMIT - 1) or 0

    @staticmethod
    def newer_than(cursor, match: str, count: int) -> int | None:
        """The id of the match that `count` matches are newer than (None: there are not more)."""
        cursor.execute(
            "SELECT rowid FROM search_fts WHERE search_fts MATCH %s ORDER BY rowid DESC LIMIT 1 OFFSET %s",
            [match, count],
        )
        row = cursor.fetchone()
        return row[0] if row else None

    @staticmethod
    def count_up_to(cursor, match: str, bound: int) -> int:
        """The number of matches, counted up to `bound`."""
        cursor.execute(
            "SELECT count(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH %s LIMIT %s)",
            [match, bound],
        )
        return cursor.fetchone()[0]

    def tier_page(self, cursor, tier: Tier, wanted: int, offset: int, emphasis=None) -> list:
        """Up to `wanted` matches of one tier, from `offset` on."""
        match, coordination = tier.expression, tier.coordination

        def older(limit: int, skip: int) -> list:
            cursor.execute(
                "SELECT rowid, 0.0 FROM search_fts WHERE search_fts MATCH %s AND rowid < %s "
                "ORDER BY rowid DESC LIMIT %s OFFSET %s",
                [match, since, limit, skip],
            )
            return cursor.fetchall()

        since = self.rank_boundary(cursor, match)
        return bounded_page(
            wanted,
            offset,
            since,
            self.RANK_LIMIT,
            lambda limit, skip, since: self.ranked(cursor, match, limit, skip, since, coordination, emphasis),
            older,
        )

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

    # The facet counts of the matches in `hits` (kind, network, organisation, year, theme) and
    # the number of them ("#sample").
    FACET_COUNTS = (
        "SELECT 'kind', kind, count(*) FROM hits GROUP BY kind "
        "UNION ALL SELECT 'network', network, count(*) FROM hits GROUP BY network "
        "UNION ALL SELECT 'organisation', organisation, count(*) FROM hits "
        "GROUP BY organisation "
        "UNION ALL SELECT 'year', year, count(*) FROM hits GROUP BY year "
        "UNION ALL SELECT 'theme', t.value, count(*) FROM hits, json_each(hits.themes) t "
        "GROUP BY t.value "
        "UNION ALL SELECT '#sample', '', count(*) FROM hits"
    )
    HITS_OF_MATCHES = (
        "SELECT e.kind, e.network, e.organisation, e.year, e.themes "
        "FROM matches m CROSS JOIN search_searchentry e INDEXED BY search_entry_facets ON e.id = m.id"
    )

    def total_and_facets(self, cursor, match: str, match_all: str | None = None):
        """(total, facet rows, facets estimated, complete, total estimated): the number of
        matches, the facet counts and (given `match_all`) the number of matches with every
        meaningful word.

        Up to EXACT_TOTAL_LIMIT matches everything is counted (`exact_total_and_facets`);
        above it the total and the facets are estimated from a sample when the sample is
        certain enough (`sampled_total_and_facets`), and counted when it is not.
        """
        beyond = self.newer_than(cursor, match, self.EXACT_TOTAL_LIMIT)
        if beyond is not None:
            sampled = self.sampled_total_and_facets(cursor, match, match_all, beyond)
            if sampled is not None:
                return sampled
        return (*self.exact_total_and_facets(cursor, match, match_all), False)

    def exact_total_and_facets(self, cursor, match: str, match_all: str | None = None):
        """(total, facet rows, estimated, complete) in one statement. Facets are exact for up
        to FACET_SAMPLE matches; above that they are estimated from the matches whose id
        hashes to 0 modulo n (a multiplicative hash modulo a prime, so the sample is spread
        over the whole index, old and new, and follows no regular pattern of ids), scaled by
        total / sample size."""
        cursor.execute(
            "WITH matches AS MATERIALIZED (SELECT rowid AS id FROM search_fts "
            "WHERE search_fts MATCH %s), "
            "total AS (SELECT count(*) AS n FROM matches), "
            f"hits AS MATERIALIZED ({self.HITS_OF_MATCHES} "
            "WHERE (m.id * 2654435761) %% 4294967311 %% "
            "max(1, ((SELECT n FROM total) + %s - 1) / %s) = 0) "
            f"{self.FACET_COUNTS} "
            "UNION ALL SELECT '#total', '', n FROM total"
            + (
                " UNION ALL SELECT '#complete', '', count(*) FROM search_fts WHERE search_fts MATCH %s"
                if match_all
                else ""
            ),
            [match, self.FACET_SAMPLE, self.FACET_SAMPLE, *([match_all] if match_all else [])],
        )
        return totals_and_facets(cursor.fetchall(), self.FACET_SAMPLE)

    def sampled_total_and_facets(self, cursor, match: str, match_all: str | None, beyond: int):
        """The total and the facets estimated from the matches in SAMPLE_WINDOWS runs of ids
        spread evenly over the index, sized to hold about FACET_SAMPLE matches at the density
        of the newest EXACT_TOTAL_LIMIT (the ones newer than `beyond`). The number with every
        meaningful word is exact up to RANK_LIMIT, the most the ranking needs to know. None
        (count instead) when the windows would cover half the index, or when the estimate is
        uncertain (SAMPLE_ERROR)."""
        # Two subqueries: each is one look-up in the primary key (min and max together scan it).
        cursor.execute(
            "SELECT (SELECT min(id) FROM search_searchentry), (SELECT max(id) FROM search_searchentry)"
        )
        first, last = cursor.fetchone()
        density = self.EXACT_TOTAL_LIMIT / max(1, last - beyond)
        windows = sample_windows(first, last, self.SAMPLE_WINDOWS, round(self.FACET_SAMPLE / density))
        if windows is None:
            return None
        in_windows = " UNION ALL ".join(
            [
                "SELECT %s AS run, rowid AS id FROM search_fts "
                "WHERE search_fts MATCH %s AND rowid BETWEEN %s AND %s"
            ]
            * len(windows)
        )
        cursor.execute(
            f"WITH matches AS MATERIALIZED ({in_windows}), "
            f"hits AS MATERIALIZED ({self.HITS_OF_MATCHES}) {self.FACET_COUNTS} "
            "UNION ALL SELECT '#run', run, count(*) FROM matches GROUP BY run",
            [value for number, (low, high) in enumerate(windows) for value in (number, match, low, high)],
        )
        rows = cursor.fetchall()
        per_window = [0] * len(windows)
        for facet, value, count in rows:
            if facet == "#run":
                per_window[int(value)] = count
        if sample_error(per_window) > self.SAMPLE_ERROR:
            # The matches lie unevenly over the ids (one network's or one kind's documents
            # can be added together): the estimate would be uncertain, so count them.
            return None
        rows = [row for row in rows if row[0] != "#run"]
        sample = sum(per_window)
        covered = sum(high - low + 1 for low, high in windows)
        total = max(self.EXACT_TOTAL_LIMIT + 1, estimate(sample * (last - first + 1) / covered))
        total, facet_rows, _estimated, _complete = totals_and_facets([*rows, ("#total", "", total)], 0)
        complete = total if match_all is None else self.count_up_to(cursor, match_all, self.RANK_LIMIT + 1)
        return total, facet_rows, True, complete, True

    # bm25 of search_suggest: the title, not the access terms.
    SUGGEST_RANK = "bm25(search_suggest, 1.0, 0.0)"

    def suggest(self, complete, prefix: str, access_keys, limit: int) -> list[tuple]:
        """Documents with the complete words and a word starting with the last one typed.

        Those with such a word in the title come first, from `search_suggest` (prefix-indexed
        titles; the complete words are checked in `search_fts`), ranked by bm25 on the title;
        when they are fewer than `limit`, the documents with it only in the body or the
        extra text follow, ranked as before (bm25, title weighted).
        """
        parts = [
            "{title body extra} : (" + " OR ".join(_quote(t) for t in sorted(terms)) + ")"
            for terms in complete
        ]
        request = SearchRequest("", frozenset(access_keys))
        filters = self.filter_expression(request)
        found: list = []
        with self.cursor() as cursor:
            if len(prefix) >= 2:
                keys = " OR ".join(meta_token(META_PREFIXES["access"], key) for key in sorted(access_keys))
                title_match = f"title : {_quote(prefix)} * AND access : ({keys or 'xnone'})"
                if parts:
                    cursor.execute(
                        f"SELECT rowid, {self.SUGGEST_RANK} AS score FROM search_suggest "
                        "WHERE search_suggest MATCH %s AND rowid IN "
                        "(SELECT rowid FROM search_fts WHERE search_fts MATCH %s) "
                        "ORDER BY score, rowid DESC LIMIT %s",
                        [title_match, " AND ".join(parts) + " AND " + filters, limit],
                    )
                else:
                    cursor.execute(
                        f"SELECT rowid, {self.SUGGEST_RANK} AS score FROM search_suggest "
                        "WHERE search_suggest MATCH %s ORDER BY score, rowid DESC LIMIT %s",
                        [title_match, limit],
                    )
                found = cursor.fetchall()
                if len(found) >= limit:
                    return self.entries(cursor, found, access_keys)
                # The rest: the prefix in the body or the extra text, not in the title.
                prefixed = _quote(prefix) + " *"
                parts.append(f"(({{body extra}} : {prefixed}) NOT (title : {prefixed}))")
            if not parts:
                return []
            match = " AND ".join(parts) + " AND " + filters
            cursor.execute(
                f"SELECT rowid, {self.RANK} AS score FROM search_fts WHERE search_fts MATCH %s "
                "ORDER BY score, rowid DESC LIMIT %s",
                [match, limit - len(found)],
            )
            return self.entries(cursor, found + cursor.fetchall(), access_keys)
