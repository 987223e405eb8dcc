"""Lists of rounds narrow the rows in SQL, yet show exactly what the engine's rules allow.

The home box and the participation index ask the database only for rounds the rules could
accept, then let the rules judge those. These tests hold the lists to the plain rules
applied to every round, and show that the home box costs the same however many closed,
coming or other networks' rounds there are.
"""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.db.models.signals import post_init
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from forums.participation import engine, permissions, selectors
from forums.participation.home import open_rounds_section
from forums.participation.models import Ballot, Poll, VotingRound
from tests.factories import make_keha_staff, make_membership, make_network, make_user
from typ_site.accounts.roles import is_verified_member
from typ_site.core.demo_content import create_home_page
from typ_site.networks.models import Membership

from .conftest import add_ballot, make_round

DAY = timedelta(days=1)


def _round(title, now, *, opens, closes=None, networks=(), **fields) -> VotingRound:
    poll = VotingRound.objects.create(
        title=title, opens_at=now + opens, closes_at=now + closes if closes is not None else None, **fields
    )
    if networks:
        poll.eligible_networks.set(networks)
        poll.save()  # a cluster's many-to-many is written on save
    return poll


@pytest.fixture
def world():
    """Rounds in every state and with every restriction, and people of every kind."""
    now = timezone.now().replace(microsecond=0)
    ours, theirs = make_network(), make_network()
    closed_down = make_network(is_active=False)
    rounds = [
        _round("Tulossa", now, opens=DAY, closes=7 * DAY),
        _round("Tulossa ilman päättymistä", now, opens=2 * DAY),
        _round("Auki", now, opens=-DAY, closes=7 * DAY),
        _round("Auki toistaiseksi", now, opens=-DAY),
        _round("Aukeaa juuri nyt", now, opens=timedelta(0), closes=DAY),
        _round("Sulkeutuu juuri nyt", now, opens=-DAY, closes=timedelta(0)),
        _round("Päättynyt", now, opens=-9 * DAY, closes=-DAY),
        _round("Meidän verkostolle", now, opens=-DAY, closes=DAY, networks=[ours]),
        _round("Kahdelle verkostolle", now, opens=-DAY, networks=[ours, theirs]),
        _round("Toiselle verkostolle", now, opens=-DAY, closes=DAY, networks=[theirs]),
        _round("Lakkautetulle verkostolle", now, opens=-DAY, networks=[closed_down]),
        _round("Päättynyt toiselle verkostolle", now, opens=-9 * DAY, closes=-DAY, networks=[theirs]),
        _round("Tulossa meidän verkostolle", now, opens=DAY, networks=[ours]),
        _round("Kumppaneille", now, opens=-DAY, eligible_roles=["partner"]),
        _round(
            "Asiantuntijoille ja esihenkilöille", now, opens=-DAY, eligible_roles=["expert", "supervisor"]
        ),
        _round("Meidän kumppaneille", now, opens=-DAY, eligible_roles=["partner"], networks=[ours]),
    ]
    # A customer story's poll is open to everyone, but it is not a voting round.
    Poll.objects.create(kind=Poll.Kind.STORY, title="Asiakastarina", opens_at=now - DAY)

    expert = make_user(role="expert", organisation_type="te")
    our_expert = make_user(role="expert", organisation_type="municipality")
    make_membership(our_expert, ours)
    waiting = make_user(role="expert", organisation_type="hva")
    make_membership(waiting, ours, status=Membership.Status.PENDING)
    their_partner = make_user(role="partner", organisation_type="kela")
    make_membership(their_partner, theirs, role=Membership.Role.ADMIN)
    our_partner = make_user(role="partner", organisation_type="other")
    make_membership(our_partner, ours)
    of_closed_down = make_user(role="supervisor", organisation_type="te")
    make_membership(of_closed_down, closed_down)
    staff = make_keha_staff(role="expert", organisation_type="keha")
    our_staff = make_keha_staff(role="partner", organisation_type="keha")
    make_membership(our_staff, ours)
    removed = make_user(role="expert", is_removed=True)
    inactive = make_user(role="expert", is_active=False)
    people = [
        expert,
        our_expert,
        waiting,
        their_partner,
        our_partner,
        of_closed_down,
        staff,
        our_staff,
        removed,
        inactive,
    ]

    # Some have voted, some have not.
    by_title = {poll.title: poll for poll in rounds}
    for person, titles in [
        (expert, ["Auki", "Päättynyt", "Asiantuntijoille ja esihenkilöille"]),
        (our_expert, ["Meidän verkostolle", "Auki toistaiseksi"]),
        (our_partner, ["Meidän kumppaneille", "Kumppaneille"]),
        (their_partner, ["Toiselle verkostolle"]),
        (removed, ["Auki"]),
    ]:
        for title in titles:
            add_ballot(by_title[title], voter=person)
    return now, people


def _fresh(person):
    """The person as a new request would load them (nothing cached on the object)."""
    return get_user_model().objects.get(pk=person.pk)


def _listed(polls) -> list[tuple[str, bool]]:
    return [(poll.title, poll.has_voted) for poll in polls]


