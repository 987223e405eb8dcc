"""Participation in a real browser: a member votes in a priority round, changes the ballot and
tells whether a customer story is right; people the round is not for get no ballot form."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from forums.participation.models import Ballot, BallotChoice
from tests.e2e import content
from tests.e2e.browser import sign_in

pytestmark = pytest.mark.e2e

FIRST, SECOND, THIRD = (title for title, _theme, _description in content.NEEDS)


def _pick(page, need_title: str):
    """The ballot's checkbox for one need, found by its label as a screen reader names it."""
    return page.get_by_role("checkbox", name=f"Valitse {need_title}")


def _picked_needs(ballot: Ballot) -> set[str]:
    return set(
        BallotChoice.objects.filter(ballot=ballot, points__gt=0).values_list("option__need__title", flat=True)
    )


def test_member_votes_changes_the_ballot_and_validates_a_customer_story(page, people):
    voting_round = content.voting_round(networks=[people.network])
    story = content.case_story_page()
    sign_in(page, people.member.email)

    page.goto("/")
    page.get_by_role("navigation").get_by_role("link", name="Osallistu").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Osallistu")
    open_rounds = page.locator("main li.card").filter(has_text=content.ROUND_TITLE)
    expect(open_rounds).to_contain_text("Et ole vielä äänestänyt")
    open_rounds.get_by_role("link", name=content.ROUND_TITLE).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(content.ROUND_TITLE)
    _pick(page, FIRST).check()
    _pick(page, SECOND).focus()
    page.keyboard.press("Space")  # a member using the keyboard picks the same way
    page.get_by_role("button", name="Anna äänesi").click()

    expect(page.locator(".messages")).to_contain_text("Äänesi tallennettiin.")
    expect(page.get_by_role("heading", name="Muuta ääntäsi")).to_be_visible()
    expect(_pick(page, FIRST)).to_be_checked()
    expect(_pick(page, SECOND)).to_be_checked()
    expect(_pick(page, THIRD)).not_to_be_checked()

    _pick(page, SECOND).uncheck()
    _pick(page, THIRD).check()
    page.get_by_role("button", name="Tallenna muutokset").click()

    expect(page.locator(".messages")).to_contain_text("Äänesi muutettiin.")
    expect(_pick(page, FIRST)).to_be_checked()
    expect(_pick(page, SECOND)).not_to_be_checked()
    expect(_pick(page, THIRD)).to_be_checked()
    ballots = Ballot.objects.filter(poll=voting_round, voter=people.member)
    assert ballots.count() == 1
    assert _picked_needs(ballots.get()) == {FIRST, THIRD}
    assert ballots.get().changed_at is not None

    page.goto("/participate/")
    page.get_by_role("main").get_by_role("link", name="Asiakastarinat").click()
    page.get_by_role("main").get_by_role("link", name=content.STORY_TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(content.STORY_TITLE)
    page.get_by_role("radio", name="Samaa mieltä").check()
    page.get_by_role("button", name="Vastaa", exact=True).click()

    expect(page.locator(".messages")).to_contain_text("Kiitos, vastauksesi tallennettiin.")
    expect(page.locator("#story-answers")).to_contain_text("1 jäsen on vastannut.")
    expect(page.get_by_role("radio", name="Samaa mieltä")).to_be_checked()
    answers = Ballot.objects.filter(poll__subject_page=story, voter=people.member)
    assert answers.count() == 1
    assert list(answers.get().choices.values_list("option__key", flat=True)) == ["agree"]


def test_people_the_round_is_not_for_get_no_ballot_form(page, people):
    voting_round = content.voting_round(networks=[people.network])
    story = content.case_story_page()
    round_path = f"/participate/rounds/{voting_round.pk}/"

    page.goto(round_path)  # anonymous: sent to sign in
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))
    page.goto(story.url)
    expect(page.locator("#story-answers form")).to_have_count(0)
    expect(page.locator("#story-answers")).to_contain_text("Kirjaudu sisään vastataksesi")

    sign_in(page, people.outsider.email)  # signed in, but in no network the round is for
    page.goto("/participate/")
    expect(page.get_by_role("main")).not_to_contain_text(content.ROUND_TITLE)
    response = page.goto(round_path)
    assert response.status == 404
    expect(page.locator("form.participation-ballot")).to_have_count(0)
    assert not Ballot.objects.filter(poll=voting_round).exists()


def test_the_points_left_counter_follows_the_typing_and_a_level_without_points_is_refused(page, people):
    voting_round = content.voting_round(
        "Pisteiden jako", networks=[people.network], method="points", points_total=10, asks_level=True
    )
    sign_in(page, people.member.email)
    page.goto(reverse("participation:round", args=[voting_round.pk]))
    counter = page.locator("[data-points-left]")
    expect(counter).to_have_text("10 pistettä 10:stä jäljellä.")
    expect(counter).to_have_attribute("aria-live", "polite")

    page.get_by_role("spinbutton", name=f"Pisteet {FIRST}").fill("7")
    expect(counter).to_have_text("3 pistettä 10:stä jäljellä.")
    page.get_by_role("spinbutton", name=f"Pisteet {SECOND}").fill("4")
    expect(counter).to_contain_text("Annoit 11 pistettä")

    page.get_by_role("spinbutton", name=f"Pisteet {SECOND}").fill("")
    page.get_by_role("combobox", name=f"Taso {THIRD}").select_option(label="Paikallinen")
    page.get_by_role("button", name="Anna äänesi").click()

    expect(page.get_by_role("alert").filter(has_text="Anna tälle tarpeelle ensin pisteitä")).to_be_visible()
    assert not Ballot.objects.filter(poll=voting_round, voter=people.member).exists()
