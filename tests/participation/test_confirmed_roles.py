"""A role that grants a vote is confirmed by the network's admins or KEHA, not typed in.

A member who changes their role in the profile asks for the change; eligibility and ballots
read the confirmed role only.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse

from forums.participation.models import Ballot
from tests.factories import make_keha_staff, make_member, make_network, make_network_admin, make_user

from .conftest import make_round, options_of

PROFILE = {
    "first_name": "Mikko",
    "last_name": "Jäsen",
    "organisation_type": "te",
    "organisation_name": "Porin työllisyysalue",
    "preferred_language": "fi",
    "notification_frequency": "immediate",
}


def _set_role_in_profile(client, role):
    return client.post("/accounts/profile/", {**PROFILE, "role": role})


def _vote(client, poll):
    option = options_of(poll)[0]
    return client.post(
        reverse("participation:round", args=[poll.pk]), {f"pick_{option.pk}": "on", "ballot": ""}
    )


def _fresh(user):
    return get_user_model().objects.get(pk=user.pk)


def _decide_role(client, person, decision="approve"):
    return client.post(
        reverse("networks:decide_role", args=[person.pk]),
        {"decision": decision, "role": _fresh(person).requested_role},
    )


def test_a_self_declared_role_does_not_open_a_directors_round(client):
    network = make_network()
    member = make_member(network, role="expert")
    directors_round = make_round(eligible_roles=["typ_director"])
    client.force_login(member)

    _set_role_in_profile(client, "typ_director")
    _vote(client, directors_round)
    _set_role_in_profile(client, "expert")

    assert not Ballot.objects.filter(poll=directors_round).exists()
    assert _fresh(member).role == "expert"
    assert _fresh(member).requested_role == ""


def test_a_role_change_is_shown_as_waiting_in_the_profile(client):
    member = make_member(make_network(), role="expert")
    client.force_login(member)

    _set_role_in_profile(client, "typ_director")

    page = client.get("/accounts/profile/").content.decode()
    assert "odottaa vahvistusta" in page
    assert _fresh(member).role == "expert"


def test_the_networks_admin_confirms_and_the_ballot_records_the_confirmed_role(client):
    network = make_network()
    member = make_member(network, role="expert")
    admin = make_network_admin(network)
    directors_round = make_round(eligible_roles=["typ_director"])
    client.force_login(member)
    _set_role_in_profile(client, "typ_director")

    client.force_login(admin)
    assert member.email in client.get("/networks/manage/").content.decode()
    _decide_role(client, member)
    client.force_login(member)
    _vote(client, directors_round)

    confirmed = _fresh(member)
    assert (confirmed.role, confirmed.requested_role, confirmed.role_confirmed_by) == (
        "typ_director",
        "",
        admin,
    )
    assert Ballot.objects.get(poll=directors_round).voter_role == "typ_director"


def test_a_declined_change_keeps_the_confirmed_role(client):
    network = make_network()
    member = make_member(network, role="expert", requested_role="typ_director")
    client.force_login(make_network_admin(network))

    _decide_role(client, member, "decline")

    assert (_fresh(member).role, _fresh(member).requested_role) == ("expert", "")


def test_nobody_confirms_their_own_role(client):
    network = make_network()
    admin = make_network_admin(network, role="expert", requested_role="typ_director")
    client.force_login(admin)

    assert _decide_role(client, admin).status_code == 404
    assert _fresh(admin).role == "expert"


def test_the_admin_of_another_network_cannot_confirm(client):
    member = make_member(make_network(), role="expert", requested_role="typ_director")
    client.force_login(make_network_admin(make_network()))

    assert _decide_role(client, member).status_code == 404
    assert _fresh(member).role == "expert"


def test_keha_staff_confirm_the_role_of_a_person_in_no_network(client):
    partner = make_user(role="", requested_role="partner")
    client.force_login(make_keha_staff())

    _decide_role(client, partner)

    assert _fresh(partner).role == "partner"


def test_a_changed_request_is_not_confirmed_blind(client):
    network = make_network()
    member = make_member(network, role="expert", requested_role="supervisor")
    client.force_login(make_network_admin(network))

    client.post(
        reverse("networks:decide_role", args=[member.pk]), {"decision": "approve", "role": "typ_director"}
    )

    assert (_fresh(member).role, _fresh(member).requested_role) == ("expert", "supervisor")
