"""The signed-in person and their standing, in two queries, through every backend that signs in."""

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY, load_backend
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission

from tests.factories import (
    DEFAULT_PASSWORD,
    give_authenticator,
    make_member,
    make_membership,
    make_network,
    make_network_admin,
    make_user,
)
from typ_site.accounts.backends import SignedInUserLoading, load_signed_in_user
from typ_site.accounts.mfa import MFAAdapter, user_has_mfa
from typ_site.accounts.roles import can_open_wagtail_admin, holds_powers, is_keha_staff
from typ_site.networks.models import Membership
from typ_site.networks.selectors import admin_network_ids, member_network_ids

pytestmark = pytest.mark.django_db


def test_signing_in_with_a_password_loads_the_person_with_their_standing(client):
    person = make_member(make_network())

    client.post("/accounts/login/", {"login": person.email, "password": DEFAULT_PASSWORD})
    assert client.session["_auth_user_id"] == str(person.pk)
    assert isinstance(load_backend(client.session[BACKEND_SESSION_KEY]), SignedInUserLoading)

    response = client.get("/accounts/profile/")
    assert response.status_code == 200
    assert user_has_mfa(response.wsgi_request.user) is False
    assert response.wsgi_request.user.has_totp_authenticator is not None  # read with the person


def test_two_queries_answer_what_every_page_asks(django_assert_num_queries):
    network, other = make_network(), make_network()
    person = make_network_admin(network, groups=("KEHA", "Editors"))
    make_membership(person, other, status=Membership.Status.PENDING)  # not counted
    editors = Group.objects.get(name="Editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    person.user_permissions.add(Permission.objects.get(codename="add_document"))

    with django_assert_num_queries(2):
        user = load_signed_in_user(person.pk)
        assert user_has_mfa(user)
        assert holds_powers(user) and is_keha_staff(user) and can_open_wagtail_admin(user)
        assert member_network_ids(user) == admin_network_ids(user) == {network.pk}
        assert user.has_perm("wagtaildocs.add_document")
        assert not user.has_perm("wagtailcore.delete_page")
        assert not hasattr(user, "wagtail_userprofile") or user.wagtail_userprofile.pk

    assert user.get_all_permissions() == ModelBackend().get_all_permissions(
        type(person).objects.get(pk=person.pk)
    )


def test_the_authenticator_flag_follows_the_database():
    person = make_user()
    assert not user_has_mfa(load_signed_in_user(person.pk))

    give_authenticator(person)

    assert user_has_mfa(load_signed_in_user(person.pk))
    assert user_has_mfa(person)  # an object not loaded as the signed-in person asks the database


# What a signed-in person's page costs before its view reads anything (the profile page reads
# nothing of its own): the session, the person (with the authenticator flag and Wagtail
# profile) and their standing; the same for those who open the Wagtail admin (their editing
# bar takes the profile loaded with them, `typ_site.core.userbar`). The header's counts are
# kept in the shared cache until something they read changes (`forums.header_cache`: a
# query with the database cache, none here). tests/security/test_query_counts.py holds
# every page to ten.
BASE_QUERIES = {"member": 3, "network_admin": 3, "keha_editor": 3}


@pytest.mark.parametrize("role", BASE_QUERIES)
def test_the_base_cost_of_a_signed_in_page(client, role, django_assert_num_queries):
    network = make_network()
    person = {
        "member": lambda: make_member(network),
        "network_admin": lambda: make_network_admin(network),
        "keha_editor": lambda: make_user(groups=("KEHA", "Editors")),
    }[role]()
    client.force_login(person)
    assert client.get("/accounts/profile/").status_code == 200

    with django_assert_num_queries(BASE_QUERIES[role]):
        assert client.get("/accounts/profile/").status_code == 200


def test_allauth_asks_the_authenticator_kinds_once_and_sees_a_new_one(django_assert_num_queries):
    person = make_user()
    adapter = MFAAdapter()

    with django_assert_num_queries(1):
        assert not adapter.is_mfa_enabled(person)
        assert not adapter.is_mfa_enabled(person, types=["totp"])
        assert not adapter.is_mfa_enabled(person, types=["recovery_codes"])

    give_authenticator(person)  # in the same request: the kinds are read again

    assert adapter.is_mfa_enabled(person, types=["totp"])
    assert not adapter.is_mfa_enabled(person, types=["webauthn"])
