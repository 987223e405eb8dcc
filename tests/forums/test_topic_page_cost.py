"""The topic page, the second most viewed page, costs a fixed number of queries and writes only
when something was unread.

Reading a topic marks it and its notifications read. A write takes the database's write lock
(SQLite has one for the whole database), so a view that finds nothing unread must not write.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from forums import services
from forums.models import Attachment, Notification, Post, Reaction, Topic
from forums.rendering import render_markdown
from tests.factories import make_member

from .conftest import start_topic

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _rendered(settings):
    """The cost of rendering the page: a topic kept for the reader's session
    (`member_pages.kept_for_session`) is tested in `test_session_pages.py`."""
    settings.PAGE_CACHE_SECONDS = 0


# What the forums themselves ask of the database for a topic page: the topic with the person's
# state of it, the number of posts, the page's posts, their attachments and their reactions.
# The forums the person sees are kept in the shared cache for everyone of the same standing
# until a forum changes (`forums.selectors._forum_access`), and the header's unread count
# (`forums.header_cache`) until something it reads changes: none here, when nothing is new.
FORUM_QUERIES_OF_A_TOPIC_PAGE = 5
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def fill_topic(topic, authors, count):
    """`count` replies: each quotes the one before it, has a reaction, every third has a
    file and every fourth has been edited."""
    previous = Post.objects.filter(topic=topic).first()
    posts = []
    for number in range(count):
        post = Post.objects.create(
            topic=topic,
            author=authors[number % len(authors)],
            body=f"Vastaus {number}",
            body_html=render_markdown(f"Vastaus {number}"),
            reply_to=previous,
        )
        posts.append(post)
        previous = post
    Post.objects.filter(pk__in=[post.pk for post in posts[::4]]).update(edited_at=topic.created_at)
    Reaction.objects.bulk_create(
        [
            Reaction(post=post, user=authors[(number + 1) % len(authors)], kind="thanks")
            for number, post in enumerate(posts)
        ]
    )
    Attachment.objects.bulk_create(
        [
            Attachment(
                post=post,
                file=f"x/{number}.pdf",
                original_name=f"liite-{number}.pdf",
                content_type="application/pdf",
                size=2048,
            )
            for number, post in enumerate(posts[::3])
        ]
    )
    last = posts[-1].created_at
    Topic.objects.filter(pk=topic.pk).update(reply_count=count, last_post_at=last)
    return posts


def notify(person, posts):
    Notification.objects.bulk_create(
        [
            Notification(
                recipient=person, event=f"post:{post.pk}", reason="reply", post=post, actor=post.author
            )
            for post in posts
        ]
    )


def view(client, topic):
    with CaptureQueriesContext(connection) as context:
        response = client.get(reverse("forums:topic", args=[topic.pk]))
    assert response.status_code == 200
    return [query["sql"] for query in context.captured_queries]


def forum_queries(queries):
    return [sql for sql in queries if "forums_" in sql]


def writes(queries):
    return [sql for sql in queries if sql.lstrip().upper().startswith(WRITES)]


@pytest.fixture
def authors(home_network, member):
    return [member] + [make_member(home_network) for _ in range(3)]


@pytest.fixture
def reader(home_network):
    return make_member(home_network, first_name="Riikka", last_name="Lukija")


def test_five_and_twenty_posts_cost_the_same_queries(client, network_forum, authors, reader):
    short = start_topic(network_forum, authors[0], title="Lyhyt keskustelu")
    long = start_topic(network_forum, authors[0], title="Pitkä keskustelu")
    fill_topic(short, authors, 4)
    fill_topic(long, authors, 19)
    client.force_login(reader)
    view(client, short)
    view(client, long)  # both read once: what follows is a reader with nothing new

    short_queries = view(client, short)
    long_queries = view(client, long)

    assert len(short_queries) == len(long_queries)
    assert len(forum_queries(long_queries)) == FORUM_QUERIES_OF_A_TOPIC_PAGE


def test_a_topic_page_stays_within_ten_queries_with_the_database_cache(
    database_cache, client, network_forum, authors, reader
):
    """The embedded default: the header's counts, the menu and the forums the person sees come
    in one read of the cache (`typ_site.core.cache_reads`), the page's kept posts in another."""
    topic = start_topic(network_forum, authors[0], title="Pitkä keskustelu")
    fill_topic(topic, authors, 25)
    client.force_login(reader)
    view(client, topic)

    queries = view(client, topic)

    assert len(queries) <= 10, "\n".join(queries)
    assert sum('"typ_cache"' in sql for sql in queries) == 2


