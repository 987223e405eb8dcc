"""The TYP barometer: rounds, answers, secrecy, small-group protection, results and exports."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from forums.participation import barometer_selectors, barometer_services, engine
from forums.participation.barometer_demo import load_barometer_demo
from forums.participation.barometer_models import (
    BarometerBaseline,
    BarometerResponse,
    BarometerRound,
    BarometerStatement,
)
from forums.participation.models import Ballot, BallotChoice
from tests.factories import make_keha_staff, make_member, make_network, make_user
from tests.helpers import queries_for
from typ_site.accounts.exports import build_user_export
from typ_site.accounts.services import remove_account
from typ_site.core.demo import demo_email
from typ_site.core.demo_content import load_core_demo

STATEMENTS = [
    ("tuki", "TYP-toimintamalli saa mielestäni tarpeeksi tukea valtakunnan tasolta."),
    ("alku", "On selvää, milloin asiakas ohjataan TYP-palveluun."),
]


def _bank():
    return [
        BarometerStatement.objects.create(key=key, text_fi=text, position=number)
        for number, (key, text) in enumerate(STATEMENTS)
    ]


def _round(year=2024, *, closes_in=timedelta(days=7)):
    _bank() if not BarometerStatement.objects.exists() else None
    now = timezone.now()
    return barometer_services.open_round(
        make_keha_staff(), year=year, opens_at=now - timedelta(days=1), closes_at=now + closes_in
    )


def _close(round_):
    poll = round_.poll
    poll.opens_at = timezone.now() - timedelta(days=10)
    poll.closes_at = timezone.now() - timedelta(minutes=1)
    poll.save()


def _answer(round_, user, step=4, network=None):
    statements = [item.statement_id for item in round_.items.all()]
    return barometer_services.answer_round(
        user, round_, dict.fromkeys(statements, step), network_id=network.pk if network else None
    )


def _fill(round_, network, count, *, role="expert", organisation_type="te", step=4):
    for _number in range(count):
        _answer(round_, make_member(network, role=role, organisation_type=organisation_type), step, network)


# --- The engine: Likert ballots and small-group protection -----------------------------------


def test_a_round_asks_the_active_statements_of_the_bank_and_keeps_results_until_closing():
    _bank()
    BarometerStatement.objects.create(key="vanha", text_fi="Vanha väittämä.", active=False)
    round_ = _round()
    assert [item.statement.key for item in barometer_selectors.items_of(round_)] == ["tuki", "alku"]
    assert round_.poll.results_visibility == "after_close"
    with pytest.raises(ValidationError):
        _round()  # one round a year


def test_only_keha_opens_a_round():
    _bank()
    with pytest.raises(PermissionDenied):
        barometer_services.open_round(
            make_user(), year=2025, opens_at=timezone.now(), closes_at=timezone.now() + timedelta(days=1)
        )


def test_every_statement_needs_one_step_of_the_scale():
    round_ = _round()
    network = make_network()
    member = make_member(network)
    first = round_.items.first()
    with pytest.raises(ValidationError) as missing:
        barometer_services.answer_round(member, round_, {first.statement_id: 4}, network_id=network.pk)
    assert missing.value.code == "empty"
    with pytest.raises(ValidationError) as outside:
        _answer(round_, member, step=7, network=network)
    assert outside.value.code == "likert_step"
    assert not Ballot.objects.exists()


def test_one_answer_per_person_changeable_until_closing():
    round_ = _round()
    network = make_network()
    member = make_member(network)
    ballot = _answer(round_, member, 2, network)
    statements = [item.statement_id for item in round_.items.all()]
    barometer_services.answer_round(
        member, round_, dict.fromkeys(statements, 5), network_id=network.pk, ballot_id=ballot.pk
    )
    assert Ballot.objects.filter(poll=round_.poll).count() == 1
    assert sorted(BallotChoice.objects.values_list("points", flat=True)) == [5, 5]
    with pytest.raises(ValidationError):
        _answer(round_, member, 3, network)  # a second ballot
    _close(round_)
    with pytest.raises(ValidationError) as closed:
        barometer_services.answer_round(
            member, round_, dict.fromkeys(statements, 1), network_id=network.pk, ballot_id=ballot.pk
        )
    assert closed.value.code == "closed"


def test_one_answers_only_for_a_network_of_ones_own():
    round_ = _round()
    mine, other = make_network(), make_network()
    member = make_member(mine)
    with pytest.raises(ValidationError):
        _answer(round_, member, 4, other)
    with pytest.raises(ValidationError):
        _answer(round_, member, 4, None)


def test_shown_cells_hide_a_group_that_the_total_minus_the_shown_group_would_reveal():
    tables = [(), (0,)]
    # Network a: 10, network b: 2. Showing a beside the national 12 would give b away.
    shown = engine.shown_cells({("a",): 10, ("b",): 2}, tables, minimum=5)
    assert shown[()] == {()}
    assert shown[(0,)] == set()
    shown = engine.shown_cells({("a",): 10, ("b",): 5}, tables, minimum=5)
    assert shown[(0,)] == {("a",), ("b",)}
    shown = engine.shown_cells({("a",): 10, ("b",): 0, ("c",): 7}, tables, minimum=5)
    assert shown[(0,)] == {("a",), ("c",)}


def test_shown_cells_protect_combinations_across_tables():
    # Role x network: experts 8 in network n, 2 in network m. The expert row (10) is shown and
    # network n (8 + 6) is shown; the experts of n (8) would give away the 2 experts of m.
    sizes = {("expert", "n"): 8, ("expert", "m"): 2, ("partner", "n"): 6, ("partner", "m"): 9}
    tables = [(), (0,), (1,), (1, 0)]
    shown = engine.shown_cells(sizes, tables, minimum=5)
    for table in tables:
        for cell in shown[table]:
            parents = [parent for parent in tables if set(parent) < set(table)]
            for parent in parents:
                parent_cell = tuple(cell[table.index(index)] for index in parent)
                if parent_cell not in shown[parent]:
                    continue
                siblings = [
                    key
                    for key in _cells(sizes, table)
                    if tuple(key[table.index(index)] for index in parent) == parent_cell
                ]
                hidden = sum(_cells(sizes, table)[key] for key in siblings if key not in shown[table])
                assert hidden == 0 or hidden >= 5, (table, parent, cell)
    assert ("m", "expert") not in shown[(1, 0)]
    assert ("n", "expert") not in shown[(1, 0)]


def _cells(sizes, table):
    cells = {}
    for key, size in sizes.items():
        cell = tuple(key[index] for index in table)
        cells[cell] = cells.get(cell, 0) + size
    return cells


# --- Results ----------------------------------------------------------------------------------


def test_cant_say_is_an_answer_kept_out_of_the_scale_and_shown_on_its_own(client):
    """The 2023 study's scale had no "can't say" (en osaa sanoa); the barometer offers it. It
    answers the statement (the ballot is complete and counts in the group), but it is not a
    step of the scale: the distribution and the share who agree leave it out."""
    round_ = _round()
    network = make_network("Iso TYP")
    _fill(round_, network, 4, step=4)
    _fill(round_, network, 2, step=2)
    _fill(round_, network, 3, step=engine.LIKERT_CANT_SAY)
    assert Ballot.objects.filter(poll=round_.poll).count() == 9
    member = make_member(network)
    client.force_login(member)
    url = reverse("participation:barometer_round", args=[round_.poll.pk])
    form = client.get(url).content.decode()
    assert f'value="{engine.LIKERT_CANT_SAY}"' in form and "En osaa sanoa" in form
    _close(round_)
    page = client.get(reverse("participation:barometer_results", args=[round_.poll.pk]))
    national = page.context["national"]
    option_id = round_.items.first().option_id
    assert national.size == 9
    assert national.distribution(option_id) == [0, 2, 0, 4, 0]
    assert national.cant_say(option_id) == 3
    assert national.agree_percent(option_id) == 67  # 4 of the 6 on the scale, not 4 of 9
    _item, counts, percent, cant_say = page.context["national_rows"][0]
    assert (counts, percent, cant_say) == ([0, 2, 0, 4, 0], 67, 3)
    assert "En osaa sanoa" in page.content.decode()
    client.force_login(make_keha_staff())
    response = client.get(reverse("participation:barometer_results_csv", args=[round_.poll.pk]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][-1] == "En osaa sanoa"
    national_rows = [row for row in rows[1:] if len(row) > 7 and row[1] == "national"]
    assert national_rows and all(row[8:] == ["0", "2", "0", "4", "0", "3"] for row in national_rows)


def test_cant_say_is_under_the_same_small_group_protection(client):
    """A group too small to show stays hidden with its "can't say" answers."""
    round_ = _round()
    _fill(round_, make_network("Iso TYP"), 6, step=4)
    _fill(round_, make_network("Pieni TYP"), 2, step=engine.LIKERT_CANT_SAY)
    _close(round_)
    figures = barometer_selectors.figures_of([round_.poll])[round_.poll.pk]
    option_id = round_.items.first().option_id
    assert figures.national.cant_say(option_id) == 2
    assert figures.tables[(barometer_selectors.NETWORK,)] == {}  # 6 + 2: neither network shown


def test_results_only_after_closing_and_never_a_small_group(client):
    round_ = _round()
    big, small = make_network("Iso TYP"), make_network("Pieni TYP")
    _fill(round_, big, 9, step=4)
    _fill(round_, small, 2, step=1)
    member = make_member(big)
    client.force_login(member)
    url = reverse("participation:barometer_results", args=[round_.poll.pk])
    assert client.get(url).status_code == 404  # still open
    _close(round_)
    page = client.get(url)
    assert page.status_code == 200
    content = page.content.decode()
    assert "All answers in Finland" in content or "Koko Suomi" in content
    national = page.context["national"]
    assert national.size == 11
    # The big network (9) is not shown: all of Finland minus it would give the small one away.
    assert page.context["own_networks"][0]["cell"] is None
    assert page.context["by_network"] is None  # a member sees only their own network


def test_a_network_sees_its_own_results_against_the_national_ones(client):
    round_ = _round()
    mine, other = make_network("Oma TYP"), make_network("Muu TYP")
    _fill(round_, mine, 6, step=5)
    _fill(round_, other, 6, step=2)
    _close(round_)
    member = make_member(mine)
    client.force_login(member)
    page = client.get(reverse("participation:barometer_results", args=[round_.poll.pk]))
    own = page.context["own_networks"][0]
    assert own["cell"].size == 6
    item = page.context["items"][0]
    assert own["cell"].distribution(item.option_id) == [0, 0, 0, 0, 6]
    assert page.context["national"].distribution(item.option_id) == [0, 6, 0, 0, 6]
    content = page.content.decode()
    assert "<svg" in content and "<table" in content
    assert "Muu TYP" not in content  # another network's figures are not for its members
    client.force_login(make_keha_staff())
    staff_page = client.get(reverse("participation:barometer_results", args=[round_.poll.pk]))
    assert "Muu TYP" in staff_page.content.decode()


def test_results_never_name_or_link_a_person(client):
    round_ = _round()
    network = make_network()
    voters = [make_member(network, last_name=f"Vastaaja{number}") for number in range(6)]
    for voter in voters:
        _answer(round_, voter, 3, network)
    _close(round_)
    client.force_login(make_keha_staff())
    content = client.get(reverse("participation:barometer_results", args=[round_.poll.pk])).content.decode()
    export = client.get(
        reverse("participation:barometer_results_csv", args=[round_.poll.pk])
    ).content.decode()
    for voter in voters:
        assert voter.last_name not in content
        assert voter.last_name not in export


def test_the_csv_export_is_for_keha_and_leaves_hidden_groups_out(client):
    round_ = _round()
    big, small = make_network("Iso TYP"), make_network("Pieni TYP")
    _fill(round_, big, 6, role="expert")
    _fill(round_, big, 6, role="typ_director")
    _fill(round_, small, 2, role="expert")
    _close(round_)
    url = reverse("participation:barometer_results_csv", args=[round_.poll.pk])
    client.force_login(make_member(big))
    assert client.get(url).status_code == 404
    client.force_login(make_keha_staff())
    response = client.get(url)
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    sizes = [int(row[7]) for row in rows[1:] if len(row) > 7]
    assert sizes and min(sizes) >= engine.min_group_size()
    assert not any("Pieni TYP" in row for row in rows)
    networks = {row[4] for row in rows[1:] if len(row) > 7 and row[1] == "network"}
    assert networks == set()  # 12 of 14 in one network: the other 2 would be worked out


def test_a_removed_members_answer_keeps_counting_without_the_person(client):
    round_ = _round()
    network = make_network()
    member = make_member(network)
    ballot = _answer(round_, member, 4, network)
    _fill(round_, network, 5)
    remove_account(member)
    ballot.refresh_from_db()
    assert ballot.voter_id is None
    assert BarometerResponse.objects.get(ballot=ballot).network_id == network.pk
    _close(round_)
    url = reverse("participation:barometer_results", args=[round_.poll.pk])
    client.force_login(member)  # a removed account cannot sign in: sent to the sign-in page
    assert client.get(url).status_code == 302
    client.force_login(make_keha_staff())
    assert client.get(url).context["national"].size == 6


def test_a_partner_in_no_network_answers_for_no_network(client):
    round_ = _round()
    partner = make_user(role="partner", organisation_type="other")
    client.force_login(partner)
    url = reverse("participation:barometer_round", args=[round_.poll.pk])
    assert client.get(url).status_code == 200
    data = {f"statement_{item.statement_id}": "3" for item in round_.items.all()}
    response = client.post(url, data)
    assert response.status_code == 302
    ballot = Ballot.objects.get(voter=partner)
    assert ballot.voter_role == "partner"
    assert ballot.barometer_response.network_id is None


def test_answering_and_changing_through_the_page(client):
    round_ = _round()
    network = make_network()
    member = make_member(network)
    client.force_login(member)
    url = reverse("participation:barometer_round", args=[round_.poll.pk])
    items = list(round_.items.all())
    incomplete = client.post(url, {f"statement_{items[0].statement_id}": "4"})
    assert incomplete.status_code == 200 and not Ballot.objects.exists()
    client.post(url, {f"statement_{item.statement_id}": "4" for item in items})
    client.post(url, {f"statement_{item.statement_id}": "2" for item in items})
    assert Ballot.objects.count() == 1
    assert set(BallotChoice.objects.values_list("points", flat=True)) == {2}
    page = client.get(url)
    assert (
        'value="2" checked' in page.content.decode().replace("\n", " ") or "checked" in page.content.decode()
    )


def test_the_own_data_export_lists_ones_own_answers_only():
    round_ = _round()
    network = make_network("Oma TYP")
    member, other = make_member(network), make_member(network)
    _answer(round_, member, 5, network)
    _answer(round_, other, 1, network)
    section = build_user_export(member)["participation"]
    assert section["ballots"] == []
    [answer] = section["barometer_answers"]
    assert answer["year"] == 2024 and answer["network"] == "Oma TYP"
    assert [entry["step"] for entry in answer["answers"]] == [5, 5]


def test_the_baseline_is_compared_by_role(client):
    round_ = _round()
    statement = BarometerStatement.objects.get(key="tuki")
    BarometerBaseline.objects.create(
        year=2023, statement=statement, role="expert", counts=[30, 68, 76, 20, 9]
    )
    network = make_network()
    _fill(round_, network, 6, role="expert", step=4)
    _close(round_)
    client.force_login(make_keha_staff())
    page = client.get(reverse("participation:barometer_results", args=[round_.poll.pk]))
    [row] = page.context["role_years"]
    assert row["baseline_percent"] == 14  # (20 + 9) / 203
    assert row["current_percent"] == 100


# --- Query counts -----------------------------------------------------------------------------


def _bulk_answers(round_, networks, count):
    options = [item.option_id for item in round_.items.all()]
    roles = ["expert", "typ_director", "management_group", "partner"]
    for number in range(count):
        ballot = Ballot.objects.create(
            poll=round_.poll, voter_role=roles[number % 4], voter_organisation_type=["te", "hva"][number % 2]
        )
        BarometerResponse.objects.create(ballot=ballot, network=networks[number % len(networks)])
        BallotChoice.objects.bulk_create(
            [BallotChoice(ballot=ballot, option_id=option, points=1 + number % 5) for option in options]
        )


@pytest.mark.parametrize("name", ["barometer_results", "barometer_results_csv", "barometer_round"])
def test_pages_cost_the_same_for_few_and_many_answers(client, name):
    counts = []
    for year, answers in ((2023, 12), (2024, 120)):
        round_ = _round(year)
        networks = [make_network() for _ in range(3)]
        _bulk_answers(round_, networks, answers)
        _close(round_)
        # The export is KEHA's, whose every request also reads their second factor and permissions.
        viewer = make_keha_staff() if name.endswith("csv") else make_member(networks[0])
        client.force_login(viewer)
        url = reverse(f"participation:{name}", args=[round_.poll.pk])
        counts.append(queries_for(client, url))
    # The 2024 results page also reads the 2023 round for the year-by-year table.
    assert counts[1] <= (12 if name.endswith("csv") else 10)
    assert counts[0] == counts[1]


def test_the_index_costs_the_same_for_one_and_five_rounds(client):
    member = make_member(make_network())
    counts = []
    for years in ((2020,), (2021, 2022, 2023, 2024)):
        for year in years:
            _round(year)
        client.force_login(member)
        counts.append(queries_for(client, reverse("participation:barometer")))
    assert counts[0] == counts[1] <= 10


def test_the_demo_loads_a_2024_round_with_the_2023_baseline_twice_the_same():
    load_barometer_demo()
    load_barometer_demo()
    assert BarometerBaseline.objects.count() == 8
    round_ = BarometerRound.objects.get(year=2024)
    assert Ballot.objects.filter(poll=round_.poll).count() == BarometerResponse.objects.count() > 0
    statement = BarometerStatement.objects.get(key="valtakunnallinen-tuki")
    assert BarometerBaseline.objects.get(statement=statement, role="expert").total == 203


def test_the_demo_has_this_years_round_open_for_a_demo_member(client):
    load_core_demo()
    load_barometer_demo()
    load_barometer_demo()
    current = BarometerRound.objects.get(year=timezone.localdate().year)
    assert engine.voting_state(current.poll) == engine.OPEN
    assert not Ballot.objects.filter(poll=current.poll).exists()
    member = get_user_model().objects.get(email=demo_email("asiantuntija.satakunta"))
    assert engine.is_eligible(member, current.poll)

    client.force_login(member)
    home = client.get("/").content.decode()
    votes = home[home.index('id="participation-home-heading"') :]
    assert current.poll.title in votes
    assert "TYP-barometri" in votes and "Priorisointikierros" not in votes


def test_keha_opens_a_round_on_the_barometer_page_and_members_cannot(client):
    _bank()
    data = {"year": "2026", "opens_at": "2026-05-01T08:00", "closes_at": "2026-05-15T16:00"}
    url = reverse("participation:barometer_open")
    client.force_login(make_member(make_network()))
    assert client.post(url, data).status_code == 403
    assert not BarometerRound.objects.exists()
    client.force_login(make_keha_staff())
    response = client.post(url, data)
    round_ = BarometerRound.objects.get(year=2026)
    assert response.url == reverse("participation:barometer_round", args=[round_.poll_id])
    assert round_.items.count() == len(STATEMENTS)
