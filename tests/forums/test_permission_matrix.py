"""Who may do what in which forum: every role against every action, nothing leaking.

Roles: anonymous, member of the network, member of another network, the network's admin,
a KEHA moderator and a superuser. Forums: the network's private forum and a national forum.
"""

import uuid

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.urls import reverse

from forums import permissions, selectors, services
from forums.models import Follow, Forum, Notification, Post
from search.contracts import SearchDocument
from search.indexing import documents_for
from search.registry import get_source, split_key
from tests.factories import make_member
from typ_site.core.access import access_keys_for
from typ_site.networks.models import Membership

from .conftest import start_topic

ROLES = ["anonymous", "member", "outsider", "network_admin", "keha_moderator", "superuser"]

# role -> (sees the private network forum, sees the national forum)
SEES = {
    "anonymous": (False, False),
    "member": (True, True),
    "outsider": (False, True),
    "network_admin": (True, True),
    "keha_moderator": (False, True),
    "superuser": (True, True),
}
# role -> (moderates the private network forum, moderates the national forum)
MODERATES = {
    "anonymous": (False, False),
    "member": (False, False),
    "outsider": (False, False),
    "network_admin": (True, False),
    "keha_moderator": (False, True),
    "superuser": (True, True),
}
FORUMS = ["network_forum", "national_forum"]

pytestmark = pytest.mark.django_db


@pytest.fixture
def topic_author(home_network):

    return make_member(home_network, first_name="Aloittaja", last_name="Kirjoittaja")


@pytest.fixture
def topics(network_forum, national_forum, topic_author):
    return {
        "network_forum": start_topic(
            network_forum,
            topic_author,
            title="Verkoston sisäinen asia",
            body="Tämä kuuluu vain verkoston jäsenille.",
        ),
        "national_forum": start_topic(
            national_forum, topic_author, title="Valtakunnallinen asia", body="Tämä näkyy kaikille jäsenille."
        ),
    }


def _person(request, role):
    if role == "anonymous":
        return None
    return request.getfixturevalue(role)


def _client_for(client, person):
    if person is not None:
        client.force_login(person)
    return client


def _expect(table, role, forum_name):
    return table[role][FORUMS.index(forum_name)]


@pytest.mark.parametrize("role", ROLES)
def test_forum_list_shows_exactly_the_forums_the_role_may_see(request, client, role, topics):
    person = _person(request, role)
    page = _client_for(client, person).get(reverse("forums:index")).content.decode()

    assert ("Satakunnan oma alue" in page) is SEES[role][0]
    assert ("Lain tulkinta" in page) is SEES[role][1]


@pytest.mark.parametrize("forum_name", FORUMS)
@pytest.mark.parametrize("role", ROLES)
def test_reading_a_forum_and_its_topic(request, client, role, forum_name, topics):
    person = _person(request, role)
    forum = request.getfixturevalue(forum_name)
    topic = topics[forum_name]
    client = _client_for(client, person)

    forum_page = client.get(reverse("forums:forum", args=[forum.slug]))
    topic_page = client.get(reverse("forums:topic", args=[topic.pk]))

    if role == "anonymous":
        assert forum_page.status_code == topic_page.status_code == 302
    elif _expect(SEES, role, forum_name):
        assert forum_page.status_code == topic_page.status_code == 200
        assert topic.title in topic_page.content.decode()
    else:
        assert forum_page.status_code == topic_page.status_code == 404


@pytest.mark.parametrize("role", [role for role in ROLES if not SEES[role][0]])
def test_a_private_forum_answers_like_a_forum_that_does_not_exist(request, client, role, topics):
    client = _client_for(client, _person(request, role))

    existing = client.get(reverse("forums:forum", args=["satakunta"]))
    missing = client.get(reverse("forums:forum", args=["ei-ole-olemassa"]))

    assert existing.status_code == missing.status_code
    if role == "anonymous":
        assert existing["Location"].split("?")[0] == missing["Location"].split("?")[0]


