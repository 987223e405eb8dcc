"""Customer stories: members answer agree / disagree / can't say with the same vote engine."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from forums.participation.models import Ballot, Poll, StoryAnswer
from forums.participation.selectors import story_summaries
from knowledge.models import CaseStoryIndexPage, CaseStoryPage
from tests.factories import make_user
from typ_site.core.demo_content import create_home_page

from .conftest import add_ballot


@pytest.fixture
def story():

    home = create_home_page()
    index = home.add_child(
        instance=CaseStoryIndexPage(title="Asiakastarinat", slug="asiakastarinat", show_in_menus=True)
    )
    index.save_revision().publish()
    page = index.add_child(
        instance=CaseStoryPage(
            title="Matti, 22: arki sekaisin",
            slug="matti",
            persona_name="Matti",
            age=22,
            belongs_in_typ=True,
            situation="<p>Matti on ollut työttömänä.</p>",
            deciding_factors="Arjen hallinta\nTalous selvitettävä",
        )
    )
    page.save_revision().publish()
    return CaseStoryPage.objects.get(pk=page.pk)


def answer(client, page, value, ballot=""):
    return client.post(
        reverse("participation:answer_story", args=[page.pk]),
        {"answer": value, "ballot": ballot},
        follow=True,
    )


def add_answers(page, **counts):

    poll = Poll.objects.get(subject_page=page)
    options = {option.key: option for option in poll.options.all()}
    for key, (count, role) in counts.items():
        for _ in range(count):
            add_ballot(poll, role=role, points={options[key]: 1})


def test_every_story_gets_its_poll_with_three_answers(story):
    poll = Poll.objects.get(subject_page=story)

    assert poll.kind == Poll.Kind.STORY
    assert sorted(poll.options.values_list("key", flat=True)) == sorted(StoryAnswer.values)


def test_a_member_answers_and_sees_the_count_and_agree_share(client, story, settings):
    settings.PARTICIPATION_MIN_GROUP_SIZE = 1
    member = make_user()
    client.force_login(member)

    response = answer(client, story, "agree")

    page = response.content.decode()
    assert "Kiitos, vastauksesi tallennettiin." in page
    assert "1 jäsen on vastannut." in page and "100 % on samaa mieltä." in page
    assert Ballot.objects.filter(voter=member, poll__subject_page=story).count() == 1


def test_a_member_changes_the_answer(client, story):
    member = make_user()
    client.force_login(member)
    answer(client, story, "agree")
    ballot = Ballot.objects.get(voter=member)

    page = answer(client, story, "disagree", ballot=ballot.pk).content.decode()

    assert Ballot.objects.filter(voter=member).count() == 1
    assert list(ballot.choices.values_list("option__key", flat=True)) == ["disagree"]
    assert "0 % on samaa mieltä." in page
    assert 'value="disagree" id="story-answer-disagree" checked' in page


def test_a_second_new_answer_is_refused(client, story):
    member = make_user()
    client.force_login(member)
    answer(client, story, "agree")

    page = answer(client, story, "disagree").content.decode()

    assert "Olet jo äänestänyt" in page
    assert list(Ballot.objects.get(voter=member).choices.values_list("option__key", flat=True)) == ["agree"]


def test_an_unknown_answer_is_refused(client, story):
    client.force_login(make_user())

    page = answer(client, story, "maybe").content.decode()

    assert "Valitse samaa mieltä, eri mieltä tai en osaa sanoa." in page
    assert not Ballot.objects.exists()


def test_a_closed_story_refuses_answers(client, story):
    Poll.objects.filter(subject_page=story).update(
        opens_at=timezone.now() - timedelta(days=3), closes_at=timezone.now() - timedelta(days=1)
    )
    client.force_login(make_user())

    page = answer(client, story, "agree").content.decode()

    assert "Äänestys päättyi" in page
    assert not Ballot.objects.exists()


def test_visitors_see_the_story_but_no_answers(client, story):
    add_answers(story, agree=(3, "expert"))

    page = client.get(story.url).content.decode()

    assert "Arjen hallinta" in page
    assert "jäsentä on vastannut" not in page
    assert "Kirjaudu sisään vastataksesi" in page


def test_a_story_is_validated_past_both_thresholds(client, story, settings):
    settings.PARTICIPATION_STORY_MIN_ANSWERS = 10
    settings.PARTICIPATION_STORY_AGREE_SHARE = 0.7
    add_answers(story, agree=(8, "expert"), disagree=(2, "supervisor"))
    client.force_login(make_user())

    page = client.get(story.url).content.decode()

    assert "Validoitu" in page and "80 % on samaa mieltä." in page


@pytest.mark.parametrize(
    ("agree", "disagree", "validated"),
    [
        (7, 2, False),  # too few answers
        (6, 4, False),  # agree share too low
        (7, 3, True),
    ],
)
def test_validation_needs_enough_answers_and_agreement(story, settings, agree, disagree, validated):

    settings.PARTICIPATION_STORY_MIN_ANSWERS = 10
    settings.PARTICIPATION_STORY_AGREE_SHARE = 0.7
    add_answers(story, agree=(agree, "expert"), disagree=(disagree, "expert"))

    assert story_summaries([story.pk])[story.pk].validated is validated


def test_answers_by_role_only_for_large_enough_groups(client, story):
    add_answers(story, agree=(5, "expert"), disagree=(2, "supervisor"))
    client.force_login(make_user())

    page = client.get(story.url).content.decode()

    assert "Vastaukset rooleittain" in page
    assert "Asiantuntija" not in page  # the supervisors would be total minus experts
    assert "näytetään vain vähintään 5 jäsenen ryhmistä" in page


def test_answers_by_role_are_shown_when_groups_are_large(client, story):
    add_answers(story, agree=(5, "expert"), disagree=(5, "supervisor"))
    client.force_login(make_user())

    page = client.get(story.url).content.decode()

    assert "Asiantuntija (5)" in page and "Esihenkilö (5)" in page


def test_the_index_lists_stories_with_their_answer_counts(client, story):
    add_answers(story, agree=(3, "expert"))
    client.force_login(make_user())

    page = client.get(story.get_parent().url).content.decode()

    assert "Matti, 22" in page and "3 vastausta" in page


def test_the_story_page_query_count_does_not_grow_with_answers(client, story):

    add_answers(story, agree=(5, "expert"), disagree=(5, "supervisor"))
    client.force_login(make_user())
    client.get(story.url)
    with CaptureQueriesContext(connection) as few:
        client.get(story.url)
    add_answers(story, agree=(40, "expert"), disagree=(30, "supervisor"), cant_say=(10, "typ_director"))
    with CaptureQueriesContext(connection) as many:
        client.get(story.url)

    assert len(many.captured_queries) == len(few.captured_queries)


def test_the_story_is_in_search_with_its_own_kind(story):
    assert CaseStoryPage.search_kind == "case_story"
    text = story.search_document_text()
    assert "Matti 22" in text and "Talous selvitettävä" in text
