"""Expanded occurrences kept in the shared cache, until an event changes.

The month view and the agenda show the occurrences of every event the person may see in a
window. Expanding the recurring series is what costs (with 2,000 events, most of a second of
Python per page), and the result is the same for everyone who sees the same events: it
depends only on the access keys, the filters and the window. So the expansion is kept as
plain rows (event id, start, end, original start, changed?, note) in the cache every server
process shares, and a later page turns them back into occurrences with one read of the
events, through the visibility rule as always.

Any saved or deleted event or exception, and any change to an event's themes (a filter),
starts a new generation, now and again after the commit: every kept expansion is then
stale in every process at once. Kept rows also expire after a day.
"""

import hashlib
import uuid
from datetime import datetime

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from .models import Event, EventException, TaggedEvent
from .recurrence import Occurrence

GENERATION_KEY = "typ:calendar:generation"
KEY = "typ:calendar:occurrences:{digest}"
KEEP_SECONDS = 60 * 60 * 24


def key(audience: tuple[str, ...], filters: dict | None, start: datetime, end: datetime) -> str:
    filtered = sorted((name, str(value)) for name, value in (filters or {}).items() if value)
    text = repr((audience, filtered, start.isoformat(), end.isoformat()))
    return KEY.format(digest=hashlib.sha256(text.encode()).hexdigest())


def read(cache_key: str) -> tuple[list | None, str]:
    """(the kept rows or None, the current generation), in one cache read."""
    found = cache.get_many([GENERATION_KEY, cache_key])
    generation = found.get(GENERATION_KEY) or new_generation()
    kept = found.get(cache_key)
    if kept is not None and kept["generation"] == generation:
        return kept["rows"], generation
    return None, generation


def keep(cache_key: str, generation: str, occurrences: list[Occurrence]) -> None:
    rows = [(o.event.pk, o.start, o.end, o.original_start, o.is_changed, o.note) for o in occurrences]
    cache.set(cache_key, {"generation": generation, "rows": rows}, KEEP_SECONDS)


def rebuild(rows: list, events: dict) -> list[Occurrence]:
    return [
        Occurrence(events[pk], start, end, original_start, is_changed=changed, note=note)
        for pk, start, end, original_start, changed, note in rows
    ]


def new_generation() -> str:
    generation = uuid.uuid4().hex
    cache.set(GENERATION_KEY, generation, None)
    return generation


def _changed(sender, **kwargs):
    new_generation()
    transaction.on_commit(new_generation)


def connect_signals() -> None:
    for model in (Event, EventException, TaggedEvent):
        post_save.connect(_changed, sender=model, dispatch_uid=f"calendar.occurrences.saved.{model.__name__}")
        post_delete.connect(
            _changed, sender=model, dispatch_uid=f"calendar.occurrences.deleted.{model.__name__}"
        )
