"""Recurring events: RFC 5545 rules expanded in Helsinki wall-clock time.

A rule is expanded on naive Helsinki local times (09:00 stays 09:00 every week), and each
occurrence is then given the Europe/Helsinki zone, so across the daylight-saving changes the
UTC instant moves by an hour while the clock time people see does not.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HELSINKI = ZoneInfo("Europe/Helsinki")

ALLOWED_FREQUENCIES = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}
# A finite series longer than this is treated as open-ended when its last end is computed.
MAX_COUNTED_OCCURRENCES = 5000
# Naive Helsinki times map to UTC in order except around a clock change, where a later wall
# time can be up to this much earlier in UTC (and wall-clock order can differ from UTC order
# by as much).
CLOCK_CHANGE = timedelta(hours=1)


def clock_changes_within(moment: datetime, span: timedelta) -> bool:
    """Whether Helsinki's UTC offset changes between `moment` and `moment + span`."""
    return moment.astimezone(HELSINKI).utcoffset() != (moment + span).astimezone(HELSINKI).utcoffset()


RULE_ERROR = _(
    "The recurrence rule is not valid. Write it like FREQ=WEEKLY;BYDAY=MO or "
    "FREQ=MONTHLY;BYDAY=1WE;UNTIL=20271231."
)


def to_local_naive(value: datetime) -> datetime:
    return value.astimezone(HELSINKI).replace(tzinfo=None)


def from_local_naive(value: datetime) -> datetime:
    return value.replace(tzinfo=HELSINKI)


def rule_parts(rule: str) -> dict[str, str]:
    rule = (rule or "").strip().removeprefix("RRULE:")
    parts = {}
    for item in rule.split(";"):
        if not item.strip():
            continue
        key, separator, value = item.partition("=")
        if not separator or not value:
            raise ValueError(f"bad rule part {item!r}")
        parts[key.strip().upper()] = value.strip().upper()
    return parts


def parse_until(value: str) -> datetime | date:
    """UNTIL as written: a UTC time (…Z), a floating local time, or a date."""
    if len(value) == 8:
        return datetime.strptime(value, "%Y%m%d").date()
    if value.endswith("Z"):
        return datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    return datetime.strptime(value, "%Y%m%dT%H%M%S").replace(tzinfo=HELSINKI)


def until_as_local_naive(value: str) -> datetime:
    until = parse_until(value)
    if isinstance(until, datetime):
        return to_local_naive(until)
    # A date means "up to and including that day".
    return datetime.combine(until, time(23, 59, 59))


def build_rule(rule: str, local_start: datetime) -> rrule:
    """A dateutil rule over naive Helsinki times, starting at `local_start` (naive)."""
    parts = rule_parts(rule)
    if parts.get("FREQ") not in ALLOWED_FREQUENCIES:
        raise ValueError("unsupported frequency")
    if "UNTIL" in parts:
        parts["UNTIL"] = until_as_local_naive(parts["UNTIL"]).strftime("%Y%m%dT%H%M%S")
    text = ";".join(f"{key}={value}" for key, value in parts.items())
    return rrulestr(text, dtstart=local_start)


def validate_rule(rule: str) -> None:
    if not rule or not rule.strip():
        return
    try:
        built = build_rule(rule, datetime(2026, 1, 5, 9, 0))
        built.after(datetime(2026, 1, 1), inc=True)
    except (ValueError, TypeError, OverflowError, KeyError, IndexError) as error:
        raise ValidationError(RULE_ERROR, code="invalid_rule") from error


def last_end_of_rule(rule: str, start: datetime, end: datetime) -> datetime | None:
    """The end of the last occurrence, or None for a series without an end."""
    parts = rule_parts(rule)
    if "COUNT" not in parts and "UNTIL" not in parts:
        return None
    local_start = to_local_naive(start)
    wall_duration = to_local_naive(end) - local_start
    last = None
    for index, occurrence in enumerate(build_rule(rule, local_start)):
        if index >= MAX_COUNTED_OCCURRENCES:
            return None
        last = occurrence
    if last is None:
        return end
    return from_local_naive(last + wall_duration)


@dataclass(frozen=True)
class Occurrence:
    """One time an event takes place. `original_start` identifies it (RECURRENCE-ID)."""

    event: Any
    start: datetime
    end: datetime
    original_start: datetime
    is_changed: bool = False
    note: str = ""

    @property
    def key(self) -> str:
        """A stable text form of the original start, used in forms and registrations."""
        return self.original_start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    @property
    def local_date(self) -> date:
        return self.start.astimezone(HELSINKI).date()


def parse_occurrence_key(value: str) -> datetime | None:
    try:
        return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except (TypeError, ValueError):
        return None


def _exceptions_of(event) -> list:
    # Uses the prefetched list when there is one, so expanding many events costs no queries.
    return list(event.exceptions.all())


def _overlaps(start: datetime, end: datetime, window_start: datetime, window_end: datetime):
    return start < window_end and end > window_start


