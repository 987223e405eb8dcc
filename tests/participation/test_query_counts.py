"""Results are computed in the database: the same number of queries for 10 and 1,000 ballots."""

from django.urls import reverse

from forums.participation.models import Ballot, BallotChoice, Poll
from tests.factories import make_keha_staff, make_user
from tests.helpers import queries_for

from .conftest import make_need, make_round, options_of

ROLES = ["expert", "supervisor", "typ_director", "partner"]
ORGANISATIONS = ["te", "hva", "kela", "municipality", "other"]


def _fill(poll, count: int) -> None:
    options = options_of(poll)
    ballots = Ballot.objects.bulk_create(
        [
            Ballot(
                poll=poll,
                voter_role=ROLES[number % len(ROLES)],
                voter_organisation_type=ORGANISATIONS[number % len(ORGANISATIONS)],
            )
            for number in range(count)
        ]
    )
    BallotChoice.objects.bulk_create(
        [
            BallotChoice(
                ballot=ballot,
                option=options[(number + shift) % len(options)],
                points=1,
                level="national",
                timing="before",
            )
            for number, ballot in enumerate(ballots)
            for shift in range(2)
        ]
    )


def _round_with(count: int) -> Poll:
    poll = make_round(need_count=15, asks_level=True, asks_timing=True, timing_date="2027-01-01")
    _fill(poll, count)
    return poll


def test_the_results_page_costs_the_same_for_10_and_1000_ballots(client):
    small, large = _round_with(10), _round_with(1000)
    client.force_login(make_user())

    assert queries_for(client, reverse("participation:results", args=[small.pk])) == queries_for(
        client, reverse("participation:results", args=[large.pk])
    )


def test_the_csv_export_costs_the_same_for_10_and_1000_ballots(client):
    small, large = _round_with(10), _round_with(1000)
    client.force_login(make_keha_staff())

    assert queries_for(client, reverse("participation:results_csv", args=[small.pk])) == queries_for(
        client, reverse("participation:results_csv", args=[large.pk])
    )


def test_the_round_page_costs_the_same_for_5_and_15_needs(client, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the rendering, not the page kept for the session
    small, large = make_round(need_count=5), make_round(need_count=15)
    _fill(large, 50)
    client.force_login(make_user())

    assert queries_for(client, reverse("participation:round", args=[small.pk])) == queries_for(
        client, reverse("participation:round", args=[large.pk])
    )


def test_the_index_costs_the_same_for_2_and_12_rounds(client):
    member = make_user()
    client.force_login(member)
    for _ in range(2):
        make_round(need_count=1)
    few = queries_for(client, reverse("participation:index"))
    for _ in range(10):
        make_round(need_count=1)

    assert queries_for(client, reverse("participation:index")) == few


def test_the_needs_list_costs_the_same_for_3_and_30_needs_with_several_themes(client):

    member = make_user()
    client.force_login(member)
    for number in range(3):
        make_need(themes=["tym-laki", "asiakasprosessi"] if number % 2 else [])
    url = reverse("participation:needs")
    few = queries_for(client, url)
    for number in range(27):
        make_need(themes=["tym-laki", "perehdytys", "asiakasprosessi"] if number % 3 else ["viestinta"])

    assert queries_for(client, url) == few
