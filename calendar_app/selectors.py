"""Reads of the calendar, filtered by what the person may see.

`visible_events_for(user)` is THE visibility rule: every view, feed, registration, export and
the search index go through it. Each event carries one access key (core.access: PUBLIC,
MEMBERS or the organising network's key) and a person sees the events whose key is among
their `access_keys_for(user)`. A network-only event is therefore visible exactly to the
network's approved members, computed at request time, so leaving a network hides its events
from pages and from feeds at once.
"""

from collections import Counter
from datetime import datetime, timedelta

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from typ_site.accounts.roles import is_keha_staff
from typ_site.core.access import access_keys_for
from typ_site.networks.selectors import admin_network_ids

from .models import Event, EventException, EventLink, FeedToken, Registration
from .recurrence import Occurrence, expand, occurrences_of_many
from .themes import THEME_BY_SLUG

# How far back feeds reach: calendar apps keep showing the recent past.
FEED_HISTORY = timedelta(days=365)


# --- visibility ---------------------------------------------------------------------------


def visible_events_for(user) -> QuerySet[Event]:
    """Events the person may see: the one visibility rule of the calendar."""
    return Event.objects.filter(access_key__in=access_keys_for(user))


def is_event_visible_to(user, event: Event) -> bool:
    return event.access_key in access_keys_for(user)


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
    theme = THEME_BY_SLUG.get(filters.get("theme") or "")
    if theme:
        queryset = queryset.filter(themes__name=theme)
    return queryset


def events_overlapping(queryset: QuerySet[Event], start: datetime, end: datetime):
    """Events with at least a possible occurrence in [start, end); recurring series are
    kept while their last end (empty for open-ended series) is after the window starts."""
    return queryset.filter(start__lt=end).filter(
        Q(last_end__isnull=True) | Q(last_end__gt=start)
    )


def occurrences_for(user, start: datetime, end: datetime, filters=None) -> list[Occurrence]:
    events = with_display_relations(
        events_overlapping(apply_filters(visible_events_for(user), filters), start, end)
    )
    return occurrences_of_many(events, start, end)


def upcoming_occurrences_for(user, limit: int = 3, days: int = 120) -> list[Occurrence]:
    now = timezone.now()
    return occurrences_for(user, now, now + timedelta(days=days))[:limit]


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


def can_manage_all_events(user) -> bool:
    """KEHA staff and those granted the model permission manage every event."""
    if not (user.is_authenticated and user.is_active):
        return False
    return is_keha_staff(user) or user.has_perm("calendar_app.change_event")


def can_manage_event(user, event: Event) -> bool:
    """The organiser side: KEHA staff for everything, a network's admins for its events."""
    if can_manage_all_events(user):
        return True
    return bool(event.network_id) and event.network_id in admin_network_ids(user)


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


def registrants_of(event: Event, occurrence_start: datetime) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(event=event, occurrence_start=occurrence_start)
        .select_related("user")
        .order_by("status", "created_at", "pk")
    )


def registered_occurrence_starts(event: Event) -> list[datetime]:
    return list(
        Registration.objects.filter(event=event)
        .values_list("occurrence_start", flat=True)
        .distinct()
        .order_by("occurrence_start")
    )


def registrations_of(user) -> QuerySet[Registration]:
    """A person's own registrations to the events they may still see."""
    return (
        Registration.objects.filter(user=user, event__in=visible_events_for(user))
        .select_related("event", "event__network")
        .order_by("occurrence_start")
    )


# --- feeds -------------------------------------------------------------------------------


def active_feed_token_of(user) -> FeedToken | None:
    if not user.is_authenticated:
        return None
    return FeedToken.objects.filter(user=user).order_by("-created_at").first()


def feed_owner_or_404(token: str):
    """The person whose private feed this token opens; 404 for a revoked or unknown token."""
    feed_token = (
        FeedToken.objects.select_related("user").filter(token=token).first() if token else None
    )
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
        "network": event.network.name if event.network_id else "",
        "organisation": event.organiser_name,
        "date": timezone.localtime(event.start).date(),
        "language": "fi",
    }
