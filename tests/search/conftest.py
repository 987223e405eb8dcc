import os
import uuid

import pytest

from search.backends import get_backend
from search.backends.elastic import ElasticsearchBackend
from search.contracts import SearchDocument
from search.vocabulary import clear_vocabulary_cache
from typ_site.core.access import PUBLIC
from typ_site.core.demo_content import create_home_page


@pytest.fixture(autouse=True)
def _embedded_search_without_retry_delays(settings):
    """The embedded backend unless a test asks otherwise; failed updates retry at once; the
    vocabulary is read afresh (a rolled-back test leaves no synonym or statute in the cache)."""
    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_INDEX_RETRY_DELAYS = (0, 0)
    clear_vocabulary_cache()
    yield
    clear_vocabulary_cache()


def live_elasticsearch_url() -> str:
    return os.environ.get("ELASTICSEARCH_URL", "")


@pytest.fixture(params=["embedded", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def backend(request, db, settings):
    """Each backend in turn: the shared contract must hold for both."""
    if request.param == "elasticsearch":
        url = live_elasticsearch_url()
        if not url:
            pytest.skip("set ELASTICSEARCH_URL to run the contract against a live cluster")

        settings.ELASTICSEARCH_URL = url
        settings.ELASTICSEARCH_INDEX_PREFIX = f"typtest-{uuid.uuid4().hex[:10]}"
        settings.ELASTICSEARCH_REPLICAS = 0
        elastic = ElasticsearchBackend()
        elastic.rebuild([])
        yield elastic
        elastic.clear()
    else:
        yield get_backend()


def estimate_totals_above(monkeypatch, backend, exact: int, sample: int, windows: int) -> None:
    """Lower the SQLite store's limits for estimating a total (EXACT_TOTAL_LIMIT 5,000,
    FACET_SAMPLE 1,000, SAMPLE_WINDOWS 16 on the site) so that a test needs few documents;
    skipped where the total is always counted (PostgreSQL, Elasticsearch)."""
    store = type(getattr(backend, "store", None))
    if not hasattr(store, "EXACT_TOTAL_LIMIT"):
        pytest.skip("only the SQLite store estimates the total of very many matches; the others count")
    monkeypatch.setattr(store, "EXACT_TOTAL_LIMIT", exact)
    monkeypatch.setattr(store, "FACET_SAMPLE", sample)
    monkeypatch.setattr(store, "SAMPLE_WINDOWS", windows)


def make_document(key: str, title: str, body: str = "", **fields) -> SearchDocument:
    fields.setdefault("kind", "guidance")
    fields.setdefault("url", f"/{key.replace(':', '-')}/")
    fields.setdefault("access_key", PUBLIC)
    return SearchDocument(key=key, title=title, body=body, **fields)


@pytest.fixture
def home_page(db):

    return create_home_page()
