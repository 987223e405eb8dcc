"""The own-data export reads the same few queries whatever the person has.

Every section's rows are read in one query (`typ_site.accounts.exports.read_rows`); the person
here is given more of every kind of their own data, and the count stays the same.
"""

import json
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from calendar_app import services as calendar_services
from calendar_app.models import FeedToken
from forums import services as forum_services
from forums.models import Reaction
from forums.notifications import create_post_notifications
from forums.participation import criteria_services
from forums.participation import services as participation_services
from forums.participation.barometer_models import BarometerItem, BarometerRound, BarometerStatement
from forums.participation.criteria_models import Column
from forums.participation.models import Ballot, BallotChoice, Poll, PollOption, VotingRound
from knowledge.induction.models import CompletedTask, Enrolment, InductionIndexPage, InductionPathPage
from knowledge.induction.structure import path_structure
from knowledge.models import PageFollow, PracticePage
from tests.calendar_app.helpers import make_event
from tests.factories import make_membership, make_network
from tests.induction.conftest import steps
from tests.knowledge.conftest import add_page
from tests.security.conftest import client_for
from tests.security.test_query_counts import LIMIT
from typ_site.indicators.models import IndicatorFigure
from typ_site.networks.models import Membership
from typ_site.operating_model.adoption_models import AdoptionState, AdoptionStatusChange
from typ_site.operating_model.models import LocalAgreement
from typ_site.operating_model.whoswho.models import EntryKind, WhosWhoEntry

EXPORT = reverse("accounts:export")


def export_queries(client) -> tuple[int, dict]:
    client.get(EXPORT)  # the first fills the per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(EXPORT)
    assert response.status_code == 200
    return len(queries), json.loads(response.content)


def lengths(data: dict) -> dict[str, int]:
    """The number of entries in each list of the export, by its place."""
    found = {}

    def walk(place, value):
        if isinstance(value, list):
            found[place] = len(value)
        elif isinstance(value, dict):
            for key, inner in value.items():
                walk(f"{place}.{key}", inner)

    walk("", data)
    return found


