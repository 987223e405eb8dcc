"""The regional forum that neighbouring networks share and the TYP directors' forum: who reads,
writes and moderates them, and that every other way in (search, feeds, mentions, notifications,
the forum list) answers by the same rule.

The regional forum is shared by the home network (Satakunta) and its neighbour; Kymenlaakso
(`other_network`) does not take part.
"""

import uuid

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from forums import permissions, selectors
from forums.models import FeedToken, Follow, Forum, Notification, Post
from forums.notifications import create_post_notifications
from forums.search import post_document
from tests.factories import make_keha_staff, make_member, make_network, make_network_admin, make_user
from typ_site.accounts.models import Role
from typ_site.core.access import search_access_keys_for
from typ_site.networks.models import Membership

from .conftest import start_topic

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "home_member",
    "neighbour_member",
    "neighbour_admin",
    "non_participating_member",
    "partner",
    "removed_member",
    "removed_account",
    "director",
    "director_by_request_only",
    "director_without_network",
    "keha",
]
# role -> (reads and writes the regional forum, the directors' forum)
SEES = {
    "anonymous": (False, False),
    "home_member": (True, False),
    "neighbour_member": (True, False),
    "neighbour_admin": (True, False),
    "non_participating_member": (False, False),
    "partner": (False, False),
    "removed_member": (False, False),
    "removed_account": (False, False),
    "director": (False, True),
    "director_by_request_only": (False, False),
    "director_without_network": (False, False),
    "keha": (True, True),
}
# role -> (moderates the regional forum, the directors' forum)
MODERATES = {role: (False, False) for role in ROLES} | {
    "neighbour_admin": (True, False),
    "keha": (True, True),
}
FORUMS = ["regional_forum", "directors_forum"]


@pytest.fixture
def neighbour(db):
    return make_network("Varsinais-Suomen TYP-verkosto", slug="varsinais-suomi")


@pytest.fixture
def regional_forum(home_network, neighbour, other_network):
    forum = Forum.objects.create(name="Länsirannikon yhteinen alue", slug="lansirannikko", kind="regional")
    forum.networks.set([home_network, neighbour])
    return forum


@pytest.fixture
def directors_forum(db):
    return Forum.objects.create(name="TYP-johtajien foorumi", slug="typ-johtajat", kind="directors")


@pytest.fixture
def people(home_network, neighbour, other_network):
    removed_member = make_member(home_network, first_name="Reijo", last_name="Poistettu")
    Membership.objects.filter(user=removed_member).delete()
    removed_account = make_member(neighbour, first_name="Tilin", last_name="Poistaja")
    removed_account.is_removed = True
    removed_account.save()
    director_without_network = make_user(first_name="Vesa", last_name="Verkostoton", role=Role.TYP_DIRECTOR)
    by_request = make_member(other_network, first_name="Pyry", last_name="Pyytäjä", role=Role.EXPERT)
    by_request.requested_role = Role.TYP_DIRECTOR
    by_request.save()
    return {
        "anonymous": AnonymousUser(),
        "home_member": make_member(home_network, first_name="Sanna", last_name="Satakunta"),
        "neighbour_member": make_member(neighbour, first_name="Niina", last_name="Naapuri"),
        "neighbour_admin": make_network_admin(neighbour, first_name="Aapo", last_name="Naapuriylläpitäjä"),
        "non_participating_member": make_member(other_network, first_name="Kalle", last_name="Kymi"),
        "partner": make_user(first_name="Pia", last_name="Kumppani", role=Role.PARTNER),
        "removed_member": removed_member,
        "removed_account": removed_account,
        "director": make_member(
            other_network, first_name="Tuomas", last_name="Johtaja", role=Role.TYP_DIRECTOR
        ),
        "director_by_request_only": by_request,
        "director_without_network": director_without_network,
        "keha": make_keha_staff(first_name="Kerttu", last_name="Keha"),
    }


@pytest.fixture
def topics(regional_forum, directors_forum, home_network):
    author = make_member(home_network, first_name="Aino", last_name="Aloittaja", role=Role.TYP_DIRECTOR)
    return {
        "regional_forum": start_topic(
            regional_forum, author, title="Yhteinen kehittämispäivä", body="Sopiiko?"
        ),
        "directors_forum": start_topic(
            directors_forum, author, title="Päättymissyyn linja", body="Muistutus."
        ),
    }


def _client(client, person):
    if person.is_authenticated:
        client.force_login(person)
    return client


