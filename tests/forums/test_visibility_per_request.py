"""The forums a person sees are read once per request and kept on the user object; what
changes meanwhile through the services is seen at once."""

import pytest

from forums import permissions, selectors
from forums.models import Forum
from typ_site.networks import services as network_services
from typ_site.networks.models import Membership

pytestmark = pytest.mark.django_db


def test_the_forums_are_read_once_however_often_they_are_asked(
    member, network_forum, national_forum, django_assert_num_queries
):
    selectors.visible_forum_ids(member)
    selectors.moderated_forum_ids(member)

    with django_assert_num_queries(0):
        for _ in range(5):
            selectors.visible_forum_ids(member)
            selectors.moderated_forum_ids(member)
            permissions.can_see_forum(member, network_forum)


def test_joining_a_network_shows_its_forum_at_once(outsider, network_forum, national_forum, home_network):
    assert not permissions.can_see_forum(outsider, network_forum)

    network_services.add_member(outsider, home_network)

    assert permissions.can_see_forum(outsider, network_forum)


def test_leaving_a_network_hides_its_forum_at_once(member, network_forum, home_network):
    assert permissions.can_see_forum(member, network_forum)

    network_services.leave_network(member, home_network)

    assert not permissions.can_see_forum(member, network_forum)


def test_becoming_a_networks_admin_makes_its_forum_moderated_at_once(member, network_forum, home_network):
    assert network_forum.pk not in selectors.moderated_forum_ids(member)

    network_services.add_member(member, home_network, role=Membership.Role.ADMIN)

    assert network_forum.pk in selectors.moderated_forum_ids(member)


def test_a_new_forum_is_seen_at_once(member, national_forum):
    selectors.visible_forum_ids(member)

    theme = Forum.objects.create(name="Uusi teema", slug="uusi-teema", kind=Forum.Kind.THEME)

    assert permissions.can_see_forum(member, theme)


def test_the_cached_ids_are_exactly_the_rule(
    member,
    outsider,
    network_admin,
    keha_moderator,
    superuser,
    network_forum,
    other_network_forum,
    national_forum,
    theme_forum,
):
    for person in (member, outsider, network_admin, keha_moderator, superuser):
        rule = set(selectors.visible_forums_for(person).values_list("pk", flat=True))
        assert selectors.visible_forum_ids(person) == rule, person
        for forum in Forum.objects.all():
            moderates = permissions.can_moderate(person, forum)
            assert (forum.pk in selectors.moderated_forum_ids(person)) is moderates, (person, forum)
