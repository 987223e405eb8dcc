from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError

from calendar_app.models import Event, EventException
from calendar_app.recurrence import HELSINKI, expand, occurrence_at, validate_rule

from .helpers import helsinki, make_event

pytestmark = pytest.mark.django_db


def weekly_mondays(**fields):
    return make_event(
        title="Yhteiskehittämisen maanantai",
        start=helsinki(2026, 3, 2, 9),
        end=helsinki(2026, 3, 2, 15),
        recurrence_rule="FREQ=WEEKLY;BYDAY=MO",
        **fields,
    )


def test_weekly_event_stays_at_nine_helsinki_time_across_the_spring_change():
    event = weekly_mondays()

    occurrences = expand(event, helsinki(2026, 3, 1), helsinki(2026, 4, 14))

    assert [o.start.astimezone(HELSINKI).hour for o in occurrences] == [9] * 7
    # Winter time is UTC+2, summer time (from 29 March 2026) UTC+3.
    assert occurrences[0].start.astimezone(UTC).hour == 7
    assert occurrences[-1].start.astimezone(UTC).hour == 6


def test_weekly_event_stays_at_nine_across_the_autumn_change():
    event = weekly_mondays()

    occurrences = expand(event, helsinki(2026, 10, 19), helsinki(2026, 11, 3))

    assert [o.start.astimezone(HELSINKI).strftime("%a %H:%M") for o in occurrences] == [
        "Mon 09:00",
        "Mon 09:00",
        "Mon 09:00",
    ]
    assert [o.start.astimezone(UTC).hour for o in occurrences] == [6, 7, 7]


def test_occurrence_end_keeps_the_wall_clock_length():
    event = weekly_mondays()

    after_change = expand(event, helsinki(2026, 4, 6), helsinki(2026, 4, 7))[0]

    assert after_change.end.astimezone(HELSINKI).hour == 15


def test_cancelled_occurrence_is_left_out():
    event = weekly_mondays(
        exceptions=[
            {"original_start": helsinki(2026, 3, 16, 9), "kind": EventException.Kind.CANCELLED},
        ]
    )

    days = [o.local_date.day for o in expand(event, helsinki(2026, 3, 1), helsinki(2026, 3, 31))]

    assert days == [2, 9, 23, 30]


def test_moved_occurrence_appears_at_its_new_time_and_keeps_its_identity():
    event = weekly_mondays(
        exceptions=[
            {
                "original_start": helsinki(2026, 3, 30, 9),
                "kind": EventException.Kind.MOVED,
                "new_start": helsinki(2026, 3, 31, 12),
                "new_end": helsinki(2026, 3, 31, 16),
                "note": "Siirretty tiistaille",
            }
        ]
    )

    occurrences = expand(event, helsinki(2026, 3, 28), helsinki(2026, 4, 2))

    assert len(occurrences) == 1
    moved = occurrences[0]
    assert moved.start == helsinki(2026, 3, 31, 12)
    assert moved.is_changed
    assert moved.original_start == helsinki(2026, 3, 30, 9)


def test_series_ends_on_its_until_day_inclusive():
    event = weekly_mondays()
    event.recurrence_rule = "FREQ=WEEKLY;BYDAY=MO;UNTIL=20260316"
    event.save()

    days = [o.local_date.day for o in expand(event, helsinki(2026, 3, 1), helsinki(2026, 5, 1))]

    assert days == [2, 9, 16]
    assert event.last_end == helsinki(2026, 3, 16, 15)


def test_open_ended_series_has_no_last_end():
    assert weekly_mondays().last_end is None


def test_monthly_rule_by_weekday():
    event = make_event(
        start=helsinki(2026, 1, 6, 13),
        end=helsinki(2026, 1, 6, 14, 30),
        recurrence_rule="FREQ=MONTHLY;BYDAY=1TU;COUNT=4",
    )

    starts = [o.start for o in expand(event, helsinki(2026, 1, 1), helsinki(2027, 1, 1))]

    assert starts == [
        helsinki(2026, 1, 6, 13),
        helsinki(2026, 2, 3, 13),
        helsinki(2026, 3, 3, 13),
        helsinki(2026, 4, 7, 13),
    ]


def test_occurrence_at_finds_a_real_occurrence_and_refuses_others():
    event = weekly_mondays(
        exceptions=[
            {"original_start": helsinki(2026, 3, 16, 9), "kind": EventException.Kind.CANCELLED},
        ]
    )

    assert occurrence_at(event, helsinki(2026, 4, 6, 9)).start == helsinki(2026, 4, 6, 9)
    assert occurrence_at(event, helsinki(2026, 4, 7, 9)) is None
    assert occurrence_at(event, helsinki(2026, 3, 16, 9)) is None


def test_single_event_is_one_occurrence_when_it_overlaps_the_window():
    event = make_event(start=helsinki(2026, 5, 4, 9), end=helsinki(2026, 5, 4, 12))

    assert len(expand(event, helsinki(2026, 5, 4, 11), helsinki(2026, 5, 5))) == 1
    assert expand(event, helsinki(2026, 5, 5), helsinki(2026, 5, 6)) == []


@pytest.mark.parametrize(
    "rule",
    ["FREQ=SOMETIMES", "BYDAY=MO", "FREQ=WEEKLY;BYDAY=XX", "FREQ=HOURLY", "FREQ=WEEKLY;UNTIL=tomorrow"],
)
def test_invalid_rules_are_refused_with_a_clear_message(rule):
    with pytest.raises(ValidationError) as error:
        validate_rule(rule)

    assert "FREQ=WEEKLY;BYDAY=MO" in error.value.messages[0]


def test_until_given_in_utc_is_accepted():
    event = weekly_mondays()
    event.recurrence_rule = "FREQ=WEEKLY;BYDAY=MO;UNTIL=20260309T070000Z"
    event.save()

    assert [o.local_date.day for o in expand(event, helsinki(2026, 3, 1), helsinki(2026, 4, 1))] == [2, 9]


def test_all_day_event_runs_from_midnight_to_the_end_of_its_last_day():
    event = make_event(
        start=helsinki(2026, 5, 13, 10),
        end=helsinki(2026, 5, 14, 10),
        all_day=True,
        event_type=Event.Type.TYP_DAYS,
    )

    assert event.start == helsinki(2026, 5, 13, 0)
    assert event.end == helsinki(2026, 5, 14, 23, 59)
    assert event.end - event.start < timedelta(days=2)
    assert isinstance(event.start, datetime)
