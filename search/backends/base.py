"""The one interface both search backends implement, and the behaviour they share.

Semantics (the contract tests check them on every backend):
- a query word matches in any of its forms (base forms, ä/ö folded, a compound's part, the
  other words of its word family, the other expressions of its synonym group:
  `search.vocabulary`); "quoted phrases" match word for word (ä/ö folded);
- the results are the documents with at least one of the meaningful words (question and
  function words such as "milloin", "voiko" only add to the score); documents with every
  meaningful word come first, then those with fewer, by how many they have, each group by
  score;
- a word the index does not know is matched with one-letter typos allowed;
- results are only documents whose access key is among the request's access keys;
- when no document has every meaningful word, the results say so (`relaxed`), with a
  did-you-mean suggestion where one exists.
"""

from __future__ import annotations

import contextvars
import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html import escape  # the stdlib's: no lazy-string check per call
from typing import NamedTuple

from django.utils.safestring import SafeString, mark_safe

from ..analysis import (
    PHRASE_RE,
    Analyzer,
    ParsedQuery,
    Token,
    fold,
    get_analyzer,
    parse_query,
    scan,
    tokenize,
)
from ..contracts import SearchDocument
from ..vocabulary import current_vocabulary

FACETS = ("kind", "theme", "network", "organisation", "year")
ORDERS = ("relevance", "date")


@dataclass
class SearchRequest:
    query: str
    access_keys: frozenset[str]
    filters: dict[str, str] = field(default_factory=dict)
    order: str = "relevance"
    page: int = 1
    per_page: int = 10

    @property
    def offset(self) -> int:
        return (max(self.page, 1) - 1) * self.per_page


@dataclass
class SearchHit:
    key: str
    kind: str
    title: str
    url: str
    snippet: SafeString
    date: datetime.date | None = None
    network: str = ""
    organisation: str = ""
    themes: list[str] = field(default_factory=list)
    score: float = 0.0


