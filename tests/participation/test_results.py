"""Results: totals in the database, ties as ties, small groups hidden, visibility as chosen."""

from datetime import timedelta

import pytest
from django.urls import reverse

from forums.participation import engine, selectors
from forums.participation.models import Poll
from tests.factories import make_keha_staff, make_user

from .conftest import add_ballot, close, make_need, make_round, options_of


def results_url(poll):
    return reverse("participation:results", args=[poll.pk])


def csv_url(poll):
    return reverse("participation:results_csv", args=[poll.pk])


@pytest.fixture
def voted_round(settings):
    """Need A 3 votes, B 3 votes (a tie), C 1, D 0: four ballots, enough here to show totals."""
    settings.PARTICIPATION_MIN_GROUP_SIZE = 4
    poll = make_round(title="Tasapelikierros")
    a, b, c, _d = options_of(poll)
    for points in ({a: 1, b: 1}, {a: 1, b: 1}, {a: 1, c: 1}, {b: 1}):
        add_ballot(poll, points=points)
    return poll


def test_totals_and_ranks_are_computed_in_the_database(voted_round):
    results = selectors.results_of(voted_round)

    assert [(option.rank, option.total) for option in results.options] == [(1, 3), (1, 3), (3, 1), (4, 0)]
    assert results.ballot_count == 4


def test_tied_needs_share_a_rank_and_are_marked_as_a_tie(voted_round):
    results = selectors.results_of(voted_round)

    assert [option.tied for option in results.options] == [True, True, False, False]
    assert len(results.ties) == 1


def test_the_results_page_shows_the_tie_and_a_text_equivalent_of_the_chart(client, voted_round):
    client.force_login(make_user())

    page = client.get(results_url(voted_round)).content.decode()

    assert "jaettu sija 1 (3)" in page
    assert '<figure class="participation-chart" aria-labelledby="chart-caption">' in page
    assert '<th scope="row">' in page and '<th scope="col">Sija</th>' in page
    assert 'aria-hidden="true"><svg' in page


def test_points_rounds_add_up_points(client, settings):
    settings.PARTICIPATION_MIN_GROUP_SIZE = 2
    poll = make_round(method=Poll.Method.POINTS, points_total=10)
    a, b, *_rest = options_of(poll)
    add_ballot(poll, points={a: 7, b: 3})
    add_ballot(poll, points={b: 10})

    results = selectors.results_of(poll)

    assert [(option.option_id, option.total, option.voters) for option in results.options[:2]] == [
        (b.pk, 13, 2),
        (a.pk, 7, 1),
    ]


def test_levels_and_timings_of_needs_not_picked_are_never_counted(client, settings):
    """Ballots stored before the ballot refused them may still hold such answers."""
    settings.PARTICIPATION_MIN_GROUP_SIZE = 0
    poll = make_round(title="Tasokierros", asks_level=True, asks_timing=True, timing_date="2027-01-01")
    a, b, *_rest = options_of(poll)
    ballot = add_ballot(poll, points={a: 1, b: 0})
    ballot.choices.update(level="national", timing="before")
    client.force_login(make_keha_staff())

    results = {option.option_id: option for option in selectors.results_of(poll).options}
    rows = [line.split(";") for line in client.get(csv_url(poll)).content.decode("utf-8-sig").splitlines()]

    assert results[a.pk].levels["national"] == 1 and results[a.pk].timings["before"] == 1
    assert results[b.pk].levels["national"] == 0 and results[b.pk].timings["before"] == 0
    header = rows[0]
    national = header.index("Taso: Valtakunnallinen")
    by_title = {row[2]: row for row in rows[1:] if len(row) > national}
    assert by_title[b.need.title][national] == "0"
    assert by_title[a.need.title][national] == "1"


def test_results_never_name_the_voters(client):
    poll = make_round()
    voter = make_user(first_name="Salainen", last_name="Äänestäjä")
    add_ballot(poll, voter=voter, points={options_of(poll)[0]: 1})
    client.force_login(make_keha_staff())

    page = client.get(results_url(poll)).content.decode()
    export = client.get(csv_url(poll)).content.decode()

    for text in (page, export):
        assert "Salainen" not in text and voter.email not in text


# --- Anonymity --------------------------------------------------------------------------------


def test_groups_smaller_than_five_are_not_shown_on_their_own():
    poll = make_round()
    option = options_of(poll)[0]
    for _ in range(6):
        add_ballot(poll, role="expert", points={option: 1})
    for _ in range(5):
        add_ballot(poll, role="supervisor", points={option: 1})
    for _ in range(4):
        add_ballot(poll, role="typ_director", points={option: 1})

    breakdown = selectors.results_of(poll).breakdowns[0]

    keys = [key for key, _label, _size in breakdown.groups]
    assert "typ_director" not in keys
    assert breakdown.hidden


def test_a_small_group_cannot_be_worked_out_by_subtraction():
    sizes = {"expert": 9, "supervisor": 6, "typ_director": 2}

    shown, show_other = engine.shown_groups(sizes, minimum=5)

    # Two directors alone would be total minus the shown groups: the smallest group joins them.
    assert shown == ["expert"]
    assert show_other is True


