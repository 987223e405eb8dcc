"""The home page's "next events": the same occurrences as expanding everything, found cheaply.

Every expectation here comes from a plain computation written in this file (dateutil over
Helsinki wall times, the visibility rule spelled out by hand), not from the calendar's own
code. The calendar's answer must equal it for every person and limit, whatever the stored
next-start bounds say, and its query count must not grow with the number of events.
"""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from calendar_app.models import Event, EventException
from calendar_app.recurrence import next_start_bound
from calendar_app.selectors import occurrences_for, upcoming_occurrences_for
from tests.factories import make_keha_staff, make_member, make_network, make_user
from typ_site.networks.models import Membership

from .helpers import make_event

pytestmark = pytest.mark.django_db

HEL = ZoneInfo("Europe/Helsinki")


# --- the plain computation ---------------------------------------------------------------


def plainly_visible(person, event) -> bool:
    if event.visibility == Event.Visibility.PUBLIC:
        return True
    if not person.is_authenticated:
        return False
    if person.is_superuser:
        return True
    if event.visibility == Event.Visibility.MEMBERS:
        return True
    return Membership.objects.filter(
        user=person,
        network=event.network,
        status=Membership.Status.APPROVED,
        network__is_active=True,
    ).exists()


def wall(moment: datetime) -> datetime:
    return moment.astimezone(HEL).replace(tzinfo=None)


def plain_times(event, until: datetime) -> list[tuple[datetime, datetime]]:
    """Every (start, end) of the event up to `until`, changes applied."""
    if not event.recurrence_rule:
        return [(event.start, event.end)]
    first = wall(event.start)
    length = wall(event.end) - first
    changes = {wall(change.original_start): change for change in event.exceptions.all()}
    times = []
    for naive in rrulestr(event.recurrence_rule, dtstart=first).between(
        first, wall(until) + timedelta(days=2), inc=True
    ):
        change = changes.get(naive)
        if change is None:
            times.append((naive.replace(tzinfo=HEL), (naive + length).replace(tzinfo=HEL)))
        elif change.kind == EventException.Kind.MOVED:
            times.append((change.new_start, change.new_end))
    return times


def plain_upcoming(person, limit: int, days: int = 120) -> list[tuple[int, datetime]]:
    now = timezone.now()
    until = now + timedelta(days=days)
    found = []
    for event in Event.objects.order_by("start", "pk"):
        if not plainly_visible(person, event):
            continue
        for start, end in plain_times(event, until):
            if start < until and end > now:
                found.append((start.astimezone(UTC), event.title, event.start, event.pk))
    found.sort()
    return [(pk, start) for start, _title, _first, pk in found[:limit]]


def answer(person, limit: int, days: int = 120) -> list[tuple[int, datetime]]:
    return [
        (occurrence.event.pk, occurrence.start.astimezone(UTC))
        for occurrence in upcoming_occurrences_for(person, limit=limit, days=days)
    ]


# --- the calendar ------------------------------------------------------------------------


def local_day(days_from_today: int, hour: int, minute: int = 0) -> datetime:
    day = timezone.localdate() + timedelta(days=days_from_today)
    return datetime.combine(day, time(hour, minute), tzinfo=HEL)


@pytest.fixture
def own_network():
    return make_network(name="Satakunnan testiverkosto", slug="satakunta-seuraavat")


@pytest.fixture
def other_network():
    return make_network(name="Karjalan testiverkosto", slug="karjala-seuraavat")


