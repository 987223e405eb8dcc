"""What the calendar delivers is checked against what the person may see when it is delivered."""

import pytest

from calendar_app.models import Event, Registration
from calendar_app.services import cancel_registration, register
from calendar_app.tasks import send_registration_email
from tests.factories import make_member, make_network
from typ_site.accounts.exports import build_user_export
from typ_site.core.request_cache import forget_per_request
from typ_site.networks.models import Membership

from .helpers import registration_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def network():
    return make_network()


@pytest.fixture
def private_event(network):
    return registration_event(
        title="Verkoston oma kokous",
        capacity=1,
        network=network,
        level=Event.Level.NETWORK,
        visibility=Event.Visibility.NETWORK,
    )


def remove_from_network(user, network):
    Membership.objects.get(user=user, network=network).delete()
    forget_per_request(user)


def test_removing_a_membership_takes_the_person_off_the_networks_waiting_lists(network, private_event):
    holder, waiting = make_member(network), make_member(network)
    register(holder, private_event, private_event.start)
    register(waiting, private_event, private_event.start)

    remove_from_network(waiting, network)

    assert not Registration.objects.filter(user=waiting).exists()
    assert Registration.objects.get(user=holder).status == Registration.Status.CONFIRMED


def test_a_removed_member_is_not_promoted_and_the_place_goes_to_the_next(
    network, private_event, django_capture_on_commit_callbacks, mailoutbox
):
    holder, removed, next_one = make_member(network), make_member(network), make_member(network)
    for person in (holder, removed, next_one):
        register(person, private_event, private_event.start)
    # Taken off the network without the membership signals (as by a bulk update).
    Membership.objects.filter(user=removed, network=network).update(status=Membership.Status.DECLINED)
    forget_per_request(removed)

    with django_capture_on_commit_callbacks(execute=True):
        promoted = cancel_registration(holder, private_event, private_event.start)

    assert [registration.user for registration in promoted] == [next_one]
    assert sorted(message.to[0] for message in mailoutbox) == sorted([holder.email, next_one.email])
    assert removed.email not in {message.to[0] for message in mailoutbox}


def test_the_email_is_not_sent_to_someone_who_may_no_longer_see_the_event(network, private_event, mailoutbox):
    member = make_member(network)
    registration = register(member, private_event, private_event.start)
    Membership.objects.filter(user=member, network=network).update(status=Membership.Status.DECLINED)
    mailoutbox.clear()

    assert send_registration_email.call(registration.pk, "promoted") is False
    assert mailoutbox == []


def test_the_own_data_export_lists_only_events_the_person_may_see(network, private_event):
    member = make_member(network)
    register(member, private_event, private_event.start)
    Membership.objects.filter(user=member, network=network).update(status=Membership.Status.DECLINED)
    forget_per_request(member)

    assert build_user_export(member)["calendar"]["registrations"] == []
