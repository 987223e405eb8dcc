"""Following and notifications: each event reaches each person once, in-site and by e-mail."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from forums import notifications, services
from forums.models import Follow, Notification, Post
from forums.selectors import header_counts
from forums.tasks import deliver_post_notifications
from forums.templatetags.forum_tags import forum_unread_count
from tests.factories import make_member
from typ_site.accounts.roles import holds_powers
from typ_site.networks.models import Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


def test_topic_followers_get_a_reply_notification_and_an_email(
    run_on_commit, member, second_member, network_topic
):
    run_on_commit(services.reply, second_member, network_topic, body="Sopii hyvin.")

    notification = Notification.objects.get()
    assert notification.recipient == member
    assert notification.reason == Notification.Reason.REPLY
    assert [message.to for message in mail.outbox] == [[member.email]]
    assert "Verkoston oma keskustelu" in mail.outbox[0].subject


def test_the_author_is_not_notified_of_their_own_post(run_on_commit, member, network_topic):
    run_on_commit(services.reply, member, network_topic, body="Lisään vielä yhden asian.")

    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_forum_followers_hear_of_new_topics(run_on_commit, member, second_member, network_forum):
    services.follow_forum(second_member, network_forum)

    post = run_on_commit(services.start_topic, member, network_forum, title="Uusi aihe", body="Aloitetaan.")

    assert Notification.objects.get(post=post).recipient == second_member


def test_a_person_who_follows_and_is_mentioned_and_quoted_is_notified_once(
    run_on_commit, member, second_member, network_topic
):
    quoted = network_topic.posts.get()
    body = "> lainaus\n\n@[Sanna Asiantuntija] mitä mieltä olet? @[Sanna Asiantuntija]"

    run_on_commit(services.reply, second_member, network_topic, body=body, reply_to=quoted)

    notifications = Notification.objects.filter(recipient=member)
    assert notifications.count() == 1
    assert notifications.get().reason == Notification.Reason.MENTION
    assert len(mail.outbox) == 1


def test_delivering_the_same_event_twice_notifies_once(run_on_commit, member, second_member, network_topic):

    post = run_on_commit(services.reply, second_member, network_topic, body="Kerran vain.")
    deliver_post_notifications.call(post.pk)
    deliver_post_notifications.call(post.pk)

    assert Notification.objects.filter(recipient=member).count() == 1
    assert len(mail.outbox) == 1


def test_a_mention_of_someone_who_cannot_see_the_forum_notifies_nobody(
    run_on_commit, member, outsider, network_topic
):
    run_on_commit(services.reply, member, network_topic, body="@[Kalle Kelalainen] voisitko katsoa tätä?")

    assert not Notification.objects.filter(recipient=outsider).exists()
    assert all(outsider.email not in message.to for message in mail.outbox)


def test_a_mention_in_a_national_forum_reaches_anyone_signed_in(
    run_on_commit, member, outsider, national_topic
):
    run_on_commit(services.reply, member, national_topic, body="@[Kalle Kelalainen] katso tätä")

    assert Notification.objects.get(recipient=outsider).reason == Notification.Reason.MENTION


def test_visibility_is_checked_again_when_the_email_is_sent(member, second_member, network_topic, settings):
    """The post is made, then the membership ends before the queued e-mail goes out."""

    post = services.reply(second_member, network_topic, body="Jonossa oleva ilmoitus.")
    event = notifications.create_post_notifications(post.pk)
    Membership.objects.filter(user=member).delete()

    assert notifications.email_immediately(event) == 0
    assert mail.outbox == []


def test_daily_digest_sends_once_and_never_twice(run_on_commit, member, second_member, network_topic):
    member.notification_frequency = "daily"
    member.save()
    run_on_commit(services.reply, second_member, network_topic, body="Ensimmäinen.")
    run_on_commit(services.reply, second_member, network_topic, body="Toinen.")
    assert mail.outbox == []

    call_command("send_forum_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("send_forum_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [member.email]
    assert mail.outbox[0].body.count("Verkoston oma keskustelu") == 2


def test_no_email_for_people_who_chose_none(run_on_commit, member, second_member, network_topic):
    member.notification_frequency = "none"
    member.save()

    run_on_commit(services.reply, second_member, network_topic, body="Vain sivustolla.")
    call_command("send_forum_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert Notification.objects.filter(recipient=member).exists()
    assert mail.outbox == []


def test_unread_count_in_the_header_and_reading_clears_it(
    client, run_on_commit, member, second_member, network_topic
):
    run_on_commit(services.reply, second_member, network_topic, body="Lue tämä.")
    client.force_login(member)

    page = client.get(reverse("forums:index")).content.decode()
    assert 'class="badge badge-count">1' in page

    notification = Notification.objects.get()
    response = client.get(reverse("forums:open_notification", args=[notification.pk]))
    assert response.status_code == 302
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_the_header_count_costs_one_query(rf, member, django_assert_num_queries):

    request = rf.get("/")
    request.user = member
    holds_powers(member)  # asked on every request (two-step verification), from the person's standing

    with django_assert_num_queries(1):
        forum_unread_count({"request": request})
        forum_unread_count({"request": request})


def test_the_header_count_costs_one_query_for_any_number_unread(
    rf, member, second_member, network_topic, django_assert_num_queries
):

    posts = [services.reply(second_member, network_topic, body=f"Vastaus {n}") for n in range(12)]
    hidden = posts.pop()
    Post.objects.filter(pk=hidden.pk).update(is_hidden=True)
    holds_powers(member)  # asked on every request (two-step verification), from the person's standing

    counts = []
    for posts_unread in (posts[:1], posts + [hidden]):
        Notification.objects.filter(recipient=member).delete()
        Notification.objects.bulk_create(
            [
                Notification(recipient=member, event=f"post:{post.pk}", reason="reply", post=post)
                for post in posts_unread
            ]
        )
        with django_assert_num_queries(1):
            counts.append(header_counts(member).unread_notifications)

    assert counts == [1, 11]  # the notification of a hidden post is not counted


def test_accepting_an_answer_notifies_its_author_once(run_on_commit, member, second_member, network_topic):
    answer = services.reply(second_member, network_topic, body="Näin se menee.")

    run_on_commit(services.accept_answer, member, network_topic, answer)
    run_on_commit(services.accept_answer, member, network_topic, None)
    run_on_commit(services.accept_answer, member, network_topic, answer)

    assert (
        Notification.objects.filter(recipient=second_member, reason=Notification.Reason.ACCEPTED).count() == 1
    )


def test_unfollowing_stops_notifications(client, run_on_commit, member, second_member, network_topic):
    client.force_login(member)
    client.post(reverse("forums:follow_topic", args=[network_topic.pk]), {"follow": "0"})
    assert not Follow.objects.filter(user=member).exists()

    run_on_commit(services.reply, second_member, network_topic, body="Kukaan ei kuule.")

    assert not Notification.objects.filter(recipient=member).exists()


def test_every_follower_is_notified_once_in_a_busy_topic(run_on_commit, home_network, member, network_topic):
    followers = [make_member(home_network) for _ in range(5)]
    for person in followers:
        services.follow_topic(person, network_topic)

    run_on_commit(services.reply, member, network_topic, body="Kaikille seuraajille.")

    assert sorted(Notification.objects.values_list("recipient_id", flat=True)) == sorted(
        person.pk for person in followers
    )
    assert sorted(message.to[0] for message in mail.outbox) == sorted(person.email for person in followers)
