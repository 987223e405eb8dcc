"""iCalendar output parses back with the icalendar library and keeps times right."""

from datetime import date, datetime

import icalendar
import pytest
from django.urls import reverse

from calendar_app.models import Event, EventException
from calendar_app.services import create_feed_token, revoke_feed_tokens
from tests.factories import make_member, make_network, make_user

from .helpers import helsinki, make_event

pytestmark = pytest.mark.django_db


def parse(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def vevents(calendar) -> list:
    return [component for component in calendar.walk("VEVENT")]


def test_single_event_download_parses_and_links_back_to_the_event_page(client):
    event = make_event(
        title="Kirjaamisen koulutus",
        start=helsinki(2026, 6, 2, 9),
        end=helsinki(2026, 6, 2, 12),
        location_address="Pori",
        themes=["asiakasprosessi"],
    )

    calendar = parse(client.get(reverse("calendar_app:event_ics", args=[event.pk])))

    (component,) = vevents(calendar)
    assert str(component["SUMMARY"]) == "Kirjaamisen koulutus"
    assert str(component["URL"]).endswith(reverse("calendar_app:event", args=[event.pk]))
    assert component.decoded("DTSTART") == helsinki(2026, 6, 2, 9)
    assert component["DTSTART"].params["TZID"] == "Europe/Helsinki"
    assert str(component["LOCATION"]) == "Pori"
    assert calendar["VERSION"] == "2.0"
    assert calendar.walk("VTIMEZONE"), "a zoned time needs its VTIMEZONE"


def test_recurring_event_keeps_nine_oclock_in_its_rule_and_lists_changes(client):
    event = make_event(
        title="Yhteiskehittämisen maanantai",
        start=helsinki(2026, 3, 2, 9),
        end=helsinki(2026, 3, 2, 15),
        recurrence_rule="FREQ=WEEKLY;BYDAY=MO;UNTIL=20260601",
        exceptions=[
            {"original_start": helsinki(2026, 3, 16, 9), "kind": EventException.Kind.CANCELLED},
            {
                "original_start": helsinki(2026, 4, 6, 9),
                "kind": EventException.Kind.MOVED,
                "new_start": helsinki(2026, 4, 7, 9),
                "new_end": helsinki(2026, 4, 7, 15),
            },
        ],
    )

    calendar = parse(client.get(reverse("calendar_app:event_ics", args=[event.pk])))

    master, moved = sorted(vevents(calendar), key=lambda c: "RECURRENCE-ID" in c)
    assert master["DTSTART"].params["TZID"] == "Europe/Helsinki"
    rule = master["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["MO"]
    # With a zoned DTSTART, RFC 5545 wants UNTIL in UTC.
    assert rule["UNTIL"][0].tzinfo is not None
    exdates = [value.dt for value in master["EXDATE"].dts]
    assert exdates == [helsinki(2026, 3, 16, 9)]
    assert moved.decoded("RECURRENCE-ID") == helsinki(2026, 4, 6, 9)
    assert moved.decoded("DTSTART") == helsinki(2026, 4, 7, 9)
    assert master["UID"] == moved["UID"]


def test_all_day_event_uses_dates_with_an_exclusive_end(client):
    event = make_event(
        title="TYP-päivät",
        all_day=True,
        event_type=Event.Type.TYP_DAYS,
        start=helsinki(2026, 5, 13),
        end=helsinki(2026, 5, 14),
    )

    (component,) = vevents(parse(client.get(reverse("calendar_app:event_ics", args=[event.pk]))))

    assert component.decoded("DTSTART") == date(2026, 5, 13)
    assert component.decoded("DTEND") == date(2026, 5, 15)
    assert not isinstance(component.decoded("DTSTART"), datetime)


def test_public_feed_lists_public_events_only(client):
    make_event(title="Avoin webinaari")
    make_event(title="Jäsenten työpaja", visibility=Event.Visibility.MEMBERS)

    calendar = parse(client.get(reverse("calendar_app:feed_public")))

    assert [str(c["SUMMARY"]) for c in vevents(calendar)] == ["Avoin webinaari"]
    assert calendar["X-WR-CALNAME"]


def test_theme_feed_lists_the_themes_public_events(client):
    make_event(title="Lain tulkinnat", themes=["tym-laki"])
    make_event(title="Perehdytys", themes=["perehdytys"])

    calendar = parse(client.get(reverse("calendar_app:feed_theme", args=["tym-laki"])))

    assert [str(c["SUMMARY"]) for c in vevents(calendar)] == ["Lain tulkinnat"]


def test_a_theme_whose_name_gives_its_slug_answers_at_that_address(client):
    make_event(title="Asiakkuuden päättäminen", themes=["asiakasprosessi"])

    calendar = parse(client.get(reverse("calendar_app:feed_theme", args=["asiakasprosessi"])))

    assert [str(c["SUMMARY"]) for c in vevents(calendar)] == ["Asiakkuuden päättäminen"]


def test_unknown_theme_feed_is_a_404(client):
    assert client.get(reverse("calendar_app:feed_theme", args=["ei-teema"])).status_code == 404


def test_private_feed_has_members_and_own_network_events(client):
    network = make_network()
    member = make_member(network)
    make_event(title="Avoin webinaari")
    make_event(title="Jäsenten työpaja", visibility=Event.Visibility.MEMBERS)
    make_event(
        title="Verkoston maanantai",
        visibility=Event.Visibility.NETWORK,
        network=network,
        recurrence_rule="FREQ=WEEKLY;BYDAY=MO",
    )
    token = create_feed_token(member)

    calendar = parse(client.get(reverse("calendar_app:feed_private", args=[token.token])))

    assert sorted(str(c["SUMMARY"]) for c in vevents(calendar)) == [
        "Avoin webinaari",
        "Jäsenten työpaja",
        "Verkoston maanantai",
    ]


def test_network_feed_has_only_that_networks_events(client):
    network = make_network()
    member = make_member(network)
    make_event(title="Avoin webinaari")
    make_event(title="Verkoston kokous", visibility=Event.Visibility.NETWORK, network=network)
    token = create_feed_token(member)

    calendar = parse(client.get(reverse("calendar_app:feed_network", args=[token.token, network.slug])))

    assert [str(c["SUMMARY"]) for c in vevents(calendar)] == ["Verkoston kokous"]


def test_revoked_token_is_a_404(client):
    person = make_user()
    token = create_feed_token(person).token
    revoke_feed_tokens(person)

    assert client.get(reverse("calendar_app:feed_private", args=[token])).status_code == 404


def test_a_new_address_replaces_the_old_one(client):
    person = make_user()
    old = create_feed_token(person).token
    new = create_feed_token(person).token

    assert client.get(reverse("calendar_app:feed_private", args=[old])).status_code == 404
    assert client.get(reverse("calendar_app:feed_private", args=[new])).status_code == 200


def test_unknown_token_is_a_404(client):
    response = client.get(reverse("calendar_app:feed_private", args=["arvattu-osoite"]))

    assert response.status_code == 404


def test_member_creates_and_revokes_the_address_on_the_calendar_page(client):
    person = make_user()
    client.force_login(person)

    client.post(reverse("calendar_app:feed_token_create"))
    page = client.get(reverse("calendar_app:month")).content.decode()
    token = person.calendar_feed_tokens.get().token
    assert token in page

    client.post(reverse("calendar_app:feed_token_revoke"))
    assert not person.calendar_feed_tokens.exists()
    assert client.get(reverse("calendar_app:feed_private", args=[token])).status_code == 404


def test_calendar_page_explains_how_to_subscribe(client):
    page = client.get(reverse("calendar_app:month")).content.decode()

    assert 'id="subscribe"' in page
    assert "Outlook" in page
    assert reverse("calendar_app:feed_public") in page


def test_removed_users_feed_stops_working(client):
    person = make_user()
    token = create_feed_token(person).token
    person.is_active = False
    person.save()

    assert client.get(reverse("calendar_app:feed_private", args=[token])).status_code == 404


def test_a_theme_feeds_former_address_redirects_permanently_to_the_theme_address(client):
    response = client.get(reverse("calendar_app:feed_theme", args=["tym-laki-ja-sen-soveltaminen"]))

    assert response.status_code == 301
    assert response["Location"] == reverse("calendar_app:feed_theme", args=["tym-laki"])
