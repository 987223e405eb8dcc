from django.contrib.auth import get_user_model

from tests.factories import make_network, make_network_admin, make_user
from typ_site.networks.models import Membership
from typ_site.networks.selectors import is_network_member


def test_join_request_then_approval_makes_a_member(client, network):
    applicant = make_user()
    admin = make_network_admin(network)

    client.force_login(applicant)
    response = client.post(f"/networks/{network.slug}/join/", {"message": "Aloitin Porissa."})
    assert response.status_code == 302
    membership = Membership.objects.get(user=applicant, network=network)
    assert membership.status == Membership.Status.PENDING
    assert not is_network_member(applicant, network)

    client.force_login(admin)
    page = client.get("/networks/manage/")
    assert applicant.email in page.content.decode()
    client.post(f"/networks/memberships/{membership.pk}/decide/", {"decision": "approve"})

    membership.refresh_from_db()
    assert membership.status == Membership.Status.APPROVED
    assert membership.decided_by == admin
    assert is_network_member(get_user_model().objects.get(pk=applicant.pk), network)


def test_declined_request_gives_no_membership(client, network):
    applicant = make_user()
    admin = make_network_admin(network)
    membership = Membership.objects.create(user=applicant, network=network)

    client.force_login(admin)
    client.post(f"/networks/memberships/{membership.pk}/decide/", {"decision": "decline"})

    membership.refresh_from_db()
    assert membership.status == Membership.Status.DECLINED
    assert not is_network_member(applicant, network)


def test_second_join_request_gets_a_clear_message_and_no_duplicate(client, network):
    applicant = make_user()
    client.force_login(applicant)
    client.post(f"/networks/{network.slug}/join/")

    response = client.post(f"/networks/{network.slug}/join/", follow=True)

    assert Membership.objects.filter(user=applicant, network=network).count() == 1
    assert "odottaa hyväksyntää" in response.content.decode()


def test_unknown_network_gets_a_clear_message(client):
    client.force_login(make_user())

    response = client.post("/networks/ei-ole-olemassa/join/", follow=True)

    assert "Verkostoa ei ole" in response.content.decode()
    assert not Membership.objects.exists()


def test_admin_of_another_network_cannot_decide(client, network):
    applicant = make_user()
    membership = Membership.objects.create(user=applicant, network=network)
    outsider = make_network_admin(make_network())

    client.force_login(outsider)
    response = client.post(f"/networks/memberships/{membership.pk}/decide/", {"decision": "approve"})

    assert response.status_code == 404
    membership.refresh_from_db()
    assert membership.status == Membership.Status.PENDING


def test_plain_member_cannot_open_the_management_page(client, network):
    member = make_user()
    Membership.objects.create(user=member, network=network, status=Membership.Status.APPROVED)
    client.force_login(member)

    assert client.get("/networks/manage/").status_code == 404


def test_join_requires_sign_in(client, network):
    response = client.post(f"/networks/{network.slug}/join/")

    assert response.status_code == 302
    assert "/accounts/login/" in response.url
    assert not Membership.objects.exists()


def test_network_list_query_count_does_not_grow_with_networks(client, django_assert_max_num_queries):
    for _ in range(3):
        make_network()
    client.force_login(make_user())
    with django_assert_max_num_queries(12) as small:
        client.get("/networks/")
    for _ in range(30):
        make_network()
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/networks/")
