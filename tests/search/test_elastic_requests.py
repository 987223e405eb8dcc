"""The Elasticsearch backend's requests, in order, against a recording stand-in cluster.

No Elasticsearch server can be installed on this machine: `elastic_recorder.RecordingServer`
is a small HTTP server in a thread that stands in for one, answering like Elasticsearch and
recording every request. These tests hold the backend to its contract where the order and
the options of its requests decide it: refreshes during a rebuild, a rebuild under live edits,
deletions and access changes, concurrent rebuilds, did-you-mean within the person's access,
and failed deletions. The same behaviour is checked against a live cluster by
`make test-elasticsearch` (tests/search/test_elastic_live.py).
"""

import datetime

import pytest
from wagtail.models import Page, PageViewRestriction

from search.analysis import parse_query
from search.backends import SearchRequest, SearchUnavailable, elastic
from search.backends.elastic import (
    ElasticsearchBackend,
    IndexWriteFailed,
    RebuildInProgress,
    alias_name,
    changes_index,
    lock_index,
)
from search.indexing import documents_for
from typ_site.core.access import MEMBERS, PUBLIC, network_key

from .conftest import make_document
from .elastic_recorder import RecordingServer

pytestmark = pytest.mark.django_db

ALIAS = "typ-documents"


@pytest.fixture
def server(settings):
    with RecordingServer() as running:
        settings.ELASTICSEARCH_URL = running.url
        settings.ELASTICSEARCH_INDEX_PREFIX = "typ"
        settings.ELASTICSEARCH_REPLICAS = 1
        yield running


@pytest.fixture
def cluster(server):
    return server.cluster


@pytest.fixture
def backend(server):
    return ElasticsearchBackend()


def published_page(parent, title: str, slug: str):
    page = Page(title=title, slug=slug, live=False)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def position(cluster, predicate, start: int = 0) -> int:
    """Where the first request from `start` on that satisfies the predicate stands."""
    return next(
        number for number, request in enumerate(cluster.requests) if number >= start and predicate(request)
    )


def bulk_ops(request) -> list[tuple[str, str, str]]:
    """(op, index, id) of each action of a recorded bulk request."""
    return [
        (op, meta["_index"], meta["_id"])
        for line in request.body
        for op, meta in line.items()
        if op in ("index", "create", "delete") and isinstance(meta, dict) and "_id" in meta
    ]


# --- 4: a fresh cluster, ensure_index and the rebuild lock ----------------------------------


def test_a_write_on_a_fresh_cluster_creates_an_empty_index_behind_the_alias_and_deletes_nothing(
    backend, cluster
):
    backend.index_documents([make_document("page:1", "Työkokeilu")])

    initial = f"{ALIAS}-{'0' * 20}"
    assert cluster.behind(ALIAS) == [initial]
    create = next(r for r in cluster.requests if r.target == f"PUT /{initial}")
    assert create.body["aliases"] == {ALIAS: {}}
    assert create.body["mappings"]["properties"]["body_terms"]["analyzer"] == "whitespace"
    assert "PUT /_index_template/typ-documents" in cluster.targets()
    assert cluster.targets("DELETE") == []
    assert set(cluster.documents(initial)) == {"page:1"}


def test_a_save_during_the_first_rebuild_neither_destroys_it_nor_is_lost(backend, cluster, home_page):
    editor = ElasticsearchBackend()  # another process
    saved = published_page(home_page, "Palkkatuki", "palkkatuki")

    def documents():
        # The first rebuild is reading; an editor saves a page meanwhile.
        editor.index_documents(documents_for([f"page:{saved.pk}"])[0])
        yield make_document("page:1", "Työkokeilu")

    assert backend.rebuild(documents()) == 1

    (live,) = cluster.behind(ALIAS)
    assert live != f"{ALIAS}-{'0' * 20}"
    assert set(cluster.documents(live)) == {"page:1", f"page:{saved.pk}"}
    assert [name for name in cluster.index_names() if name.startswith(ALIAS)] == [
        live
    ]  # the empty index the save made is gone, no other
    assert not any(index.auto_created for name, index in cluster.indices.items() if name.startswith(ALIAS))
    # Nothing was deleted before the new index was behind the alias.
    swap = position(cluster, lambda r: r.target == "POST /_aliases")
    deletions = [
        n for n, r in enumerate(cluster.requests) if r.method == "DELETE" and r.path.startswith(f"/{ALIAS}")
    ]
    assert deletions and min(deletions) > swap


