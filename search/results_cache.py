"""Search results kept in the shared cache, until the index or the vocabulary changes.

The same searches recur (the field's own words, a popular page's name), and ranking a common
word over the whole index is the expensive part of a search page. A results page is the same
for everyone with the same access keys, so it is kept under the request's query, access keys,
filters, order and page, in the cache every server process shares, under a *generation*
(so is its rendered HTML, `kept_page`, under the language and the address's parameters too):
every write to the index (a document indexed or deleted, a rebuild, a clear) and every saved
or deleted synonym group or statute starts a new one, in every process, now and again after
the commit. A kept page also expires after `SECONDS`.

Only the site's searches (`search.selectors.search_for`) are kept; the evaluation command and
the backends' own tests ask the backend directly.
"""

import functools
import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.db.models.signals import post_delete, post_save

from typ_site.core.generations import Generation

from .backends.base import SearchRequest, SearchResults
from .vocabulary import vocabulary_models

KEY = "typ:search:results:{digest}"
PAGE_KEY = "typ:search:page:{digest}"
SECONDS = 300
_RESULTS = Generation("search", SECONDS)
T = TypeVar("T")


def _digest(backend_name: str, request: SearchRequest) -> str:
    parts = (
        backend_name,
        request.query,
        tuple(sorted(request.access_keys)),
        tuple(sorted(request.filters.items())),
        request.order,
        request.page,
        request.per_page,
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def kept(backend_name: str, request: SearchRequest, search: Callable[[], SearchResults]) -> SearchResults:
    """The results of `request` kept under the current generation (one cache read), else
    searched and kept."""
    return _RESULTS.kept(KEY.format(digest=_digest(backend_name, request)), search)


def kept_page(backend_name: str, request: SearchRequest, shown: tuple, render: Callable[[], T]) -> T:
    """What `render()` makes of the results of `request` (the rendered results section), kept
    as the results are, under `shown`: everything else it shows (the language, the address's
    parameters)."""
    digest = hashlib.sha256(repr((_digest(backend_name, request), shown)).encode()).hexdigest()
    return _RESULTS.kept(PAGE_KEY.format(digest=digest), render)


def renew() -> None:
    """Forget every kept results page (`typ_site.core.generations`)."""
    _RESULTS.renew()


def renews_kept_results(write):
    """For a backend's writing methods: the kept results are renewed after each write."""

    @functools.wraps(write)
    def writing(*args, **kwargs):
        try:
            return write(*args, **kwargs)
        finally:
            renew()

    return writing


def _vocabulary_changed(sender, **kwargs) -> None:
    renew()


def connect_signals() -> None:
    """A saved or deleted synonym group or statute changes what a search finds."""
    for model in vocabulary_models():
        post_save.connect(_vocabulary_changed, sender=model, dispatch_uid=f"results-save-{model}")
        post_delete.connect(_vocabulary_changed, sender=model, dispatch_uid=f"results-delete-{model}")
