"""Lists that KEHA keeps and every page reads, kept in the cache all server processes share
until one of their rows changes.

A `KeptList` holds one value (read by a function of a few queries) with the generation it was
read in. Any saved or deleted row of the models it depends on (and any change of their
many-to-many relations) starts a new generation, now and again after the commit, so that the
next page in any process reads the value again. One cache read answers both questions
(`get_many`).
"""

import uuid
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save

T = TypeVar("T")

KEEP_SECONDS = 60 * 60 * 24


class KeptList:
    def __init__(self, name: str, version: int):
        self.name = name
        self.generation_key = f"typ:{name}:generation"
        self.key = f"typ:{name}:v{version}"

    def kept_or_read(self, read: Callable[[], T]) -> T:
        found = cache.get_many([self.generation_key, self.key])
        generation = found.get(self.generation_key) or self.new_generation()
        kept = found.get(self.key)
        if kept is not None and kept[0] == generation:
            return kept[1]
        value = read()
        cache.set(self.key, (generation, value), KEEP_SECONDS)
        return value

    def new_generation(self) -> str:
        generation = uuid.uuid4().hex
        cache.set(self.generation_key, generation, None)
        return generation

    def _changed(self, sender, **kwargs) -> None:
        self.new_generation()
        transaction.on_commit(self.new_generation)

    def depends_on(self, models: Iterable[type[Model]], relations: Iterable = ()) -> None:
        """Read the value again after a row of these models (or of these many-to-many
        relations' through models) changes."""
        for model in models:
            label = model._meta.label
            post_save.connect(
                self._changed, sender=model, weak=False, dispatch_uid=f"{self.key}.saved.{label}"
            )
            post_delete.connect(
                self._changed, sender=model, weak=False, dispatch_uid=f"{self.key}.deleted.{label}"
            )
        for through in relations:
            m2m_changed.connect(
                self._changed,
                sender=through,
                weak=False,
                dispatch_uid=f"{self.key}.m2m.{through._meta.label}",
            )
