"""KEHA staff create voting rounds and needs in the Wagtail admin."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from forums import services as forum_services
from forums.models import Forum
from forums.participation.models import DevelopmentNeed, Poll, VotingRound
from tests.factories import make_keha_staff, make_member, make_network, make_user

from .conftest import make_need


@pytest.fixture(autouse=True)
def _no_second_factor_in_admin_tests(settings):
    settings.MFA_REQUIRED_FOR_STAFF = False


@pytest.fixture
def staff(client):
    user = make_keha_staff("Editors")

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    return user


def test_keha_staff_create_a_round_with_needs_roles_and_questions(client, staff):
    need = make_need(title="Vastuunjako")

    response = client.post(
        reverse("wagtailsnippets_participation_votinground:add"),
        {
            "title": "Syksyn kierros",
            "description": "",
            "opens_at": "2030-09-01 08:00",
            "closes_at": "2030-09-30 16:00",
            "method": "points",
            "max_choices": "5",
            "points_total": "10",
            "asks_level": "on",
            "asks_timing": "on",
            "timing_date": "2031-01-01",
            "eligible_roles": ["typ_director", "supervisor"],
            "results_visibility": "after_close",
            "options-TOTAL_FORMS": "1",
            "options-INITIAL_FORMS": "0",
            "options-MIN_NUM_FORMS": "0",
            "options-MAX_NUM_FORMS": "1000",
            "options-0-need": str(need.pk),
            "options-0-position": "1",
            "options-0-ORDER": "1",
            "options-0-id": "",
            "options-0-DELETE": "",
        },
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    poll = VotingRound.objects.get(title="Syksyn kierros")
    assert poll.kind == Poll.Kind.PRIORITY
    assert poll.eligible_roles == ["typ_director", "supervisor"]
    assert list(poll.options.values_list("need_id", flat=True)) == [need.pk]


def test_a_round_that_closes_before_it_opens_is_refused(client, staff):
    response = client.post(
        reverse("wagtailsnippets_participation_votinground:add"),
        {
            "title": "Väärin päin",
            "opens_at": "2030-09-30 08:00",
            "closes_at": "2030-09-01 08:00",
            "method": "approval",
            "max_choices": "3",
            "points_total": "10",
            "results_visibility": "live",
            "options-TOTAL_FORMS": "0",
            "options-INITIAL_FORMS": "0",
            "options-MIN_NUM_FORMS": "0",
            "options-MAX_NUM_FORMS": "1000",
        },
    )

    assert response.status_code == 200
    assert not VotingRound.objects.exists()


def test_keha_staff_list_needs_in_the_admin(client, staff):
    make_need(title="Tiedolla johtaminen")

    page = client.get(reverse("wagtailsnippets_participation_developmentneed:list")).content.decode()

    assert "Tiedolla johtaminen" in page


def test_story_polls_are_not_listed_as_voting_rounds(client, staff):
    Poll.objects.create(kind=Poll.Kind.STORY, title="Tarinan kysely", method="single")

    page = client.get(reverse("wagtailsnippets_participation_votinground:list")).content.decode()

    assert "Tarinan kysely" not in page


def test_members_cannot_open_the_admin_lists(client):
    client.force_login(make_user())

    response = client.get(reverse("wagtailsnippets_participation_developmentneed:list"))

    assert response.status_code in (302, 403)
    assert DevelopmentNeed.objects.count() == 0


def test_the_need_editors_topic_field_offers_only_topics_the_editor_may_see(client, staff):
    network = make_network()
    member = make_member(network)
    forum = Forum.objects.create(
        name="Verkoston alue", slug="verkosto", kind=Forum.Kind.NETWORK, network=network
    )
    private = forum_services.start_topic(
        member, forum, title="Verkoston salainen aihe", body="Sisältö."
    ).topic
    need = make_need(title="Tarve")

    response = client.get(reverse("wagtailsnippets_participation_developmentneed:edit", args=(need.pk,)))

    assert response.status_code == 200
    assert private.title not in response.content.decode()
