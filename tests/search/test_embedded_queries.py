"""How much SQL one search costs on the embedded backend: fixed, whatever the index holds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.backends import SearchRequest, get_backend
from search.vocabulary import current_vocabulary
from typ_site.core.access import PUBLIC

from .conftest import estimate_totals_above, make_document

pytestmark = pytest.mark.django_db

# What marks a statement of each kind, by database.
VOCABULARY_TABLE = {"sqlite": "search_fts_vocab", "postgresql": "search_vocabulary"}
RANKING_FUNCTION = {"sqlite": "bm25(", "postgresql": "ts_rank_cd("}


def statements_of(query: str, **request) -> list[str]:
    backend = get_backend()
    current_vocabulary()  # read once a minute, not per search
    with CaptureQueriesContext(connection) as captured:
        backend.search(SearchRequest(query, frozenset({PUBLIC}), **request))
    return [entry["sql"] for entry in captured.captured_queries]


def index_trials(count: int) -> None:
    in_title = [make_document(f"page:{n}", f"Työkokeilu {n}", "Ohje.") for n in range(count)]
    in_body = [make_document(f"page:{n}", f"Ohje {n}", "Työkokeilu.") for n in range(count, 2 * count)]
    get_backend().index_documents(in_title + in_body)


def test_a_misspelt_word_looks_its_near_spellings_up_once_per_search():
    index_trials(3)

    statements = statements_of("työkokelu")

    vocabulary_lookups = [sql for sql in statements if VOCABULARY_TABLE[connection.vendor] in sql]
    assert len(vocabulary_lookups) == 1


def test_checking_a_did_you_mean_counts_its_matches_without_ranking_them():
    index_trials(3)

    statements = statements_of("työkokelu")

    rankings = [sql for sql in statements if RANKING_FUNCTION[connection.vendor] in sql]
    assert len(rankings) == 1  # the results shown; the suggestion's check only counts


@pytest.mark.parametrize("count", [6, 40])
def test_the_first_page_of_many_matches_takes_the_same_statements_however_many(count, monkeypatch):
    monkeypatch.setattr(type(get_backend().store), "RANK_LIMIT", 4)  # 1,000 on the site
    index_trials(count)

    statements = statements_of("työkokeilu", per_page=4)

    # The word's own look-up, (SQLite) whether there are more than EXACT_TOTAL_LIMIT matches,
    # the total with the facets, the tier's boundary, its ranking, and the entries shown; the
    # title tier is not counted for the first page.
    counts_in_two_steps = hasattr(get_backend().store, "EXACT_TOTAL_LIMIT")
    assert len(statements) == (6 if counts_in_two_steps else 5)


@pytest.mark.parametrize("count", [30, 60])
def test_the_first_page_of_an_estimated_total_takes_the_same_statements_however_many(count, monkeypatch):
    estimate_totals_above(monkeypatch, get_backend(), exact=10, sample=2, windows=2)
    monkeypatch.setattr(type(get_backend().store), "RANK_LIMIT", 4)
    index_trials(count)

    statements = statements_of("työkokeilu", per_page=4)

    # The word's look-up; more than EXACT_TOTAL_LIMIT; the first and last id; the sample;
    # the tier's boundary, its ranking and the entries shown.
    assert len(statements) == 7
    assert sum("BETWEEN" in sql for sql in statements) == 1