@pytest.fixture
def mixed_calendar(own_network, other_network):
    """One-off and recurring events of every visibility, past, present and future."""
    now = timezone.now()
    make_event(title="Avoin webinaari", start=local_day(2, 10))
    make_event(title="Jäsenten koulutus", start=local_day(1, 13), visibility=Event.Visibility.MEMBERS)
    make_event(
        title="Oman verkoston ohjausryhmä",
        start=local_day(1, 9),
        network=own_network,
        visibility=Event.Visibility.NETWORK,
        level=Event.Level.NETWORK,
    )
    make_event(
        title="Toisen verkoston kokous",
        start=now + timedelta(hours=2),
        network=other_network,
        visibility=Event.Visibility.NETWORK,
    )
    make_event(title="Viime viikon työpaja", start=local_day(-7, 9))
    make_event(title="Kaksipäiväiset TYP-päivät", start=local_day(-1, 9), end=local_day(1, 16))
    # Ties: the same start, ordered by title (the later-made one first).
    make_event(title="Tasan samaan aikaan B", start=local_day(3, 12))
    make_event(title="Tasan samaan aikaan A", start=local_day(3, 12))
    make_event(
        title="Viikkopalaveri",
        start=local_day(-35, 8, 30),
        end=local_day(-35, 9, 15),
        recurrence_rule="FREQ=WEEKLY",
    )
    series = make_event(
        title="Muuttuva yhteiskehittäminen", start=local_day(-20, 12), recurrence_rule="FREQ=WEEKLY"
    )
    upcoming = [start for start, _end in plain_times(series, now + timedelta(days=30)) if start > now][:2]
    EventException.objects.create(event=series, original_start=upcoming[0])
    EventException.objects.create(
        event=series,
        original_start=upcoming[1],
        kind=EventException.Kind.MOVED,
        new_start=upcoming[1] - timedelta(days=1, hours=2),
        new_end=upcoming[1] - timedelta(days=1),
    )
    later = make_event(
        title="Kuukausittainen vertaistapaaminen",
        start=local_day(40, 14),
        recurrence_rule="FREQ=MONTHLY",
        visibility=Event.Visibility.MEMBERS,
    )
    # Its third occurrence is brought forward to tomorrow morning: before anything else.
    third = plain_times(later, now + timedelta(days=200))[2][0]
    EventException.objects.create(
        event=later,
        original_start=third,
        kind=EventException.Kind.MOVED,
        new_start=local_day(1, 7),
        new_end=local_day(1, 8),
    )
    make_event(title="Päättynyt sarja", start=local_day(-70, 10), recurrence_rule="FREQ=WEEKLY;COUNT=3")
    make_event(
        title="Toisen verkoston aamukahvit",
        start=local_day(-3, 8),
        recurrence_rule="FREQ=DAILY",
        network=other_network,
        visibility=Event.Visibility.NETWORK,
    )
    make_event(
        title="Joka toinen tiistai",
        start=local_day(-100, 15),
        recurrence_rule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
        network=own_network,
        visibility=Event.Visibility.NETWORK,
    )


@pytest.fixture
def people(own_network, other_network):
    return {
        "member": make_member(own_network),
        "outsider": make_member(other_network),
        "signed_in": make_user(),
        "anonymous": AnonymousUser(),
        "superuser": make_user(is_superuser=True, is_staff=True),
        "keha": make_keha_staff(),
    }


@pytest.mark.parametrize("who", ["member", "outsider", "signed_in", "anonymous", "superuser", "keha"])
def test_next_events_are_those_of_the_plain_expansion(mixed_calendar, people, who):
    person = people[who]

    for limit in (1, 3, 5, 40):
        assert answer(person, limit) == plain_upcoming(person, limit), limit


def test_the_mixed_calendar_checks_what_it_should(mixed_calendar, people):
    titles = [Event.objects.get(pk=pk).title for pk, _start in plain_upcoming(people["member"], 40)]

    assert titles[0] == "Kaksipäiväiset TYP-päivät"  # going on now
    assert "Kuukausittainen vertaistapaaminen" in titles[:3]  # moved to tomorrow morning
    assert "Oman verkoston ohjausryhmä" in titles
    assert "Toisen verkoston kokous" not in titles
    assert "Viime viikon työpaja" not in titles and "Päättynyt sarja" not in titles
    assert titles.index("Tasan samaan aikaan A") + 1 == titles.index("Tasan samaan aikaan B")


def test_a_year_ahead_across_clock_changes_matches_too(mixed_calendar, people):
    for who in ("member", "outsider"):
        assert answer(people[who], 60, days=400) == plain_upcoming(people[who], 60, days=400)