@dataclass
class SearchResults:
    query: ParsedQuery
    hits: list[SearchHit]
    total: int
    facets: dict[str, list[tuple[str, int]]]
    page: int = 1
    per_page: int = 10
    relaxed: bool = False  # no document had every meaningful word; these have some of them
    suggestion: str | None = None  # did you mean
    # The facet counts are estimates from an even sample of the matches (many results).
    facets_estimated: bool = False
    # The total is an estimate too (very many results: "about N").
    total_estimated: bool = False

    @property
    def keys(self) -> list[str]:
        return [hit.key for hit in self.hits]

    @property
    def page_count(self) -> int:
        return max(1, -(-self.total // self.per_page))


class Answer(NamedTuple):
    """A backend's answer to one query: the page's hits; how many documents have any
    meaningful word (`total`) and every one of them (`complete`); the facet counts; whether
    the facets and the total are estimates."""

    hits: list[SearchHit]
    total: int
    facets: dict[str, list[tuple[str, int]]]
    facets_estimated: bool
    complete: int
    total_estimated: bool = False


# Within one search the same index look-ups recur (a word is checked by the query, by the typo
# handling and by did-you-mean): they are made once per search, never kept between searches.
_lookups: contextvars.ContextVar[dict | None] = contextvars.ContextVar("search_lookups", default=None)


class SearchUnavailable(Exception):
    """The backend cannot answer (e.g. the Elasticsearch cluster is unreachable)."""


class SearchBackend:
    name = "base"

    def __init__(self, analyzer: Analyzer | None = None):
        self.analyzer = analyzer or get_analyzer()

    # --- writing ------------------------------------------------------------------------
    def index_documents(self, documents: Iterable[SearchDocument]) -> int:
        raise NotImplementedError

    def delete_documents(self, keys: Iterable[str]) -> None:
        raise NotImplementedError

    def rebuild(
        self,
        documents: Iterable[SearchDocument],
        progress: Callable[[int], None] | None = None,
    ) -> int:
        """Replace the whole index; searches keep answering from the old one meanwhile."""
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def count(self) -> int:
        raise NotImplementedError

    def problem(self) -> str | None:
        """None when the backend can answer, else what is wrong (for /healthz)."""
        return None

    # --- reading ------------------------------------------------------------------------
    def execute(self, request: SearchRequest, parsed: ParsedQuery) -> Answer:
        """Run one query."""
        raise NotImplementedError

    def suggest(self, text: str, access_keys: frozenset[str], limit: int = 8) -> list[SearchHit]:
        raise NotImplementedError

    def known_terms(self, terms: Iterable[str]) -> set[str]:
        """Which of these terms occur in the index (for typo tolerance and did-you-mean)."""
        raise NotImplementedError

    def search(self, request: SearchRequest) -> SearchResults:
        token = _lookups.set({})
        try:
            return self._search(request)
        finally:
            _lookups.reset(token)

    def parse(self, text: str) -> ParsedQuery:
        return parse_query(text, self.analyzer, current_vocabulary())

    def _search(self, request: SearchRequest) -> SearchResults:
        parsed = self.parse(request.query)
        if parsed.is_empty:
            return SearchResults(parsed, [], 0, {}, request.page, request.per_page)
        answer = self.execute(request, parsed)
        results = SearchResults(
            parsed, answer.hits, answer.total, answer.facets, request.page, request.per_page
        )
        results.facets_estimated = answer.facets_estimated
        results.total_estimated = answer.total_estimated
        if answer.total == 0 or self.has_unknown_words(parsed):
            results.suggestion = self.did_you_mean(request, parsed)
        results.relaxed = answer.total > 0 and not answer.complete
        return results

    def count_matches(self, request: SearchRequest, parsed: ParsedQuery) -> int:
        """How many documents the query finds for the request (a backend may do it cheaper)."""
        return self.execute(request, parsed).total

    @staticmethod
    def remembered(key, compute: Callable[[], object]):
        """compute(), made once per search for the same key (outside a search: every time)."""
        memo = _lookups.get()
        if memo is None:
            return compute()
        if key not in memo:
            memo[key] = compute()
        return memo[key]

    # --- shared helpers -----------------------------------------------------------------
    def has_unknown_words(self, parsed: ParsedQuery) -> bool:
        return any(
            len(word.text) >= 4 and not word.alternatives and not self.known_terms(word.terms)
            for word in parsed.words
        )

    def did_you_mean(self, request: SearchRequest, parsed: ParsedQuery) -> str | None:
        """Replace each word the index does not know by the closest one that finds something."""
        words = tokenize(PHRASE_RE.sub(" ", parsed.text).replace('"', " "))
        if not words:
            return None
        changed = False
        corrected: list[str] = []
        for token in words:
            analysis = self.analyzer.word(token)
            if token.special or self.known_terms(analysis.query_terms):
                corrected.append(token.surface)
                continue
            replacement = self._closest_known_word(token.surface, request)
            if replacement:
                corrected.append(replacement)
                changed = True
            else:
                corrected.append(token.surface)
        if not changed:
            return None
        suggestion = " ".join(corrected)
        check = SearchRequest(suggestion, request.access_keys, dict(request.filters), per_page=1)
        total = self.count_matches(check, self.parse(suggestion))
        return suggestion if total else None

    def spelling_suggestions(self, word: str) -> list[str]:
        """The analyser's spelling suggestions for a word (Voikko's; none from Snowball)."""
        suggest = getattr(self.analyzer, "suggest", None)
        if suggest is None:
            return []
        return self.remembered(("spelling", word), lambda: list(suggest(word)))

    def _closest_known_word(self, word: str, request: SearchRequest) -> str | None:
        """The first candidate that finds a document the person may see: the index's terms
        come from every document, so a word only a private one holds is never offered."""
        candidates: list[str] = []
        candidates.extend(candidate.lower() for candidate in self.spelling_suggestions(word)[:5])
        candidates.extend(sorted(self.typo_candidates(word), key=lambda c: (c != word, c)))
        for candidate in candidates:
            if " " in candidate:
                continue
            terms = self.analyzer.word(tokenize(candidate)[0]).query_terms if candidate else set()
            if terms and self.known_terms(terms) and self._finds_something(candidate, request):
                return candidate
        return None

    def _finds_something(self, word: str, request: SearchRequest) -> bool:
        check = SearchRequest(word, request.access_keys, dict(request.filters), per_page=1)
        return self.count_matches(check, self.parse(word)) > 0

    def typo_candidates(self, word: str) -> set[str]:
        """Index terms one edit (insert, delete, replace, swap) away from the folded word."""
        folded = fold(word)
        return self.remembered(("typos", folded), lambda: self.known_terms(edits1(folded)))

    def highlighter(self, parsed: ParsedQuery) -> Highlighter:
        """Snippets of this query's hits: `highlighter(parsed)(text)`."""
        return Highlighter(parsed, self.analyzer)


LETTERS = "abcdefghijklmnopqrstuvwxyz"


def edits1(word: str) -> set[str]:
    if len(word) < 4:
        return set()  # short words would match too much with a typo allowed
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {left + right[1:] for left, right in splits if right}
    swaps = {left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1}
    replaces = {left + c + right[1:] for left, right in splits if right for c in LETTERS}
    inserts = {left + c + right for left, right in splits for c in LETTERS}
    return (deletes | swaps | replaces | inserts) - {word}


class Highlighter:
    """The passages of one query's hits: for each text, the passage with the most query words,
    matches in <mark>, the rest escaped. The hits share their words: each distinct word is
    analysed once per query, not once per hit."""

    def __init__(self, parsed: ParsedQuery, analyzer: Analyzer, words: int = 32):
        self.terms = parsed.highlight_terms()
        self.analyzer = analyzer
        self.words = words
        self.marked: dict[tuple[str, str], bool] = {}

    def is_match(self, surface: str, special: str) -> bool:
        hit = self.marked[(surface, special)] = bool(
            self.analyzer.word(Token(surface, 0, special)).index_terms & self.terms
        )
        return hit

    def __call__(self, text: str) -> SafeString:
        text = (text or "")[:20000]
        words = self.words
        tokens = list(scan(text))  # (surface, special, start, end), no per-token objects
        if not tokens:
            return mark_safe("")  # noqa: S308  (empty)
        marked, is_match = self.marked, self.is_match
        matched = [
            marked[(surface, special)] if (surface, special) in marked else is_match(surface, special)
            for surface, special, _start, _end in tokens
        ]
        best_start, best_count, count = 0, -1, 0
        for index in range(len(tokens)):
            count += matched[index]
            if index >= words:
                count -= matched[index - words]
            if count > best_count:
                best_count, best_start = count, max(0, index - words + 1)
        window = range(best_start, min(len(tokens), best_start + words))
        # Start a little before the first match so the passage reads naturally.
        first_match = next((i for i in window if matched[i]), best_start)
        start_token = max(0, first_match - 6) if best_count > 0 else 0
        if len(tokens) - start_token < words:
            start_token = max(0, len(tokens) - words)
        end_token = min(len(tokens), start_token + words)
        pieces: list[str] = []
        cursor = tokens[start_token][2]
        if start_token > 0:
            pieces.append("… ")
        for index in range(start_token, end_token):
            _surface, _special, start, end = tokens[index]
            pieces.append(escape(text[cursor:start]))
            if matched[index]:
                pieces.append(f"<mark>{escape(text[start:end])}</mark>")
            else:
                pieces.append(escape(text[start:end]))
            cursor = end
        if end_token < len(tokens):
            pieces.append(" …")
        return mark_safe("".join(pieces).strip())  # noqa: S308  (every text piece is escaped)
