"""Lists that KEHA keeps and every page reads, kept in the cache all server processes share
until one of their rows changes.

A `KeptList` holds one value (read by a function of a few queries) with the generation it was
read in (`typ_site.core.generations`). Any saved or deleted row of the models it depends on
(and any change of their many-to-many relations) starts a new generation, now and again after
the commit, so that the next page in any process reads the value again.
"""

from collections.abc import Callable, Iterable
from typing import TypeVar

from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save

from typ_site.core.generations import Generation

T = TypeVar("T")

KEEP_SECONDS = 60 * 60 * 24


class KeptList:
    def __init__(self, name: str, version: int):
        self.name = name
        self.key = f"typ:{name}:v{version}"
        self.generation = Generation(name, KEEP_SECONDS)

    def kept_or_read(self, read: Callable[[], T]) -> T:
        return self.generation.kept(self.key, read)

    def _changed(self, sender, **kwargs) -> None:
        self.generation.renew()

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
