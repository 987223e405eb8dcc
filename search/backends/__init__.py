"""Which search backend answers: Elasticsearch when ELASTICSEARCH_URL is set, else embedded.

The backends are named by their dotted path, as Django names its database and cache backends:
the Elasticsearch client library takes over a second to import and is loaded only by a site
(or a command) that uses it.
"""

from __future__ import annotations

import threading

from django.conf import settings
from django.db import connection
from django.utils.module_loading import import_string

from .base import (
    FACETS,
    ORDERS,
    SearchBackend,
    SearchHit,
    SearchRequest,
    SearchResults,
    SearchUnavailable,
)

__all__ = [
    "FACETS",
    "ORDERS",
    "SearchBackend",
    "SearchHit",
    "SearchRequest",
    "SearchResults",
    "SearchUnavailable",
    "backend_class",
    "get_backend",
]

BACKEND_CLASSES = {
    "elasticsearch": "search.backends.elastic.ElasticsearchBackend",
    "embedded": "search.backends.embedded.EmbeddedBackend",
}

_backends: dict[tuple, SearchBackend] = {}
_lock = threading.Lock()


def get_backend() -> SearchBackend:
    if settings.ELASTICSEARCH_URL:
        cache_key: tuple = (
            "elasticsearch",
            settings.ELASTICSEARCH_URL,
            settings.ELASTICSEARCH_INDEX_PREFIX,
        )
    else:
        cache_key = ("embedded", connection.vendor)
    backend = _backends.get(cache_key)
    if backend is None:
        with _lock:
            backend = _backends.get(cache_key)
            if backend is None:
                backend = _backends[cache_key] = _build(cache_key[0])
    return backend


def backend_class(name: str) -> type[SearchBackend]:
    """The class of the backend called `name` ("elasticsearch" or "embedded")."""
    return import_string(BACKEND_CLASSES[name])


def _build(name: str) -> SearchBackend:
    return backend_class(name)()
