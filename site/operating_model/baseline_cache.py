"""The national baseline kept in the shared cache until KEHA changes it.

Every page of the register shows the baseline (four queries: the tasks, their law sections,
the parties, the cells), and it changes a few times a year. It is kept in the cache every
server process shares, with the generation it was read in; any saved or deleted task, party,
baseline cell, law section or statute, and any change to a task's law sections, starts a new
generation, now and again after the commit, so the next page in any process reads it again.
One cache read answers both questions (`get_many`).
"""

import uuid
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from knowledge.models import LawSection, Statute

from .models import BaselineCell, ClientProcessTask, Party

GENERATION_KEY = "typ:baseline:generation"
# (v1: the Baseline of selectors, pickled.)
KEY = "typ:baseline:v1"
KEEP_SECONDS = 60 * 60 * 24

T = TypeVar("T")


def kept_or_read(read: Callable[[], T]) -> T:
    found = cache.get_many([GENERATION_KEY, KEY])
    generation = found.get(GENERATION_KEY) or new_generation()
    kept = found.get(KEY)
    if kept is not None and kept[0] == generation:
        return kept[1]
    value = read()
    cache.set(KEY, (generation, value), KEEP_SECONDS)
    return value


def new_generation() -> str:
    generation = uuid.uuid4().hex
    cache.set(GENERATION_KEY, generation, None)
    return generation


def _changed(sender, **kwargs) -> None:
    new_generation()
    transaction.on_commit(new_generation)


def connect_signals() -> None:
    for model in (ClientProcessTask, Party, BaselineCell, LawSection, Statute):
        name = model.__name__
        post_save.connect(_changed, sender=model, dispatch_uid=f"operating_model.baseline.saved.{name}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"operating_model.baseline.deleted.{name}")
    m2m_changed.connect(
        _changed,
        sender=ClientProcessTask.law_sections.through,
        dispatch_uid="operating_model.baseline.law_sections",
    )
