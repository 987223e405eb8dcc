"""Totals follow the minimum group: below it only the number of voters is shown."""

import re

from django.urls import reverse

from forums.participation.models import Level, Poll, Timing
from tests.factories import make_keha_staff, make_user

from .conftest import add_ballot, make_round, options_of
from .test_stories import add_answers, story  # noqa: F401  (the story fixture)


def _one_voter_round():
    poll = make_round(title="Pieni kierros", asks_level=True, asks_timing=True)
    first, *_rest = options_of(poll)
    ballot = add_ballot(poll, points={first: 1})
    ballot.choices.update(level=Level.NATIONAL, timing=Timing.AFTER)
    return poll, first


def test_a_round_with_one_voter_shows_the_count_and_no_totals(client):
    poll, picked = _one_voter_round()
    client.force_login(make_user())

    page = client.get(reverse("participation:results", args=[poll.pk])).content.decode()

    assert "1 ääni." in page
    assert "vähintään 5" in page
    assert picked.need.title not in page
    assert "participation-bars" not in page


def test_the_totals_appear_once_the_minimum_group_has_voted(client):
    poll, picked = _one_voter_round()
    for _ in range(4):
        add_ballot(poll, points={picked: 1})
    client.force_login(make_user())

    page = client.get(reverse("participation:results", args=[poll.pk])).content.decode()

    assert picked.need.title in page
    assert "vähintään 5" not in page


def test_the_export_of_a_small_round_has_no_totals(client):
    poll, picked = _one_voter_round()
    client.force_login(make_keha_staff())

    export = client.get(reverse("participation:results_csv", args=[poll.pk])).content.decode()

    assert picked.need.title not in export
    assert "vähintään 5" in export


def test_a_story_with_few_answers_shows_no_share_and_no_table_by_role(client, story, settings):  # noqa: F811
    settings.PARTICIPATION_MIN_GROUP_SIZE = 5
    add_answers(story, disagree=(1, "typ_director"))
    client.force_login(make_user())

    page = client.get(story.url).content.decode()

    assert "1 jäsen on vastannut" in page
    assert not re.search(r"\s0 % on samaa mieltä", page)
    assert 'id="story-answers-caption"' not in page
    assert 'id="story-by-role-caption"' not in page
    assert "Eri mieltä</th><td>1" not in page
    assert "vähintään 5 jäsentä on vastannut" in page
    assert Poll.objects.get(subject_page=story).ballots.count() == 1