def expand(event, window_start: datetime, window_end: datetime) -> list[Occurrence]:
    """The occurrences of `event` that overlap [window_start, window_end), in time order."""
    if not event.recurrence_rule:
        if _overlaps(event.start, event.end, window_start, window_end):
            return [
                Occurrence(
                    event,
                    event.start.astimezone(HELSINKI),
                    event.end.astimezone(HELSINKI),
                    event.start.astimezone(UTC),
                )
            ]
        return []

    local_start = to_local_naive(event.start)
    wall_duration = to_local_naive(event.end) - local_start
    rule = build_rule(event.recurrence_rule, local_start)
    changed = {to_local_naive(exception.original_start): exception for exception in _exceptions_of(event)}

    occurrences = []
    search_from = to_local_naive(window_start) - wall_duration - timedelta(hours=1)
    for naive in rule.between(search_from, to_local_naive(window_end), inc=True):
        if naive in changed:
            continue
        start = from_local_naive(naive)
        end = from_local_naive(naive + wall_duration)
        if _overlaps(start, end, window_start, window_end):
            occurrences.append(Occurrence(event, start, end, start.astimezone(UTC)))

    for naive, exception in changed.items():
        if exception.kind != "moved" or not (exception.new_start and exception.new_end):
            continue
        if rule.after(naive, inc=True) != naive:
            continue
        if _overlaps(exception.new_start, exception.new_end, window_start, window_end):
            occurrences.append(
                Occurrence(
                    event,
                    exception.new_start.astimezone(HELSINKI),
                    exception.new_end.astimezone(HELSINKI),
                    from_local_naive(naive).astimezone(UTC),
                    is_changed=True,
                    note=exception.note,
                )
            )
    occurrences.sort(key=lambda occurrence: occurrence.start)
    return occurrences


def occurrence_at(event, original_start: datetime) -> Occurrence | None:
    """The occurrence identified by its original start, or None (no such or cancelled)."""
    if not event.recurrence_rule:
        if event.start == original_start:
            return Occurrence(
                event,
                event.start.astimezone(HELSINKI),
                event.end.astimezone(HELSINKI),
                event.start.astimezone(UTC),
            )
        return None
    naive = to_local_naive(original_start)
    rule = build_rule(event.recurrence_rule, to_local_naive(event.start))
    if rule.after(naive, inc=True) != naive:
        return None
    for exception in _exceptions_of(event):
        if to_local_naive(exception.original_start) == naive:
            if exception.kind != "moved" or not (exception.new_start and exception.new_end):
                return None
            return Occurrence(
                event,
                exception.new_start.astimezone(HELSINKI),
                exception.new_end.astimezone(HELSINKI),
                original_start.astimezone(UTC),
                is_changed=True,
                note=exception.note,
            )
    wall_duration = to_local_naive(event.end) - to_local_naive(event.start)
    start = from_local_naive(naive)
    return Occurrence(event, start, from_local_naive(naive + wall_duration), start.astimezone(UTC))


def next_start_bound(event, since: datetime) -> datetime | None:
    """The earliest start (UTC) of the occurrences of `event` that end after `since`, or None
    when no occurrence ends after it (the series is over).

    It stays a lower bound later on: an occurrence that ends after a later moment also ends
    after `since`. Moved occurrences count with their new times, cancelled ones not at all.
    (Should a series have thousands of cancelled occurrences in a row, its first start minus
    two hours stands in: earlier than any occurrence, so still a bound.)
    """
    since = since.astimezone(UTC)
    if not event.recurrence_rule:
        return event.start.astimezone(UTC) if event.end > since else None
    local_start = to_local_naive(event.start)
    wall_duration = to_local_naive(event.end) - local_start
    rule = build_rule(event.recurrence_rule, local_start)
    exceptions = _exceptions_of(event)
    changed = {to_local_naive(exception.original_start) for exception in exceptions}
    starts = [
        exception.new_start.astimezone(UTC)
        for exception in exceptions
        if exception.kind == "moved"
        and exception.new_start
        and exception.new_end
        and exception.new_end > since
    ]
    # An occurrence ending after `since` cannot begin before this (wall time).
    search_from = to_local_naive(since) - wall_duration - 2 * CLOCK_CHANGE
    first = None
    for index, naive in enumerate(rule.xafter(search_from, inc=True)):
        if index >= MAX_COUNTED_OCCURRENCES:
            starts.append(event.start.astimezone(UTC) - 2 * CLOCK_CHANGE)
            break
        # Wall times more than an hour after the first found are later in UTC too.
        if first is not None and naive > first + CLOCK_CHANGE:
            break
        if naive in changed or from_local_naive(naive + wall_duration) <= since:
            continue
        starts.append(from_local_naive(naive).astimezone(UTC))
        first = first or naive
    return min(starts, default=None)


def occurrences_of_many(events, window_start: datetime, window_end: datetime) -> list[Occurrence]:
    occurrences = []
    for event in events:
        occurrences.extend(expand(event, window_start, window_end))
    occurrences.sort(key=lambda occurrence: (occurrence.start, occurrence.event.title))
    return occurrences