def test_a_topic_with_unread_notifications_costs_only_the_update_and_a_new_count_more(
    client, network_forum, authors, reader
):
    quiet = start_topic(network_forum, authors[0], title="Ei uutta")
    one_new = start_topic(network_forum, authors[0], title="Yksi ilmoitus")
    many_new = start_topic(network_forum, authors[0], title="Monta ilmoitusta")
    for topic in (quiet, one_new, many_new):
        fill_topic(topic, authors, 12)
    client.force_login(reader)
    for topic in (quiet, one_new, many_new):
        view(client, topic)

    without = view(client, quiet)
    notify(reader, Post.objects.filter(topic=one_new)[:1])
    with_one = view(client, one_new)
    notify(reader, Post.objects.filter(topic=many_new))
    with_many = view(client, many_new)

    # The update marks them read; the header counts again (new notifications renewed the kept
    # counts), whatever their number.
    assert len(with_one) == len(with_many) == len(without) + 2
    assert writes(without) == []
    assert len(writes(with_many)) == 1


def test_viewing_a_topic_with_nothing_unread_writes_nothing(client, network_topic, reader):
    client.force_login(reader)
    view(client, network_topic)

    assert writes(view(client, network_topic)) == []


def test_viewing_a_topic_marks_its_notifications_read_and_only_them(client, network_forum, authors, reader):
    topic = start_topic(network_forum, authors[0], title="Luettava")
    other = start_topic(network_forum, authors[0], title="Toinen")
    notify(reader, fill_topic(topic, authors, 3) + fill_topic(other, authors, 2))
    client.force_login(reader)
    view(client, topic)  # the first visit also marks the topic read
    services.mark_topic_read(reader, topic)
    notify(
        reader, [Post.objects.create(topic=topic, author=authors[1], body="Uusi", body_html="<p>Uusi</p>")]
    )

    queries = view(client, topic)

    unread = Notification.objects.filter(recipient=reader, read_at__isnull=True)
    assert not unread.filter(post__topic=topic).exists()
    assert unread.filter(post__topic=other).count() == 2
    assert any(sql.startswith("UPDATE") and "forums_notification" in sql for sql in writes(queries))


def test_the_header_counts_what_stays_unread_after_the_topic_is_read(client, network_forum, authors, reader):
    topic = start_topic(network_forum, authors[0], title="Luettava")
    other = start_topic(network_forum, authors[0], title="Toinen")
    notify(reader, fill_topic(topic, authors, 3) + fill_topic(other, authors, 2))
    client.force_login(reader)

    page = client.get(reverse("forums:topic", args=[topic.pk])).content.decode()

    assert 'class="badge badge-count">2<' in page


def test_a_new_reply_is_marked_new_once_and_then_reading_writes_nothing(
    client, network_topic, authors, reader
):
    client.force_login(reader)
    view(client, network_topic)
    services.reply(authors[1], network_topic, body="Uusi vastaus.")

    first_visit = client.get(reverse("forums:topic", args=[network_topic.pk])).content.decode()
    second_visit = view(client, network_topic)

    assert "forum-unread-marker" in first_visit
    assert writes(second_visit) == []


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_every_link_of_a_post_is_in_the_readers_language(
    client, network_forum, network_admin, member, language
):
    """The page builds its posts' addresses once per page; each must still be what
    reverse() gives in the reader's language."""
    topic = start_topic(network_forum, network_admin, title="Ylläpitäjän kysymys")
    first = Post.objects.get(topic=topic)
    reply = Post.objects.create(
        topic=topic,
        author=member,
        body="Vastaus",
        reply_to=first,
        body_html="<p>Vastaus</p>",
        edited_at=first.created_at,
    )
    own = Post.objects.create(
        topic=topic,
        author=network_admin,
        body="Lisäys",
        body_html="<p>Lisäys</p>",
        edited_at=first.created_at,
    )
    client.force_login(network_admin)

    with translation.override(language):
        expected = [
            reverse("forums:post", args=[reply.pk]),
            reverse("forums:post_history", args=[reply.pk]),
            reverse("forums:react", args=[reply.pk]),
            reverse("forums:report_post", args=[reply.pk]),
            reverse("forums:moderate_post", args=[reply.pk, "hide"]),
            reverse("forums:post", args=[first.pk]),  # "in reply to ... (show)"
            reverse("forums:reply", args=[topic.pk]) + f"?quote={reply.pk}",
            reverse("forums:accept_answer", args=[topic.pk]),
            reverse("forums:edit_post", args=[own.pk]),
        ]
        page = client.get(reverse("forums:topic", args=[topic.pk])).content.decode()

    for address in expected:
        assert f'="{address}"' in page, address
    if language != "fi":
        assert all(address.startswith(f"/{language}/") for address in expected)
