"""The demo content: a forum per demo network, national forums and threads, re-runnable."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from forums.models import Forum, Post, Topic
from forums.permissions import can_see_forum
from forums.selectors import visible_topics_for
from tests.helpers import load_demo_steps
from typ_site.core.demo import demo_email


def test_the_demo_has_network_and_national_forums_with_threads(db):
    load_demo_steps("core", "forums")

    network_slugs = set(Forum.objects.filter(kind="network").values_list("slug", flat=True))
    assert {"satakunta", "pohjois-karjala", "kymenlaakso", "pohjois-pohjanmaa"} <= network_slugs
    assert Forum.objects.exclude(kind="network").count() >= 3
    assert Topic.objects.count() >= 8
    assert Post.objects.filter(author__email=demo_email("hyvaksyja")).exists()


def test_the_demo_can_be_loaded_twice_without_duplicates(db):
    load_demo_steps("core", "forums")
    counts = (Forum.objects.count(), Topic.objects.count(), Post.objects.count())

    load_demo_steps("core", "forums")

    assert (Forum.objects.count(), Topic.objects.count(), Post.objects.count()) == counts


def test_demo_network_forums_stay_private(db, client):

    load_demo_steps("core", "forums")
    outsider = get_user_model().objects.get(email=demo_email("kela.kymenlaakso"))
    client.force_login(outsider)

    assert client.get(reverse("forums:forum", args=["satakunta"])).status_code == 404
    assert client.get(reverse("forums:forum", args=["kymenlaakso"])).status_code == 200


def test_every_demo_topic_a_person_may_see_renders(db, client):

    load_demo_steps("core", "forums")
    person = get_user_model().objects.get(email=demo_email("asiantuntija.satakunta"))
    client.force_login(person)

    topics = list(visible_topics_for(person))
    assert any(topic.forum.slug == "satakunta" for topic in topics)
    for topic in topics:
        assert client.get(reverse("forums:topic", args=[topic.pk])).status_code == 200
    assert client.get(reverse("forums:notifications")).status_code == 200


def test_the_demo_has_a_regional_and_a_directors_forum_with_posts(db):

    load_demo_steps("core", "forums")
    regional = Forum.objects.get(kind="regional")
    directors = Forum.objects.get(kind="directors")
    people = {key: get_user_model().objects.get(email=demo_email(key)) for key in DEMO_READERS}

    assert set(regional.networks.values_list("slug", flat=True)) == {"kymenlaakso", "pohjois-karjala"}
    assert Post.objects.filter(topic__forum=regional).count() >= 4
    assert Post.objects.filter(topic__forum=directors).count() >= 4
    for key, (reads_regional, reads_directors) in DEMO_READERS.items():
        assert can_see_forum(people[key], regional) is reads_regional, key
        assert can_see_forum(people[key], directors) is reads_directors, key


# demo person -> (reads the regional forum, reads the directors' forum)
DEMO_READERS = {
    "kela.kymenlaakso": (True, False),
    "terveydenhoitaja.karjala": (True, False),
    "asiantuntija.satakunta": (False, False),
    "typjohtaja.satakunta": (False, True),
    "hyvaksyja": (True, True),
}
