"""Casting and changing a ballot, and every kind of bad input: a clear message, nothing saved."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from forums.participation import services
from forums.participation.engine import Selection
from forums.participation.models import Ballot, BallotChoice, Poll
from tests.factories import make_member, make_network, make_user

from .conftest import add_ballot, make_round, options_of


def ballot_url(poll):
    return reverse("participation:round", args=[poll.pk])


def picks(poll, *indexes, ballot=""):
    options = options_of(poll)
    data = {f"pick_{options[index].pk}": "on" for index in indexes}
    data["ballot"] = ballot
    return data


def test_a_member_casts_a_ballot_on_the_round_page(client, member, open_round):
    client.force_login(member)

    response = client.post(ballot_url(open_round), picks(open_round, 0, 2), follow=True)

    assert "Äänesi tallennettiin" in response.content.decode()
    ballot = Ballot.objects.get(poll=open_round, voter=member)
    chosen = set(ballot.choices.values_list("option_id", flat=True))
    assert chosen == {options_of(open_round)[0].pk, options_of(open_round)[2].pk}


def test_the_ballot_copies_the_voters_role_and_organisation_type(member, open_round):
    option = options_of(open_round)[0]

    ballot = services.submit_ballot(member, open_round, [Selection(option.pk, 1)])

    assert (ballot.voter_role, ballot.voter_organisation_type) == ("expert", "te")


def test_a_member_changes_the_ballot_while_the_round_is_open(client, member, open_round):
    client.force_login(member)
    client.post(ballot_url(open_round), picks(open_round, 0))
    ballot = Ballot.objects.get(voter=member)

    response = client.post(ballot_url(open_round), picks(open_round, 3, ballot=ballot.pk), follow=True)

    assert "Äänesi muutettiin" in response.content.decode()
    assert Ballot.objects.filter(poll=open_round).count() == 1
    assert list(ballot.choices.values_list("option_id", flat=True)) == [options_of(open_round)[3].pk]


def test_the_round_page_shows_the_members_own_choices(client, member, open_round):
    client.force_login(member)
    client.post(ballot_url(open_round), picks(open_round, 1))

    page = client.get(ballot_url(open_round)).content.decode()

    option = options_of(open_round)[1]
    assert f'name="pick_{option.pk}" id="id_pick_{option.pk}" checked' in page
    assert "Muuta ääntäsi" in page


def test_a_second_new_ballot_is_refused_and_the_first_is_kept(client, member, open_round):
    client.force_login(member)
    client.post(ballot_url(open_round), picks(open_round, 0))

    response = client.post(ballot_url(open_round), picks(open_round, 1, 2))

    assert "Olet jo äänestänyt" in response.content.decode()
    ballot = Ballot.objects.get(poll=open_round, voter=member)
    assert list(ballot.choices.values_list("option_id", flat=True)) == [options_of(open_round)[0].pk]


def test_changing_someone_elses_ballot_is_refused(member, open_round):
    option = options_of(open_round)[0]
    other = services.submit_ballot(make_user(), open_round, [Selection(option.pk, 1)])

    with pytest.raises(ValidationError):
        services.submit_ballot(member, open_round, [Selection(option.pk, 1)], ballot_id=other.pk)

    assert not Ballot.objects.filter(voter=member).exists()


@pytest.mark.parametrize(
    ("opens_in", "closes_in", "message"),
    [
        (timedelta(days=1), timedelta(days=5), "Äänestys ei ole vielä alkanut"),
        (timedelta(days=-5), timedelta(minutes=-1), "Äänestys päättyi"),
    ],
)
def test_voting_outside_the_round_is_refused(client, member, opens_in, closes_in, message):
    poll = make_round(opens_in=opens_in, closes_in=closes_in)
    option = options_of(poll)[0]

    with pytest.raises(ValidationError) as error:
        services.submit_ballot(member, poll, [Selection(option.pk, 1)])

    assert message in str(error.value)
    assert Ballot.objects.count() == 0 and BallotChoice.objects.count() == 0


def test_a_closed_round_shows_no_ballot_form_and_refuses_a_post(client, member):
    poll = make_round(opens_in=timedelta(days=-5), closes_in=timedelta(minutes=-1))
    client.force_login(member)

    page = client.get(ballot_url(poll)).content.decode()
    response = client.post(ballot_url(poll), picks(poll, 0), follow=True)

    assert "Anna äänesi" not in page
    assert "Äänestys päättyi" in response.content.decode()
    assert Ballot.objects.count() == 0


def test_a_ballot_cannot_be_changed_after_closing(member, open_round):
    option = options_of(open_round)[0]
    ballot = services.submit_ballot(member, open_round, [Selection(option.pk, 1)])
    Poll.objects.filter(pk=open_round.pk).update(closes_at=open_round.opens_at + timedelta(seconds=1))
    open_round.refresh_from_db()

    with pytest.raises(ValidationError):
        services.submit_ballot(
            member, open_round, [Selection(options_of(open_round)[1].pk, 1)], ballot_id=ballot.pk
        )

    assert list(ballot.choices.values_list("option_id", flat=True)) == [option.pk]


def test_a_member_of_another_role_is_told_they_may_not_vote(client, member):
    poll = make_round(eligible_roles=["typ_director", "supervisor"])
    client.force_login(member)

    page = client.get(ballot_url(poll)).content.decode()
    response = client.post(ballot_url(poll), picks(poll, 0), follow=True)

    assert "TYP-johtaja" in page
    assert "Et ole niiden jäsenten joukossa" in response.content.decode()
    assert Ballot.objects.count() == 0


def test_a_chosen_role_may_vote(client):
    poll = make_round(eligible_roles=["typ_director"])
    director = make_user(role="typ_director")

    services.submit_ballot(director, poll, [Selection(options_of(poll)[0].pk, 1)])

    assert Ballot.objects.filter(voter=director).exists()


def test_a_round_of_other_networks_is_not_shown_to_outsiders(client, member):
    poll = make_round(networks=[make_network()])
    client.force_login(member)

    assert client.get(ballot_url(poll)).status_code == 404
    assert client.post(ballot_url(poll), picks(poll, 0)).status_code == 404
    assert Ballot.objects.count() == 0


def test_members_of_the_chosen_network_may_vote(client):
    network = make_network()
    poll = make_round(networks=[network])
    insider = make_member(network)

    services.submit_ballot(insider, poll, [Selection(options_of(poll)[0].pk, 1)])

    assert Ballot.objects.filter(voter=insider).count() == 1


def test_a_removed_or_inactive_account_is_not_eligible(open_round):
    inactive = make_user(is_active=False)

    with pytest.raises(ValidationError):
        services.submit_ballot(inactive, open_round, [Selection(options_of(open_round)[0].pk, 1)])


def test_anonymous_visitors_are_sent_to_sign_in(client, open_round):
    response = client.get(ballot_url(open_round))

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_more_picks_than_allowed_are_refused(client, member, open_round):
    client.force_login(member)

    response = client.post(ballot_url(open_round), picks(open_round, 0, 1, 2), follow=True)

    assert "Valitsit 3; enintään 2 voi valita." in response.content.decode()
    assert Ballot.objects.count() == 0


def test_more_points_than_allowed_are_refused(client, member):
    poll = make_round(method=Poll.Method.POINTS, points_total=10)
    options = options_of(poll)
    client.force_login(member)

    response = client.post(
        ballot_url(poll),
        {
            f"points_{options[0].pk}": "6",
            f"points_{options[1].pk}": "5",
            "ballot": "",
        },
        follow=True,
    )

    assert "Annoit 11 pistettä; enintään 10 pistettä voi jakaa." in response.content.decode()
    assert Ballot.objects.count() == 0


def test_points_within_the_budget_are_stored(member):
    poll = make_round(method=Poll.Method.POINTS, points_total=10)
    options = options_of(poll)

    ballot = services.submit_ballot(member, poll, [Selection(options[0].pk, 7), Selection(options[1].pk, 3)])

    assert sorted(ballot.choices.values_list("points", flat=True)) == [3, 7]


def test_a_need_from_another_round_is_refused(member, open_round):
    other_round = make_round()
    foreign = options_of(other_round)[0]

    with pytest.raises(ValidationError) as error:
        services.submit_ballot(member, open_round, [Selection(foreign.pk, 1)])

    assert "ei kuulu tähän kierrokseen" in str(error.value)
    assert Ballot.objects.count() == 0


def test_an_empty_ballot_is_refused(client, member, open_round):
    client.force_login(member)

    response = client.post(ballot_url(open_round), picks(open_round), follow=True)

    assert "Valitse vähintään yksi vaihtoehto." in response.content.decode()
    assert Ballot.objects.count() == 0


def test_level_and_timing_answers_are_stored_with_the_picks(client, member, level_round):
    options = options_of(level_round)
    client.force_login(member)

    client.post(
        ballot_url(level_round),
        {
            f"pick_{options[0].pk}": "on",
            f"level_{options[0].pk}": "national",
            f"timing_{options[0].pk}": "before",
            f"pick_{options[1].pk}": "on",
            "ballot": "",
        },
    )

    choices = {choice.option_id: choice for choice in BallotChoice.objects.all()}
    assert (choices[options[0].pk].points, choices[options[0].pk].level, choices[options[0].pk].timing) == (
        1,
        "national",
        "before",
    )
    assert (choices[options[1].pk].points, choices[options[1].pk].level) == (1, "")


def test_a_level_for_a_need_not_picked_is_refused_on_its_field(client, member, level_round):
    options = options_of(level_round)
    client.force_login(member)

    response = client.post(
        ballot_url(level_round),
        {
            f"pick_{options[0].pk}": "on",
            f"level_{options[1].pk}": "local",
            f"timing_{options[2].pk}": "after",
            "ballot": "",
        },
    )

    form = response.context["form"]
    message = "Valitse tämä tarve ensin tai jätä sen taso ja ajoitus vastaamatta."
    assert form.errors[f"level_{options[1].pk}"] == [message]
    assert form.errors[f"timing_{options[2].pk}"] == [message]
    assert f"pick_{options[0].pk}" not in form.errors
    assert response.content.decode().count(message) == 2
    assert Ballot.objects.count() == 0


def test_a_level_without_points_is_refused_in_a_points_round(client, member):
    poll = make_round(method=Poll.Method.POINTS, points_total=10, asks_level=True)
    options = options_of(poll)
    client.force_login(member)

    response = client.post(
        ballot_url(poll),
        {f"points_{options[0].pk}": "4", f"points_{options[1].pk}": "0", f"level_{options[1].pk}": "local"},
    )

    assert response.context["form"].errors[f"level_{options[1].pk}"] == [
        "Anna tälle tarpeelle ensin pisteitä tai jätä sen taso ja ajoitus vastaamatta."
    ]
    assert Ballot.objects.count() == 0


def test_the_rule_holds_without_the_form(member, level_round):
    first, second, *_rest = options_of(level_round)

    with pytest.raises(ValidationError) as error:
        services.submit_ballot(
            member, level_round, [Selection(first.pk, 1), Selection(second.pk, 0, timing="before")]
        )

    assert error.value.code == "answer_without_pick"
    assert Ballot.objects.count() == 0


def test_a_points_round_shows_the_points_left(client, member):
    poll = make_round(method=Poll.Method.POINTS, points_total=10)
    options = options_of(poll)
    client.force_login(member)
    client.post(ballot_url(poll), {f"points_{options[0].pk}": "7", "ballot": ""})

    page = client.get(ballot_url(poll)).content.decode()

    assert 'aria-live="polite"' in page
    assert "3 pistettä 10:stä jäljellä." in page
    assert "participation/points_left.js" in page


def test_an_approval_round_has_no_points_counter(client, member, open_round):
    client.force_login(member)

    page = client.get(ballot_url(open_round)).content.decode()

    assert "data-points-left" not in page
    assert "points_left.js" not in page


def test_a_level_is_refused_when_the_round_does_not_ask_it(member, open_round):
    option = options_of(open_round)[0]

    with pytest.raises(ValidationError):
        services.submit_ballot(member, open_round, [Selection(option.pk, 1, level="national")])

    assert Ballot.objects.count() == 0


def test_the_database_allows_one_ballot_per_member_and_round(member, open_round):

    add_ballot(open_round, voter=member)

    with pytest.raises(IntegrityError), transaction.atomic():
        add_ballot(open_round, voter=member)


def test_too_many_picks_are_said_on_the_ballot_form(client, member, open_round):
    """Over the budget: the error stands in the form, by the choices, and the title says so."""
    client.force_login(member)

    response = client.post(ballot_url(open_round), picks(open_round, 0, 1, 2))

    page = response.content.decode()
    form_part = page[page.index('class="stacked-form participation-ballot"') :]
    assert response.status_code == 200
    assert 'class="form-errors" role="alert"' in form_part
    assert "<title>Virhe:" in page
    assert not Ballot.objects.exists()
