"""Rounds, needs and ballots for the participation tests."""

import itertools
from datetime import date, timedelta

import pytest
from django.utils import timezone

from forums.participation.models import (
    Ballot,
    BallotChoice,
    DevelopmentNeed,
    Poll,
    PollOption,
    VotingRound,
)
from tests.factories import make_user

_numbers = itertools.count(1)
THEMES = ["tym-laki", "vaikuttavuus", "viestinta", "perehdytys", "asiakasprosessi"]


@pytest.fixture(autouse=True)
def _database(db):
    """Every participation test uses the database."""


def make_need(**fields) -> DevelopmentNeed:
    """A need under one theme (`theme=`), several (`themes=`) or, with `themes=()`, none."""
    number = next(_numbers)
    fields.setdefault("title", f"Kehittämistarve {number}")
    themes = fields.pop("themes", None)
    theme = fields.pop("theme", THEMES[number % len(THEMES)])
    need = DevelopmentNeed.objects.create(**fields)
    need.set_themes([theme] if themes is None else themes)
    return need


def make_round(
    needs=None,
    *,
    need_count: int = 4,
    opens_in: timedelta | None = None,
    closes_in: timedelta | None = timedelta(days=7),
    networks=(),
    **fields,
) -> VotingRound:
    """An open approval round (two picks) over the given or new needs."""
    now = timezone.now()
    fields.setdefault("title", f"Priorisointi {next(_numbers)}")
    fields.setdefault("max_choices", 2)
    fields.setdefault("results_visibility", Poll.ResultsVisibility.LIVE)
    fields["opens_at"] = now + opens_in if opens_in is not None else now - timedelta(days=1)
    fields["closes_at"] = now + closes_in if closes_in is not None else None
    poll = VotingRound.objects.create(**fields)
    if networks:
        poll.eligible_networks.set(networks)
        poll.save()  # a cluster's many-to-many is written on save
    for position, need in enumerate(needs or [make_need() for _ in range(need_count)]):
        PollOption.objects.create(poll=poll, need=need, position=position)
    return poll


def options_of(poll) -> list[PollOption]:
    return list(poll.options.order_by("position", "pk"))


def add_ballot(poll, *, voter=None, role="expert", organisation_type="te", points=None) -> Ballot:
    """A stored ballot (bypassing the rules) with {option: points}."""
    ballot = Ballot.objects.create(
        poll=poll, voter=voter, voter_role=role, voter_organisation_type=organisation_type
    )
    BallotChoice.objects.bulk_create(
        [BallotChoice(ballot=ballot, option=option, points=given) for option, given in (points or {}).items()]
    )
    return ballot


def close(poll) -> None:
    now = timezone.now()
    Poll.objects.filter(pk=poll.pk).update(
        opens_at=now - timedelta(days=10), closes_at=now - timedelta(minutes=1)
    )
    poll.refresh_from_db()


@pytest.fixture
def member(db):
    return make_user(role="expert", organisation_type="te")


@pytest.fixture
def open_round(db):
    return make_round(title="Kevään priorisointi")


@pytest.fixture
def level_round(db):
    return make_round(asks_level=True, asks_timing=True, timing_date=date(2027, 1, 1))
