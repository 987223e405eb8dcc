"""Values kept in the shared cache under a *generation*: renewing it forgets them all at once.

Every server process shares the cache (the database cache table, or Redis). A value is kept
with the generation it was read in, and one `get_many` reads both the value and the current
generation (`cache_reads`: with the other keys the request will read); a value of another
generation is read again. `renew` starts a new generation now and again after the commit (a
request reading between a change and its commit could keep the old value under the new
generation), and does nothing while `migrate` runs (the cache table may not exist yet; kept
values then expire by themselves).

The header's counts (`forums.header_cache`), the search results (`search.results_cache`) and
KEHA's kept lists (`typ_site.operating_model.shared_cache`) are kept this way.
"""

import uuid
from collections.abc import Callable
from typing import TypeVar

from django.db import transaction

from . import cache_reads, page_cache

T = TypeVar("T")


class Generation:
    def __init__(self, name: str, seconds: int):
        self.key = f"typ:{name}:generation"
        self.seconds = seconds

    def kept(self, key: str, read: Callable[[], T]) -> T:
        """The value kept at `key` in the current generation, else read and kept."""
        found = cache_reads.get_many([self.key, key])
        generation = found.get(self.key) or self.new()
        stored = found.get(key)
        if stored is not None and stored[0] == generation:
            return stored[1]
        value = read()
        cache_reads.set(key, (generation, value), self.seconds)
        return value

    def new(self) -> str:
        generation = uuid.uuid4().hex
        cache_reads.set_generation(self.key, generation, None)
        return generation

    def renew(self) -> None:
        """Forget every value of this generation: now, and again after the commit."""
        if page_cache.migrating():
            return
        self.new()
        transaction.on_commit(self.new)