def _by_the_rules(person, keep) -> list[tuple[str, bool]]:
    """The plain rules applied to every round, each round reading its own networks."""
    voted = set(Ballot.objects.filter(voter_id=person.pk).values_list("poll_id", flat=True))
    return [
        (poll.title, poll.pk in voted)
        for poll in VotingRound.objects.order_by("-opens_at", "pk")
        if keep(poll)
    ]


def test_the_home_box_lists_exactly_the_open_rounds_the_rules_let_each_person_vote_in(rf, world):
    """...and that they have not voted in yet (at most five, those closing first)."""
    now, people = world
    for person in people:
        request = rf.get("/")
        request.user = _fresh(person)
        section = open_rounds_section(request)
        shown = {poll.title for poll in section.context["polls"]} if section else set()

        checker = _fresh(person)
        expected = _by_the_rules(
            checker,
            lambda poll, user=checker: (
                engine.voting_state(poll) == engine.OPEN
                and permissions.can_see_round(user, poll)
                and engine.is_eligible(user, poll)
            ),
        )
        unanswered = {title for title, voted in expected if not voted}
        assert shown <= unanswered and len(shown) == min(len(unanswered), 5), person.email


def test_the_open_rounds_follow_the_rules_at_the_exact_opening_and_closing_moment(world):
    now, people = world
    for person in people:
        checker = _fresh(person)
        expected = _by_the_rules(
            checker,
            lambda poll, user=checker: (
                engine.voting_state(poll, now) == engine.OPEN
                and permissions.can_see_round(user, poll)
                and engine.is_eligible(user, poll)
            ),
        )
        assert _listed(selectors.open_rounds_for(_fresh(person), now)) == expected, person.email


def test_the_world_covers_every_case(world):
    """Guards the two tests above against passing on a world where nothing is listed."""
    now, people = world
    expert, our_expert, *_ = people
    titles = [title for title, _voted in _listed(selectors.open_rounds_for(our_expert, now))]

    assert "Aukeaa juuri nyt" in titles and "Sulkeutuu juuri nyt" not in titles
    assert {"Meidän verkostolle", "Kahdelle verkostolle"} <= set(titles)
    assert ("Auki", True) in _listed(selectors.open_rounds_for(expert, now))
    assert open_rounds_section(_request_of(AnonymousUser())) is None


def _request_of(user):

    request = RequestFactory().get("/")
    request.user = user
    return request


def test_the_index_lists_exactly_the_rounds_the_rules_show_each_person(world):
    _now, people = world
    for person in [*people, AnonymousUser()]:
        shown = _listed(selectors.rounds_for(_fresh(person) if person.pk else person))

        if person.pk is None:
            assert shown == []
            continue
        checker = _fresh(person)
        expected = _by_the_rules(
            checker,
            lambda poll, user=checker: is_verified_member(user) and permissions.can_see_round(user, poll),
        )
        assert shown == expected, person.email


def test_the_index_still_lists_closed_and_coming_rounds(client, world):
    _now, people = world
    client.force_login(people[0])

    page = client.get(reverse("participation:index")).content.decode()

    assert "Päättynyt" in page and "Tulossa" in page and "Toiselle verkostolle" not in page


# --- Cost -------------------------------------------------------------------------------------


def _other_rounds(count: int, network) -> None:
    """Rounds that the home box never shows: mostly closed, some coming, some elsewhere."""
    for number in range(count):
        if number % 5 == 3:
            make_round(need_count=1, opens_in=timedelta(days=3))
        elif number % 5 == 4:
            make_round(need_count=1, networks=[network])
        else:
            make_round(need_count=1, opens_in=timedelta(days=-30), closes_in=timedelta(days=-20))


def _home_box_queries(person) -> int:
    request = _request_of(_fresh(person))
    with CaptureQueriesContext(connection) as context:
        section = open_rounds_section(request)
        render_to_string(section.template, {"section": section.context}, request=request)
    return len(context.captured_queries)


@pytest.fixture
def voter():
    person = make_user(role="expert")
    for number in range(3):
        poll = make_round(need_count=1, title=f"Avoin kierros {number}")
        if number == 0:
            add_ballot(poll, voter=person)
    return person


def test_the_home_box_costs_the_same_with_3_and_60_rounds(voter):
    few = _home_box_queries(voter)
    _other_rounds(57, make_network())

    assert _home_box_queries(voter) == few


def test_the_home_page_costs_the_same_with_3_and_60_rounds(client, voter):

    create_home_page()
    client.force_login(voter)
    client.get("/")
    with CaptureQueriesContext(connection) as few:
        client.get("/")
    _other_rounds(57, make_network())
    client.get("/")  # the first after a change reads the shared rows again (core.shared_rows)

    with CaptureQueriesContext(connection) as many:
        page = client.get("/").content.decode()

    assert len(many.captured_queries) == len(few.captured_queries)
    assert "Avoin kierros 1" in page and "Avoin kierros 2" in page
    assert "Avoin kierros 0" not in page  # answered already


def test_the_home_box_loads_only_the_open_unanswered_rounds_from_the_database(voter):
    _other_rounds(57, make_network())
    loaded = []

    def count(sender, instance, **kwargs):
        loaded.append(instance)

    post_init.connect(count, sender=Poll)
    try:
        section = open_rounds_section(_request_of(_fresh(voter)))
    finally:
        post_init.disconnect(count, sender=Poll)

    assert len(section.context["polls"]) == 2
    assert len(loaded) == 2
