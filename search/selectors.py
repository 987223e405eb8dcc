"""Permission-filtered search: the only way views read the index."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from typ_site.core.access import search_access_keys_for

from . import results_cache
from .backends import FACETS, ORDERS, SearchHit, SearchRequest, SearchResults, get_backend

T = TypeVar("T")
PER_PAGE = 10
MAX_PAGE = 100


def search_request_for(
    user, query: str, filters=None, order: str = "relevance", page: int = 1, per_page: int = PER_PAGE
) -> SearchRequest:
    """The search `user` may make: their access keys, the known filters, a known order and a
    page within bounds."""
    filters = {name: str(value) for name, value in (filters or {}).items() if name in FACETS and value}
    return SearchRequest(
        query=query,
        access_keys=search_access_keys_for(user),
        filters=filters,
        order=order if order in ORDERS else "relevance",
        page=min(max(page, 1), MAX_PAGE),
        per_page=per_page,
    )


def search_for(
    user, query: str, filters=None, order: str = "relevance", page: int = 1, per_page: int = PER_PAGE
) -> SearchResults:
    """What `user` may see matching `query`; raises SearchUnavailable when the backend is down.
    A results page is kept until the index or the vocabulary changes (`results_cache`)."""
    return _kept_results(get_backend(), search_request_for(user, query, filters, order, page, per_page))


def _kept_results(backend, request: SearchRequest) -> SearchResults:
    return results_cache.kept(backend.name, request, lambda: backend.search(request))


def shown_results(
    user, query: str, filters, order: str, page: int, shown: tuple, render: Callable[[SearchResults], T]
) -> T:
    """`render(results)` for what `user` may see matching `query`, kept as the results are
    (`results_cache.kept_page`) under `shown`: everything else the rendering shows."""
    request = search_request_for(user, query, filters, order, page)
    backend = get_backend()
    return results_cache.kept_page(
        backend.name, request, shown, lambda: render(_kept_results(backend, request))
    )


def suggestions_for(user, text: str, limit: int = 8) -> list[SearchHit]:
    text = (text or "").strip()[:200]
    if len(text) < 2:
        return []
    return get_backend().suggest(text, search_access_keys_for(user), limit)
