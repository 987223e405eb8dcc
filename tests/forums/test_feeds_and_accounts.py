"""Personal feed addresses, the data export and account removal."""

from django.urls import reverse

from forums import services
from forums.models import FeedToken, Follow, Notification, Post
from typ_site.accounts.exports import build_user_export
from typ_site.accounts.services import remove_account
from typ_site.networks.models import Membership


def test_a_member_makes_a_feed_address_and_reads_an_atom_feed(client, member, network_topic):
    client.force_login(member)
    client.post(reverse("forums:create_feed_address", args=["satakunta"]))
    token = FeedToken.objects.get(user=member)
    client.logout()

    response = client.get(reverse("forums:feed", args=[token.key, "satakunta"]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "Verkoston oma keskustelu" in response.content.decode()


def test_renewing_the_feed_address_revokes_the_old_one(client, member, network_topic):
    old = services.feed_token_for(member).key
    client.force_login(member)

    client.post(reverse("forums:reset_feed_address"), {"next": "/forums/"})

    assert client.get(reverse("forums:feed", args=[old, "satakunta"])).status_code == 404
    new = FeedToken.objects.get(user=member).key
    assert client.get(reverse("forums:feed", args=[new, "satakunta"])).status_code == 200


def test_the_export_has_the_persons_posts_follows_and_settings(member, network_topic):
    data = build_user_export(member)["forums"]

    assert data["notification_frequency"] == "immediate"
    assert data["posts"][0]["text"] == "Sovitaanko ensi viikon palaverin aika?"
    assert data["posts"][0]["topic"] == "Verkoston oma keskustelu"
    assert data["follows"] == [{"topic": "Verkoston oma keskustelu"}]


def test_the_export_does_not_reveal_a_forum_the_person_has_left(member, network_topic):

    Membership.objects.filter(user=member).delete()
    member = type(member).objects.get(pk=member.pk)

    data = build_user_export(member)["forums"]

    assert data["posts"][0]["text"] == "Sovitaanko ensi viikon palaverin aika?"
    assert data["posts"][0]["topic"] is None
    assert "Satakunnan oma alue" not in str(data)


def test_removing_an_account_keeps_posts_and_drops_the_rest(
    client, member, second_member, network_topic, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.reply(second_member, network_topic, body="Vastaus ennen poistoa.")
    services.feed_token_for(member)
    services.toggle_reaction(member, network_topic.posts.first(), "like")

    remove_account(member)

    assert Post.objects.filter(author=member).count() == 1
    assert not Follow.objects.filter(user=member).exists()
    assert not Notification.objects.filter(recipient=member).exists()
    assert not FeedToken.objects.filter(user=member).exists()
    client.force_login(second_member)
    page = client.get(reverse("forums:topic", args=[network_topic.pk])).content.decode()
    assert "Poistettu käyttäjä" in page or "Removed user" in page
    assert "Sanna Asiantuntija" not in page
