"""A network admin follows the induction of their network's members, and no one else's."""

import pytest

from knowledge.induction.selectors import followed_network_ids
from tests.factories import (
    make_keha_staff,
    make_member,
    make_membership,
    make_network,
    make_network_admin,
    make_user,
)

from .conftest import make_path, structure, tick


@pytest.fixture
def networks():
    return make_network(name="Satakunta"), make_network(name="Karjala")


def follow_up_url(tree):
    return tree.index.follow_up_url()


def started(client, path, person):
    client.force_login(person)
    first = structure(path)[0]
    tick(client, path, first, [first.tasks[0].id])
    client.logout()


def test_a_network_admin_sees_the_progress_of_their_members(tree, client, networks):
    own, _other = networks
    admin = make_network_admin(own)
    member = make_member(own, first_name="Ville", last_name="Uusi")
    path = make_path(tree, title="TE-polku", step_count=2, tasks_per_step=2)
    started(client, path, member)

    client.force_login(admin)
    page = client.get(follow_up_url(tree)).content.decode()

    assert "Ville Uusi" in page
    assert "TE-polku" in page
    assert "25 %" in page


def test_members_of_other_networks_are_not_shown(tree, client, networks):
    own, other = networks
    admin = make_network_admin(own)
    stranger = make_member(other, first_name="Vieras", last_name="Verkosto")
    started(client, make_path(tree), stranger)

    client.force_login(admin)
    page = client.get(follow_up_url(tree)).content.decode()

    assert "Vieras Verkosto" not in page


def test_a_pending_member_is_not_shown(tree, client, networks):
    own, _other = networks
    admin = make_network_admin(own)
    applicant = make_user(first_name="Hakija", last_name="Odottaa")
    make_membership(applicant, own, status="pending")

    client.force_login(admin)
    page = client.get(follow_up_url(tree)).content.decode()

    assert "Hakija Odottaa" not in page


def test_a_member_who_is_not_an_admin_gets_not_found(tree, client, networks):
    own, _other = networks
    client.force_login(make_member(own))

    assert client.get(follow_up_url(tree)).status_code == 404


def test_a_visitor_gets_not_found(tree, client):
    assert client.get(follow_up_url(tree)).status_code == 404


def test_keha_staff_without_a_network_do_not_follow_individuals(tree, client, networks):
    keha = make_keha_staff()

    assert followed_network_ids(keha) == frozenset()
    client.force_login(keha, backend="typ_site.accounts.backends.EmailPasswordBackend")
    assert client.get(follow_up_url(tree)).status_code == 404


def test_an_admin_sees_one_members_steps(tree, client, networks):
    own, _other = networks
    admin = make_network_admin(own)
    member = make_member(own)
    path = make_path(tree, title="TE-polku")
    started(client, path, member)

    client.force_login(admin)
    response = client.get(tree.index.person_url(member.pk))

    assert response.status_code == 200
    assert "Vaihe 1" in response.content.decode()


def test_the_progress_of_another_networks_member_is_not_found(tree, client, networks):
    own, other = networks
    admin = make_network_admin(own)
    stranger = make_member(other)
    started(client, make_path(tree), stranger)

    client.force_login(admin)

    assert client.get(tree.index.person_url(stranger.pk)).status_code == 404


def test_the_progress_of_someone_who_does_not_exist_is_not_found(tree, client, networks):
    own, _other = networks
    client.force_login(make_network_admin(own))

    assert client.get(tree.index.person_url(999999)).status_code == 404


def test_a_removed_member_is_not_shown(tree, client, networks):
    own, _other = networks
    admin = make_network_admin(own)
    make_member(own, first_name="Poistunut", last_name="Henkilö", is_removed=True)

    client.force_login(admin)
    page = client.get(follow_up_url(tree)).content.decode()

    assert "Poistunut Henkilö" not in page


def test_the_admin_can_narrow_the_table_to_one_network(tree, client, networks):
    own, second = networks
    admin = make_network_admin(own)
    make_membership(admin, second, role="admin")
    make_member(own, first_name="Eka", last_name="Verkosto")
    make_member(second, first_name="Toka", last_name="Verkosto")

    client.force_login(admin)
    page = client.get(follow_up_url(tree), {"verkosto": second.pk}).content.decode()

    assert "Toka Verkosto" in page
    assert "Eka Verkosto" not in page


def test_path_titles_carry_the_language_they_are_written_in(tree, client, networks):
    """The Swedish interface shows Finnish path titles: they are marked as Finnish (WCAG 3.1.2)."""
    own, _other = networks
    admin = make_network_admin(own)
    member = make_member(own)
    path = make_path(tree, title="TE-polku", step_count=1, tasks_per_step=1)
    started(client, path, member)
    client.force_login(admin)

    table_url, person_url = follow_up_url(tree), tree.index.person_url(member.pk)

    table = client.get("/sv" + table_url).content.decode()
    person = client.get("/sv" + person_url).content.decode()

    assert '<td lang="fi">TE-polku</td>' in table
    assert f'<h2 id="path-{path.pk}" lang="fi">TE-polku</h2>' in person
