"""The header's unread count is kept per person between requests (`forums.header_cache`), and
is counted anew after anything it reads changes: a new notification, one marked read, a post
hidden, a membership ended."""

import re

import pytest
from django.urls import reverse

from forums import services
from typ_site.networks.services import leave_network

from .conftest import start_topic


def unread_in_header(client) -> int:
    content = client.get(reverse("forums:index")).content.decode()
    notifications_link = content.split('href="/forums/notifications/"', 1)[1].split("</a>", 1)[0]
    found = re.search(r">(\d+)<", notifications_link)
    return int(found.group(1)) if found else 0


@pytest.fixture
def reader_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def followed_topic(network_forum, member):
    topic = start_topic(network_forum, member, title="Seurattu aihe")
    return topic


@pytest.fixture
def reply_to(django_capture_on_commit_callbacks, second_member):
    """A reply by the second member, its notifications made as after the commit."""

    def reply(topic):
        with django_capture_on_commit_callbacks(execute=True):
            return services.reply(second_member, topic, body="Vastaus.")

    return reply


def test_a_reply_shows_in_the_kept_count_on_the_next_page(reader_client, followed_topic, reply_to):
    assert unread_in_header(reader_client) == 0

    reply_to(followed_topic)

    assert unread_in_header(reader_client) == 1


def test_marking_read_empties_the_kept_count(reader_client, followed_topic, reply_to, member):
    reply_to(followed_topic)
    assert unread_in_header(reader_client) == 1

    services.mark_notifications_read(member)

    assert unread_in_header(reader_client) == 0


def test_a_hidden_post_leaves_the_kept_count(reader_client, followed_topic, reply_to, network_admin):
    post = reply_to(followed_topic)
    assert unread_in_header(reader_client) == 1

    services.set_post_hidden(network_admin, post, True, reason="Asiaton.")

    assert unread_in_header(reader_client) == 0


def test_leaving_the_network_leaves_its_posts_out_of_the_kept_count(
    reader_client, followed_topic, reply_to, member, home_network
):
    reply_to(followed_topic)
    assert unread_in_header(reader_client) == 1

    leave_network(member, home_network)

    assert unread_in_header(reader_client) == 0


def test_reading_a_topic_shows_the_count_without_it_on_the_same_page(
    database_cache, reader_client, followed_topic, reply_to, network_forum, member
):
    """The topic page reads the kept count with its first read of the cache, then marks the
    topic's notifications read: the header on that same page counts again."""
    other = start_topic(network_forum, member, title="Toinen seurattu aihe")
    reply_to(followed_topic)
    reply_to(other)
    assert unread_in_header(reader_client) == 2

    page = reader_client.get(reverse("forums:topic", args=[followed_topic.pk])).content.decode()

    notifications_link = page.split('href="/forums/notifications/"', 1)[1].split("</a>", 1)[0]
    assert re.search(r">1<", notifications_link), notifications_link
