from datetime import UTC, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from calendar_app.models import Event, FeedToken, Registration
from calendar_app.recurrence import HELSINKI
from calendar_app.services import cancel_registration, create_feed_token, register
from tests.factories import make_network, make_network_admin, make_user
from typ_site.accounts.services import remove_account

from .helpers import next_week_at_nine, registration_event

pytestmark = pytest.mark.django_db


def test_registering_gives_a_confirmed_place():
    event = registration_event(capacity=10)

    registration = register(make_user(), event, event.start)

    assert registration.status == Registration.Status.CONFIRMED


def test_confirmation_email_has_the_event_as_an_ics_attachment(
    django_capture_on_commit_callbacks, mailoutbox
):
    event = registration_event(title="Kirjaamisen koulutus", capacity=10)
    person = make_user(email="osallistuja@example.fi")

    with django_capture_on_commit_callbacks(execute=True):
        register(person, event, event.start)

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["osallistuja@example.fi"]
    assert "Kirjaamisen koulutus" in message.subject
    filename, content, mimetype = message.attachments[0]
    assert filename.endswith(".ics")
    assert mimetype.startswith("text/calendar")
    text = content.decode() if isinstance(content, bytes) else content
    assert "BEGIN:VEVENT" in text


def test_a_full_event_puts_newcomers_on_the_waiting_list():
    event = registration_event(capacity=1, waiting_list_enabled=True)
    register(make_user(), event, event.start)

    second = register(make_user(), event, event.start)

    assert second.status == Registration.Status.WAITING


def test_a_full_event_without_waiting_list_refuses_and_saves_nothing():
    event = registration_event(capacity=1, waiting_list_enabled=False)
    register(make_user(), event, event.start)
    latecomer = make_user()

    with pytest.raises(ValidationError) as error:
        register(latecomer, event, event.start)

    assert error.value.code == "full"

    assert not Registration.objects.filter(user=latecomer).exists()


def test_registering_after_the_deadline_is_refused():
    start = timezone.now() + timedelta(days=2)
    event = registration_event(start=start, registration_deadline=timezone.now() - timedelta(hours=1))

    with pytest.raises(ValidationError) as error:
        register(make_user(), event, event.start)

    assert error.value.code == "closed"
    deadline = event.registration_deadline.astimezone(HELSINKI)
    assert deadline.strftime("%-d.%-m.%Y %H:%M") in error.value.messages[0]

    assert not event.registrations.exists()


def test_registering_twice_is_refused():
    event = registration_event()
    person = make_user()
    register(person, event, event.start)

    with pytest.raises(ValidationError) as error:
        register(person, event, event.start)

    assert error.value.code == "twice"

    assert event.registrations.count() == 1


def test_events_without_registration_refuse_it():
    event = registration_event(registration_enabled=False)

    with pytest.raises(ValidationError):
        register(make_user(), event, event.start)


def test_a_time_that_is_not_an_occurrence_is_refused():
    event = registration_event(recurrence_rule="FREQ=WEEKLY")

    with pytest.raises(ValidationError) as error:
        register(make_user(), event, event.start + timedelta(days=1))

    assert error.value.code == "no_occurrence"


def test_recurring_events_take_registrations_per_occurrence():
    event = registration_event(recurrence_rule="FREQ=WEEKLY", capacity=1, waiting_list_enabled=False)
    person = make_user()

    first = register(person, event, event.start)
    second = register(person, event, event.start + timedelta(weeks=1))

    assert {first.status, second.status} == {Registration.Status.CONFIRMED}


def test_recurring_deadline_moves_along_with_each_occurrence():
    start = timezone.now() - timedelta(days=6)
    event = registration_event(
        start=start,
        end=start + timedelta(hours=2),
        recurrence_rule="FREQ=WEEKLY",
        registration_deadline=start - timedelta(hours=1),
    )

    next_week = register(make_user(), event, event.start + timedelta(weeks=1))

    assert next_week.status == Registration.Status.CONFIRMED


