"""Pages cost the same number of queries whatever the amount of content."""

import pytest
from django.urls import reverse

from forums.models import Attachment, Forum, Notification, Post, Reaction, Topic
from forums.rendering import render_markdown
from tests.factories import make_member, make_membership
from tests.helpers import queries_for


def _fill_topic(topic, authors, count):
    posts = Post.objects.bulk_create(
        [
            Post(
                topic=topic,
                author=authors[n % len(authors)],
                body=f"Viesti {n}",
                body_html=render_markdown(f"Viesti {n}"),
            )
            for n in range(count)
        ]
    )
    Reaction.objects.bulk_create(
        [
            Reaction(post=post, user=authors[(n + 1) % len(authors)], kind="like")
            for n, post in enumerate(posts)
        ]
    )
    Attachment.objects.bulk_create(
        [
            Attachment(
                post=post,
                file=f"x/{n}.pdf",
                original_name=f"{n}.pdf",
                content_type="application/pdf",
                size=10,
            )
            for n, post in enumerate(posts[::3])
        ]
    )
    Topic.objects.filter(pk=topic.pk).update(reply_count=count)


def _signed_in(client, user):
    """Signed in, after one page view: the menu is then in the cache, as on a running site,
    and is not part of what the first measured page costs."""
    client.force_login(user)
    client.get(reverse("forums:index"))


@pytest.mark.parametrize("page", [1, 2])
def test_topic_page_costs_the_same_for_10_and_500_posts(
    client, home_network, member, network_forum, page, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # the rendering, not the page kept for the session
    authors = [member] + [make_member(home_network) for _ in range(4)]
    small = Topic.objects.create(forum=network_forum, title="Pieni", author=member)
    large = Topic.objects.create(forum=network_forum, title="Suuri", author=member)
    _fill_topic(small, authors, 10 if page == 1 else 30)
    _fill_topic(large, authors, 500)
    _signed_in(client, member)

    small_count = queries_for(client, reverse("forums:topic", args=[small.pk]) + f"?page={page}")
    large_count = queries_for(client, reverse("forums:topic", args=[large.pk]) + f"?page={page}")

    assert small_count == large_count
    assert large_count <= 25


def test_forum_page_costs_the_same_for_5_and_200_topics(
    client, home_network, member, network_forum, other_network_forum
):
    for forum, count in ((network_forum, 5), (other_network_forum, 200)):
        Topic.objects.bulk_create(
            [Topic(forum=forum, title=f"Aihe {n}", author=member) for n in range(count)]
        )

    make_membership(member, other_network_forum.network)
    _signed_in(client, member)

    small = queries_for(client, reverse("forums:forum", args=[network_forum.slug]))
    large = queries_for(client, reverse("forums:forum", args=[other_network_forum.slug]))

    assert small == large


def test_forum_list_and_notifications_do_not_grow(
    client, member, second_member, network_forum, national_forum
):

    def notify(posts):
        Notification.objects.bulk_create(
            [
                Notification(
                    recipient=member, event=f"post:{post.pk}", reason="reply", post=post, actor=second_member
                )
                for post in posts
            ]
        )

    topic = Topic.objects.create(forum=network_forum, title="Aihe", author=second_member)
    posts = Post.objects.bulk_create(
        [Post(topic=topic, author=second_member, body="x", body_html="<p>x</p>") for _ in range(40)]
    )
    notify(posts[:1])  # one unread notification: the header counts them on every page
    _signed_in(client, member)
    index_before = queries_for(client, reverse("forums:index"))
    notes_before = queries_for(client, reverse("forums:notifications"))
    notify(posts[1:])
    Forum.objects.bulk_create([Forum(name=f"Teema {n}", slug=f"teema-{n}", kind="theme") for n in range(20)])

    assert queries_for(client, reverse("forums:index")) == index_before
    assert queries_for(client, reverse("forums:notifications")) == notes_before
