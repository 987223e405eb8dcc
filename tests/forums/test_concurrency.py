"""Two replies at the same moment are both saved; the same form sent twice makes one post."""

import uuid

import pytest
from django.core.management import call_command

from forums import services
from forums.models import Forum, Post, Topic
from tests.factories import make_member, make_network
from tests.helpers import errors_among, run_at_once


@pytest.fixture
def busy_topic(transactional_db):
    network = make_network()
    forum = Forum.objects.create(name="Verkosto", slug="verkosto", kind="network", network=network)
    people = [make_member(network) for _ in range(3)]
    post = services.start_topic(people[0], forum, title="Kiireinen aihe", body="Aloitus.")
    return post.topic, people


@pytest.mark.django_db(transaction=True)
def test_two_replies_at_the_same_moment_are_both_saved(busy_topic):
    topic, people = busy_topic

    outcomes = run_at_once(
        [
            lambda: services.reply(people[1], topic, body="Ensimmäinen samaan aikaan."),
            lambda: services.reply(people[2], topic, body="Toinen samaan aikaan."),
        ]
    )
    errors = errors_among(outcomes)

    assert errors == []
    assert topic.posts.count() == 3
    assert Topic.objects.get(pk=topic.pk).reply_count == 2


@pytest.mark.django_db(transaction=True)
def test_the_same_form_sent_twice_at_once_makes_one_post(busy_topic):
    topic, people = busy_topic
    token = uuid.uuid4()

    outcomes = run_at_once(
        [
            lambda: services.reply(people[1], topic, body="Tuplaklikkaus.", token=token),
            lambda: services.reply(people[1], topic, body="Tuplaklikkaus.", token=token),
        ]
    )
    errors = errors_among(outcomes)

    assert errors == []
    assert Post.objects.filter(idempotency_key=token).count() == 1
    assert Topic.objects.get(pk=topic.pk).reply_count == 1


@pytest.mark.django_db(transaction=True)
def test_parallel_replies_cannot_pass_the_rate_limit(busy_topic, settings):
    """Ten replies at once by one person while the limit is six a minute: six are saved.

    With the production default cache (the database cache), as a reader of a cache entry
    would meet it between several server processes.
    """
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "typ_cache"}
    }
    call_command("createcachetable", verbosity=0)
    settings.FORUM_POSTS_PER_MINUTE = 6
    topic, people = busy_topic
    writer = people[1]

    outcomes = run_at_once(
        [
            lambda number=number: services.reply(writer, topic, body=f"Rinnakkainen viesti {number}.")
            for number in range(10)
        ]
    )
    errors = errors_among(outcomes)

    assert Post.objects.filter(author=writer).count() == 6
    assert len(errors) == 4
    assert all(getattr(error, "code", None) == "rate_limited" for error in errors)