def test_a_second_rebuild_waits_for_the_first_one(backend, cluster):
    def documents():
        with pytest.raises(RebuildInProgress):
            ElasticsearchBackend().rebuild([make_document("page:9", "Toinen")])
        yield make_document("page:1", "Työkokeilu")

    backend.rebuild(documents())

    (live,) = cluster.behind(ALIAS)
    assert set(cluster.documents(live)) == {"page:1"}
    creates = [
        r
        for r in cluster.requests
        if r.method == "PUT" and r.path.startswith(f"/{ALIAS}-") and r.path.count("/") == 1
    ]
    assert len(creates) == 1  # the refused rebuild created no index
    assert cluster.documents(lock_index()) == {}  # released


def test_a_stale_lock_of_a_rebuild_that_died_is_taken_over(backend, cluster):
    long_ago = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC).isoformat()
    cluster.handle("PUT", f"/{lock_index()}/_create/rebuild", {}, {"owner": "dead", "renewed": long_ago})

    backend.rebuild([make_document("page:1", "Työkokeilu")])

    assert len(cluster.behind(ALIAS)) == 1
    take_over = next(r for r in cluster.requests if r.target == f"PUT /{lock_index()}/_doc/rebuild")
    assert "if_seq_no" in take_over.params


def test_a_rebuild_drops_what_was_behind_the_alias_and_older_orphans_only(backend, cluster):
    backend.rebuild([make_document("page:1", "Ensimmäinen")])
    (first,) = cluster.behind(ALIAS)
    orphan = f"{ALIAS}-00000000000000000001"  # left by a rebuild that died long ago
    cluster.handle("PUT", f"/{orphan}", {}, {})

    backend.rebuild([make_document("page:1", "Toinen")])

    (second,) = cluster.behind(ALIAS)
    assert [name for name in cluster.index_names() if name.startswith(ALIAS)] == [second]
    assert first != second


# --- 2: refreshes during and after a rebuild -------------------------------------------------


def test_updates_during_a_rebuild_wait_for_a_refresh_only_where_searches_read(backend, cluster):
    backend.rebuild([make_document("page:1", "Vanha")])
    (old,) = cluster.behind(ALIAS)

    def documents():
        backend.index_documents([make_document("page:2", "Uusi")])
        backend.delete_documents(["page:1"])
        yield make_document("page:3", "Kolmas")

    start = len(cluster.requests)
    backend.rebuild(documents())

    assert cluster.stalled == []
    (new,) = cluster.behind(ALIAS)
    live_writes = [
        r
        for r in cluster.bulks()
        if {(op, index) for op, index, _id in bulk_ops(r)} <= {("index", old), ("delete", old)}
    ]
    building_writes = [
        r for r in cluster.bulks() if {index for _op, index, _id in bulk_ops(r)} == {new} and r.params
    ]
    assert [r.params.get("refresh") for r in live_writes] == ["wait_for", "wait_for"]
    assert {r.params.get("refresh") for r in building_writes} <= {"false"}
    create = next(r for r in cluster.requests if r.target == f"PUT /{new}")
    assert create.body["settings"]["refresh_interval"] == "-1"
    restore = next(r for r in cluster.requests if r.target == f"PUT /{new}/_settings")
    assert restore.body == {"index": {"refresh_interval": None, "number_of_replicas": 1}}
    assert position(cluster, lambda r: r.target == f"PUT /{new}/_settings", start) < position(
        cluster, lambda r: r.target == "POST /_aliases", start
    )


def test_a_failed_rebuild_leaves_no_index_that_never_refreshes(backend, cluster):
    backend.rebuild([make_document("page:1", "Vanha")])
    (live,) = cluster.behind(ALIAS)

    def documents():
        yield make_document("page:2", "Kesken")
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        backend.rebuild(documents())

    assert [name for name in cluster.index_names() if name.startswith(ALIAS)] == [live]
    assert cluster.documents(lock_index()) == {}
    backend.index_documents([make_document("page:3", "Myöhemmin")])
    assert set(cluster.documents(live)) == {"page:1", "page:3"}
    assert cluster.stalled == []


def test_when_a_failed_rebuild_cannot_drop_its_index_it_lets_it_refresh_again(backend, cluster, monkeypatch):
    monkeypatch.setattr(elastic, "new_index_name", lambda: f"{ALIAS}-20260101000000000000")
    cluster.fail[("DELETE", f"/{ALIAS}-20260101000000000000")] = (503, "unavailable_shards_exception")

    def documents():
        raise RuntimeError("the database went away")
        yield  # a generator

    with pytest.raises(RuntimeError):
        backend.rebuild(documents())

    index = cluster.indices[f"{ALIAS}-20260101000000000000"]
    assert "refresh_interval" not in index.settings


