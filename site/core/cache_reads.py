"""Reads of the shared cache made together: what a request will read, asked for at once.

With the database cache (the embedded default) every read of the shared cache is one SQL
query; with Redis one round trip. A signed-in page reads several kept values of its own: the
page's shared rows, the header's counts, the forums the person sees, the menu. Each app names
the keys it will read for a request (`read_with_every_request`), and the request's first read
(`get_many`) asks for them together with its own keys in one `cache.get_many`. The answers,
found or not, are kept for the rest of the request, and a later read of those keys asks
nothing.

A kept answer is used only while no generation has been renewed in this process since it was
read (`set_generation`): a request that changes something and then renders reads anew. Values
written during the request (`set`, `set_many`) replace the kept answers. Outside a request (a
task, a command) and before `CacheReadsMiddleware`, every read goes to the cache as before.
"""

from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest

_MISSING = object()
# {name: reader}: a name keeps one reader when an app registers it again.
_READERS: dict[str, Callable[[HttpRequest], Iterable[str]]] = {}
_renewals = 0


@dataclass
class _Reads:
    request: HttpRequest
    known: dict[str, Any] | None = None  # None until the request's first read
    renewals: int = 0
    readers_asked: bool = False


_CURRENT: ContextVar[_Reads | None] = ContextVar("typ_cache_reads", default=None)


def read_with_every_request(name: str, reader: Callable[[HttpRequest], Iterable[str]]) -> None:
    """`reader(request)` names the keys the app will read during the request (none for a
    request that needs none): they are read with the request's first read."""
    _READERS[name] = reader


def get_many(keys: list[str]) -> dict[str, Any]:
    """`cache.get_many(keys)`, from the request's kept answers where it has them."""
    reads = _CURRENT.get()
    if reads is None:
        return cache.get_many(keys)
    if reads.known is None or reads.renewals != _renewals:
        # Asked once per request (and marked first: a reader asks who the person is, and
        # reading them must not ask the readers again).
        first = not reads.readers_asked
        reads.readers_asked = True
        extra = _readers_keys(reads.request) if first else []
        reads.renewals = _renewals
        asked = list(dict.fromkeys([*keys, *extra]))
        found = cache.get_many(asked)
        reads.known = {key: found.get(key, _MISSING) for key in asked}
        return {key: found[key] for key in keys if key in found}
    missing = [key for key in keys if key not in reads.known]
    if missing:
        found = cache.get_many(missing)
        reads.known.update({key: found.get(key, _MISSING) for key in missing})
    values = {key: reads.known[key] for key in keys}
    return {key: value for key, value in values.items() if value is not _MISSING}


def set(key: str, value: Any, timeout: int | None) -> None:  # noqa: A001  (the cache's own name)
    cache.set(key, value, timeout)
    _remember({key: value})


def set_many(values: dict[str, Any], timeout: int | None) -> None:
    cache.set_many(values, timeout)
    _remember(values)


def set_generation(key: str, generation: str, timeout: int | None) -> None:
    """Write a new generation: every request's kept answers in this process are read anew."""
    global _renewals
    _renewals += 1
    cache.set(key, generation, timeout)


def _remember(values: dict[str, Any]) -> None:
    reads = _CURRENT.get()
    if reads is not None and reads.known is not None and reads.renewals == _renewals:
        reads.known.update(values)


def _readers_keys(request: HttpRequest) -> list[str]:
    return [key for reader in _READERS.values() for key in reader(request)]


class CacheReadsMiddleware:
    """Keeps the request's cache reads for its own time (after authentication: the readers
    ask who the person is)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _CURRENT.set(_Reads(request))
        try:
            return self.get_response(request)
        finally:
            _CURRENT.reset(token)
