"""Forum posts in the search: found by those who may read them, by no one else."""

import pytest
from django.contrib.auth.models import AnonymousUser

from forums import services
from forums.models import Forum
from search.selectors import search_for
from tests.factories import make_keha_staff, make_member, make_network, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def home_network():
    return make_network("Satakunnan TYM-verkosto", slug="satakunta")


@pytest.fixture
def private_forum(home_network):
    return Forum.objects.create(
        name="Satakunnan oma", slug="satakunta-oma", kind=Forum.Kind.NETWORK, network=home_network
    )


@pytest.fixture
def national_forum():
    return Forum.objects.create(name="Asiakasprosessi", slug="asiakasprosessi", kind="national")


def keys(user, query):
    return search_for(user, query).keys


def test_a_private_network_post_is_found_by_members_only(private_forum, home_network, commit):
    member = make_member(home_network)
    with commit():
        topic = services.start_topic(
            member,
            private_forum,
            title="Kuntouttavan työtoiminnan paikat",
            body="Kenellä on vapaita paikkoja kuntouttavassa työtoiminnassa?",
        ).topic
    post_key = f"post:{topic.posts.get().pk}"

    assert post_key in keys(member, "kuntouttava työtoiminta")
    assert post_key not in keys(make_member(make_network()), "kuntouttava työtoiminta")
    assert post_key not in keys(make_user(), "kuntouttava työtoiminta")
    assert post_key not in keys(make_keha_staff(), "kuntouttava työtoiminta")


def test_a_national_forum_post_is_found_by_every_member_but_not_anonymously(national_forum, commit):

    author = make_user()
    with commit():
        topic = services.start_topic(
            author,
            national_forum,
            title="Alkukartoituksen kesto",
            body="Kuinka pitkään alkukartoitus teillä kestää?",
        ).topic
    post_key = f"post:{topic.posts.get().pk}"

    assert post_key in keys(make_user(), "alkukartoitus")
    assert post_key not in keys(AnonymousUser(), "alkukartoitus")


def test_hiding_a_post_removes_it_from_the_search(national_forum, commit):
    author = make_user()
    with commit():
        post = services.start_topic(
            author, national_forum, title="Palkkatuki", body="Palkkatuen hakemisesta kysymys."
        ).topic.posts.get()
    moderator = make_keha_staff()

    with commit():
        services.set_post_hidden(moderator, post, True)

    assert f"post:{post.pk}" not in keys(author, "palkkatuki")


def test_moving_a_topic_into_a_private_forum_hides_its_posts_from_outsiders(
    national_forum, private_forum, home_network, commit
):
    author = make_member(home_network)
    with commit():
        topic = services.start_topic(
            author, national_forum, title="Työkokeilu", body="Työkokeilun pituudesta."
        ).topic
    outsider = make_user()
    post_key = f"post:{topic.posts.get().pk}"
    assert post_key in keys(outsider, "työkokeilu")

    with commit():
        services.move_topic(make_user(is_superuser=True), topic, private_forum)

    assert post_key not in keys(outsider, "työkokeilu")
    assert post_key in keys(author, "työkokeilu")


def test_a_superuser_finds_a_private_network_post_as_they_can_read_it(private_forum, home_network, commit):
    member = make_member(home_network)
    with commit():
        topic = services.start_topic(
            member,
            private_forum,
            title="Kuntouttavan työtoiminnan paikat",
            body="Kenellä on vapaita paikkoja kuntouttavassa työtoiminnassa?",
        ).topic
    superuser = make_user(is_superuser=True, is_staff=True)

    assert f"post:{topic.posts.get().pk}" in keys(superuser, "kuntouttava työtoiminta")
