"""Expanded occurrences kept in the shared cache, until an event changes.

The month view and the agenda show the occurrences of every event the person may see in a
window. Expanding the recurring series is what costs (with 2,000 events, most of a second of
Python per page), and the result is the same for everyone who sees the same events: it
depends only on the access keys, the filters and the window. So the expansion is kept as
plain rows (event id, start, end, original start, changed?, note) in the cache every server
process shares, and a later page turns them back into occurrences with one read of the
events, through the visibility rule as always.

The rendered listings of a window (the month's grid, the agenda's days, the year's wheel) are
the same for the same people too, and rendering hundreds of occurrences costs more than
expanding them: `kept_listing` keeps the HTML under the occurrences' key, the language, the
time zone and what else the listing shows (today's date), in the same generation. The filter
form above them (`kept_fragment`) is the same for everyone with the same address: its network
choices change only with a network, which renews the generation.

Any saved or deleted event or exception, any change to an event's themes (a filter), and a
renamed network (an event's organiser) or tag (its label) starts a new generation, now and
again after the commit: every kept expansion and listing is then stale in every process at
once. Kept rows also expire after a day.
"""

import hashlib
from collections.abc import Callable
from datetime import datetime

from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from taggit.models import Tag

from typ_site.core import cache_reads
from typ_site.core.generations import Generation
from typ_site.networks.models import Network

from .models import Event, EventException, TaggedEvent
from .recurrence import Occurrence

KEY = "typ:calendar:occurrences:{digest}"
LISTING_KEY = "typ:calendar:listing:{digest}"
KEEP_SECONDS = 60 * 60 * 24
# The generation of the kept rows and listings.
_GENERATION = Generation("calendar", KEEP_SECONDS)
GENERATION_KEY = _GENERATION.key


def _digest(value) -> str:
    return hashlib.sha256(repr(value).encode()).hexdigest()


def key(audience: tuple[str, ...], filters: dict | None, start: datetime, end: datetime) -> str:
    filtered = sorted((name, str(value)) for name, value in (filters or {}).items() if value)
    return KEY.format(digest=_digest((audience, filtered, start.isoformat(), end.isoformat())))


def kept_listing(occurrences_key: str, shown: tuple, render: Callable[[], str]) -> SafeString:
    """The HTML `render()` gives for the occurrences of `occurrences_key`, kept in the current
    generation under that key, the language, the time zone and `shown`: what else the listing
    shows (today's date, the month)."""
    return kept_fragment((occurrences_key, *shown), render)


def kept_fragment(shown: tuple, render: Callable[[], str]) -> SafeString:
    """The HTML `render()` gives, kept in the current generation under the language, the time
    zone and `shown`: everything else it shows. For parts of a calendar page that are the same
    for everyone who asks alike (the filter form, whose choices name the networks)."""
    language = (get_language(), timezone.get_current_timezone_name())
    fragment_key = LISTING_KEY.format(digest=_digest((language, shown)))
    return mark_safe(_GENERATION.kept(fragment_key, lambda: str(render())))  # noqa: S308  (rendered by a template)


def read(cache_key: str) -> tuple[list | None, str]:
    """(the kept rows or None, the current generation), in one cache read."""
    found = cache_reads.get_many([GENERATION_KEY, cache_key])
    generation = found.get(GENERATION_KEY) or _GENERATION.new()
    kept = found.get(cache_key)
    if kept is not None and kept["generation"] == generation:
        return kept["rows"], generation
    return None, generation


def keep(cache_key: str, generation: str, occurrences: list[Occurrence]) -> None:
    rows = [(o.event.pk, o.start, o.end, o.original_start, o.is_changed, o.note) for o in occurrences]
    cache_reads.set(cache_key, {"generation": generation, "rows": rows}, KEEP_SECONDS)


def rebuild(rows: list, events: dict) -> list[Occurrence]:
    return [
        Occurrence(events[pk], start, end, original_start, is_changed=changed, note=note)
        for pk, start, end, original_start, changed, note in rows
    ]


def _changed(sender, **kwargs):
    # Now and again after the commit; nothing while `migrate` runs (no cache table yet).
    _GENERATION.renew()


def connect_signals() -> None:
    for model in (Event, EventException, TaggedEvent, Network, Tag):
        post_save.connect(_changed, sender=model, dispatch_uid=f"calendar.occurrences.saved.{model.__name__}")
        post_delete.connect(
            _changed, sender=model, dispatch_uid=f"calendar.occurrences.deleted.{model.__name__}"
        )
