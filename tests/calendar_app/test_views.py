import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone, translation

from calendar_app.home import next_events_section
from calendar_app.models import Event, EventLink
from calendar_app.recurrence import HELSINKI
from calendar_app.services import create_feed_token, register
from tests.factories import make_user
from tests.helpers import queries_for
from typ_site.accounts.exports import build_user_export
from typ_site.core.themes import ensure_theme_tags

from .helpers import helsinki, make_event, registration_event

pytestmark = pytest.mark.django_db


def _bulk_events(count: int, year: int, month: int) -> None:
    """Many events in one month, some weekly, some with themes."""
    events = []
    for number in range(count):
        start = helsinki(year, month, 1 + number % 28, 8 + number % 9)
        events.append(
            Event(
                title=f"Tapahtuma {number}",
                start=start,
                end=start + timedelta(hours=1),
                event_type=Event.Type.WEBINAR,
                level=Event.Level.NATIONAL,
                recurrence_rule="FREQ=WEEKLY;COUNT=3" if number % 10 == 0 else "",
                access_key="public",
                last_end=start + timedelta(weeks=3 if number % 10 == 0 else 0, hours=1),
            )
        )
    created = Event.objects.bulk_create(events)
    for event in created[:5]:
        event.themes.set([ensure_theme_tags()["asiakasprosessi"]])
        event.save()


@pytest.mark.parametrize("signed_in", [False, True])
def test_month_view_query_count_does_not_grow_with_events(client, signed_in):
    if signed_in:
        client.force_login(make_user())
    url = reverse("calendar_app:month_of", args=[2026, 3])
    _bulk_events(10, 2026, 3)
    client.get(url)  # warm up caches that are not per request
    few = queries_for(client, url)

    _bulk_events(990, 2026, 3)
    many = queries_for(client, url)

    assert few == many


def test_agenda_and_wheel_query_counts_do_not_grow_with_events(client):
    agenda = reverse("calendar_app:agenda") + "?from=2026-03-01"
    wheel = reverse("calendar_app:wheel_of", args=[2026])
    _bulk_events(10, 2026, 3)
    client.get(agenda)
    few = (queries_for(client, agenda), queries_for(client, wheel))

    _bulk_events(200, 2026, 3)

    assert (queries_for(client, agenda), queries_for(client, wheel)) == few


