"""The PostgreSQL store: lexemes written by us into a tsvector, matched with a tsquery and
ranked by bm25 summed over the query's phrases (each phrase's frequency from ts_rank_cd).
Every PostgreSQL-only statement of the search is here."""

from __future__ import annotations

import json

from django.db import connections

from ...analysis import Analyzer, cached_fold, scan
from ...contracts import SearchDocument
from ..base import SearchRequest
from .base import (
    BODY_WEIGHT,
    ENTRY_COLUMNS,
    EXTRA_WEIGHT,
    NO_MATCHES,
    TITLE_WEIGHT,
    Matches,
    Tier,
    bounded_page,
    coordination_tiers,
    read_tiers,
    title_tiers,
    totals_and_facets,
)

# The SQL below is assembled from constants and "%s" placeholders only; every value (terms,
# keys, filters) is passed as a parameter.
# ruff: noqa: S608


def _lexeme(term: str) -> str:
    """A term as a quoted lexeme of a tsvector or tsquery literal."""
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


# The matches of a tsquery, through the GIN index only (migration 0004 says why).
MATCHES = "search_match_ids(%s::tsquery) m(id)"


def both(query: str, other: str) -> str:
    return f"({query}) & ({other})"


def but_not(query: str, other: str) -> str:
    return f"({query}) & !({other})"


