"""Expanded occurrences kept in the shared cache (calendar_app.occurrence_cache): a kept
month, agenda or annual wheel is served without expanding again, and every change to an event, its
exceptions or its themes shows at once; people who see different events never share one."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse

from calendar_app.models import Event, EventException
from calendar_app.occurrence_cache import GENERATION_KEY
from tests.factories import make_member, make_network
from tests.helpers import queries_for

from .helpers import helsinki, make_event

pytestmark = pytest.mark.django_db

MONTH = reverse("calendar_app:month_of", args=[2026, 3])
WHEEL = reverse("calendar_app:wheel_of", args=[2026])


def month(client) -> str:
    response = client.get(MONTH)
    assert response.status_code == 200
    return response.content.decode()


def test_a_kept_month_is_the_same_page_and_costs_no_expansion(client):
    for number in range(12):
        make_event(
            title=f"Viikkotapaaminen {number}",
            start=helsinki(2026, 2, 1 + number, 9),
            recurrence_rule="FREQ=WEEKLY",
        )
    first = month(client)
    assert cache.get(GENERATION_KEY)
    second = month(client)
    assert first == second
    assert "Viikkotapaaminen 11" in second
    assert queries_for(client, MONTH) <= 6


def test_changing_an_event_shows_at_once(client):
    event = make_event(title="Siirtyvä koulutus", start=helsinki(2026, 3, 10, 9))
    assert "Siirtyvä koulutus" in month(client)
    event.start = helsinki(2026, 4, 10, 9)
    event.end = event.start + timedelta(hours=2)
    event.save()
    assert "Siirtyvä koulutus" not in month(client)


def test_a_new_event_and_a_deleted_one_show_at_once(client):
    month(client)
    event = make_event(title="Uusi tapahtuma", start=helsinki(2026, 3, 12, 9))
    assert "Uusi tapahtuma" in month(client)
    event.delete()
    assert "Uusi tapahtuma" not in month(client)


def test_a_cancelled_occurrence_disappears_at_once(client):
    event = make_event(
        title="Viikoittainen", start=helsinki(2026, 3, 2, 9), recurrence_rule="FREQ=WEEKLY;COUNT=1"
    )
    assert "Viikoittainen" in month(client)
    EventException.objects.create(event=event, original_start=event.start, kind=EventException.Kind.CANCELLED)
    assert "Viikoittainen" not in month(client)


def test_people_who_see_different_events_never_share_a_kept_month(client):
    make_event(title="Jäsenten tilaisuus", start=helsinki(2026, 3, 5, 9), visibility=Event.Visibility.MEMBERS)
    member = make_member(make_network())
    client.force_login(member)
    assert "Jäsenten tilaisuus" in month(client)
    client.logout()
    assert "Jäsenten tilaisuus" not in month(client)


def test_anonymous_visitors_get_the_month_and_agenda_from_the_page_cache(client):
    make_event(title="Julkinen koulutus", start=helsinki(2026, 3, 10, 9))
    agenda = reverse("calendar_app:agenda") + "?from=2026-03-01"
    for url in (MONTH, agenda, WHEEL):
        assert client.get(url)["X-Page-Cache"] == "miss"
        kept = client.get(url)
        assert kept["X-Page-Cache"] == "hit"
        assert "Julkinen koulutus" in kept.content.decode()
    make_event(title="Toinen koulutus", start=helsinki(2026, 3, 11, 9))
    assert "Toinen koulutus" in month(client)
    member = make_member(make_network())
    client.force_login(member)
    assert "X-Page-Cache" not in client.get(MONTH)


# --- The kept listings: the month's grid and the agenda's days, for signed-in people ------------

AGENDA = reverse("calendar_app:agenda") + "?from=2026-03-01"


def _listings_rendered(response) -> int:
    names = {
        "calendar_app/includes/month_grid.html",
        "calendar_app/includes/agenda_days.html",
        "calendar_app/includes/wheel_body.html",
    }
    return sum(1 for template in response.templates if template.name in names)


def test_a_members_month_and_agenda_are_kept_listings(client):
    make_event(title="Verkostojen yhteinen päivä", start=helsinki(2026, 3, 10, 9))
    client.force_login(make_member(make_network()))
    for url in (MONTH, AGENDA, WHEEL):
        first = client.get(url)
        assert _listings_rendered(first) == 1
        again = client.get(url)
        assert _listings_rendered(again) == 0
        assert "Verkostojen yhteinen päivä" in again.content.decode()


def test_members_of_two_networks_never_share_a_kept_listing(client):
    first_network, second_network = make_network(), make_network()
    make_event(
        title="Vain ensimmäiselle",
        start=helsinki(2026, 3, 10, 9),
        network=first_network,
        visibility=Event.Visibility.NETWORK,
    )
    insider, outsider = make_member(first_network), make_member(second_network)
    for url in (MONTH, AGENDA, WHEEL):
        client.force_login(insider)
        assert "Vain ensimmäiselle" in client.get(url).content.decode()
        client.force_login(outsider)
        assert "Vain ensimmäiselle" not in client.get(url).content.decode()
        client.force_login(insider)
        assert "Vain ensimmäiselle" in client.get(url).content.decode()


def test_a_renamed_organiser_and_another_language_show_at_once(client):
    network = make_network("Vanha verkosto")
    make_event(title="Verkoston koulutus", start=helsinki(2026, 3, 10, 9), network=network)
    client.force_login(make_member(network))
    assert "Vanha verkosto" in client.get(AGENDA).content.decode()

    network.name = "Uusi verkosto"
    network.save()
    agenda = client.get(AGENDA).content.decode()
    assert "Uusi verkosto" in agenda and "Vanha verkosto" not in agenda

    swedish = client.get("/sv" + AGENDA).content.decode()
    assert "tisdag" in swedish.lower() and "tiistai" not in swedish.lower()
    assert "Maaliskuu" in client.get(WHEEL).content.decode()
    swedish_wheel = client.get("/sv" + WHEEL).content.decode()
    assert "Mars" in swedish_wheel and "Maaliskuu" not in swedish_wheel


# --- The filter form above them: the same for everyone with the same address -----------------


def _filter_forms_rendered(response) -> int:
    return sum(
        1 for template in response.templates if template.name == "calendar_app/includes/calendar_filters.html"
    )


def test_the_filter_form_is_kept_and_shows_each_address_its_own_choices(client):
    network = make_network("Satakunnan verkosto")
    client.force_login(make_member(network))
    assert _filter_forms_rendered(client.get(MONTH)) == 1
    again = client.get(MONTH)
    assert _filter_forms_rendered(again) == 0
    assert "Satakunnan verkosto" in again.content.decode()

    chosen = client.get(MONTH + f"?network={network.slug}").content.decode()
    assert f'<option value="{network.slug}" selected>' in chosen
    assert f'<option value="{network.slug}" selected>' not in client.get(MONTH).content.decode()

    later = reverse("calendar_app:agenda") + "?from=2026-04-01"
    assert 'name="from" value="2026-04-01"' in client.get(later).content.decode()
    assert 'name="from" value="2026-03-01"' in client.get(AGENDA).content.decode()


def test_a_new_network_shows_in_the_kept_filter_form_at_once(client):
    client.force_login(make_member(make_network()))
    assert "Uusi verkosto" not in client.get(MONTH).content.decode()
    make_network("Uusi verkosto")
    assert "Uusi verkosto" in client.get(MONTH).content.decode()