def give_more(world, person, number: int, induction_index) -> None:
    """`number` more of every kind of the person's own data, made with the apps' services where
    that is short, else with the models."""
    keha = world.users["keha_editor"]
    now = timezone.now()
    for n in range(number):
        tag = f"{person.pk}-{n}-{EmailAddress.objects.count()}"
        EmailAddress.objects.create(user=person, email=f"lisa-{tag}@example.fi", verified=n % 2 == 0)
        make_membership(person, make_network(f"Verkosto {tag}"), status=Membership.Status.PENDING)
        # A topic of their own (followed) with a reply, a reaction and a notification of it.
        first = forum_services.start_topic(person, world.national_forum, title=f"Aihe {tag}", body="Kysymys.")
        reply = forum_services.reply(keha, first.topic, body="Vastaus.")
        create_post_notifications(reply.pk)
        forum_services.reply(person, world.topic, body=f"Lisää {tag}.")
        Reaction.objects.create(post=reply, user=person, kind=Reaction.Kind.THANKS)
        event = make_event(
            title=f"Koulutus {tag}", start=now + timedelta(days=3 + n), registration_enabled=True
        )
        calendar_services.register(person, event, event.start, note="Kasvisruoka")
        FeedToken.objects.create(user=person)
        participation_services.propose_need(
            person, title=f"Tarve {tag}", description="Kuvaus.", themes=["asiakasprosessi", "tym-laki"]
        )
        criteria_services.propose_statement(person, column=Column.REFER, text=f"Väite {tag}.")
        criteria_services.propose_story(
            person,
            title=f"Tarina {tag}",
            persona_name="Aino",
            age=40,
            situation="Tilanne.",
            belongs_in_typ=n == 0,
        )
        voting = VotingRound.objects.create(
            title=f"Kierros {tag}", opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=7)
        )
        option = PollOption.objects.create(poll=voting, need=world.need, position=0)
        story_option = PollOption.objects.create(poll=voting, key="agree", position=1)
        ballot = Ballot.objects.create(poll=voting, voter=person, voter_role=person.role)
        BallotChoice.objects.create(ballot=ballot, option=option, points=3, level="local")
        BallotChoice.objects.create(ballot=ballot, option=story_option, points=1)
        barometer = Poll.objects.create(
            kind=Poll.Kind.BAROMETER,
            method=Poll.Method.LIKERT,
            title=f"Barometri {tag}",
            opens_at=now - timedelta(days=30),
            closes_at=now - timedelta(days=1),
        )
        item = BarometerItem.objects.create(
            round=BarometerRound.objects.create(poll=barometer, year=2000 + BarometerRound.objects.count()),
            statement=BarometerStatement.objects.create(key=f"v-{tag}", text_fi=f"Väittämä {tag}."),
            option=PollOption.objects.create(poll=barometer, key="s1", position=0),
        )
        answer = Ballot.objects.create(poll=barometer, voter=person, voter_role=person.role)
        BallotChoice.objects.create(ballot=answer, option=item.option, points=4)
        IndicatorFigure.objects.create(
            definition=world.indicator,
            network=world.network,
            year=2000 + IndicatorFigure.objects.count(),
            number=1,
            value=7,
            entered_by=person,
        )
        LocalAgreement.objects.create(
            network=world.network,
            version=100 + LocalAgreement.objects.count(),
            confirmed_on=now.date(),
            recorded_by=person,
        )
        AdoptionStatusChange.objects.create(
            network=world.network, state=AdoptionState.HANDLED, handled_on=now.date(), changed_by=person
        )
        WhosWhoEntry.objects.create(
            network=world.network, kind=EntryKind.BOARD, role="Jäsen", user=person, confirmed_at=now
        )
        path = add_page(
            induction_index, InductionPathPage(title=f"Polku {tag}", slug=f"polku-{tag}", steps=steps(2))
        )
        Enrolment.objects.create(user=person, path=path)
        CompletedTask.objects.create(user=person, path=path, task_id=path_structure(path)[0].tasks[0].id)
        PageFollow.objects.create(user=person, page=path)
        add_page(
            world.admin.network_page,
            PracticePage(
                title=f"Käytäntö {tag}",
                slug=f"kaytanto-{tag}",
                problem="<p>Ongelma</p>",
                solution="<p>Ratkaisu</p>",
                submitted_by=person,
            ),
        )


@pytest.mark.parametrize("role", ["member", "network_admin"])
def test_the_export_costs_the_same_queries_whatever_the_person_has(world, role):
    person = world.users[role]
    client = client_for(world, role)
    induction_index = add_page(world.home, InductionIndexPage(title="Perehdytys", slug="perehdytys"))
    give_more(world, person, 1, induction_index)
    fewer, small = export_queries(client)

    give_more(world, person, 3, induction_index)
    more, large = export_queries(client)

    assert more == fewer <= LIMIT
    grown = {place for place, count in lengths(large).items() if count > lengths(small).get(place, 0)}
    assert grown >= {
        ".account.email_addresses",
        ".adoption_statuses_recorded",
        ".calendar.registrations",
        ".calendar.feed_addresses",
        ".criteria.proposed_statements",
        ".criteria.proposed_stories",
        ".forums.posts",
        ".forums.follows",
        ".forums.reactions",
        ".forums.notifications",
        ".indicator_figures_entered",
        ".induction",
        ".knowledge.followed_pages",
        ".knowledge.submitted_practices",
        ".network_memberships",
        ".participation.proposed_needs",
        ".participation.ballots",
        ".participation.barometer_answers",
        ".responsibility_agreements_recorded",
        ".whoswho_entries_naming_me",
    }


def test_a_person_with_nothing_of_their_own_gets_every_section_empty(world):
    """The sections are there, empty, for a person who has written and joined nothing."""
    person = world.users["keha_editor"]
    count, data = export_queries(client_for(world, "keha_editor"))

    assert count <= LIMIT
    assert data["forums"]["posts"] == data["participation"]["ballots"] == data["induction"] == []
    assert data["account"]["email"] == person.email
