"""Unread markers in topics longer than one page: "New" opens at the first unread post
wherever it is, and a visit marks read only what it showed."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from forums import services
from forums.models import Post, Topic, TopicReadState
from forums.views import POSTS_PER_PAGE

from .conftest import start_topic

pytestmark = pytest.mark.django_db


def long_topic(forum, author, replies):
    """A topic with `replies` replies, a minute apart, the newest now."""
    topic = start_topic(forum, author, title="Pitkä keskustelu")
    start = timezone.now() - timedelta(minutes=replies + 1)
    Post.objects.filter(topic=topic).update(created_at=start)
    posts = [services.reply(author, topic, body=f"Vastaus {number}") for number in range(replies)]
    for number, post in enumerate(posts, start=1):
        Post.objects.filter(pk=post.pk).update(created_at=start + timedelta(minutes=number))
    Topic.objects.filter(pk=topic.pk).update(last_post_at=start + timedelta(minutes=replies))
    topic.refresh_from_db()
    return topic, [Post.objects.get(pk=post.pk) for post in posts]


def is_new_in_list(client, topic) -> bool:
    page = client.get(reverse("forums:forum", args=[topic.forum.slug])).content.decode()
    return f"{reverse('forums:topic', args=[topic.pk])}?unread=1" in page


def test_reading_the_first_page_leaves_the_second_page_unread(client, network_forum, member, second_member):
    topic, posts = long_topic(network_forum, member, POSTS_PER_PAGE + 5)
    client.force_login(second_member)

    client.get(reverse("forums:topic", args=[topic.pk]))

    state = TopicReadState.objects.get(user=second_member, topic=topic)
    last_on_first_page = posts[POSTS_PER_PAGE - 2]  # the opening post is the first of page 1
    assert state.last_read_at == last_on_first_page.created_at
    assert is_new_in_list(client, topic)


def test_new_opens_at_the_first_unread_post_on_its_page(client, network_forum, member, second_member):
    topic, posts = long_topic(network_forum, member, POSTS_PER_PAGE + 5)
    client.force_login(second_member)
    client.get(reverse("forums:topic", args=[topic.pk]))  # page 1 read

    response = client.get(reverse("forums:topic", args=[topic.pk]) + "?unread=1")

    first_unread = posts[POSTS_PER_PAGE - 1]
    assert response.status_code == 302
    assert response["Location"].endswith(f"?page=2#post-{first_unread.pk}")


def test_a_new_post_on_page_two_shows_as_new_after_page_one_was_read_again(
    client, network_forum, member, second_member
):
    topic, _posts = long_topic(network_forum, member, POSTS_PER_PAGE + 5)
    client.force_login(second_member)
    client.get(reverse("forums:topic", args=[topic.pk]) + "?page=2")  # everything read
    assert not is_new_in_list(client, topic)

    newest = services.reply(member, topic, body="Aivan uusi vastaus sivulla kaksi.")
    client.get(reverse("forums:topic", args=[topic.pk]))  # page 1 again: nothing of page 2

    assert is_new_in_list(client, topic)
    response = client.get(reverse("forums:topic", args=[topic.pk]) + "?unread=1")
    assert response["Location"].endswith(f"?page=2#post-{newest.pk}")
    page_two = client.get(response["Location"]).content.decode()
    assert "forum-unread-marker" in page_two


def test_reading_page_one_again_does_not_move_the_mark_back(client, network_forum, member, second_member):
    topic, _posts = long_topic(network_forum, member, POSTS_PER_PAGE + 5)
    client.force_login(second_member)
    client.get(reverse("forums:topic", args=[topic.pk]) + "?page=2")

    client.get(reverse("forums:topic", args=[topic.pk]))

    state = TopicReadState.objects.get(user=second_member, topic=topic)
    assert state.last_read_at == topic.last_post_at


def test_new_in_a_topic_never_opened_starts_at_the_first_post(client, network_forum, member, second_member):
    topic, _posts = long_topic(network_forum, member, 3)
    client.force_login(second_member)

    response = client.get(reverse("forums:topic", args=[topic.pk]) + "?unread=1")

    first = Post.objects.filter(topic=topic).order_by("created_at", "pk").first()
    assert response["Location"].endswith(f"/forums/topic/{topic.pk}/#post-{first.pk}")


def test_new_in_a_read_topic_opens_the_topic(client, network_forum, member, second_member):
    topic, _posts = long_topic(network_forum, member, 3)
    client.force_login(second_member)
    client.get(reverse("forums:topic", args=[topic.pk]))

    response = client.get(reverse("forums:topic", args=[topic.pk]) + "?unread=1")

    assert response["Location"].endswith(f"/forums/topic/{topic.pk}/")
