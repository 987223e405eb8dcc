"""Who decides a membership request: the network's own admins, never the person asking.

KEHA staff have no power over a network by their role: they neither decide its requests nor
read its private forum; a superuser may decide other people's requests.
"""

from forums.models import Forum, Topic
from tests.factories import make_keha_staff, make_member, make_network, make_network_admin, make_user
from typ_site.networks.models import Membership


def _private_topic(network):
    forum = Forum.objects.create(
        name="Oma alue", slug=f"oma-{network.slug}", kind=Forum.Kind.NETWORK, network=network
    )
    author = make_member(network)
    return Topic.objects.create(forum=forum, title="Sisäinen asia", author=author)


def test_keha_approver_cannot_admit_herself_to_a_network(client):
    network = make_network("Satakunnan TYM-verkosto", slug="satakunta")
    make_network_admin(network)
    topic = _private_topic(network)
    approver = make_keha_staff("Moderators")
    client.force_login(approver)

    client.post("/networks/satakunta/join/")
    membership = Membership.objects.get(user=approver, network=network)
    response = client.post(f"/networks/memberships/{membership.pk}/decide/", {"decision": "approve"})

    assert response.status_code == 404
    membership.refresh_from_db()
    assert membership.status == Membership.Status.PENDING
    assert membership.decided_by is None
    assert client.get(f"/forums/topic/{topic.pk}/").status_code == 404


def test_keha_staff_cannot_decide_another_persons_request(client, network):
    applicant = make_user()
    membership = Membership.objects.create(user=applicant, network=network)
    client.force_login(make_keha_staff())

    response = client.post(f"/networks/memberships/{membership.pk}/decide/", {"decision": "approve"})

    assert response.status_code == 404
    membership.refresh_from_db()
    assert membership.status == Membership.Status.PENDING


def test_keha_staff_do_not_see_requests_or_members_of_networks_they_do_not_administer(client, network):
    applicant = make_user(email="hakija@example.fi")
    Membership.objects.create(user=applicant, network=network)
    make_member(network, email="jasen@example.fi")
    client.force_login(make_keha_staff())

    page = client.get("/networks/manage/").content.decode()

    assert "hakija@example.fi" not in page
    assert "jasen@example.fi" not in page


def test_superuser_cannot_decide_their_own_request(client, network):
    superuser = make_user(is_superuser=True, is_staff=True)
    membership = Membership.objects.create(user=superuser, network=network)
    client.force_login(superuser)

    response = client.post(f"/networks/memberships/{membership.pk}/decide/", {"decision": "approve"})

    assert response.status_code == 404
    membership.refresh_from_db()
    assert membership.status == Membership.Status.PENDING


def test_superuser_decides_other_peoples_requests(client, network):
    superuser = make_user(is_superuser=True, is_staff=True)
    membership = Membership.objects.create(user=make_user(), network=network)
    client.force_login(superuser)

    client.post(f"/networks/memberships/{membership.pk}/decide/", {"decision": "approve"})

    membership.refresh_from_db()
    assert membership.status == Membership.Status.APPROVED
    assert membership.decided_by == superuser