def test_cancelling_promotes_the_first_on_the_waiting_list(django_capture_on_commit_callbacks, mailoutbox):
    event = registration_event(capacity=1)
    first, second, third = make_user(), make_user(), make_user()
    for person in (first, second, third):
        register(person, event, event.start)

    with django_capture_on_commit_callbacks(execute=True):
        promoted = cancel_registration(first, event, event.start)

    assert [registration.user for registration in promoted] == [second]
    statuses = dict(event.registrations.values_list("user_id", "status"))
    assert statuses == {second.pk: "confirmed", third.pk: "waiting"}
    assert sorted(message.to[0] for message in mailoutbox) == sorted([first.email, second.email])
    assert "Sinulle vapautui paikka" in next(m.subject for m in mailoutbox if m.to == [second.email])


def test_cancelling_without_a_registration_is_refused():
    event = registration_event()

    with pytest.raises(ValidationError) as error:
        cancel_registration(make_user(), event, event.start)

    assert error.value.code == "not_registered"


# --- through the pages -------------------------------------------------------------------


def test_register_and_cancel_through_the_event_page(client):
    event = registration_event(title="Työpaja", capacity=5)
    person = make_user()
    client.force_login(person)
    page = reverse("calendar_app:event", args=[event.pk])
    key = event.start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    response = client.post(
        reverse("calendar_app:register", args=[event.pk]), {"occurrence": key}, follow=True
    )
    assert response.redirect_chain[-1][0] == page
    assert [message.level_tag for message in response.context["messages"]] == ["success"]
    assert event.registrations.filter(user=person).exists()

    client.post(reverse("calendar_app:cancel", args=[event.pk]), {"occurrence": key})
    assert not event.registrations.filter(user=person).exists()


def test_bad_registration_shows_a_message_and_saves_nothing(client):
    event = registration_event(capacity=1, waiting_list_enabled=False)
    register(make_user(), event, event.start)
    latecomer = make_user()
    client.force_login(latecomer)
    key = event.start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    response = client.post(
        reverse("calendar_app:register", args=[event.pk]), {"occurrence": key}, follow=True
    )

    (message,) = list(response.context["messages"])
    assert message.level_tag == "error"
    assert str(message) == "Tapahtuma on täynnä, eikä sillä ole varasijalistaa."
    assert not event.registrations.filter(user=latecomer).exists()


def test_anonymous_visitors_must_sign_in_to_register(client):
    event = registration_event()

    response = client.post(reverse("calendar_app:register", args=[event.pk]), {})

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_event_page_shows_places_left(client):
    event = registration_event(capacity=3)
    register(make_user(), event, event.start)
    client.force_login(make_user(preferred_language="en"))

    response = client.get(reverse("calendar_app:event", args=[event.pk]), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert response.context["rows"][0]["places_left"] == 2


def test_the_organising_network_admin_sees_the_registrants():
    network = make_network()
    admin = make_network_admin(network)
    event = registration_event(network=network, level=Event.Level.NETWORK)
    register(make_user(first_name="Liisa", last_name="Laaksonen"), event, event.start)
    client = Client()
    client.force_login(admin)
    response = client.get(reverse("calendar_app:registrants", args=[event.pk]))

    assert response.status_code == 200
    assert "Liisa Laaksonen" in response.content.decode()


def test_registrants_list_is_a_404_for_other_users(client):
    event = registration_event(start=next_week_at_nine())
    client.force_login(make_user())

    assert client.get(reverse("calendar_app:registrants", args=[event.pk])).status_code == 404


def test_registrants_list_is_a_404_for_another_networks_admin(client):
    event = registration_event(network=make_network(), level=Event.Level.NETWORK)
    client.force_login(make_network_admin(make_network()))

    assert client.get(reverse("calendar_app:registrants", args=[event.pk])).status_code == 404


def test_removing_an_account_frees_its_places_and_drops_its_feed_addresses():

    event = registration_event(capacity=1)
    leaving, waiting = make_user(), make_user()
    register(leaving, event, event.start)
    register(waiting, event, event.start)
    create_feed_token(leaving)

    remove_account(leaving)

    assert list(event.registrations.values_list("user_id", "status")) == [(waiting.pk, "confirmed")]
    assert not FeedToken.objects.filter(user=leaving).exists()
