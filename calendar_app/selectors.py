"""Reads of the calendar, filtered by what the person may see.

`visible_events_for(user)` is THE visibility rule: every view, feed, registration, export and
the home page box go through it. Each event carries one access key (core.access: PUBLIC,
MEMBERS or the organising network's key) and a person sees the events whose key is among
their `access_keys_for(user)`. A network-only event is therefore visible exactly to the
network's approved members, computed at request time, so leaving a network hides its events
from pages and from feeds at once.

Superusers and KEHA staff follow the forums' rule (forums.selectors): a superuser sees every
event, network-only ones included; KEHA staff see a network's own events only as members of
that network (they still manage every event in the admin). Site search filters by the access
keys alone, which give a superuser no network keys of their own.
"""

import logging
from collections import Counter
from datetime import UTC, datetime, timedelta

from django.db import DatabaseError, connection, transaction
from django.db.models import (
    Case,
    Count,
    DateTimeField,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Collate
from django.http import Http404
from django.utils import timezone

from typ_site.core.access import access_keys_for
from typ_site.core.sql import JsonRows, moment_of, rows_of
from typ_site.core.themes import THEME_SLUGS
from typ_site.networks.selectors import admin_network_ids

from . import occurrence_cache
from .models import Event, EventException, EventLink, FeedToken, Registration
from .permissions import can_manage_all_events, sees_every_event
from .recurrence import (
    CLOCK_CHANGE,
    Occurrence,
    clock_changes_within,
    expand,
    occurrences_of_many,
)

logger = logging.getLogger(__name__)

# How far back feeds reach: calendar apps keep showing the recent past.
FEED_HISTORY = timedelta(days=365)


# --- visibility ---------------------------------------------------------------------------


def visible_events_for(user) -> QuerySet[Event]:
    """Events the person may see: the one visibility rule of the calendar."""
    if sees_every_event(user):
        return Event.objects.all()
    return Event.objects.filter(access_key__in=access_keys_for(user))


def with_display_relations(queryset: QuerySet[Event]) -> QuerySet[Event]:
    """What the listings show, fetched in a fixed number of queries."""
    return queryset.select_related("network").prefetch_related(
        "themes",
        Prefetch("exceptions", queryset=EventException.objects.order_by("original_start")),
    )


def visible_event_or_404(user, pk: int) -> Event:
    event = (
        with_display_relations(visible_events_for(user))
        .prefetch_related(Prefetch("links", queryset=EventLink.objects.order_by("kind", "pk")))
        .filter(pk=pk)
        .first()
    )
    if event is None:
        raise Http404
    return event


# --- filtering and occurrences -------------------------------------------------------------


def apply_filters(queryset: QuerySet[Event], filters: dict | None) -> QuerySet[Event]:
    filters = filters or {}
    if filters.get("level"):
        queryset = queryset.filter(level=filters["level"])
    if filters.get("event_type"):
        queryset = queryset.filter(event_type=filters["event_type"])
    if filters.get("network"):
        queryset = queryset.filter(network=filters["network"])
    if filters.get("theme") in THEME_SLUGS:
        queryset = queryset.filter(themes__slug=filters["theme"])
    return queryset


def events_overlapping(queryset: QuerySet[Event], start: datetime, end: datetime):
    """Events with at least a possible occurrence in [start, end); recurring series are
    kept while their last end (empty for open-ended series) is after the window starts."""
    return queryset.filter(start__lt=end).filter(Q(last_end__isnull=True) | Q(last_end__gt=start))


def occurrences_key(user, start: datetime, end: datetime, filters=None) -> str:
    """The cache key of the occurrences `occurrences_for` gives: the same for everyone who
    sees the same events (the person's access keys), the filters and the window."""
    audience = ("*",) if sees_every_event(user) else tuple(sorted(access_keys_for(user)))
    return occurrence_cache.key(audience, filters, start, end)


def occurrences_for(user, start: datetime, end: datetime, filters=None) -> list[Occurrence]:
    """The occurrences the person may see in [start, end), in time order.

    Expanding every series of a month or an agenda is the expensive part (2,000 events: most
    of a second), and it is the same for everyone with the same access keys. The expansion
    is kept in the shared cache (calendar_app.occurrence_cache) under the person's access
    keys, the filters and the window; any change to an event, its exceptions or its themes
    starts a new generation. A kept expansion is turned back into occurrences with one read
    of the events it names, through the same visibility rule.
    """
    visible = apply_filters(visible_events_for(user), filters)
    key = occurrences_key(user, start, end, filters)
    kept, generation = occurrence_cache.read(key)
    if kept is not None:
        events = {
            event.pk: event
            for event in with_display_relations(visible.filter(pk__in={row[0] for row in kept}))
        }
        if all(row[0] in events for row in kept):
            return occurrence_cache.rebuild(kept, events)
    occurrences = occurrences_of_many(
        with_display_relations(events_overlapping(visible, start, end)), start, end
    )
    occurrence_cache.keep(key, generation, occurrences)
    return occurrences


# Sorts before every real bound: a series whose bound is not known is expanded first.
UNKNOWN_BOUND = datetime(1970, 1, 1, tzinfo=UTC)
ZERO = timedelta(0)


def _next_start_bound(now: datetime):
    """A lower bound of the start of each event's occurrences that end after `now`: a single
    event's own start, a series' stored bound (NULL: the series is over), or UNKNOWN_BOUND."""
    return Case(
        When(recurrence_rule="", then=F("start")),
        When(next_start_checked_at__lte=now, then=F("next_start_bound")),
        default=Value(UNKNOWN_BOUND),
        output_field=DateTimeField(),
    )


def _fresh_bound_if_stale(event: Event, occurrences: list[Occurrence], now, end):
    """For a series whose stored bound is unknown or already past, the exact bound at `now`,
    read off its expansion over [now, end): the earliest start there (every occurrence ending
    after `now` is in it unless it starts at `end` or later). None when nothing to store."""
    if not event.recurrence_rule:
        return None
    fresh = min((occurrence.start.astimezone(UTC) for occurrence in occurrences), default=end)
    checked_at, stored = event.next_start_checked_at, event.next_start_bound
    if checked_at is None or checked_at > now or (stored is not None and stored < now and stored != fresh):
        return fresh
    return None


def _store_fresh_bounds(fresh: list[tuple[Event, datetime]], now: datetime) -> None:
    """One short write, only when some series' stored bound had gone stale."""
    if not fresh:
        return
    try:
        with transaction.atomic():
            for event, bound in fresh:
                event.store_next_start_bound(bound, now)
    except DatabaseError:  # a busy database: the stored bounds stay as they were, still true
        logger.warning("Could not refresh the next-start bounds of %d events", len(fresh))


def _code_point_collation() -> str | None:
    """The database's collation that orders text as Python does (by code point), if known."""
    return {"sqlite": "BINARY", "postgresql": "C"}.get(connection.vendor)


def upcoming_occurrences_for(user, limit: int = 3, days: int = 120, filters=None) -> list[Occurrence]:
    """The first `limit` of `occurrences_for(user, now, now + days, filters)` (so occurrences
    going on now come first), without expanding every series to find them.

    The order to reproduce is the full expansion's: start (Helsinki wall time), title, then
    the event order (first start, id). Candidate events come from the database in the order
    of a lower bound of their next start (`_next_start_bound`), then title, first start and
    id, and are expanded one by one. Once `limit` occurrences are found, reading stops at the
    first event whose bound is after the start of the `limit`-th, or equal to it with a title
    (first start, id) after that occurrence's event: nothing from there on could sort before
    it. (Wall-clock and UTC order differ only within an hour of a clock change; near one the
    stop waits for a bound an hour later. Where the database's text order is not known to be
    Python's, an event tied on the bound is skipped instead of ending the reading.)
    A series whose stored bound was unknown or already past gets the exact one its expansion
    shows (the only writes, and only then).
    """
    if limit <= 0:
        return []
    now = timezone.now()
    end = now + timedelta(days=days)
    collation = _code_point_collation()
    title_order = Collate("title", collation) if collation else F("title")
    candidates = (
        events_overlapping(apply_filters(visible_events_for(user), filters), now, end)
        .annotate(next_start=_next_start_bound(now), title_order=title_order)
        .filter(next_start__isnull=False, next_start__lt=end)
        .select_related("network")
        .annotate(exception_rows=_exception_rows())
        .order_by("next_start", "title_order", "start", "pk")
    )
    found: list[tuple] = []  # (sort key, occurrence), the best `limit` so far, in order
    fresh_bounds: list[tuple[Event, datetime]] = []
    batch_size, after, finished = max(6 * limit, 16), None, False
    while not finished:
        page = candidates if after is None else candidates.filter(_after(*after))
        batch = list(page[:batch_size])
        for event in batch:
            _keep_exceptions(event)
            if len(found) >= limit:
                last = found[-1][1]
                margin = CLOCK_CHANGE if clock_changes_within(last.start, CLOCK_CHANGE) else ZERO
                if event.next_start > last.start + margin:
                    finished = True
                    break
                if (
                    not margin
                    and event.next_start == last.start
                    and (
                        (event.title, event.start, event.pk)
                        > (last.event.title, last.event.start, last.event.pk)
                    )
                ):
                    # At best at the same time as the last one found, and after it by title.
                    if collation:
                        finished = True  # and so are all the events after this one
                        break
                    continue
            occurrences = expand(event, now, end)
            for index, occurrence in enumerate(occurrences):
                key = (occurrence.start, event.title, event.start, event.pk, index)
                found.append((key, occurrence))
            found.sort(key=lambda item: item[0])
            del found[limit:]
            fresh = _fresh_bound_if_stale(event, occurrences, now, end)
            if fresh is not None:
                fresh_bounds.append((event, fresh))
        if len(batch) < batch_size:
            finished = True
        elif not finished:
            last_read = batch[-1]
            after = (last_read.next_start, last_read.title_order, last_read.start, last_read.pk)
            batch_size *= 2
    _store_fresh_bounds(fresh_bounds, now)
    return [occurrence for _key, occurrence in found]


_EXCEPTION_FIELDS = ("id", "original_start", "kind", "new_start", "new_end", "note")


def _exception_rows() -> Subquery:
    """An event's exceptions as JSON rows (`JsonRows`), read with the event itself."""
    rows = (
        EventException.objects.filter(event=OuterRef("pk"))
        .order_by()
        .values("event")
        .annotate(rows=JsonRows(**{name: F(name) for name in _EXCEPTION_FIELDS}))
        .values("rows")
    )
    return Subquery(rows)


def _keep_exceptions(event: Event) -> None:
    """The exceptions of `exception_rows` kept on the event as a prefetch would keep them
    (in the order of their original start), so that `event.exceptions.all()` reads nothing."""
    exceptions = [
        EventException(
            id=row["id"],
            event=event,
            original_start=moment_of(row["original_start"]),
            kind=row["kind"],
            new_start=moment_of(row["new_start"]) if row["new_start"] else None,
            new_end=moment_of(row["new_end"]) if row["new_end"] else None,
            note=row["note"],
        )
        for row in rows_of(event.exception_rows)
    ]
    exceptions.sort(key=lambda exception: (exception.original_start, exception.pk))
    kept = EventException.objects.filter(event=event)
    kept._result_cache = exceptions
    event._prefetched_objects_cache = {"exceptions": kept}


def _after(next_start, title, start, pk) -> Q:
    """The candidates after this one in the order (next start, title, first start, id)."""
    return (
        Q(next_start__gt=next_start)
        | Q(next_start=next_start, title_order__gt=title)
        | Q(next_start=next_start, title_order=title, start__gt=start)
        | Q(next_start=next_start, title_order=title, start=start, pk__gt=pk)
    )


def upcoming_occurrences_of(event: Event, limit: int = 8, days: int = 366) -> list[Occurrence]:
    now = timezone.now()
    return expand(event, now, now + timedelta(days=days))[:limit]


def feed_events_for(user, filters=None) -> QuerySet[Event]:
    since = timezone.now() - FEED_HISTORY
    events = apply_filters(visible_events_for(user), filters).filter(
        Q(last_end__isnull=True) | Q(last_end__gte=since)
    )
    return with_display_relations(events).order_by("start", "pk")


# --- management --------------------------------------------------------------------------


def manageable_events_for(user) -> QuerySet[Event]:
    if can_manage_all_events(user):
        return Event.objects.all()
    return Event.objects.filter(network_id__in=admin_network_ids(user))


# --- registrations -----------------------------------------------------------------------


def registration_counts(event: Event) -> dict[tuple[datetime, str], int]:
    rows = (
        Registration.objects.filter(event=event)
        .values("occurrence_start", "status")
        .annotate(total=Count("pk"))
    )
    counts: Counter = Counter()
    for row in rows:
        counts[(row["occurrence_start"], row["status"])] = row["total"]
    return counts


def registrations_of_user_for(user, event: Event) -> dict[datetime, Registration]:
    if not user.is_authenticated:
        return {}
    return {
        registration.occurrence_start: registration
        for registration in Registration.objects.filter(event=event, user=user)
    }


def registrants_of(event: Event) -> QuerySet[Registration]:
    """Everyone registered to the event, by occurrence, then places before the waiting list,
    each in the order they registered."""
    return (
        Registration.objects.filter(event=event)
        .select_related("user")
        .order_by("occurrence_start", "status", "created_at", "pk")
    )


def registrations_of(user) -> QuerySet[Registration]:
    """A person's own registrations to the events they may still see."""
    return (
        Registration.objects.filter(user=user, event__in=visible_events_for(user))
        .select_related("event", "event__network")
        .order_by("occurrence_start")
    )


def next_registrations_of(user, limit: int = 3) -> list[Registration]:
    """The person's own coming registrations (places and waiting lists), soonest first."""
    if not user.is_authenticated:
        return []
    return list(registrations_of(user).filter(occurrence_start__gte=timezone.now())[:limit])


# --- feeds -------------------------------------------------------------------------------


def active_feed_token_of(user) -> FeedToken | None:
    if not user.is_authenticated:
        return None
    return FeedToken.objects.filter(user=user).order_by("-created_at").first()


def feed_owner_or_404(token: str):
    """The person whose private feed this token opens; 404 for a revoked or unknown token."""
    feed_token = FeedToken.objects.select_related("user").filter(token=token).first() if token else None
    if feed_token is None:
        raise Http404
    owner = feed_token.user
    if not owner.is_active or getattr(owner, "is_removed", False):
        raise Http404
    return feed_token


# --- for the search index -----------------------------------------------------------------


def events_for_search_index() -> QuerySet[Event]:
    """Every event with what the search index needs; each has `access_key` (core.access)
    saying who may see it, so search results follow the same rule as the calendar."""
    return Event.objects.select_related("network").prefetch_related("themes").order_by("pk")


def search_document(event: Event) -> dict:
    """One event as a plain dict whose keys match the search app's document fields, so the
    search can build its document with `SearchDocument(**search_document(event))`."""
    return {
        "key": f"event:{event.pk}",
        "kind": "event",
        "title": event.title,
        "body": "\n".join(filter(None, [event.description, event.location_address])),
        "url": event.get_absolute_url(),
        "access_key": event.access_key,
        "tags": [event.get_event_type_display(), event.get_level_display()],
        "themes": sorted(tag.name for tag in event.themes.all()),
        "network": event.network.name if event.network is not None else "",
        "organisation": event.organiser_name,
        "date": timezone.localtime(event.start).date(),
        "language": "fi",
    }