def test_event_page_query_count_does_not_grow_with_registrations(client, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the rendering, not the page kept for the session
    event = registration_event(recurrence_rule="FREQ=WEEKLY")
    client.force_login(make_user())
    url = reverse("calendar_app:event", args=[event.pk])
    register(make_user(), event, event.start)
    client.get(url)
    few = queries_for(client, url)

    for _ in range(20):
        register(make_user(), event, event.start + timedelta(weeks=1))

    assert queries_for(client, url) == few


def test_feed_query_count_does_not_grow_with_events(client):
    url = reverse("calendar_app:feed_public")
    _bulk_events(10, 2030, 3)
    client.get(url)
    few = queries_for(client, url)

    _bulk_events(100, 2030, 4)

    assert queries_for(client, url) == few


def test_month_grid_is_an_accessible_table(client):
    make_event(
        title="Webinaari lain tulkinnoista", start=helsinki(2026, 3, 10, 13), end=helsinki(2026, 3, 10, 14)
    )

    page = client.get(reverse("calendar_app:month_of", args=[2026, 3])).content.decode()

    assert page.count("<h1") == 1
    assert '<th scope="col"' in page and '<th scope="row"' in page
    assert "Webinaari lain tulkinnoista" in page


def test_month_view_places_a_multi_day_event_on_each_day(client):
    make_event(
        title="TYP-päivät",
        all_day=True,
        event_type=Event.Type.TYP_DAYS,
        start=helsinki(2026, 5, 13),
        end=helsinki(2026, 5, 14),
    )

    response = client.get(reverse("calendar_app:month_of", args=[2026, 5]))

    days = [
        day["date"].day
        for week in response.context["weeks"]
        for day in week["days"]
        if day["occurrences"] and day["in_month"]
    ]
    assert days == [13, 14]


def test_month_view_rejects_impossible_months(client):
    assert client.get(reverse("calendar_app:month_of", args=[2026, 13])).status_code == 404


def test_agenda_filters_by_theme_level_network_and_type(client):
    today = timezone.localdate()
    start = timezone.now() + timedelta(days=3)
    make_event(
        title="Lakityöpaja",
        start=start,
        event_type=Event.Type.WORKSHOP,
        themes=["tym-laki"],
    )
    make_event(
        title="Kirjaamiskoulutus",
        start=start,
        event_type=Event.Type.TRAINING,
        level=Event.Level.REGIONAL,
        themes=["vaikuttavuus"],
    )
    url = reverse("calendar_app:agenda") + f"?from={today.isoformat()}"

    def titles(query):
        response = client.get(f"{url}&{query}")
        return [o.event.title for _day, items in response.context["days"] for o in items]

    assert titles("theme=tym-laki") == ["Lakityöpaja"]
    assert titles("level=regional") == ["Kirjaamiskoulutus"]
    assert titles("event_type=workshop") == ["Lakityöpaja"]
    assert sorted(titles("")) == ["Kirjaamiskoulutus", "Lakityöpaja"]


def test_bad_filter_values_are_ignored_rather_than_failing(client):
    response = client.get(reverse("calendar_app:agenda") + "?level=x&network=nope&from=huh")

    assert response.status_code == 200


def test_annual_wheel_is_an_svg_with_text_alternative_and_keyboard_links(client):
    make_event(
        title="Kevään TYP-päivät",
        start=helsinki(2026, 5, 13, 9),
        end=helsinki(2026, 5, 13, 16),
        themes=["asiakasprosessi"],
    )

    page = client.get(reverse("calendar_app:wheel_of", args=[2026])).content.decode()

    start = page.index('<svg viewBox="-340')  # the wheel, not the logo mark in the header
    svg = page[start : page.index("</svg>", start)]
    assert "<title" in svg and "<desc" in svg
    assert svg.count("<a href=") == 12
    table = page[page.index("</svg>", start) :]
    assert "<table" in table and "Kevään TYP-päivät" in table
    assert 'scope="row"' in table


def test_wheel_counts_each_event_once_per_month(client):
    make_event(
        title="Maanantai",
        start=helsinki(2026, 3, 2, 9),
        end=helsinki(2026, 3, 2, 15),
        recurrence_rule="FREQ=WEEKLY;BYDAY=MO",
        themes=["asiakasprosessi"],
    )

    response = client.get(reverse("calendar_app:wheel_of", args=[2026]))

    march = response.context["wheel"]["months"][2]
    assert march["event_count"] == 1
    assert march["entries"][0]["count"] == 5
    assert march["marks"][0]["slug"] == "asiakasprosessi"
    assert march["marks"][0]["theme"] == "Asiakasprosessi"


def test_event_page_shows_the_events_details_and_related_links(client):
    event = make_event(
        title="Työpaja asiakkuuden päättämisestä",
        description="Pohditaan loppuarviota.",
        location_address="Joensuu",
        themes=["asiakasprosessi"],
    )
    EventLink.objects.create(event=event, kind="need", title="Asiakkuuden alku ja loppu", url="/participate/")

    page = client.get(reverse("calendar_app:event", args=[event.pk])).content.decode()

    assert "Pohditaan loppuarviota." in page
    assert "Joensuu" in page
    assert "Asiakkuuden alku ja loppu" in page
    assert reverse("calendar_app:event_ics", args=[event.pk]) in page


def test_home_section_shows_the_next_three_visible_events(rf):
    person = make_user()
    for days in (1, 2, 3, 4):
        make_event(title=f"Tapahtuma {days}", start=timezone.now() + timedelta(days=days))
    make_event(title="Menneisyydessä", start=timezone.now() - timedelta(days=3))
    request = rf.get("/")
    request.user = person

    section = next_events_section(request)

    assert section.order == 40
    assert [o.event.title for o in section.context["occurrences"]] == [
        "Tapahtuma 1",
        "Tapahtuma 2",
        "Tapahtuma 3",
    ]


def test_home_section_is_only_for_signed_in_people(rf):

    request = rf.get("/")
    request.user = AnonymousUser()

    assert next_events_section(request) is None


def test_export_includes_registrations_and_feed_addresses():
    person = make_user()
    event = registration_event(title="Koulutus")
    register(person, event, event.start)
    create_feed_token(person)

    section = build_user_export(person)["calendar"]

    assert section["registrations"][0]["event"] == "Koulutus"
    assert len(section["feed_addresses"]) == 1


def test_times_are_shown_in_helsinki_time(client):
    make_event(title="Aamun webinaari", start=helsinki(2026, 7, 1, 9), end=helsinki(2026, 7, 1, 10))

    response = client.get(reverse("calendar_app:month_of", args=[2026, 7]))

    occurrence = response.context["weeks"][0]["days"][2]["occurrences"][0]
    assert occurrence.start.astimezone(HELSINKI).hour == 9
    assert "09:00" in response.content.decode()  # the clock as the whole site writes it


def test_the_theme_filter_and_an_events_themes_show_the_translated_labels(client):
    make_event(title="Lakityöpaja", start=timezone.now() + timedelta(days=3), themes=["tym-laki"])
    with translation.override("sv"):
        url = reverse("calendar_app:agenda")

    page = client.get(url).content.decode()

    assert '<option value="tym-laki">TYM-lagen och dess tillämpning</option>' in page
    assert '<span class="tag cal-theme-1">TYM-lagen och dess tillämpning</span>' in page


def _agenda_page(client, first: str):
    html = client.get(reverse("calendar_app:agenda") + f"?from={first}").content.decode()
    period = re.search(r'<h2 id="agenda-heading">([^<]*)</h2>', html).group(1)
    earlier = re.search(r'href="\?from=([0-9-]+)[^"]*" rel="prev"', html).group(1)
    later = re.search(r'href="\?from=([0-9-]+)[^"]*" rel="next"', html).group(1)
    return period, html.count('class="card cal-agenda-item"'), earlier, later


def test_a_busy_agenda_is_paged_in_whole_days_of_at_most_sixty_events(client):
    # Four events every day for 40 days from 1 March: 160 occurrences.
    for hour in (9, 11, 13, 15):
        make_event(
            title=f"Päivittäinen vuoro {hour}",
            start=helsinki(2026, 3, 1, hour),
            end=helsinki(2026, 3, 1, hour + 1),
            recurrence_rule="FREQ=DAILY;COUNT=40",
        )

    first = _agenda_page(client, "2026-03-01")
    second = _agenda_page(client, first[3])
    third = _agenda_page(client, second[3])

    assert first == ("1.3.2026 – 15.3.2026", 60, "2025-11-29", "2026-03-16")
    assert second == ("16.3.2026 – 30.3.2026", 60, "2025-12-14", "2026-03-31")
    # The last ten days, then the rest of the 92 days; "Earlier" goes back one full page.
    assert third == ("31.3.2026 – 30.6.2026", 40, "2026-03-16", "2026-07-01")


def test_a_day_with_more_than_sixty_events_is_shown_whole(client):
    start = helsinki(2026, 3, 2, 8)
    for number in range(70):
        make_event(title=f"Tilaisuus {number}", start=start, end=start + timedelta(hours=1))
    make_event(title="Seuraavan päivän tilaisuus", start=start + timedelta(days=1))

    period, shown, _earlier, later = _agenda_page(client, "2026-03-02")

    assert (period, shown, later) == ("2.3.2026 – 2.3.2026", 70, "2026-03-03")