def test_a_large_enough_combination_of_small_groups_is_shown_as_other():
    shown, show_other = engine.shown_groups({"a": 7, "b": 3, "c": 2}, minimum=5)

    assert (shown, show_other) == (["a"], True)


def test_when_every_group_is_small_no_breakdown_is_shown():
    poll = make_round()
    for role in ("expert", "expert", "supervisor"):
        add_ballot(poll, role=role, points={options_of(poll)[0]: 1})

    results = selectors.results_of(poll)

    assert results.breakdowns == [] and not results.totals_shown


def test_the_group_size_limit_is_a_setting(settings):
    poll = make_round()
    for role in ("expert", "expert", "supervisor", "supervisor"):
        add_ballot(poll, role=role, points={options_of(poll)[0]: 1})
    settings.PARTICIPATION_MIN_GROUP_SIZE = 2

    breakdown = selectors.results_of(poll).breakdowns[0]

    assert {key for key, _label, _size in breakdown.groups} == {"expert", "supervisor"}


def test_the_breakdown_table_shows_totals_per_large_group(client):
    poll = make_round()
    a, b, *_rest = options_of(poll)
    for _ in range(5):
        add_ballot(poll, role="expert", organisation_type="kela", points={a: 1})
    client.force_login(make_user())

    page = client.get(results_url(poll)).content.decode()

    assert "Asiantuntija" in page and "(5 äänestäjää)" in page


# --- Visibility -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("visibility", "closed", "member_sees", "staff_sees"),
    [
        (Poll.ResultsVisibility.LIVE, False, True, True),
        (Poll.ResultsVisibility.AFTER_CLOSE, False, False, False),
        (Poll.ResultsVisibility.AFTER_CLOSE, True, True, True),
        (Poll.ResultsVisibility.STAFF, False, False, True),
        (Poll.ResultsVisibility.STAFF, True, False, True),
    ],
)
def test_results_are_reachable_only_when_the_round_allows(
    client, visibility, closed, member_sees, staff_sees
):
    poll = make_round(results_visibility=visibility)
    add_ballot(poll, points={options_of(poll)[0]: 1})
    if closed:
        close(poll)
    member, staff = make_user(), make_keha_staff()

    client.force_login(member)
    member_status = client.get(results_url(poll)).status_code
    client.force_login(staff)
    staff_status = client.get(results_url(poll)).status_code
    export_status = client.get(csv_url(poll)).status_code

    assert member_status == (200 if member_sees else 404)
    assert staff_status == (200 if staff_sees else 404)
    assert export_status == (200 if staff_sees else 404)


def test_the_round_page_links_results_only_when_visible(client):
    poll = make_round(results_visibility=Poll.ResultsVisibility.AFTER_CLOSE)
    client.force_login(make_user())

    page = client.get(reverse("participation:round", args=[poll.pk])).content.decode()

    assert results_url(poll) not in page
    assert "Tulokset julkaistaan, kun kierros päättyy." in page


def test_results_of_an_upcoming_round_are_not_shown_even_live(client):
    poll = make_round(opens_in=timedelta(days=2))
    client.force_login(make_keha_staff())

    assert client.get(results_url(poll)).status_code == 404


# --- CSV export -------------------------------------------------------------------------------


def test_the_csv_export_is_for_keha_staff_only(client, voted_round):
    client.force_login(make_user())

    assert client.get(csv_url(voted_round)).status_code == 404


def test_anonymous_visitors_get_no_export(client, voted_round):
    response = client.get(csv_url(voted_round))

    assert response.status_code == 302


def test_keha_staff_download_totals_ranks_and_ties(client, voted_round):
    client.force_login(make_keha_staff())

    response = client.get(csv_url(voted_round))

    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = [line.split(";") for line in response.content.decode("utf-8-sig").splitlines()]
    assert rows[0][:5] == ["Sija", "Tasapeli", "Kehittämistarve", "Teemat", "Pisteet"]
    assert [(row[0], row[1], row[4]) for row in rows[1:5]] == [
        ("1", "kyllä", "3"),
        ("1", "kyllä", "3"),
        ("3", "", "1"),
        ("4", "", "0"),
    ]
    assert rows[-1] == ["Ääniä", "4"]


def test_a_formula_in_a_need_title_is_neutralised_in_the_export(client, settings):
    settings.PARTICIPATION_MIN_GROUP_SIZE = 0

    poll = make_round([make_need(title='=HYPERLINK("x")')])
    client.force_login(make_keha_staff())

    export = client.get(csv_url(poll)).content.decode("utf-8-sig")

    assert "'=HYPERLINK" in export


def test_the_export_asks_one_rule_and_refuses_everyone_the_same_way(client):
    """`permissions.can_export_results` alone decides: a member and KEHA staff before the
    results may be seen are both refused the same way, as the results page refuses them."""
    poll = make_round(results_visibility=Poll.ResultsVisibility.AFTER_CLOSE)

    answers = {}
    for name, person in (("member", make_user()), ("keha", make_keha_staff())):
        client.force_login(person)
        answers[name] = client.get(csv_url(poll)).status_code

    assert answers == {"member": 404, "keha": 404}