@pytest.mark.parametrize("forum_name", FORUMS)
@pytest.mark.parametrize("role", ROLES)
def test_posting_a_reply(request, client, role, forum_name, topics):
    person = _person(request, role)
    topic = topics[forum_name]
    before = Post.objects.count()

    response = _client_for(client, person).post(
        reverse("forums:reply", args=[topic.pk]),
        {"body": "Vastaan tähän omalla kokemuksellani.", "token": str(uuid.uuid4())},
    )

    if role != "anonymous" and _expect(SEES, role, forum_name):
        assert response.status_code == 302
        assert Post.objects.count() == before + 1
    else:
        assert response.status_code in (302, 404)
        assert Post.objects.count() == before


@pytest.mark.parametrize("forum_name", FORUMS)
@pytest.mark.parametrize("role", ROLES)
def test_starting_a_topic(request, client, role, forum_name, topics):
    person = _person(request, role)
    forum = request.getfixturevalue(forum_name)
    before = Post.objects.count()

    response = _client_for(client, person).post(
        reverse("forums:new_topic", args=[forum.slug]),
        {"title": "Uusi aloitus", "body": "Kertokaa kokemuksianne.", "token": str(uuid.uuid4())},
    )

    if role != "anonymous" and _expect(SEES, role, forum_name):
        assert response.status_code == 302
        assert Post.objects.count() == before + 1
    else:
        assert Post.objects.count() == before


@pytest.mark.parametrize("forum_name", FORUMS)
@pytest.mark.parametrize("role", ROLES)
def test_only_the_author_edits_a_post(request, client, role, forum_name, topics):
    person = _person(request, role)
    post = topics[forum_name].posts.get()

    response = _client_for(client, person).post(
        reverse("forums:edit_post", args=[post.pk]),
        {"title": "Muutettu otsikko", "body": "Muutettu teksti."},
    )

    post.refresh_from_db()
    assert post.body != "Muutettu teksti."
    if role == "anonymous":
        assert response.status_code == 302
    elif _expect(SEES, role, forum_name):
        assert response.status_code == 403
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("forum_name", FORUMS)
def test_the_author_may_edit(client, topic_author, forum_name, topics):
    post = topics[forum_name].posts.get()
    client.force_login(topic_author)

    client.post(
        reverse("forums:edit_post", args=[post.pk]), {"title": "Muutettu otsikko", "body": "Muutettu teksti."}
    )

    post.refresh_from_db()
    assert post.body == "Muutettu teksti."


def test_a_moderator_cannot_edit_their_own_post_in_a_hidden_topic(client, network_admin, network_forum):
    """Hiding a topic freezes it for everyone, like hiding a post: the moderators who still see
    it read it as it was hidden."""
    topic = start_topic(network_forum, network_admin, title="Piilotettava", body="Alkuperäinen teksti.")
    topic.is_hidden = True
    topic.save(update_fields=["is_hidden"])
    post = topic.posts.get()
    client.force_login(network_admin)

    response = client.post(
        reverse("forums:edit_post", args=[post.pk]), {"title": "Muutettu otsikko", "body": "Muutettu teksti."}
    )

    post.refresh_from_db()
    assert response.status_code == 403
    assert post.body == "Alkuperäinen teksti."
    assert not permissions.can_edit(network_admin, post)


@pytest.mark.parametrize("forum_name", FORUMS)
@pytest.mark.parametrize("role", ROLES)
def test_moderating_a_topic(request, client, role, forum_name, topics):
    person = _person(request, role)
    topic = topics[forum_name]

    response = _client_for(client, person).post(reverse("forums:moderate_topic", args=[topic.pk, "lock"]))

    topic.refresh_from_db()
    assert topic.is_locked is _expect(MODERATES, role, forum_name)
    if role != "anonymous" and not _expect(SEES, role, forum_name):
        assert response.status_code == 404


