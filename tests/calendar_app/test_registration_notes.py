"""A registrant's note to the organisers (diet, accessibility needs): guarded against identity
codes, editable by the registrant, shown to the event's organisers and to nobody else."""

import csv
import io
from datetime import UTC

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse

from calendar_app.models import Event, Registration
from calendar_app.services import cancel_registration, register
from tests.factories import make_keha_staff, make_member, make_network, make_network_admin, make_user
from tests.helpers import queries_for
from typ_site.accounts.exports import build_user_export
from typ_site.accounts.services import remove_account

from .helpers import registration_event

pytestmark = pytest.mark.django_db

CODE = "130585-234W"  # valid, for a fictitious birth date
NOTE = "Gluteeniton ruokavalio, pyörätuoli"


@pytest.fixture
def network():
    return make_network()


@pytest.fixture
def event(network):
    return registration_event(network=network, level=Event.Level.NETWORK, capacity=1)


def _post(client, name, event, follow=False, **data):
    return client.post(
        reverse(f"calendar_app:{name}", args=[event.pk]),
        follow=follow,
        data={"occurrence": event.start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), **data},
    )


def _csv_rows(response) -> list[list[str]]:
    text = b"".join(response).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_a_note_given_at_registration_is_saved(client, event):
    person = make_user()
    client.force_login(person)

    _post(client, "register", event, note=f"  {NOTE}  ")

    assert Registration.objects.get(user=person).note == NOTE


def test_a_note_with_an_identity_code_is_refused_and_nobody_is_registered(client, event):
    person = make_user(preferred_language="fi")
    client.force_login(person)
    typed = f"Asiakkaani {CODE} tulee mukaan, hän tarvitsee pyörätuolipaikan"

    response = _post(client, "register", event, note=typed)

    assert not Registration.objects.filter(user=person).exists()
    assert response.status_code == 400
    assert response["Cache-Control"] == "private, no-store"
    page = BeautifulSoup(response.content, "html.parser")
    field = page.find("textarea", attrs={"name": "note"})
    assert field.get_text() == typed  # nothing the person typed is lost
    assert field["aria-invalid"] == "true"
    (error,) = [page.find(id=name) for name in field["aria-describedby"].split() if "error" in name]
    assert "henkilötunnus" in error.get_text().lower()
    assert field.find_parent("details").has_attr("open")
    assert CODE not in page.get_text().replace(field.get_text(), "")  # only in the field itself


def test_a_refused_note_edit_comes_back_typed_and_keeps_the_saved_note(client, event):
    person = make_user(preferred_language="fi")
    register(person, event, event.start, NOTE)
    client.force_login(person)
    typed = f"{NOTE}, {CODE}"

    response = _post(client, "note", event, note=typed)

    assert Registration.objects.get(user=person).note == NOTE
    assert response.status_code == 400
    page = BeautifulSoup(response.content, "html.parser")
    field = page.find("textarea", attrs={"name": "note"})
    assert field.get_text() == typed
    error = page.find(id=field["aria-describedby"].split()[0])
    assert "henkilötunnus" in error.get_text().lower()


def test_the_service_refuses_an_identity_code_too(event):
    with pytest.raises(ValidationError):
        register(make_user(), event, event.start, f"Asiakas {CODE}")

    assert not Registration.objects.exists()


def test_a_note_too_long_is_refused(client, event):
    person = make_user()
    client.force_login(person)

    _post(client, "register", event, note="x" * 501)

    assert not Registration.objects.filter(user=person).exists()


def test_the_registrant_edits_and_empties_their_note_while_registered(client, event):
    person = make_user()
    register(person, event, event.start)
    client.force_login(person)

    _post(client, "note", event, note=NOTE)
    assert Registration.objects.get(user=person).note == NOTE

    _post(client, "note", event, note=f"{NOTE} {CODE}")
    assert Registration.objects.get(user=person).note == NOTE

    _post(client, "note", event, note="")
    assert Registration.objects.get(user=person).note == ""


def test_a_waiting_list_registrant_keeps_and_edits_their_note(client, event):
    register(make_user(), event, event.start)
    waiting = make_user()
    register(waiting, event, event.start, "Kasvisruoka")
    client.force_login(waiting)

    _post(client, "note", event, note=NOTE)

    registration = Registration.objects.get(user=waiting)
    assert (registration.status, registration.note) == (Registration.Status.WAITING, NOTE)


