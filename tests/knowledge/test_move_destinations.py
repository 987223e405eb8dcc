"""'Move' is offered only to someone who has somewhere to move the page to."""

from django.urls import reverse

from tests.factories import make_keha_staff, make_membership, make_network, make_network_admin, make_user
from typ_site.accounts.roles import EDITORS_GROUP
from typ_site.networks.models import Membership

from .conftest import make_guidance, make_network_page, make_practice


def move_url(page):
    return reverse("wagtailadmin_pages:move", args=(page.pk,))


def test_a_network_admin_is_not_offered_move_for_their_network_page_or_its_practices(tree, network, client):
    network_page = make_network_page(tree, network)
    practice = make_practice(network_page, networks=[network])
    admin = make_network_admin(network)
    client.force_login(admin)

    assert not network_page.permissions_for_user(admin).can_move()
    assert not practice.permissions_for_user(admin).can_move()
    for page in (network_page, practice):
        edit = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
        assert move_url(page) not in edit
    listing = client.get(reverse("wagtailadmin_explore", args=(network_page.pk,))).content.decode()
    assert move_url(practice) not in listing
    assert client.get(move_url(practice)).status_code in (302, 403)


def test_an_admin_of_two_networks_may_move_a_practice_between_them(tree, network, client):
    other = make_network(name="Toinen verkosto")
    here, there = make_network_page(tree, network), make_network_page(tree, other)
    practice = make_practice(here, networks=[network])
    admin = make_network_admin(network)
    make_membership(admin, other, role=Membership.Role.ADMIN)
    client.force_login(admin)

    assert practice.permissions_for_user(admin).can_move()
    assert practice.permissions_for_user(admin).can_move_to(there)
    response = client.get(move_url(practice))
    assert response.status_code == 200


def test_a_superuser_still_moves_pages(tree, network):
    practice = make_practice(make_network_page(tree, network))

    assert practice.permissions_for_user(make_user(is_superuser=True)).can_move()


def test_editors_keep_their_permissions_on_guidance(tree):
    editor = make_keha_staff(EDITORS_GROUP)
    draft = make_guidance(tree, live=False, owner=editor)

    assert draft.permissions_for_user(editor).can_edit()