def test_stale_or_unknown_bounds_change_nothing_and_are_refreshed(mixed_calendar, people):
    now = timezone.now()
    series = list(Event.objects.exclude(recurrence_rule=""))
    # Bounds computed a month ago: still true, but far behind.
    for event in series:
        month_ago = now - timedelta(days=30)
        Event.objects.filter(pk=event.pk).update(
            next_start_bound=next_start_bound(event, month_ago), next_start_checked_at=month_ago
        )
    Event.objects.filter(title="Viikkopalaveri").update(next_start_checked_at=None)
    person = people["member"]

    assert answer(person, 3) == plain_upcoming(person, 3)
    weekly = Event.objects.get(title="Viikkopalaveri")
    assert weekly.next_start_checked_at is not None
    assert weekly.next_start_bound == min(
        start for start, end in plain_times(weekly, now + timedelta(days=30)) if end > now
    )
    assert answer(person, 3) == plain_upcoming(person, 3)


def test_a_changed_occurrence_moves_the_stored_bound(own_network):
    event = make_event(title="Viikoittainen työpaja", start=local_day(10, 9), recurrence_rule="FREQ=WEEKLY")
    assert event.next_start_bound == local_day(10, 9)

    EventException.objects.create(event=event, original_start=local_day(10, 9))
    event.refresh_from_db()
    assert event.next_start_bound == local_day(17, 9)

    EventException.objects.create(
        event=event,
        original_start=local_day(24, 9),
        kind=EventException.Kind.MOVED,
        new_start=local_day(5, 9),
        new_end=local_day(5, 12),
    )
    event.refresh_from_db()
    assert event.next_start_bound == local_day(5, 9)

    EventException.objects.filter(event=event).delete()
    event.refresh_from_db()
    assert event.next_start_bound == local_day(10, 9)


def test_a_finished_series_has_no_bound():
    event = make_event(
        title="Kolmen kerran kurssi", start=local_day(-60, 9), recurrence_rule="FREQ=WEEKLY;COUNT=3"
    )

    assert event.next_start_checked_at is not None
    assert event.next_start_bound is None


def test_the_bound_follows_helsinki_wall_time_across_the_autumn_change():
    # Sundays at 09:00 from September 2026; the clocks go back on 25 October 2026.
    event = make_event(
        title="Sunnuntain ohjaus", start=datetime(2026, 9, 6, 9, 0, tzinfo=HEL), recurrence_rule="FREQ=WEEKLY"
    )

    bound = next_start_bound(event, datetime(2026, 10, 20, 12, 0, tzinfo=UTC))

    assert bound == datetime(2026, 10, 25, 7, 0, tzinfo=UTC)  # 09:00 EET


def test_network_filter_gives_the_plain_answer_for_that_network(mixed_calendar, people, own_network):
    person = people["member"]
    expected = [
        (pk, start)
        for pk, start in plain_upcoming(person, 40)
        if Event.objects.get(pk=pk).network_id == own_network.pk
    ][:5]

    found = upcoming_occurrences_for(person, limit=5, filters={"network": own_network.pk})

    assert [(o.event.pk, o.start.astimezone(UTC)) for o in found] == expected


# --- cost ----------------------------------------------------------------------------------


def add_events(count: int, network, first_number: int = 0) -> None:
    """Half one-off, half weekly; a few members-only and network-only; every start distinct."""
    now = timezone.now().replace(second=0, microsecond=0)
    for number in range(first_number, first_number + count):
        visibility, organiser = [
            (Event.Visibility.PUBLIC, None),
            (Event.Visibility.MEMBERS, None),
            (Event.Visibility.NETWORK, network),
        ][number % 3]
        if number % 2:
            start = now - timedelta(days=60) + timedelta(minutes=37 * number)
            rule = "FREQ=WEEKLY"
        else:
            start = now + timedelta(hours=5, minutes=53 * number)
            rule = ""
        if number % 10 == 4:  # a one-off that is over
            start = now - timedelta(days=30 + number)
        make_event(
            title=f"Tapahtuma {number}",
            start=start,
            recurrence_rule=rule,
            visibility=visibility,
            network=organiser,
        )


