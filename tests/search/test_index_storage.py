"""The embedded SQLite index keeps the index only: a contentless FTS5 table without prefix
indexes, the analysed values it needs for deletions compressed beside it (migration 0009),
and the prefix-indexed titles search-as-you-type reads (`search_suggest`, migration 0010)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from search.backends import SearchRequest, get_backend
from search.backends.stores.sqlite import pack, unpack
from typ_site.core.access import PUBLIC

from .conftest import make_document

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite store")

BEFORE = [("search", "0008_zero_result_searches")]
AFTER = [("search", "0009_contentless_fulltext")]


def keys(query: str) -> list[str]:
    return get_backend().search(SearchRequest(query, frozenset({PUBLIC}))).keys


def integrity_check() -> None:
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')")
        cursor.execute("INSERT INTO search_suggest (search_suggest) VALUES ('integrity-check')")


def suggested(text: str, access_keys=frozenset({PUBLIC})) -> list[str]:
    return [hit.key for hit in get_backend().suggest(text, access_keys)]


def title_matches(prefix: str) -> list[int]:
    """The rows of the suggestion table with a title word starting with `prefix`."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid FROM search_suggest WHERE search_suggest MATCH %s ORDER BY rowid",
            [f'title : "{prefix}" *'],
        )
        return [row[0] for row in cursor.fetchall()]


def fulltext_rows() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_fts_terms")
        return cursor.fetchone()[0]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def test_the_table_keeps_no_copy_of_the_text_and_no_prefix_index(db):
    get_backend().index_documents([make_document("page:1", "Työkokeilun ohje", "Työkokeilu kestää.")])
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = 'search_fts'")
        definition = cursor.fetchone()[0]
        cursor.execute("SELECT title, body FROM search_fts")
        stored = cursor.fetchall()
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'search_fts_content'")
        content_table = cursor.fetchall()

    assert "content = ''" in definition or "content=''" in definition
    assert "prefix" not in definition
    assert stored == [(None, None)]
    assert content_table == []
    assert keys("työkokeilu") == ["page:1"]


def test_updates_and_deletions_leave_nothing_behind(db):
    backend = get_backend()
    backend.index_documents(
        [
            make_document("page:1", "Työkokeilun ohje", "Työkokeilu kestää enintään puoli vuotta."),
            make_document("page:2", "Palkkatuki", "Palkkatuen hakeminen."),
        ]
    )
    backend.index_documents([make_document("page:1", "Kuntouttava työtoiminta", "Työtoiminnan ohje.")])

    assert keys("työkokeilu") == []
    assert keys("työtoiminta") == ["page:1"]
    integrity_check()

    backend.delete_documents(["page:1"])

    assert keys("työtoiminta") == []
    assert keys("palkkatuki") == ["page:2"]
    assert fulltext_rows() == 1
    integrity_check()

    backend.clear()

    assert keys("palkkatuki") == []
    assert fulltext_rows() == 0
    integrity_check()


def test_a_search_answers_the_same_after_a_rebuild_of_the_same_documents(db):
    backend = get_backend()
    documents = [
        make_document(f"page:{n}", f"Ohje {n}", "Työkokeilu ja palkkatuki." if n % 2 else "Palkkatuki.")
        for n in range(30)
    ]
    backend.index_documents(documents)
    before = (keys("työkokeilu"), keys("palkkatuki"), keys('"työkokeilu ja"'))

    backend.rebuild(documents)

    assert (keys("työkokeilu"), keys("palkkatuki"), keys('"työkokeilu ja"')) == before
    assert get_backend().search(SearchRequest("palkkatuki", frozenset({PUBLIC}))).total == 30
    integrity_check()


def test_the_compressed_copy_gives_back_the_values():
    values = ("tyokokeilu ohje", "", "xa7075626c6963", "a\u00e4 b", "meta")

    assert unpack(pack(values)) == list(values)