@pytest.mark.parametrize("forum_name", FORUMS)
@pytest.mark.parametrize("role", ROLES)
def test_reading_and_writing_follow_the_rule(request, client, people, topics, role, forum_name):
    person = people[role]
    forum = request.getfixturevalue(forum_name)
    topic = topics[forum_name]
    sees = SEES[role][FORUMS.index(forum_name)]
    client = _client(client, person)
    before = Post.objects.count()

    forum_page = client.get(reverse("forums:forum", args=[forum.slug]))
    topic_page = client.get(reverse("forums:topic", args=[topic.pk]))
    index = client.get(reverse("forums:index")).content.decode()
    reply = client.post(
        reverse("forums:reply", args=[topic.pk]), {"body": "Oma kokemukseni.", "token": str(uuid.uuid4())}
    )

    if role == "anonymous":
        assert forum_page.status_code == topic_page.status_code == 302
    elif role == "removed_account":
        # A removed account cannot sign in at all.
        assert forum_page.status_code != 200
    elif sees:
        assert forum_page.status_code == topic_page.status_code == 200
        assert topic.title in topic_page.content.decode()
        assert forum.name in index
    else:
        assert forum_page.status_code == topic_page.status_code == 404
        assert forum.name not in index
    assert Post.objects.count() == before + (1 if sees else 0)
    if sees:
        assert reply.status_code == 302


@pytest.mark.parametrize("forum_name", FORUMS)
@pytest.mark.parametrize("role", ROLES)
def test_the_search_key_and_the_feed_answer_by_the_same_rule(request, people, topics, role, forum_name):
    person = people[role]
    forum = request.getfixturevalue(forum_name)
    post = topics[forum_name].posts.get()
    sees = SEES[role][FORUMS.index(forum_name)]

    assert permissions.can_see_forum(person, forum) is sees
    assert permissions.can_see_post(person, post) is sees
    assert (post_document(post).access_key in search_access_keys_for(person)) is sees


@pytest.mark.parametrize("forum_name", FORUMS)
@pytest.mark.parametrize("role", ROLES)
def test_moderators(request, people, role, forum_name):
    forum = request.getfixturevalue(forum_name)

    assert permissions.can_moderate(people[role], forum) is MODERATES[role][FORUMS.index(forum_name)]


def test_the_admins_of_every_sharing_network_and_keha_are_told_of_reports(
    people, regional_forum, directors_forum, home_network
):
    home_admin = make_network_admin(home_network, first_name="Hilkka", last_name="Kotiylläpitäjä")

    regional = set(selectors.moderator_candidates(regional_forum))
    directors = set(selectors.moderator_candidates(directors_forum))

    assert regional == {home_admin, people["neighbour_admin"], people["keha"]}
    assert directors == {people["keha"]}


def test_a_network_leaving_the_regional_forum_takes_its_members_out(people, regional_forum, neighbour):
    member = people["neighbour_member"]
    assert permissions.can_see_forum(member, regional_forum)

    regional_forum.networks.remove(neighbour)
    member = type(member).objects.get(pk=member.pk)  # a new request

    assert not permissions.can_see_forum(member, regional_forum)


@pytest.mark.parametrize("forum_name", FORUMS)
def test_mentions_offer_only_people_who_may_read(request, client, people, forum_name):
    forum = request.getfixturevalue(forum_name)
    client.force_login(people["keha"])
    offered = set()
    for text in ("Sanna", "Niina", "Aapo", "Kalle", "Pia", "Tuomas", "Pyry", "Vesa", "Reijo"):
        response = client.get(reverse("forums:mention_candidates", args=[forum.slug]), {"q": text})
        offered |= {row["name"] for row in response.json()["results"]}

    expected = {
        person.get_full_name()
        for role, person in people.items()
        if role not in ("anonymous", "keha", "removed_account") and SEES[role][FORUMS.index(forum_name)]
    }
    assert offered == expected


def test_followers_who_may_not_read_are_not_notified(people, topics):
    topic = topics["regional_forum"]
    for role in ("neighbour_member", "non_participating_member", "director", "removed_member"):
        Follow.objects.create(user=people[role], topic=topic)
    reply = Post.objects.create(topic=topic, author=people["home_member"], body="Vastaus", body_html="")

    create_post_notifications(reply.pk)

    told = set(Notification.objects.filter(post=reply).values_list("recipient__email", flat=True))
    assert told == {people["neighbour_member"].email, topic.author.email}


def test_the_feed_of_a_director_who_leaves_the_network_closes(client, people, topics, directors_forum):
    director = people["director"]
    token = FeedToken.objects.create(user=director, key=uuid.uuid4().hex)
    address = reverse("forums:feed", args=[token.key, directors_forum.slug])
    assert client.get(address).status_code == 200

    Membership.objects.filter(user=director).delete()

    assert client.get(address).status_code == 404


def test_the_admin_asks_a_regional_forum_for_its_networks(client, home_network, neighbour):
    client.force_login(make_user(is_superuser=True, is_staff=True))
    url = reverse("wagtailsnippets_forums_forum:add")
    data = {"name": "Yhteinen alue", "slug": "yhteinen", "kind": "regional", "description": "", "position": 5}

    without = client.post(url, data)
    national_with_networks = client.post(url, {**data, "kind": "national", "networks": [home_network.pk]})
    regional = client.post(url, {**data, "networks": [home_network.pk, neighbour.pk]})

    assert without.status_code == national_with_networks.status_code == 200
    assert regional.status_code == 302
    assert set(Forum.objects.get(slug="yhteinen").networks.all()) == {home_network, neighbour}
