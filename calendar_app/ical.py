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


def _base_component(event, url: str, note: str = "", status: str = "CONFIRMED") -> icalendar.Event:
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
    component.add("status", status)
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


def occurrence_component(
    occurrence: Occurrence, request=None, *, status: str = "CONFIRMED", recurrence_id: datetime | None = None
) -> icalendar.Event:
    """A single occurrence as its own event (for a registration confirmation). `recurrence_id`:
    the RECURRENCE-ID the person's entry holds, when it is not the occurrence's original start."""
    event = occurrence.event
    url = absolute_url(event.get_absolute_url(), request)
    component = _base_component(event, url, occurrence.note, status)
    if event.recurrence_rule:
        original = recurrence_id or occurrence.original_start
        component.add("recurrence-id", _first_day(original) if event.all_day else _local(original))
    _set_times(component, event, occurrence.start, occurrence.end)
    return component


# --- Scheduling messages (RFC 5546) ----------------------------------------------------------

REQUEST = "REQUEST"
CANCEL = "CANCEL"
TENTATIVE = "TENTATIVE"
CONFIRMED = "CONFIRMED"
CANCELLED = "CANCELLED"
_SEQUENCE_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)


def message_sequence(now: datetime | None = None) -> int:
    """SEQUENCE of a message about a person's registration: seconds since 2024.

    Every later message about the same occurrence (confirmation, place from the waiting list,
    cancellation, new time) outranks the earlier ones, so calendar programs replace the entry
    they hold, without a counter stored per registration.
    """
    moment = now or timezone.now()
    return max(int((moment - _SEQUENCE_EPOCH).total_seconds()), 1)


def registration_message(
    occurrence: Occurrence,
    attendee_email: str,
    *,
    method: str = REQUEST,
    status: str = CONFIRMED,
    now: datetime | None = None,
    recurrence_id: datetime | None = None,
) -> bytes:
    """An iTIP message for one person's registration to one occurrence.

    The UID is the one of the event's own .ics and feeds; METHOD:REQUEST adds or updates the
    entry, METHOD:CANCEL removes it. An occurrence of a series is named by the RECURRENCE-ID
    its entry was first sent with (`recurrence_id`, see below), its times are the current ones.

    When a whole series moves, the occurrences' original starts move with it. The message
    then keeps naming the entry by the RECURRENCE-ID the person's calendar holds and gives
    the new DTSTART, rather than cancelling the old entry and requesting a new one. Both are
    valid RFC 5546; we keep the RECURRENCE-ID because Google Calendar and Outlook both find
    an entry by UID and RECURRENCE-ID (Outlook's GlobalObjectId carries the RECURRENCE-ID
    date) and apply a REQUEST with a higher SEQUENCE to it as a rescheduled instance, the
    form they send themselves for a moved occurrence. It is one message per person, and
    nothing depends on two messages both arriving (a CANCEL that is lost or filtered would
    leave the old entry beside the new one).
    """
    moment = now or timezone.now()
    component = occurrence_component(
        occurrence, status=CANCELLED if method == CANCEL else status, recurrence_id=recurrence_id
    )
    component.pop("dtstamp")
    component.add("dtstamp", moment.astimezone(UTC))
    component.add("sequence", message_sequence(moment))
    component.add("organizer", f"mailto:{_organiser_address()}")
    attendee = icalendar.vCalAddress(f"mailto:{attendee_email}")
    attendee.params["ROLE"] = "REQ-PARTICIPANT"
    attendee.params["PARTSTAT"] = "TENTATIVE" if status == TENTATIVE else "ACCEPTED"
    attendee.params["RSVP"] = "FALSE"
    component.add("attendee", attendee)
    return _calendar(occurrence.event.title, [component], method=method)


def _organiser_address() -> str:
    address = settings.DEFAULT_FROM_EMAIL
    if "<" in address and address.endswith(">"):
        address = address.rsplit("<", 1)[1][:-1]
    return address


def _calendar(name: str, components: list[icalendar.Event], method: str = "PUBLISH") -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
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


def feed_calendar(name: str, events, request=None) -> bytes:
    components = []
    for event in events:
        components.extend(event_components(event, request))
    return _calendar(name, components)
