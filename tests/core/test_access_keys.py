"""Access keys: who may see what, the vocabulary shared by search, feeds and notifications."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import make_keha_staff, make_member, make_network, make_user
from typ_site.core.access import (
    DIRECTORS,
    MEMBERS,
    PUBLIC,
    STAFF,
    access_keys_for,
    network_and_staff_key,
    network_key,
    search_access_keys_for,
)

pytestmark = pytest.mark.django_db


def test_an_anonymous_visitor_sees_public_items_only():
    assert access_keys_for(AnonymousUser()) == {PUBLIC}


def test_a_member_sees_their_own_networks_items_and_no_others():
    home, other = make_network(), make_network()

    keys = access_keys_for(make_member(home))

    assert network_key(home.pk) in keys and MEMBERS in keys
    assert network_key(other.pk) not in keys and STAFF not in keys


def test_keha_staff_see_staff_items_but_a_network_only_as_its_member():
    network = make_network()

    keys = access_keys_for(make_keha_staff())

    assert STAFF in keys
    assert network_key(network.pk) not in keys


def test_a_superuser_sees_every_networks_items_as_in_the_forums_and_the_calendar():
    networks = [make_network(), make_network()]

    keys = access_keys_for(make_user(is_superuser=True, is_staff=True))

    assert {network_key(network.pk) for network in networks} <= keys
    assert {PUBLIC, MEMBERS, STAFF} <= keys


def test_a_deactivated_superuser_sees_public_items_only():
    make_network()

    assert access_keys_for(make_user(is_superuser=True, is_active=False)) == {PUBLIC}


def test_the_directors_key_is_for_confirmed_directors_with_a_network_and_keha():
    network = make_network()
    director = make_member(network, role="typ_director")
    asked_only = make_member(network, role="expert", requested_role="typ_director")
    without_network = make_user(role="typ_director")

    assert DIRECTORS in access_keys_for(director)
    assert DIRECTORS in access_keys_for(make_keha_staff())
    assert DIRECTORS not in access_keys_for(asked_only)
    assert DIRECTORS not in access_keys_for(without_network)
    assert DIRECTORS not in access_keys_for(make_member(network))


def test_a_networks_agreement_key_is_for_its_members_and_in_the_search_for_keha():
    home, other = make_network(), make_network()
    member = make_member(home)
    keha = make_keha_staff()

    assert network_and_staff_key(home.pk) in access_keys_for(member)
    assert network_and_staff_key(other.pk) not in search_access_keys_for(member)
    assert {network_and_staff_key(home.pk), network_and_staff_key(other.pk)} <= search_access_keys_for(keha)
    assert network_key(home.pk) not in search_access_keys_for(keha)
    assert search_access_keys_for(AnonymousUser()) == {PUBLIC}