def test_nobody_edits_a_note_without_their_own_registration(client, event):
    registrant = make_user()
    register(registrant, event, event.start, NOTE)
    client.force_login(make_user())

    _post(client, "note", event, note="Muutettu")

    assert Registration.objects.get(user=registrant).note == NOTE
    assert Registration.objects.count() == 1


def test_the_event_page_shows_a_registrant_their_own_note_only(client, event):
    register(make_user(), event, event.start, "Toisen osallistujan huomio")
    person = make_user()
    register(person, event, event.start, NOTE)
    client.force_login(person)

    page = client.get(reverse("calendar_app:event", args=[event.pk])).content.decode()

    assert NOTE in page
    assert "Toisen osallistujan huomio" not in page


def test_the_organisers_see_the_notes_in_the_registrants_list_and_csv(client, network, event):
    register(make_user(first_name="Liisa", last_name="Laaksonen"), event, event.start, NOTE)
    register(make_user(), event, event.start, "=HYPERLINK(1)")

    for organiser in (make_network_admin(network), make_keha_staff()):
        client.force_login(organiser)
        page = client.get(reverse("calendar_app:registrants", args=[event.pk])).content.decode()
        assert NOTE in page
        response = client.get(reverse("calendar_app:registrants_csv", args=[event.pk]))
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        rows = _csv_rows(response)
        assert [row[-1] for row in rows[1:]] == [NOTE, "'=HYPERLINK(1)"]
        assert rows[1][1] == "Liisa Laaksonen"
        assert rows[2][4] == str(Registration.Status.WAITING.label)


@pytest.mark.parametrize("who", ["registered_member", "other_network_member", "other_network_admin"])
def test_others_do_not_get_the_notes(client, network, event, who):
    register(make_user(), event, event.start, NOTE)
    if who == "registered_member":
        person = make_member(network)
        register(person, event, event.start, "Oma")
    elif who == "other_network_member":
        person = make_member(make_network())
    else:
        person = make_network_admin(make_network())
    client.force_login(person)

    for name in ("registrants", "registrants_csv"):
        response = client.get(reverse(f"calendar_app:{name}", args=[event.pk]))
        assert response.status_code == 404
        assert NOTE not in response.content.decode()
    assert NOTE not in client.get(reverse("calendar_app:event", args=[event.pk])).content.decode()


def test_a_signed_out_visitor_is_sent_to_sign_in(client, event):
    register(make_user(), event, event.start, NOTE)

    for name in ("registrants", "registrants_csv"):
        response = client.get(reverse(f"calendar_app:{name}", args=[event.pk]))
        assert response.status_code == 302
        assert "login" in response["Location"]
    response = _post(client, "note", event, note="Muutettu")
    assert response.status_code == 302
    assert Registration.objects.get().note == NOTE


def test_the_own_data_export_includes_the_note(event):
    person = make_user()
    register(person, event, event.start, NOTE)

    exported = build_user_export(person)["calendar"]["registrations"]

    assert exported[0]["note_to_organisers"] == NOTE


def test_cancelling_or_removing_the_account_deletes_the_note(event):
    cancelling, leaving = make_user(), make_user()
    register(cancelling, event, event.start, NOTE)
    register(leaving, event, event.start, f"{NOTE} 2")

    cancel_registration(cancelling, event, event.start)
    remove_account(leaving)

    assert not Registration.objects.filter(note__startswith=NOTE).exists()


def test_registrants_list_and_csv_query_counts_do_not_grow_with_registrations(client, network):
    event = registration_event(network=network, level=Event.Level.NETWORK)
    client.force_login(make_network_admin(network))
    urls = [reverse(f"calendar_app:{name}", args=[event.pk]) for name in ("registrants", "registrants_csv")]
    register(make_user(), event, event.start, NOTE)
    few = [queries_for(client, url) for url in urls]

    for number in range(15):
        register(make_user(), event, event.start, f"{NOTE} {number}")

    assert [queries_for(client, url) for url in urls] == few