# --- 3: a rebuild under writes keeps edits, deletions and access changes ----------------------


def test_a_rebuild_under_writes_keeps_edits_deletions_and_access_changes(backend, cluster, home_page):
    edited = published_page(home_page, "Alkukartoitus", "alkukartoitus")
    deleted = published_page(home_page, "Palkkatuki", "palkkatuki")
    restricted = published_page(home_page, "Työkokeilu", "tyokokeilu")
    kept = published_page(home_page, "Sosiaaliohjaus", "sosiaaliohjaus")
    keys = [f"page:{page.pk}" for page in (edited, deleted, restricted, kept)]
    backend.rebuild(documents_for(keys)[0])
    (old,) = cluster.behind(ALIAS)

    def documents():
        # The rebuild read these before the editors' changes...
        stale = documents_for(keys)[0]
        # ...which land while the load runs, each followed by its index update.
        edited.title = "Palvelutarpeen arviointi"
        edited.save_revision().publish()
        deleted.delete()
        PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
        to_index, to_delete = documents_for(keys[:3])
        backend.index_documents(to_index)
        backend.delete_documents(to_delete)
        yield from stale

    start = len(cluster.requests)
    assert backend.rebuild(documents()) == 4

    (new,) = cluster.behind(ALIAS)
    documents_now = cluster.documents(new)
    assert set(documents_now) == {keys[0], keys[2], keys[3]}  # the deleted page stays out
    assert documents_now[keys[0]]["title"] == "Palvelutarpeen arviointi"  # the edit is kept
    assert documents_now[keys[2]]["access_key"] == MEMBERS  # and so is the restriction
    assert old not in cluster.indices

    # The order that makes it so: the new index exists before the documents are read and
    # loaded with op_type create; each live change is logged before it is written.
    def first(predicate):
        return position(cluster, predicate, start)

    def bulk_to(index, op):
        return lambda r: r.path == "/_bulk" and (op, index) in {(o, i) for o, i, _id in bulk_ops(r)}

    created = first(lambda r: r.target == f"PUT /{new}")
    log_started = first(lambda r: r.target == f"PUT /{changes_index()}")
    load = first(bulk_to(new, "create"))
    assert log_started < created < load
    assert {op for op, _index, _id in bulk_ops(cluster.requests[load])} == {"create"}
    assert first(bulk_to(changes_index(), "index")) < first(bulk_to(old, "index")) < load
    deletion = first(bulk_to(old, "delete"))
    assert (
        position(cluster, bulk_to(changes_index(), "index"), first(bulk_to(old, "index")) + 1)
        < deletion
        < load
    )
    replay = first(lambda r: r.target == f"POST /{changes_index()}/_search")
    swap = first(lambda r: r.target == "POST /_aliases")
    assert load < replay < swap


def test_the_load_counts_a_document_a_live_write_put_there_first(backend, cluster, home_page):
    page = published_page(home_page, "Uudempi", "uudempi")
    key = f"page:{page.pk}"

    def documents():
        backend.index_documents(documents_for([key])[0])
        yield make_document(key, "Vanhempi")

    backend.ensure_index()
    assert backend.rebuild(documents()) == 1
    (live,) = cluster.behind(ALIAS)
    assert cluster.documents(live)[key]["title"] == "Uudempi"
    load = next(r for r in cluster.bulks() if bulk_ops(r) and bulk_ops(r)[0][0] == "create")
    assert load.body  # the older copy was sent, and refused with 409


def test_the_load_goes_in_bounded_chunks(backend, cluster, monkeypatch):
    monkeypatch.setattr(elastic, "BULK_CHUNK_SIZE", 2)
    progress = []

    backend.rebuild((make_document(f"page:{n}", f"Ohje {n}") for n in range(5)), progress.append)

    loads = [r for r in cluster.bulks() if bulk_ops(r) and bulk_ops(r)[0][0] == "create"]
    assert [len(bulk_ops(r)) for r in loads] == [2, 2, 1]
    assert progress == [2, 4, 5]


# --- 6: deletions -----------------------------------------------------------------------------


def test_deleting_a_document_that_is_not_there_is_fine(backend, cluster):
    backend.ensure_index()

    backend.delete_documents(["page:404"])


def test_a_refused_deletion_is_an_error_not_silence(backend, cluster):
    backend.index_documents([make_document("page:1", "Salainen")])
    cluster.refuse[("delete", "page:1")] = (403, "cluster_block_exception")

    with pytest.raises(IndexWriteFailed):
        backend.delete_documents(["page:1", "page:404"])


