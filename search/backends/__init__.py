"""Which search backend answers: Elasticsearch when ELASTICSEARCH_URL is set, else embedded."""

from __future__ import annotations

import threading

from django.conf import settings
from django.db import connection

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
    "get_backend",
]

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


def _build(name: str) -> SearchBackend:
    if name == "elasticsearch":
        from .elastic import ElasticsearchBackend

        return ElasticsearchBackend()
    from .embedded import EmbeddedBackend

    return EmbeddedBackend()
