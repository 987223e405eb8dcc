"""The round option "results only to those who have voted": a member who has not cast a
ballot sees no results anywhere (results page, round page, round list, CSV, story pages and
listings); after voting they do; KEHA staff running the round always do; and the small-group
protection still holds for those who see them."""

import pytest
from django.urls import reverse

from forums.participation import permissions
from forums.participation.models import Poll
from tests.factories import make_keha_staff, make_user
from tests.helpers import queries_for

from .conftest import add_ballot, close, make_round, options_of
from .test_stories import add_answers, answer, story  # noqa: F401 (a fixture)

TOTAL_MARK = "participation-chart"


@pytest.fixture
def poll(settings):
    """An open live round with the option on and three ballots of others, enough to show totals."""
    settings.PARTICIPATION_MIN_GROUP_SIZE = 3
    poll = make_round(title="Vain äänestäneille", results_after_voting=True)
    a, b, *_rest = options_of(poll)
    for points in ({a: 1, b: 1}, {a: 1}, {b: 1}):
        add_ballot(poll, points=points)
    return poll


def _vote(client, poll):
    first = options_of(poll)[0]
    return client.post(reverse("participation:round", args=[poll.pk]), {f"pick_{first.pk}": "on"})


def _results(client, poll):
    return client.get(reverse("participation:results", args=[poll.pk]))


def test_a_member_who_has_not_voted_sees_no_results_anywhere(client, poll):
    member = make_user()
    client.force_login(member)

    assert _results(client, poll).status_code == 404
    round_page = client.get(reverse("participation:round", args=[poll.pk])).content.decode()
    assert reverse("participation:results", args=[poll.pk]) not in round_page
    assert "vain niille, jotka ovat äänestäneet" in round_page
    index = client.get(reverse("participation:index")).content.decode()
    assert "Vain äänestäneille" in index
    assert reverse("participation:results", args=[poll.pk]) not in index
    assert not permissions.can_see_results(member, poll)


def test_after_voting_the_member_sees_the_results(client, poll):
    member = make_user()
    add_ballot(poll, voter=member, points={options_of(poll)[0]: 1})
    client.force_login(member)

    response = _results(client, poll)

    assert response.status_code == 200
    assert response.context["results"].totals_shown
    assert TOTAL_MARK in response.content.decode()
    results_url = reverse("participation:results", args=[poll.pk])
    assert results_url in client.get(reverse("participation:round", args=[poll.pk])).content.decode()
    assert results_url in client.get(reverse("participation:index")).content.decode()


def test_voting_through_the_ballot_form_opens_the_results(client, poll):
    member = make_user()
    client.force_login(member)
    assert _results(client, poll).status_code == 404

    _vote(client, poll)

    assert poll.ballots.filter(voter=member).exists()
    assert _results(client, poll).status_code == 200


def test_keha_staff_running_the_round_see_the_results_and_the_csv_without_voting(client, poll):
    client.force_login(make_keha_staff())

    assert _results(client, poll).status_code == 200
    response = client.get(reverse("participation:results_csv", args=[poll.pk]))
    assert response.status_code == 200
    assert "Kehittämistarve" in b"".join(response).decode("utf-8-sig")


def test_the_csv_follows_the_same_rule(client, poll):
    staff = make_keha_staff()
    poll.results_visibility = Poll.ResultsVisibility.AFTER_CLOSE
    poll.save()
    client.force_login(staff)
    assert client.get(reverse("participation:results_csv", args=[poll.pk])).status_code == 404

    close(poll)

    assert client.get(reverse("participation:results_csv", args=[poll.pk])).status_code == 200


def test_after_closing_only_those_who_voted_see_the_results(client, poll):
    poll.results_visibility = Poll.ResultsVisibility.AFTER_CLOSE
    poll.save()
    voter, other = make_user(), make_user()
    add_ballot(poll, voter=voter, points={options_of(poll)[0]: 1})
    client.force_login(voter)
    assert _results(client, poll).status_code == 404  # not closed yet

    close(poll)

    assert _results(client, poll).status_code == 200
    client.force_login(other)
    assert _results(client, poll).status_code == 404


def test_without_the_option_the_results_are_seen_without_voting(client, poll):
    poll.results_after_voting = False
    poll.save()
    client.force_login(make_user())

    assert _results(client, poll).status_code == 200


def test_the_small_group_protection_still_applies_to_those_who_voted(client, settings, poll):
    settings.PARTICIPATION_MIN_GROUP_SIZE = 10
    member = make_user()
    add_ballot(poll, voter=member, points={options_of(poll)[0]: 1})
    client.force_login(member)

    response = _results(client, poll)

    assert response.status_code == 200
    assert not response.context["results"].totals_shown
    assert response.context["results"].options == []
    assert TOTAL_MARK not in response.content.decode()


def test_a_story_shows_its_answers_only_to_those_who_answered(client, story, settings):  # noqa: F811
    settings.PARTICIPATION_MIN_GROUP_SIZE = 1
    Poll.objects.filter(subject_page=story).update(results_after_voting=True)
    add_answers(story, agree=(3, "expert"))
    client.force_login(make_user())

    assert "3 vastausta" not in client.get(story.url).content.decode()
    assert "3 vastausta" not in client.get(story.get_parent().url).content.decode()

    answer(client, story, "agree")

    assert "4 jäsentä on vastannut" in client.get(story.url).content.decode()
    assert "4 vastausta" in client.get(story.get_parent().url).content.decode()


def test_the_round_list_costs_the_same_with_3_and_12_rounds_with_the_option(client, settings):
    settings.PARTICIPATION_MIN_GROUP_SIZE = 1
    member = make_user()
    client.force_login(member)
    url = reverse("participation:index")

    def add_rounds(count):
        for number in range(count):
            poll = make_round(need_count=1, results_after_voting=True)
            if number % 2:
                add_ballot(poll, voter=member, points={options_of(poll)[0]: 1})

    add_rounds(3)
    few = queries_for(client, url)
    add_rounds(9)

    assert queries_for(client, url) == few


def test_the_results_and_round_pages_cost_one_query_more_at_most_with_the_option(client, poll):
    member = make_user()
    add_ballot(poll, voter=member, points={options_of(poll)[0]: 1})
    client.force_login(member)
    urls = [reverse(f"participation:{name}", args=[poll.pk]) for name in ("round", "results")]
    with_option = [queries_for(client, url) for url in urls]

    poll.results_after_voting = False
    poll.save()

    without = [queries_for(client, url) for url in urls]
    assert with_option[0] == without[0]
    assert with_option[1] <= without[1] + 1
