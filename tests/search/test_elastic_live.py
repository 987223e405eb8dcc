"""A rebuild under writes against a live Elasticsearch cluster (`make test-elasticsearch`).

Skipped unless ELASTICSEARCH_URL names a cluster (credentials and TLS from the same
environment variables as the site's: ELASTICSEARCH_API_KEY or ELASTICSEARCH_USERNAME and
ELASTICSEARCH_PASSWORD, ELASTICSEARCH_CA_CERTS or ELASTICSEARCH_SSL_FINGERPRINT). The indices get
a random prefix and are deleted afterwards. The shared contract (tests/search/test_contract.py)
runs against the same cluster through its `elasticsearch` parameter.
"""

import uuid

import pytest
from wagtail.models import Page, PageViewRestriction

from search.backends import SearchRequest
from search.backends.elastic import ElasticsearchBackend, RebuildInProgress
from search.indexing import documents_for
from typ_site.core.access import MEMBERS, PUBLIC

from .conftest import live_elasticsearch_url, make_document

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]

FILLER = 2000  # documents loaded around the edits: four bulk chunks of 500


@pytest.fixture
def live(settings):
    url = live_elasticsearch_url()
    if not url:
        pytest.skip("set ELASTICSEARCH_URL to run against a live cluster")
    settings.ELASTICSEARCH_URL = url
    settings.ELASTICSEARCH_INDEX_PREFIX = f"typtest-{uuid.uuid4().hex[:10]}"
    settings.ELASTICSEARCH_REPLICAS = 0
    backend = ElasticsearchBackend()
    yield backend
    backend.clear()


def published_page(parent, title: str, slug: str):
    page = Page(title=title, slug=slug, live=False)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def found(backend, query: str, keys) -> set[str]:
    results = backend.search(SearchRequest(query, frozenset(keys), per_page=100))
    return set(results.keys)


def test_a_rebuild_under_writes_keeps_every_edit_deletion_and_access_change(live, home_page):
    pages = [published_page(home_page, f"Perehdytysohje {n}", f"ohje-{n}") for n in range(24)]
    keys = [f"page:{page.pk}" for page in pages]
    live.rebuild(documents_for(keys)[0])
    edited, deleted, restricted = set(), set(), set()

    def documents():
        stale = documents_for(keys)[0]  # read before the edits below
        yield from stale[:12]
        for number in range(FILLER):
            yield make_document(f"note:{number}", f"Muistio {number}", "Täytettä kokouksesta.")
            if number % 250 == 249:  # an editor's three changes, each with its index update
                group = pages[(number // 250) * 3 : (number // 250) * 3 + 3]
                group[0].title = f"Palvelutarpeen arviointi {group[0].pk}"
                group[0].save_revision().publish()
                edited.add(f"page:{group[0].pk}")
                deleted.add(f"page:{group[1].pk}")
                group[1].delete()
                PageViewRestriction.objects.create(page=group[2], restriction_type=PageViewRestriction.LOGIN)
                restricted.add(f"page:{group[2].pk}")
                to_index, to_delete = documents_for([f"page:{page.pk}" for page in group])
                live.index_documents(to_index)
                live.delete_documents(to_delete)
        yield from stale[12:]

    assert live.rebuild(documents()) == len(keys) + FILLER

    untouched = set(keys) - edited - deleted - restricted
    assert found(live, "perehdytysohje", {PUBLIC}) == untouched
    assert found(live, "perehdytysohje", {PUBLIC, MEMBERS}) == untouched | restricted
    assert found(live, "palvelutarpeen arviointi", {PUBLIC}) == edited
    assert live.count() == len(keys) - len(deleted) + FILLER
    assert live.problem() is None


def test_a_second_rebuild_is_refused_while_one_runs(live):
    def documents():
        with pytest.raises(RebuildInProgress):
            ElasticsearchBackend().rebuild([make_document("page:2", "Toinen")])
        yield make_document("page:1", "Ensimmäinen")

    live.rebuild(documents())

    assert live.count() == 1


def test_updates_during_a_rebuild_do_not_wait_for_the_index_being_built(live):
    live.rebuild([])

    def documents():
        # With refresh off on the new index, waiting for its refresh would time out here.
        live.index_documents([make_document("note:1", "Kesken kirjoitettu")])
        yield make_document("note:2", "Ladattu")

    live.rebuild(documents())
