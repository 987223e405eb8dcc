"""What a store of the embedded backend does, and the ranking both stores share.

A store writes analysed documents into the database's full-text index and answers a query's
clauses with rows of `search_searchentry`. Both stores rank in the same tiers (see
`read_tiers`); only the expressions (FTS5 MATCH or tsquery) and the statements differ.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from typing import NamedTuple, Protocol

from ...contracts import SearchDocument
from ..base import SearchRequest

# bm25's weights of the fields: the title, the body, the extra text (tags, themes, network and
# organisation: mostly what an editor says the text is about; and attached documents' text)
# and phrases.
TITLE_WEIGHT, BODY_WEIGHT, EXTRA_WEIGHT, EXACT_WEIGHT = 8.0, 1.0, 3.0, 1.0
# The columns of an entry a hit is made of, in the order `EmbeddedBackend.hits_from_rows` reads.
ENTRY_COLUMNS = "e.id, e.key, e.kind, e.title, e.url, e.body, e.date, e.network, e.organisation, e.themes"


class Matches(NamedTuple):
    """A store's answer: the page's entry rows (ENTRY_COLUMNS + score), in rank order; how
    many documents have any meaningful word; the facet rows (facet, value, count); whether
    those are estimates; how many documents have every meaningful word (at least this many
    when the total is estimated and it is over the store's RANK_LIMIT); whether the total is
    an estimate."""

    rows: list[tuple]
    total: int
    facet_rows: list[tuple]
    estimated: bool
    complete: int
    total_estimated: bool = False


NO_MATCHES = Matches([], 0, [], False, 0)


class Store(Protocol):
    """A query's clauses are ("word", QueryWord, its terms) or ("phrase", its words, None);
    `optional` clauses add to the score without deciding a match."""

    # Facets are counted exactly up to this many matches; above it, from an even sample.
    FACET_SAMPLE: int
    # Above this many matches a tier's newest RANK_LIMIT are ranked, older ones follow by date.
    RANK_LIMIT: int

    def write(self, documents_by_id: dict[int, SearchDocument]) -> None: ...

    def delete(self, ids: list[int]) -> None: ...

    def clear(self) -> None: ...

    def optimise(self) -> None: ...

    def problem(self) -> str | None: ...

    def known_terms(self, terms: list[str]) -> set[str]: ...

    def execute(self, request: SearchRequest, clauses: list, optional: list) -> Matches: ...

    def count_matches(self, request: SearchRequest, clauses: list) -> int: ...

    def suggest(
        self, complete: Sequence[AbstractSet[str]], prefix: str, access_keys: frozenset[str], limit: int
    ) -> list[tuple]: ...


# --- ranking in tiers ---------------------------------------------------------------------------


class Tier(NamedTuple):
    expression: str
    size: int | None = None  # when unknown, counted only if a later page has to skip over it
    coordination: list[str] | None = None  # rank first by how many of these a document has


def title_tiers(expression: str, title: str | None, both: Callable, but_not: Callable) -> list[Tier]:
    """The matches with a query word in the title, then the others (one tier without title)."""
    if not title:
        return [Tier(expression)]
    return [Tier(both(expression, title)), Tier(but_not(expression, title))]


def coordination_tiers(
    complete_match: str,
    partial_match: str,
    parts: list[str],
    title: str | None,
    partial: int | None,
    complete: int,
    rank_limit: int,
    both: Callable,
    but_not: Callable,
) -> list[Tier]:
    """Every meaningful word first (in title tiers when there are many), then the documents
    with some of them, by how many (coordination). `partial` is how many have some but not
    all of them (None when not known exactly); `complete` is exact up to `rank_limit`."""
    tiers = []
    if complete > rank_limit and title:
        tiers += title_tiers(complete_match, title, both, but_not)
    elif complete:
        tiers.append(Tier(complete_match, complete if complete <= rank_limit else None))
    tiers.append(Tier(partial_match, partial, parts))
    return tiers


def read_tiers(
    tiers: list[Tier],
    wanted: int,
    offset: int,
    count: Callable[[str], int],
    read_page: Callable[[Tier, int, int], list],
) -> list:
    """One page over tiers read one after the other: a tier the page starts after is skipped
    by its size (counted when unknown; the last tier is never counted, reading it from the
    offset finds what there is), and the page goes on in the next tier from its start."""
    found: list = []
    for number, tier in enumerate(tiers):
        if not wanted:
            break
        if offset:
            size = tier.size
            if size is None and number < len(tiers) - 1:
                size = count(tier.expression)
            if size is not None and offset >= size:
                offset -= size
                continue
        part = read_page(tier, wanted, offset)
        found += part
        wanted -= len(part)
        offset = 0
    return found


def bounded_page(
    wanted: int,
    offset: int,
    since: int,
    rank_limit: int,
    ranked: Callable[[int, int, int], list],
    older: Callable[[int, int], list],
) -> list:
    """Up to `wanted` matches of one tier from `offset` on: the newest `rank_limit` (ids from
    `since` on; all of them when `since` is 0) ranked, the older ones newest first."""
    if not since:
        return ranked(wanted, offset, 0)
    found: list = []
    if offset < rank_limit:
        found = ranked(wanted, offset, since)
        offset = 0
    else:
        offset -= rank_limit
    if len(found) < wanted:
        found += older(wanted - len(found), offset)
    return found


# --- counting -----------------------------------------------------------------------------------


def totals_and_facets(rows: Iterable[tuple], facet_sample: int) -> tuple[int, list[tuple], bool, int]:
    """The rows of a total-and-facets statement ("#total", "#sample" and "#complete" rows
    among the facet rows) as (total, facet rows, estimated, complete); above `facet_sample`
    matches the sampled counts are scaled up to estimates."""
    facet_rows, counts = [], {}
    for facet, value, count in rows:
        if facet.startswith("#"):
            counts[facet] = count
        else:
            facet_rows.append((facet, value, count))
    total, sampled = counts["#total"], counts["#sample"]
    complete = counts.get("#complete", total)
    if total <= facet_sample:
        return total, facet_rows, False, complete
    scale = total / (sampled or 1)
    facet_rows = [(facet, value, estimate(count * scale)) for facet, value, count in facet_rows]
    return total, facet_rows, True, complete


def sample_windows(first: int, last: int, count: int, width: int) -> list[tuple[int, int]] | None:
    """`count` runs of ids (low, high), together about `width` ids, spread evenly from `first`
    to `last`; None when they would cover half of the ids or more (sampling would save little)."""
    span = last - first + 1
    each = max(1, -(-width // count))
    if each * count * 2 > span:
        return None
    step = span / count
    return [(first + int(number * step), first + int(number * step) + each - 1) for number in range(count)]


def sample_error(counts: list[int]) -> float:
    """The relative standard error of a total estimated from these counts of equal windows
    spread evenly over the ids, in order (1.0 when nothing was found). The variance is that of
    a systematic sample, from the differences of neighbouring windows: matches that come in
    long runs of ids (one kind or one network's documents added together) make it high only
    where a run begins or ends, unevenly spread ones everywhere."""
    mean = sum(counts) / len(counts) if counts else 0
    if not mean or len(counts) < 2:
        return 1.0
    steps = [after - before for before, after in itertools.pairwise(counts)]
    variance = sum(step * step for step in steps) / (2 * len(steps))
    return math.sqrt(variance / len(counts)) / mean


def estimate(value: float) -> int:
    """An estimated count rounded to two significant digits (1,234 → 1,200)."""
    value = max(1, round(value))
    digits = len(str(value))
    return value if digits <= 2 else round(value, 2 - digits)
