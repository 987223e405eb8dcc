"""A network admin edits their own network page and approves its practices, nothing else."""

from tests.factories import make_member, make_membership, make_network, make_network_admin, make_user
from typ_site.networks.models import Membership

from .conftest import make_guidance, make_network_page, make_practice


def test_a_network_admin_can_edit_and_publish_their_own_network_page(tree, network):
    page = make_network_page(tree, network)
    admin = make_network_admin(network)

    permissions = page.permissions_for_user(admin)
    assert permissions.can_edit()
    assert permissions.can_publish()


def test_a_network_admin_cannot_edit_another_networks_page(tree, network):
    other_page = make_network_page(tree, make_network())
    make_network_page(tree, network)
    admin = make_network_admin(network)

    assert not other_page.permissions_for_user(admin).can_edit()


def test_a_network_admin_cannot_edit_national_pages(tree, network):
    make_network_page(tree, network)
    admin = make_network_admin(network)
    guidance = make_guidance(tree)

    assert not guidance.permissions_for_user(admin).can_edit()
    assert not tree.networks.permissions_for_user(admin).can_edit()
    assert not tree.practices.permissions_for_user(admin).can_add_subpage()


def test_the_admin_edit_view_opens_only_for_the_own_network_page(tree, network, client):
    own = make_network_page(tree, network)
    other = make_network_page(tree, make_network())
    client.force_login(make_network_admin(network))

    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{other.pk}/edit/").status_code in (302, 403)


def test_a_network_admin_approves_practices_of_their_network_only(tree, network):
    own_page = make_network_page(tree, network)
    other_network = make_network()
    other_page = make_network_page(tree, other_network)
    admin = make_network_admin(network)
    own_practice = make_practice(own_page, live=False)
    other_practice = make_practice(other_page, live=False)
    for practice, network_of_practice in ((own_practice, network), (other_practice, other_network)):
        submitter = make_member(network_of_practice)
        practice.save_revision(user=submitter)
        practice.get_workflow().start(practice, submitter)

    def actions(practice):
        state = practice.current_workflow_state.current_task_state
        return [name for name, _label, _modal in state.task.specific.get_actions(practice, admin)]

    assert "approve" in actions(own_practice)
    assert actions(other_practice) == []


def test_new_network_pages_get_their_permissions_without_manual_setup(tree):
    network = make_network()
    admin = make_network_admin(network)

    page = make_network_page(tree, network)

    assert page.permissions_for_user(admin).can_edit()


def test_the_home_page_counts_the_practices_and_the_requests_waiting_for_a_network_admin(
    tree, network, client
):
    own_page = make_network_page(tree, network)
    admin = make_network_admin(network)
    for _ in range(2):
        submitter = make_member(network)
        practice = make_practice(own_page, live=False)
        practice.save_revision(user=submitter)
        practice.get_workflow().start(practice, submitter)
    make_membership(make_user(), network, status=Membership.Status.PENDING)
    client.force_login(admin)

    content = client.get("/").content.decode()

    assert "2 käytäntöä odottaa tarkastustasi" in content
    assert "1 pyyntö liittyä verkostoosi" in content
    client.force_login(make_member(network))
    assert "odottaa tarkastustasi" not in client.get("/").content.decode()