@pytest.mark.parametrize("forum_name", FORUMS)
@pytest.mark.parametrize("role", ROLES)
def test_hiding_a_post(request, client, role, forum_name, topics):
    person = _person(request, role)
    post = topics[forum_name].posts.get()

    _client_for(client, person).post(reverse("forums:moderate_post", args=[post.pk, "hide"]))

    post.refresh_from_db()
    assert post.is_hidden is _expect(MODERATES, role, forum_name)


@pytest.mark.parametrize("role", ROLES)
def test_moderation_queue_is_only_for_moderators(request, client, role, topics):
    person = _person(request, role)

    response = _client_for(client, person).get(reverse("forums:moderation"))

    if role == "anonymous":
        assert response.status_code == 302
    elif any(MODERATES[role]):
        assert response.status_code == 200
    else:
        assert response.status_code == 404


def test_reports_reach_only_the_moderators_of_that_forum(
    client, member, network_admin, keha_moderator, topics
):
    services.report_post(member, topics["network_forum"].posts.get(), "Asiakastietoja viestissä")
    services.report_post(member, topics["national_forum"].posts.get(), "Mainos")

    client.force_login(network_admin)
    admin_queue = client.get(reverse("forums:moderation")).content.decode()
    client.force_login(keha_moderator)
    keha_queue = client.get(reverse("forums:moderation")).content.decode()

    assert "Asiakastietoja viestissä" in admin_queue and "Mainos" not in admin_queue
    assert "Mainos" in keha_queue and "Asiakastietoja viestissä" not in keha_queue


@pytest.mark.parametrize("forum_name", FORUMS)
@pytest.mark.parametrize("role", ROLES)
def test_following_a_forum(request, client, role, forum_name, topics):
    person = _person(request, role)
    forum = request.getfixturevalue(forum_name)

    _client_for(client, person).post(reverse("forums:follow_forum", args=[forum.slug]))

    follows = Follow.objects.filter(forum=forum, user=person).exists() if person else False
    assert follows is (role != "anonymous" and _expect(SEES, role, forum_name))


@pytest.mark.parametrize("forum_name", FORUMS)
def test_notifications_reach_only_people_who_may_see_the_forum(
    request, forum_name, topics, django_capture_on_commit_callbacks, topic_author
):
    """Everyone follows the forum (as if they had followed it when they still had access)."""
    forum = request.getfixturevalue(forum_name)
    people = {role: _person(request, role) for role in ROLES if role != "anonymous"}
    for person in people.values():
        Follow.objects.create(user=person, forum=forum)

    with django_capture_on_commit_callbacks(execute=True):
        post = services.start_topic(
            topic_author, forum, title="Uusi ketju kaikille seuraajille", body="Tervetuloa keskustelemaan."
        )

    notified = set(Notification.objects.filter(post=post).values_list("recipient_id", flat=True))
    mailed = {message.to[0] for message in mail.outbox}
    for role, person in people.items():
        may_see = _expect(SEES, role, forum_name)
        assert (person.pk in notified) is may_see, role
        assert (person.email in mailed) is may_see, role


@pytest.mark.parametrize("forum_name", FORUMS)
@pytest.mark.parametrize("role", ROLES)
def test_feed(request, client, role, forum_name, topics):
    if role == "anonymous":
        response = client.get(reverse("forums:feed", args=["arvattu-avain", "satakunta"]))
        assert response.status_code == 404
        return
    person = _person(request, role)
    forum = request.getfixturevalue(forum_name)
    token = services.feed_token_for(person)

    response = client.get(reverse("forums:feed", args=[token.key, forum.slug]))

    if _expect(SEES, role, forum_name):
        assert response.status_code == 200
        assert topics[forum_name].title in response.content.decode()
    else:
        assert response.status_code == 404


def indexed_posts() -> list[tuple[Post, SearchDocument]]:
    """The posts as production indexes them: each with the document of the registered source."""
    source = get_source("post")
    posts = source.get_queryset().in_bulk()
    return [(posts[int(split_key(document.key)[1])], document) for document in source.iter_documents()]


