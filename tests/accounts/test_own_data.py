import json

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from tests.factories import DEFAULT_PASSWORD, make_membership, make_network, make_user
from typ_site.accounts.services import remove_account
from typ_site.networks.models import Membership


def test_export_contains_the_users_own_data_and_no_one_elses(client):
    network = make_network(name="Satakunnan verkosto")
    me = make_user("mina@example.fi", organisation_name="Porin työllisyysalue")
    other = make_user("toinen@example.fi", organisation_name="Salainen organisaatio")
    make_membership(me, network)
    make_membership(other, network)
    client.force_login(me)

    response = client.get("/accounts/profile/export/")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["email"] == "mina@example.fi"
    assert data["account"]["organisation_name"] == "Porin työllisyysalue"
    assert data["network_memberships"][0]["network"] == "Satakunnan verkosto"
    text = response.content.decode()
    assert "toinen@example.fi" not in text
    assert "Salainen organisaatio" not in text


def test_export_values_keep_their_types_and_formats(client):
    """Read back from the database's JSON, a truth value is true or false and a time is in the
    same ISO form as the model's own value, on SQLite and PostgreSQL alike."""
    me = make_user("mina@example.fi")
    EmailAddress.objects.create(user=me, email="toinen.osoite@example.fi", verified=True, primary=False)
    membership = make_membership(me, make_network(name="Satakunnan verkosto"))
    client.force_login(me)

    data = json.loads(client.get("/accounts/profile/export/").content)

    assert {"email": "toinen.osoite@example.fi", "verified": True, "primary": False} in data["account"][
        "email_addresses"
    ]
    assert data["network_memberships"][0]["requested_at"] == membership.requested_at.isoformat()


def test_export_requires_sign_in(client):
    response = client.get("/accounts/profile/export/")

    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_removal_erases_identity_but_keeps_the_user_row_for_what_they_wrote(client):
    network = make_network()
    me = make_user("poistuva@example.fi", first_name="Pirjo", last_name="Poistuja")
    make_membership(me, network)
    client.force_login(me)

    response = client.post("/accounts/profile/remove/", {"confirm": "on", "password": DEFAULT_PASSWORD})

    assert response.status_code == 302
    removed = get_user_model().objects.get(pk=me.pk)
    assert removed.is_removed and not removed.is_active
    assert removed.email != "poistuva@example.fi"
    assert removed.display_name == "Poistettu käyttäjä"
    assert "Pirjo" not in removed.get_full_name()
    assert not Membership.objects.filter(user=removed).exists()
    assert "_auth_user_id" not in client.session


def test_removal_needs_the_confirmation_box_and_saves_nothing_without_it(client):
    me = make_user()
    client.force_login(me)

    response = client.post("/accounts/profile/remove/", {})

    assert response.status_code == 200
    assert "Vahvista poisto" in response.content.decode()
    assert not get_user_model().objects.get(pk=me.pk).is_removed


def test_removal_asks_for_the_password_again_and_saves_nothing_when_it_is_wrong(client):
    me = make_user()
    client.force_login(me)

    response = client.post("/accounts/profile/remove/", {"confirm": "on", "password": "arvaus"})

    assert response.status_code == 200
    assert "Salasana ei ole oikein." in response.content.decode()
    assert 'autocomplete="current-password"' in response.content.decode()
    assert not get_user_model().objects.get(pk=me.pk).is_removed
    assert "_auth_user_id" in client.session


def test_removal_without_a_password_of_ones_own_asks_only_for_the_confirmation(client):
    me = make_user()
    me.set_unusable_password()
    me.save(update_fields=["password"])
    client.force_login(me)

    response = client.post("/accounts/profile/remove/", {"confirm": "on"})

    assert response.status_code == 302
    assert get_user_model().objects.get(pk=me.pk).is_removed


def test_removed_account_cannot_sign_in_again(client):
    me = make_user("entinen@example.fi")
    remove_account(me)

    client.post("/accounts/login/", {"login": "entinen@example.fi", "password": "Test-salasana-123"})

    assert "_auth_user_id" not in client.session


def test_the_address_of_a_removed_account_can_sign_up_again(client):
    me = make_user("palaava@example.fi")
    remove_account(me)

    client.post(
        "/accounts/signup/",
        {
            "email": "palaava@example.fi",
            "password1": "Uusi-Alku-2026-xyz",
            "password2": "Uusi-Alku-2026-xyz",
            "first_name": "P",
            "last_name": "A",
            "organisation_type": "te",
            "role": "expert",
        },
    )

    assert get_user_model().objects.filter(email="palaava@example.fi", is_removed=False).exists()
