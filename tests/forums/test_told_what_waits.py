"""People are told what waits for them: moderators of a report, an author of their hidden post,
a network's admins of a membership request and the person who asked of its decision. Each in
the site's notifications and by e-mail as they chose, in their language, with links built from
SITE_URL, and only while they may still see the thing."""

import pytest
from django.core import mail
from django.urls import reverse

from forums import notifications, services
from forums.models import Notification
from forums.selectors import notifications_for
from tests.factories import make_member, make_membership, make_network_admin, make_user
from typ_site.accounts.exports import build_user_export
from typ_site.networks.models import Membership
from typ_site.networks.services import approve_membership, request_membership

pytestmark = pytest.mark.django_db

Reason = Notification.Reason


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


def reasons_of(person):
    return [n.reason for n in notifications_for(person)]


# --- Reports ----------------------------------------------------------------------------------


def test_a_report_tells_the_network_admins_of_the_forum(
    run_on_commit, network_topic, member, second_member, network_admin, keha_moderator, outsider
):
    post = network_topic.posts.get()

    run_on_commit(services.report_post, second_member, post, "Asiaton viesti.")

    assert reasons_of(network_admin) == [Reason.REPORTED]
    assert reasons_of(second_member) == [] and reasons_of(keha_moderator) == []
    assert reasons_of(outsider) == []
    assert [message.to for message in mail.outbox] == [[network_admin.email]]
    assert "https://typ.example.fi/" in mail.outbox[0].body


def test_a_report_in_a_national_forum_tells_keha_moderators(
    run_on_commit, national_topic, second_member, network_admin, keha_moderator
):
    run_on_commit(services.report_post, second_member, national_topic.posts.get(), "Tarkista tämä.")

    assert reasons_of(keha_moderator) == [Reason.REPORTED]
    assert reasons_of(network_admin) == []


def test_the_header_links_moderation_with_the_count_of_open_reports(
    client, run_on_commit, network_topic, second_member, network_admin
):
    run_on_commit(services.report_post, second_member, network_topic.posts.get(), "Asiaton.")
    client.force_login(network_admin)

    page = client.get(reverse("forums:index")).content.decode()

    assert f'<a href="{reverse("forums:moderation")}">' in page
    assert 'class="badge badge-count">1<span class="visually-hidden">' in page


def test_a_member_has_no_moderation_link(client, network_topic, second_member):
    client.force_login(second_member)

    page = client.get(reverse("forums:index")).content.decode()

    assert reverse("forums:moderation") not in page


def test_a_report_is_not_emailed_to_an_admin_who_no_longer_is_one(
    run_on_commit, network_topic, second_member, network_admin, home_network
):
    post = network_topic.posts.get()
    report = services.report_post(second_member, post, "Asiaton.")  # not yet delivered
    event = notifications.create_report_notifications(report.pk)
    Membership.objects.filter(user=network_admin, network=home_network).update(role=Membership.Role.MEMBER)

    assert notifications.email_immediately(event) == 0
    assert mail.outbox == []


# --- Hidden posts -----------------------------------------------------------------------------


def test_the_author_of_a_hidden_post_is_told_why_in_their_language(
    client, run_on_commit, network_topic, member, second_member, network_admin
):
    second_member.preferred_language = "sv"
    second_member.save()
    post = services.reply(second_member, network_topic, body="Väärä viesti.")
    mail.outbox.clear()

    run_on_commit(services.set_post_hidden, network_admin, post, True, reason="Sisälsi asiakkaan tietoja.")

    assert reasons_of(second_member) == [Reason.HIDDEN]
    assert reasons_of(member) == []
    [message] = mail.outbox
    assert message.to == [second_member.email]
    assert "Sisälsi asiakkaan tietoja." in message.body
    assert "Hej" in message.body  # Swedish
    client.force_login(second_member)
    page = client.get(reverse("forums:notifications")).content.decode()
    assert "Sisälsi asiakkaan tietoja." in page


# --- Membership requests ----------------------------------------------------------------------


def test_a_membership_request_tells_the_admins_as_each_chose(run_on_commit, home_network, network_admin):
    daily_admin = make_network_admin(home_network, notification_frequency="daily")
    applicant = make_user(first_name="Uusi", last_name="Hakija")

    membership = run_on_commit(request_membership, applicant, home_network, "Aloitin Porissa.")

    assert reasons_of(network_admin) == [Reason.MEMBERSHIP_REQUEST]
    assert reasons_of(daily_admin) == [Reason.MEMBERSHIP_REQUEST]
    [message] = mail.outbox  # the daily one gets it in the digest
    assert message.to == [network_admin.email]
    assert "Aloitin Porissa." in message.body
    assert f"https://typ.example.fi{reverse('networks:manage')}" in message.body
    assert membership.pk


def test_the_applicant_is_told_the_decision_and_the_request_stops_waiting(
    client, run_on_commit, home_network, network_admin
):
    other_admin = make_network_admin(home_network)
    applicant = make_user(first_name="Uusi", last_name="Hakija")
    membership = run_on_commit(request_membership, applicant, home_network, "")
    mail.outbox.clear()

    run_on_commit(approve_membership, membership, network_admin)

    assert reasons_of(applicant) == [Reason.MEMBERSHIP_DECISION]
    assert reasons_of(other_admin) == []  # decided: nothing waits for them any more
    assert [message.to for message in mail.outbox] == [[applicant.email]]
    client.force_login(applicant)
    page = client.get(reverse("forums:notifications")).content.decode()
    assert home_network.name in page


def test_admins_of_another_network_are_not_told(run_on_commit, home_network, other_network):
    stranger_admin = make_network_admin(other_network)
    make_membership(make_member(other_network), home_network, status=Membership.Status.PENDING)

    run_on_commit(request_membership, make_user(), home_network, "")

    assert reasons_of(stranger_admin) == []


def test_the_own_data_export_lists_a_membership_notification(run_on_commit, home_network, network_admin):
    applicant = make_user(first_name="Uusi", last_name="Hakija")
    membership = run_on_commit(request_membership, applicant, home_network, "")
    run_on_commit(approve_membership, membership, network_admin)

    exported = build_user_export(applicant)["forums"]["notifications"]

    assert [row["topic"] for row in exported] == [home_network.name]