def count_queries(fresh_person) -> int:
    # A first call stores the bound of any series whose occurrence ended while the events
    # were being made (a write, once); the second shows the steady cost.
    upcoming_occurrences_for(fresh_person(), limit=3)
    person = fresh_person()
    with CaptureQueriesContext(connection) as queries:
        upcoming_occurrences_for(person, limit=3)
    return len(queries.captured_queries)


def test_query_count_does_not_grow_from_10_to_500_events(own_network):
    member = make_member(own_network)

    def fresh_member():  # a new object each time, as in a request: nothing cached on it
        return type(member).objects.get(pk=member.pk)

    add_events(10, own_network)
    small = count_queries(fresh_member)
    add_events(490, own_network, first_number=10)
    large = count_queries(fresh_member)

    assert Event.objects.count() == 500
    assert large == small
    assert answer(fresh_member(), 3) == plain_upcoming(fresh_member(), 3)


def test_ties_at_one_start_follow_python_title_order(own_network):
    """Capitals, lower case and Finnish letters: the order is by code point, as in Python."""
    start = local_day(4, 10)
    for title in ("Öljyn hinta", "alku", "Zeta", "Alku", "Äidinkielen päivä", "aalto", "Ohjaus"):
        make_event(title=title, start=start)
    for title in ("Viikko b", "Viikko A", "viikko a"):
        make_event(title=title, start=start - timedelta(weeks=3), recurrence_rule="FREQ=WEEKLY")
    person = make_user()

    for limit in range(1, 12):
        assert answer(person, limit) == plain_upcoming(person, limit), limit


def next_last_sunday(month: int) -> datetime:
    """The next last Sunday of March or October (when Helsinki's clocks change)."""
    year = timezone.localdate().year
    while True:
        day = datetime(year, month, 31)
        while day.weekday() != 6:
            day -= timedelta(days=1)
        if day.date() > timezone.localdate() + timedelta(days=2):
            return day
        year += 1


def test_around_the_clock_changes_the_order_is_the_full_expansions(own_network):
    """In the hour the clocks go back the same wall times come twice, and in spring an hour
    is skipped: the order there is the full expansion's (by wall time), limit by limit."""

    autumn = next_last_sunday(10).date()
    # 00:10-01:50 UTC: 03:10-03:50 twice, first in summer time, then in winter time.
    for minutes in (10, 30, 50, 65, 80, 100, 115):
        moment = datetime.combine(autumn, time(0, 0), tzinfo=UTC) + timedelta(minutes=minutes)
        make_event(title=f"Syksyn yö {minutes}", start=moment, end=moment + timedelta(hours=1))
    make_event(
        title="Syksyn sarja",
        start=datetime.combine(autumn - timedelta(weeks=1), time(3, 30), tzinfo=HEL),
        recurrence_rule="FREQ=WEEKLY;COUNT=3",
    )
    spring = next_last_sunday(3).date()
    # 03:30 does not exist that night; the series keeps its wall time.
    make_event(
        title="Kevään sarja",
        start=datetime.combine(spring - timedelta(weeks=1), time(3, 30), tzinfo=HEL),
        recurrence_rule="FREQ=WEEKLY;COUNT=3",
    )
    for minutes in (40, 70, 100):
        moment = datetime.combine(spring, time(0, 0), tzinfo=UTC) + timedelta(minutes=minutes)
        make_event(title=f"Kevään yö {minutes}", start=moment, end=moment + timedelta(hours=1))
    person = make_user()
    days = (max(autumn, spring) - timezone.localdate()).days + 30
    now = timezone.now()

    full = occurrences_for(person, now, now + timedelta(days=days))
    assert len(full) == 16
    for limit in range(1, 18):
        found = upcoming_occurrences_for(person, limit=limit, days=days)
        assert [(o.event.pk, o.start) for o in found] == [(o.event.pk, o.start) for o in full[:limit]], limit
