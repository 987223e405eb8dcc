"""iCalendar (RFC 5545) export: one event, an occurrence for e-mail, and whole feeds.

Timed events are written in the Europe/Helsinki zone with its VTIMEZONE, so a weekly 09:00
rule stays at 09:00 across daylight-saving changes in every calendar program. Cancelled
occurrences become EXDATEs, moved ones separate VEVENTs with a RECURRENCE-ID.
"""

from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils import timezone

from typ_site.core.themes import tag_label

from .recurrence import HELSINKI, Occurrence, parse_until, rule_parts, to_local_naive

PRODUCT_ID = "-//TYP-yhteistyöalusta//Kehittämiskalenteri//FI"


def _uid(event) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "typ.example.fi"
    return f"calendar-event-{event.pk}@{host}"


def absolute_url(path: str, request=None) -> str:
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.SITE_URL.rstrip("/") + path


def _local(value: datetime) -> datetime:
    return value.astimezone(HELSINKI)


def _first_day(value: datetime) -> date:
    return _local(value).date()


def _day_after_last(value: datetime) -> date:
    return _local(value).date() + timedelta(days=1)


def _set_times(component, event, start: datetime, end: datetime) -> None:
    if event.all_day:
        component.add("dtstart", _first_day(start))
        component.add("dtend", _day_after_last(end))
    else:
        component.add("dtstart", _local(start))
        component.add("dtend", _local(end))


def _recurrence_value(event) -> icalendar.vRecur:
    """The stored rule with UNTIL in the form RFC 5545 asks for: a UTC time when DTSTART is
    a zoned time, a date for all-day events."""
    parts = rule_parts(event.recurrence_rule)
    if "UNTIL" in parts:
        until = parse_until(parts["UNTIL"])
        if event.all_day:
            until_value = (
                until if isinstance(until, date) and not isinstance(until, datetime) else _local(until).date()
            )
            parts["UNTIL"] = until_value.strftime("%Y%m%d")
        else:
            if not isinstance(until, datetime):
                until = datetime.combine(until, time(23, 59, 59), tzinfo=HELSINKI)
            parts["UNTIL"] = until.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    text = ";".join(f"{key}={value}" for key, value in parts.items())
    return icalendar.vRecur.from_ical(text)


def _description(event, url: str, note: str = "") -> str:
    lines = [event.description.strip()] if event.description.strip() else []
    if note:
        lines.append(note)
    if event.online_url:
        lines.append(f"{event.online_url}")
    lines.append(url)
    return "\n\n".join(lines)


def _base_component(event, url: str, note: str = "") -> icalendar.Event:
    component = icalendar.Event()
    component.add("uid", _uid(event))
    component.add("dtstamp", event.updated_at.astimezone(UTC))
    component.add("last-modified", event.updated_at.astimezone(UTC))
    component.add("created", event.created_at.astimezone(UTC))
    component.add("summary", event.title)
    component.add("description", _description(event, url, note))
    location = event.location_address or event.online_url
    if location:
        component.add("location", location)
    component.add("url", url)
    themes = [tag_label(tag) for tag in event.themes.all()]
    if themes:
        component.add("categories", themes)
    component.add("class", "PUBLIC" if event.access_key == "public" else "PRIVATE")
    component.add("status", "CONFIRMED")
    return component


def event_components(event, request=None) -> list[icalendar.Event]:
    """The VEVENTs of one event: the master (with RRULE and EXDATEs) and moved instances."""
    url = absolute_url(event.get_absolute_url(), request)
    master = _base_component(event, url)
    _set_times(master, event, event.start, event.end)
    components = [master]
    if not event.recurrence_rule:
        return components
    master.add("rrule", _recurrence_value(event))
    exceptions = list(event.exceptions.all())
    for exception in exceptions:
        original = exception.original_start
        original_value = _first_day(original) if event.all_day else _local(original)
        if exception.kind == "moved" and exception.new_start and exception.new_end:
            instance = _base_component(event, url, exception.note)
            instance.add("recurrence-id", original_value)
            _set_times(instance, event, exception.new_start, exception.new_end)
            instance.add("sequence", 1)
            components.append(instance)
        else:
            master.add("exdate", original_value)
    return components


def occurrence_component(occurrence: Occurrence, request=None) -> icalendar.Event:
    """A single occurrence as its own event (for a registration confirmation)."""
    event = occurrence.event
    url = absolute_url(event.get_absolute_url(), request)
    component = _base_component(event, url, occurrence.note)
    if event.recurrence_rule:
        original = occurrence.original_start
        component.add("recurrence-id", _first_day(original) if event.all_day else _local(original))
    _set_times(component, event, occurrence.start, occurrence.end)
    return component


def _calendar(name: str, components: list[icalendar.Event]) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Helsinki")
    calendar.add("refresh-interval", timedelta(hours=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    for component in components:
        calendar.add_component(component)
    starts = [
        to_local_naive(component.decoded("dtstart"))
        for component in components
        if isinstance(component.decoded("dtstart"), datetime)
    ]
    if starts:
        first = min(starts).date() - timedelta(days=1)
        last = max(max(starts).date(), timezone.localdate()) + timedelta(days=10 * 366)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()


def event_calendar(event, request=None) -> bytes:
    return _calendar(event.title, event_components(event, request))


def occurrence_calendar(occurrence: Occurrence, request=None) -> bytes:
    return _calendar(occurrence.event.title, [occurrence_component(occurrence, request)])


def feed_calendar(name: str, events, request=None) -> bytes:
    components = []
    for event in events:
        components.extend(event_components(event, request))
    return _calendar(name, components)