def filter_sql(request: SearchRequest) -> tuple[str, list]:
    """The access keys and the user's filters as conditions on the joined entry `e`."""
    keys = sorted(request.access_keys)
    sql = [f"e.access_key IN ({', '.join(['%s'] * len(keys))})"]
    params: list = list(keys)
    for name in ("kind", "network", "organisation"):
        if request.filters.get(name):
            sql.append(f"e.{name} = %s")
            params.append(request.filters[name])
    if request.filters.get("year"):
        try:
            params.append(int(request.filters["year"]))
            sql.append("e.year = %s")
        except ValueError:
            sql.append("1 = 0")
    if request.filters.get("theme"):
        sql.append("e.themes @> %s::jsonb")
        params.append(json.dumps([request.filters["theme"]]))
    return " AND ".join(sql), params


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
    FACET_SAMPLE matches and at most RANK_LIMIT matches per tier are ranked (ranking
    reads each candidate's tsvector; finding and counting matches does not).
    """

    WEIGHTS = {"title": "A", "extra": "B", "body": "C"}
    # ts_rank_cd's weights for D, C (body), B (extra), A (title): the bm25 weights of SQLite
    # (a tenth of them: ts_rank_cd takes weights up to 1).
    WEIGHT_ARRAY = f"'{{0, {BODY_WEIGHT / 10}, {EXTRA_WEIGHT / 10}, {TITLE_WEIGHT / 10}}}'"
    # Search-as-you-type's order: ts_rank_cd of the whole query, by the document's length.
    RANK = f"ts_rank_cd({WEIGHT_ARRAY}, v.document, %s::tsquery, 1)"
    # A search's order, as SQLite's bm25 sums over the expression's phrases: the sum over the
    # query's phrases (`phrase_queries`: each term of a word on its own, each quoted phrase)
    # of the phrase's frequency, saturated as bm25 saturates it (k1 1.2, b 0.75), times its
    # IDF and weight. The frequency is the phrase's occurrences weighted by field as the bm25
    # weights (ts_rank_cd without normalisation: one cover per occurrence). A word said twice
    # thus adds less than a second word said once, and an optional word weighs as on SQLite.
    K1, B = 1.2, 0.75
    # Each phrase's inverse document frequency, as bm25's (at least 1e-6: a phrase in more
    # than half of the documents still counts a little), over the whole index like SQLite's.
    # A phrase no document has is left out: it would add nothing, at one ts_rank_cd a candidate.
    PHRASES = (
        "WITH phrases AS MATERIALIZED (SELECT u.phrase, u.weight, "
        "greatest(ln((n.total - d.found + 0.5) / (d.found + 0.5)), 1e-6) AS idf "
        "FROM unnest(%s::tsquery[], %s::float8[]) u(phrase, weight) "
        "CROSS JOIN (SELECT count(*) AS total FROM search_vector) n "
        "CROSS JOIN LATERAL (SELECT count(*) AS found FROM search_match_ids(u.phrase)) d "
        "WHERE d.found > 0) "
    )
    # The document's length is its number of terms written, as FTS5 counts its tokens (a
    # word said twice counts twice; `length()` would count its lexemes once), against the
    # average of the ranked candidates (the index's average would read every document).
    # ts_rank_cd's normalisation 2 divides by that count, so the ratio of the unnormalised
    # rank to it is the count, read in C (an unnest of the tsvector doubled the p95).
    # (Read through the first phrase the document has: a phrase's terms have positions, which
    # ts_rank_cd needs; the title tier's "^" terms have none.)
    SIZE = (
        "coalesce((SELECT ts_rank_cd(v.document, p.phrase, 0) / "
        "nullif(ts_rank_cd(v.document, p.phrase, 2), 0) FROM phrases p "
        "WHERE v.document @@ p.phrase LIMIT 1), length(v.document))"
    )
    SCORE = (
        f"coalesce((SELECT sum(c.weight * c.idf * c.frequency * {K1 + 1} / "
        f"(c.frequency + {K1} * ({1 - B} + {B} * r.size / greatest(r.average, 1)))) FROM "
        f"(SELECT s.weight, s.idf, 10 * ts_rank_cd({WEIGHT_ARRAY}, r.document, s.phrase, 0) AS frequency "
        "FROM phrases s) c), 0)"
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

    def __init__(self, using: str, analyzer: Analyzer):
        self.using = using
        self.analyzer = analyzer

    @property
    def connection(self):
        return connections[self.using]

    # --- writing ------------------------------------------------------------------------
    def tsvector(self, document: SearchDocument) -> tuple[str, set[str]]:
        """The document's tsvector literal and its (searchable) terms for the vocabulary."""
        word_terms = self.analyzer._word_index_terms  # cached per distinct word
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
        with self.connection.cursor() as cursor:
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
        with self.connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_vector WHERE entry_id = ANY(%s)", [ids])

    def clear(self) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_vector")
            cursor.execute("DELETE FROM search_vocabulary")

    def optimise(self) -> None:
        """After a rebuild: forget the terms no document has any more, refresh statistics."""
        with self.connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM search_vocabulary v WHERE NOT EXISTS (SELECT 1 FROM "
                "ts_stat('SELECT document FROM search_vector') s WHERE s.word = v.term)"
            )
            cursor.execute("ANALYZE search_vector")
            cursor.execute("ANALYZE search_searchentry")
            cursor.execute("ANALYZE search_vocabulary")

    def problem(self) -> str | None:
        with self.connection.cursor() as cursor:
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
            with self.connection.cursor() as cursor:
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
        with self.connection.cursor() as cursor:
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
                parts.append(self.phrase_tsquery(item))
            else:
                parts.append(self.word_options(item, terms))
        return parts

    @staticmethod
    def phrase_tsquery(words: list[str]) -> str:
        """A quoted phrase: its folded words in order, as the `=` lexemes of the exact text."""
        return "(" + " <-> ".join(_lexeme("=" + word) for word in words) + ")"

    def phrase_queries(self, clauses) -> list[str]:
        """The phrases SQLite's bm25 sums over, each as a tsquery: every term of a word (its
        forms, its synonyms' words) on its own, so that each has its own IDF (a rare statute
        number is not averaged with its law's common subject words), and each phrase whole."""
        queries = []
        for kind, item, terms in clauses:
            if kind == "phrase":
                queries.append(self.phrase_tsquery(item))
                continue
            queries += [_lexeme(term) for term in sorted(terms)]
            for alternative in item.alternatives:
                for word in alternative:
                    queries += [_lexeme(term) for term in sorted(word)]
        return queries

    def tsquery(self, clauses, any_word: bool) -> str:
        return (" | " if any_word else " & ").join(self.clause_queries(clauses)) or self.NO_MATCH

    def title_tsquery(self, clauses) -> str | None:
        """Any query word in the title (None for a query of phrases only)."""
        words = [self.word_options(item, terms, "^") for kind, item, terms in clauses if kind == "word"]
        return " | ".join(words) or None

    def execute(self, request: SearchRequest, clauses, optional) -> Matches:
        """As SqliteStore.execute: any meaningful word; those with every one of them first."""
        parts = self.clause_queries(clauses)
        any_query = " | ".join(parts) or self.NO_MATCH
        all_query = " & ".join(parts) if len(parts) > 1 else None
        scores = self.scores(self.phrase_queries(clauses), self.phrase_queries(optional))
        where, params = filter_sql(request)
        with self.connection.cursor() as cursor:
            total, facet_rows, estimated, complete = self.total_and_facets(
                cursor, any_query, where, params, all_query
            )
            if not total:
                return NO_MATCHES
            title = self.title_tsquery(clauses)
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
            elif all_query is None and total <= self.RANK_LIMIT:
                ranked = self.ranked(
                    cursor, any_query, where, params, request.per_page, request.offset, scores=scores
                )
            else:
                if all_query is None:
                    # Very many matches: a bounded candidate set is ranked.
                    tiers = title_tiers(any_query, title, both, but_not)
                else:
                    partial = but_not(any_query, all_query)
                    tiers = coordination_tiers(
                        all_query,
                        partial,
                        parts,
                        title,
                        total - complete,
                        complete,
                        self.RANK_LIMIT,
                        both,
                        but_not,
                    )
                ranked = read_tiers(
                    tiers,
                    request.per_page,
                    request.offset,
                    lambda query: self.count(cursor, query, where, params),
                    lambda tier, wanted, offset: self.tier_page(
                        cursor, tier, where, params, wanted, offset, scores
                    ),
                )
            rows = self.entries(cursor, ranked, request.access_keys)
        return Matches(rows, total, facet_rows, estimated, complete)

    @staticmethod
    def scores(phrases: list[str], optional: list[str]) -> tuple[list[str], list[float]]:
        """The phrases that make a document's score and their weights, as SQLite's bm25 counts
        the phrases of its ranking expression: each phrase of the meaningful words twice when
        there are optional ones (the match and the added condition both hold it), each
        optional phrase once (a word's own forms, repeated, once per repetition)."""
        weights: dict[str, float] = {}
        for phrase in phrases:
            weights[phrase] = weights.get(phrase, 0.0) + (2.0 if optional else 1.0)
        for phrase in optional:
            weights[phrase] = weights.get(phrase, 0.0) + 1.0
        return list(weights), list(weights.values())

    def count_matches(self, request: SearchRequest, clauses) -> int:
        where, params = filter_sql(request)
        with self.connection.cursor() as cursor:
            return self.count(cursor, self.tsquery(clauses, True), where, params)

    @staticmethod
    def count(cursor, query: str, where: str, params: list) -> int:
        cursor.execute(
            f"SELECT count(*) FROM {MATCHES} JOIN search_searchentry e ON e.id = m.id WHERE {where}",
            [query, *params],
        )
        return cursor.fetchone()[0]

    def ranked(
        self,
        cursor,
        query,
        where,
        params,
        limit: int,
        offset: int,
        since: int = 0,
        coordination=None,
        scores=None,
    ):
        """By score, highest first: the sum of the phrases' saturated frequencies when
        `scores` (the phrases' tsqueries and their weights) is given, else ts_rank_cd of the
        query; with `coordination` (the clauses' tsqueries), first by how many of the clauses
        a document matches."""
        matched = " + ".join("(v.document @@ %s::tsquery)::int" for _part in coordination or ()) or "0"
        candidates = (
            f"FROM {MATCHES} JOIN search_searchentry e ON e.id = m.id "
            f"JOIN search_vector v ON v.entry_id = m.id WHERE m.id >= %s AND {where}"
        )
        if not scores:
            cursor.execute(
                f"SELECT m.id, -{self.RANK} AS score, {matched} AS coordination {candidates} "
                "ORDER BY coordination DESC, score, m.id DESC LIMIT %s OFFSET %s",
                [query, *(coordination or ()), query, since, *params, limit, offset],
            )
            return [(row[0], row[1]) for row in cursor.fetchall()]
        cursor.execute(
            f"{self.PHRASES}SELECT r.id, -{self.SCORE} AS score FROM (SELECT s.*, "
            "avg(s.size) OVER () AS average FROM (SELECT m.id, v.document, "
            f"{self.SIZE} AS size, {matched} AS coordination {candidates}) s) r "
            "ORDER BY r.coordination DESC, score, r.id DESC LIMIT %s OFFSET %s",
            [*scores, *(coordination or ()), query, since, *params, limit, offset],
        )
        return cursor.fetchall()

    def rank_boundary(self, cursor, query, where, params, limit: int | None = None) -> int:
        """The id of the RANK_LIMIT-th (or limit-th) newest match, or 0 when there are fewer."""
        cursor.execute(
            f"SELECT m.id FROM {MATCHES} JOIN search_searchentry e ON e.id = m.id "
            f"WHERE {where} ORDER BY m.id DESC LIMIT 1 OFFSET %s",
            [query, *params, (limit or self.RANK_LIMIT) - 1],
        )
        row = cursor.fetchone()
        return row[0] if row else 0

    def tier_page(self, cursor, tier: Tier, where, params, wanted: int, offset: int, scores) -> list:
        """Up to `wanted` matches of one tier, from `offset` on."""
        query, coordination = tier.expression, tier.coordination

        def older(limit: int, skip: int) -> list:
            cursor.execute(
                f"SELECT m.id, 0.0 FROM {MATCHES} JOIN search_searchentry e ON e.id = m.id "
                f"WHERE m.id < %s AND {where} ORDER BY m.id DESC LIMIT %s OFFSET %s",
                [query, since, *params, limit, skip],
            )
            return cursor.fetchall()

        since = self.rank_boundary(cursor, query, where, params)
        return bounded_page(
            wanted,
            offset,
            since,
            self.RANK_LIMIT,
            lambda limit, skip, since: self.ranked(
                cursor, query, where, params, limit, skip, since, coordination, scores
            ),
            older,
        )

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
        return totals_and_facets(cursor.fetchall(), self.FACET_SAMPLE)

    def suggest(self, complete, prefix: str, access_keys, limit: int) -> list[tuple]:
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
        where, params = filter_sql(SearchRequest("", frozenset(access_keys)))
        found: list = []
        with self.connection.cursor() as cursor:
            for tier in tiers:
                if len(found) >= limit:
                    break
                since = self.rank_boundary(cursor, tier, where, params, self.SUGGEST_RANK_LIMIT)
                found += self.ranked(cursor, tier, where, params, limit - len(found), 0, since)
            return self.entries(cursor, found, access_keys)