def test_the_suggestion_table_keeps_titles_only_with_prefix_indexes(db):
    get_backend().index_documents([make_document("page:1", "Työkokeilun ohje", "Palkkatuki kestää.")])
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = 'search_suggest'")
        definition = cursor.fetchone()[0]
        cursor.execute("SELECT title, access FROM search_suggest")
        stored = cursor.fetchall()

    assert "content = ''" in definition
    assert "prefix = '2 3 4'" in definition
    assert stored == [(None, None)]
    assert len(title_matches("ty")) == 1
    assert title_matches("pa") == []
    assert suggested("työk") == ["page:1"]
    # A word only in the body is still completed, from the main index.
    assert suggested("palkka") == ["page:1"]


def test_title_updates_and_deletions_reach_the_suggestions(db):
    backend = get_backend()
    backend.index_documents(
        [
            make_document("page:1", "Työkokeilun ohje", "Ohje."),
            make_document("page:2", "Palkkatuki", "Palkkatuen hakeminen."),
            make_document("post:3", "Salainen työkokeilu", access_key="network:3"),
        ]
    )
    assert suggested("työkok") == ["page:1"]
    assert sorted(suggested("työkok", frozenset({PUBLIC, "network:3"}))) == ["page:1", "post:3"]

    backend.index_documents([make_document("page:1", "Kuntouttava työtoiminta", "Ohje.")])

    assert suggested("työkok") == []
    assert suggested("kuntout") == ["page:1"]
    assert len(title_matches("tyokok")) == 1
    integrity_check()

    backend.index_documents([make_document("post:3", "Salainen työkokeilu", access_key=PUBLIC)])

    assert suggested("työkok") == ["post:3"]

    backend.delete_documents(["page:1", "post:3"])

    assert suggested("kuntout") == []
    assert suggested("työkok") == []
    assert title_matches("tyo") == []
    assert suggested("palkka") == ["page:2"]
    integrity_check()

    backend.clear()

    assert suggested("palkka") == []
    assert title_matches("pa") == []
    integrity_check()


def test_suggestions_put_title_matches_first_and_keep_the_complete_words(db):
    get_backend().index_documents(
        [
            make_document("page:1", "Palkkatuki", "Työkokeilu ja palkkatuki."),
            make_document("page:2", "Työkokeilun ohje", "Kesto."),
            make_document("page:3", "Työkokeilu ja palkkatuki", "Kesto."),
        ]
    )

    as_typed = suggested("työk")
    assert set(as_typed) == {"page:1", "page:2", "page:3"}
    assert as_typed[-1] == "page:1"  # the word only in the body comes after the titles
    assert suggested("palkkatuki työk") == ["page:3", "page:1"]
    assert set(suggested("kesto työk")) == {"page:2", "page:3"}


@pytest.mark.django_db(transaction=True)
def test_the_migration_moves_an_existing_index_both_ways():
    backend = get_backend()
    # A transactional test's database is emptied table by table afterwards, and the full-text
    # tables are no models: what an earlier one indexed may still be there.
    backend.clear()
    backend.index_documents(
        [
            make_document("page:1", "Työkokeilun ohje", "Työkokeilu kestää."),
            make_document("page:2", "Palkkatuki", "Palkkatuen hakeminen."),
        ]
    )
    try:
        _migrate(BEFORE)
        with connection.cursor() as cursor:
            cursor.execute("SELECT rowid, title FROM search_fts ORDER BY rowid")
            restored = cursor.fetchall()
        assert ["tyokokeilu" in title.split() for _rowid, title in restored] == [True, False]
        assert "palkkatuki" in restored[1][1].split()

        _migrate(AFTER)
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())

    assert keys("työkokeilu") == ["page:1"]
    assert suggested("työk") == ["page:1"]
    backend.delete_documents(["page:1"])
    assert keys("työkokeilu") == []
    assert suggested("työk") == []
    assert keys("palkkatuki") == ["page:2"]
    integrity_check()
