"""`core.sql.PreparedRows` and `PreparedInstance`: a query's SQL built once, run again for other
values."""

import pytest
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from tests.factories import make_member, make_network, make_network_admin
from typ_site.accounts.backends import _signed_in_user, _standing_of, load_signed_in_user
from typ_site.accounts.mfa import TOTP_FLAG
from typ_site.accounts.roles import is_keha_staff
from typ_site.core.sql import PreparedInstance, PreparedRows
from typ_site.networks.models import Membership
from typ_site.networks.selectors import admin_network_ids, member_network_ids

pytestmark = pytest.mark.django_db


def test_each_value_gets_the_rows_the_orm_gives_for_it():
    first, second = make_network(), make_network()
    keha_admin = make_network_admin(first, groups=("KEHA",))
    member = make_member(second)
    prepared = PreparedRows(_standing_of)

    for person in (keha_admin, member, keha_admin):
        assert sorted(prepared.rows(person.pk)) == sorted(_standing_of(person.pk))
    assert prepared.rows(keha_admin.pk) != prepared.rows(member.pk)


def test_the_prepared_standing_follows_the_database_from_one_request_to_the_next():
    network = make_network()
    person = make_member(network)
    assert member_network_ids(load_signed_in_user(person.pk)) == {network.pk}

    Membership.objects.filter(user=person).update(status=Membership.Status.DECLINED)
    person.groups.add(Group.objects.get_or_create(name="KEHA")[0])

    again = load_signed_in_user(person.pk)
    assert member_network_ids(again) == set() and admin_network_ids(again) == set()
    assert is_keha_staff(again)


def test_a_query_that_does_not_take_the_value_as_a_parameter_is_refused():
    prepared = PreparedRows(lambda value: Group.objects.values_list("name"))

    with pytest.raises(ValueError):
        prepared.rows(1)


# --- `PreparedInstance`: the signed-in person, as the ORM would load them ----------------------


def test_the_signed_in_person_is_loaded_as_the_orm_loads_them():
    """Fields, the Wagtail profile (there or not), the authenticator flag, converted values
    (times with their zone), for people who differ in each, one after another."""
    network = make_network()
    with_profile = make_network_admin(network, groups=("KEHA",))
    UserProfile.objects.update_or_create(user=with_profile, defaults={"preferred_language": "sv"})
    without = make_member(network, with_mfa=False)
    prepared = PreparedInstance(_signed_in_user)

    for person in (with_profile, without, with_profile):
        loaded, expected = prepared.get(person.pk), _signed_in_user(person.pk).get()
        assert loaded == expected and type(loaded) is type(expected)
        assert {
            field.attname: getattr(loaded, field.attname) for field in type(loaded)._meta.concrete_fields
        } == {
            field.attname: getattr(expected, field.attname) for field in type(expected)._meta.concrete_fields
        }
        assert getattr(loaded, TOTP_FLAG) is getattr(expected, TOTP_FLAG)
        assert loaded.date_joined.tzinfo is not None
    assert getattr(prepared.get(with_profile.pk), TOTP_FLAG) is True
    assert getattr(prepared.get(without.pk), TOTP_FLAG) is False


def test_the_profile_comes_with_the_person_or_is_known_to_be_missing(django_assert_num_queries):
    network = make_network()
    with_profile = make_member(network)
    UserProfile.objects.update_or_create(user=with_profile, defaults={"preferred_language": "sv"})
    without = make_member(network)
    UserProfile.objects.filter(user=without).delete()
    prepared = PreparedInstance(_signed_in_user)
    loaded, missing = prepared.get(with_profile.pk), prepared.get(without.pk)

    with django_assert_num_queries(0):
        assert loaded.wagtail_userprofile.preferred_language == "sv"
        with pytest.raises(UserProfile.DoesNotExist):
            missing.wagtail_userprofile  # noqa: B018


def test_no_such_person_is_none():
    assert PreparedInstance(_signed_in_user).get(987_654) is None
