"""The Wagtail admin's sign-in pages, for visitors and for each signed-in role.

The admin's own sign-in form checks a password only; the site's sign-in asks for the
two-step verification code of everyone `accounts.roles.holds_powers` names. The admin's
address therefore sends on to the site's sign-in and signs nobody in itself.
"""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import make_keha_staff, make_member, make_network, make_network_admin

PASSWORD = "Pitka-salasana-2026"


def _with_password(user):
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def network(db):
    return make_network()


@pytest.mark.parametrize("role", ["network_admin", "member"])
def test_the_admin_sign_in_form_signs_nobody_in_with_a_password_alone(client, network, role):
    user = _with_password(make_network_admin(network) if role == "network_admin" else make_member(network))

    response = client.post("/admin/login/", {"username": user.email, "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302
    assert client.get(reverse("networks:manage")).status_code != 200


def test_the_admin_sign_in_address_sends_on_to_the_sites_sign_in_keeping_the_destination(client, db):
    response = client.get("/admin/login/?next=/admin/pages/")

    assert response.status_code == 302
    assert response["Location"] == reverse("account_login") + "?next=%2Fadmin%2Fpages%2F"


def test_a_network_admin_signing_in_is_asked_for_the_code_before_the_admin(client, network):
    admin = _with_password(make_network_admin(network))
    client.get("/admin/login/?next=/admin/")

    response = client.post(reverse("account_login"), {"login": admin.email, "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_authenticate"))
    assert client.get("/admin/").status_code == 302


@pytest.mark.parametrize(
    "address",
    ["/admin/login/", "/admin/", "/admin/password_reset/", "/admin/pages/"],
)
def test_a_role_with_powers_and_no_authenticator_is_sent_to_set_one_up(db, address):
    client = Client()
    client.force_login(make_keha_staff("Editors", with_mfa=False))

    response = client.get(address)

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_the_admin_sign_out_address_signs_nobody_out_with_a_get(client, network):
    member = make_member(network)
    client.force_login(member)

    response = client.get("/admin/logout/")

    assert response.status_code == 302 and response["Location"] == reverse("account_logout")
    assert client.get(reverse("accounts:profile")).status_code == 200  # still signed in


def test_the_admin_menu_signs_out_with_its_post(client, network):
    member = make_member(network)
    client.force_login(member)

    client.post("/admin/logout/")

    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("address", ["/admin/", "/admin/snippets/participation/votinground/add/"])
def test_a_signed_in_member_opening_the_admin_is_told_they_have_no_access(client, network, address):
    client.force_login(make_member(network))

    response = client.get(address, follow=True)

    assert response.status_code == 403
    assert response.redirect_chain == [(f"/admin/login/?next={address}", 302)]


def test_a_signed_in_admin_is_sent_on_from_the_admin_sign_in(client, network):
    client.force_login(make_network_admin(network))

    response = client.get("/admin/login/?next=/admin/")

    assert response.status_code == 302
    assert response["Location"] == reverse("account_login") + "?next=%2Fadmin%2F"
