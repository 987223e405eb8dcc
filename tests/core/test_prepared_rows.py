"""`core.sql.PreparedRows`: a query's SQL built once, run again for other values."""

import pytest
from django.contrib.auth.models import Group

from tests.factories import make_member, make_network, make_network_admin
from typ_site.accounts.backends import _standing_of, load_signed_in_user
from typ_site.accounts.roles import is_keha_staff
from typ_site.core.sql import PreparedRows
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