def test_a_refused_document_is_an_error(backend, cluster):
    backend.ensure_index()
    cluster.refuse[("index", "page:1")] = (400, "document_parsing_exception")

    with pytest.raises(IndexWriteFailed):
        backend.index_documents([make_document("page:1", "Rikki")])


# --- 5: did-you-mean within the person's access -----------------------------------------------


@pytest.fixture
def indexed(backend):
    backend.rebuild(
        [
            make_document("page:1", "Sosiaaliohjaus", "Sosiaaliohjaaja tapaa asiakkaan."),
            make_document(
                "post:2", "Kriisiryhmä", "Verkoston kriisiryhmä kokoontuu.", access_key=network_key(2)
            ),
            make_document("page:3", "Työkokeilu", "Työkokeilu alkaa."),
        ]
    )
    return backend


def did_you_mean(backend, query, keys):
    request = SearchRequest(query, frozenset(keys))
    return backend.did_you_mean(request, parse_query(query, backend.analyzer))


def test_did_you_mean_offers_only_words_of_documents_the_person_may_see(indexed):
    assert did_you_mean(indexed, "kriisirymä", {PUBLIC}) is None
    assert did_you_mean(indexed, "kriisirymä", {PUBLIC, network_key(2)}) == "kriisiryhmä"


def test_did_you_mean_writes_the_correction_as_the_words_were_typed(indexed):
    assert did_you_mean(indexed, "sosiaalohjaaja", {PUBLIC}) == "sosiaaliohjaaja"
    # The index holds folded terms ("tyokokeilu"); the suggestion keeps the ö as typed.
    assert did_you_mean(indexed, "työkoeilu", {PUBLIC}) == "työkokeilu"
    # A section reference stays as typed, never as its term ("11pykala").
    assert did_you_mean(indexed, "työkoeilu 11 §", {PUBLIC}) == "työkokeilu 11 §"


def test_the_term_look_ups_carry_the_access_filter(indexed, cluster):
    did_you_mean(indexed, "kriisirymä", {PUBLIC})

    lookups = [r for r in cluster.requests if r.target == f"POST /{ALIAS}/_search"]
    assert lookups
    for request in lookups:
        assert {"terms": {"access_key": [PUBLIC]}} in request.body["query"]["bool"]["filter"][0]["bool"][
            "filter"
        ]


# --- 10: health and errors --------------------------------------------------------------------


def test_health_reports_a_missing_alias(backend, cluster):
    assert "no index typ-documents" in backend.problem()

    backend.ensure_index()

    assert backend.problem() is None


def test_a_refused_query_is_an_error_of_ours_not_an_outage(indexed, cluster):
    cluster.fail[("POST", f"/{ALIAS}/_search")] = (400, "x_content_parse_exception")

    with pytest.raises(Exception) as raised:
        indexed.search(SearchRequest("sosiaaliohjaaja", frozenset({PUBLIC})))
    assert not isinstance(raised.value, SearchUnavailable)


def test_an_overloaded_cluster_is_an_outage(indexed, cluster):
    cluster.fail[("POST", f"/{ALIAS}/_search")] = (429, "es_rejected_execution_exception")

    with pytest.raises(SearchUnavailable):
        indexed.search(SearchRequest("sosiaaliohjaaja", frozenset({PUBLIC})))


def test_searching_the_stand_in_returns_the_shared_snippets_and_totals(indexed):
    results = indexed.search(SearchRequest("asiakas", frozenset({PUBLIC})))

    assert results.keys == ["page:1"]
    assert results.total == 1
    assert "<mark>asiakkaan</mark>" in str(results.hits[0].snippet)


def test_facets_leave_out_documents_without_a_value(indexed):
    indexed.index_documents([make_document("page:4", "Asiakas", network="Satakunnan TYP")])

    results = indexed.search(SearchRequest("asiakas", frozenset({PUBLIC})))

    assert results.total == 2
    assert dict(results.facets["network"]) == {"Satakunnan TYP": 1}


def test_only_a_word_no_document_has_is_matched_with_a_typo(indexed, cluster):
    def fuzzy_searches():
        searches = [r for r in cluster.requests if r.target == f"POST /{ALIAS}/_search" and "aggs" in r.body]
        return ['"fuzziness"' in str(r.body).replace("'", '"') for r in searches if "kind" in r.body["aggs"]]

    indexed.search(SearchRequest("työkokeilu", frozenset({PUBLIC})))
    indexed.search(SearchRequest("sosiaaliohjaja", frozenset({PUBLIC})))

    assert fuzzy_searches() == [False, True]


def test_the_alias_name_follows_the_prefix(settings, server):
    settings.ELASTICSEARCH_INDEX_PREFIX = "abc"
    assert alias_name() == "abc-documents"