@pytest.mark.parametrize("role", ROLES)
def test_search_never_offers_more_than_the_role_may_read(request, role, topics):
    """The search app keeps a post when its access key is among the person's keys."""
    person = _person(request, role) or AnonymousUser()
    keys = access_keys_for(person)

    indexed = indexed_posts()

    assert {post.topic.title for post, _document in indexed} == {topic.title for topic in topics.values()}
    for post, document in indexed:
        if document.access_key in keys:
            assert permissions.can_see_post(person, post), (role, post.topic.title)


# Superusers read every forum but are not given every network's search key: stricter, not
# leakier. Anonymous visitors are covered by the test above.
@pytest.mark.parametrize("role", ["member", "outsider", "network_admin", "keha_moderator"])
def test_members_search_results_match_what_they_read(request, role, topics):
    person = _person(request, role)
    keys = access_keys_for(person)

    for post, document in indexed_posts():
        assert (document.access_key in keys) is permissions.can_see_post(person, post)


def test_a_hidden_post_leaves_search_and_feeds(client, member, topics, network_admin):
    post = topics["network_forum"].posts.get()
    key = f"post:{post.pk}"
    assert documents_for([key]) == ([get_source("post").document_for(post)], [])

    services.set_post_hidden(network_admin, post, True)

    assert documents_for([key]) == ([], [key])  # what the index update does: delete it
    assert post.pk not in {indexed.pk for indexed, _document in indexed_posts()}
    token = services.feed_token_for(member)
    feed = client.get(reverse("forums:feed", args=[token.key, "satakunta"])).content.decode()
    assert "Tämä kuuluu vain verkoston jäsenille" not in feed


def test_ending_a_membership_closes_everything_at_once(client, member, topics):

    token = services.feed_token_for(member)
    Membership.objects.filter(user=member).delete()
    client.force_login(member)

    assert client.get(reverse("forums:topic", args=[topics["network_forum"].pk])).status_code == 404
    assert client.get(reverse("forums:feed", args=[token.key, "satakunta"])).status_code == 404
    assert "Satakunnan oma alue" not in client.get(reverse("forums:index")).content.decode()


def test_notification_list_drops_a_forum_the_person_left(
    client, member, second_member, network_topic, django_capture_on_commit_callbacks
):

    with django_capture_on_commit_callbacks(execute=True):
        services.reply(second_member, network_topic, body="Vastaus aloittajalle.")
    assert selectors.header_counts(member).unread_notifications == 1

    Membership.objects.filter(user=member).delete()
    client.force_login(member)
    page = client.get(reverse("forums:notifications")).content.decode()

    assert "Verkoston oma keskustelu" not in page
    member = type(member).objects.get(pk=member.pk)  # a new request: no cached memberships
    assert selectors.header_counts(member).unread_notifications == 0


@pytest.mark.parametrize("role", ROLES[1:])
def test_the_headers_moderated_forums_are_the_moderation_rule(
    request, role, network_forum, national_forum, theme_forum, home_network, other_network
):
    """`moderated_forums_query` (the header's count, in SQL) names the same forums as
    `moderated_forum_ids` (the rule in Python), for every role and every kind of forum."""

    regional = Forum.objects.create(name="Yhteinen alue", slug="yhteinen", kind=Forum.Kind.REGIONAL)
    regional.networks.set([home_network])
    other_regional = Forum.objects.create(name="Toinen alue", slug="toinen", kind=Forum.Kind.REGIONAL)
    other_regional.networks.set([other_network])
    Forum.objects.create(name="Johtajat", slug="johtajat", kind=Forum.Kind.DIRECTORS)
    person = _person(request, role)

    expected = selectors.moderated_forum_ids(person)

    assert set(selectors.moderated_forums_query(person).values_list("pk", flat=True)) == expected
    assert bool(expected) == any(MODERATES[role])
