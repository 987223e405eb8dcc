from tests.factories import make_membership, make_network_admin, make_user
from typ_site.networks.admin_groups import admin_group_name
from typ_site.networks.models import Membership
from typ_site.networks.services import approve_membership


def test_approved_network_admin_joins_the_networks_admin_group(network):
    admin = make_network_admin(network)

    assert admin.groups.filter(name=admin_group_name(network)).exists()


def test_ordinary_member_is_not_in_the_admin_group(network):
    member = make_user()
    make_membership(member, network)

    assert not member.groups.filter(name=admin_group_name(network)).exists()


def test_pending_admin_request_gives_no_admin_group_until_approved(network):
    requester = make_user()
    membership = make_membership(
        requester, network, role=Membership.Role.ADMIN, status=Membership.Status.PENDING
    )
    assert not requester.groups.filter(name=admin_group_name(network)).exists()

    approve_membership(membership, make_network_admin(network))

    assert requester.groups.filter(name=admin_group_name(network)).exists()


def test_leaving_removes_the_admin_group(network):
    admin = make_network_admin(network)

    Membership.objects.get(user=admin, network=network).delete()

    assert not admin.groups.filter(name=admin_group_name(network)).exists()
