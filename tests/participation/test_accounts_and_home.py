"""The home page box, the person's own data export, and what account removal does to ballots."""

from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from forums.participation import selectors, services
from forums.participation.engine import Selection
from forums.participation.home import open_rounds_section
from forums.participation.models import Ballot
from tests.factories import make_user
from typ_site.accounts.exports import build_user_export
from typ_site.accounts.services import remove_account
from typ_site.core.demo_content import create_home_page

from .conftest import make_round, options_of


def test_the_home_section_lists_the_open_rounds_the_person_has_not_answered(rf, member):

    voted = make_round(title="Äänestetty")
    make_round(title="Odottaa")
    make_round(title="Päättynyt", opens_in=timedelta(days=-9), closes_in=timedelta(days=-1))
    make_round(title="Muille rooleille", eligible_roles=["partner"])
    services.submit_ballot(member, voted, [Selection(options_of(voted)[0].pk, 1)])
    request = rf.get("/")
    request.user = member

    section = open_rounds_section(request)

    assert section.order == 30
    assert [poll.title for poll in section.context["polls"]] == ["Odottaa"]


def test_the_home_page_shows_the_box(client, member):

    create_home_page()
    make_round(title="Kevään kierros")
    client.force_login(member)

    page = client.get("/").content.decode()

    assert "Avoimet äänestykset, joihin et ole vielä vastannut" in page and "Kevään kierros" in page


def test_no_home_section_for_visitors(rf):

    make_round()
    request = rf.get("/")
    request.user = AnonymousUser()

    assert open_rounds_section(request) is None


def test_the_export_contains_the_persons_own_ballots(member, open_round):
    option = options_of(open_round)[1]
    services.submit_ballot(member, open_round, [Selection(option.pk, 1)])
    services.submit_ballot(make_user(), open_round, [Selection(options_of(open_round)[0].pk, 1)])

    section = build_user_export(member)["participation"]

    assert len(section["ballots"]) == 1
    assert section["ballots"][0]["poll"] == "Kevään priorisointi"
    assert section["ballots"][0]["choices"] == [
        {"option": option.label, "points": 1, "level": "", "timing": ""}
    ]


def test_removing_an_account_keeps_the_totals_but_drops_the_link(member, open_round):
    option = options_of(open_round)[0]
    services.submit_ballot(member, open_round, [Selection(option.pk, 1)])
    before = [(o.option_id, o.total) for o in selectors.results_of(open_round).options]

    remove_account(member)

    after = [(o.option_id, o.total) for o in selectors.results_of(open_round).options]
    assert after == before
    assert not Ballot.objects.filter(voter=member).exists()
    assert Ballot.objects.filter(poll=open_round).count() == 1


def test_the_participation_index_lists_rounds_for_members(client, member, open_round):
    client.force_login(member)

    page = client.get(reverse("participation:index")).content.decode()

    assert "Kevään priorisointi" in page and "Et ole vielä äänestänyt" in page


def test_the_participation_index_asks_visitors_to_sign_in(client, open_round):
    page = client.get(reverse("participation:index")).content.decode()

    assert "Kevään priorisointi" not in page
    assert "Kirjaudu sisään osallistuaksesi" in page
