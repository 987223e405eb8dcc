"""Mentioning someone in a forum reply with the keyboard: the autocomplete offers only people
who may read the forum, and choosing one writes the mention."""

import pytest
from playwright.sync_api import expect

from tests.e2e import content
from tests.e2e.keyboard import tab_to
from tests.e2e.pages import sign_in_with_session

pytestmark = pytest.mark.e2e


def test_member_mentions_the_network_admin_with_the_keyboard(page, live_server, people):
    topic = content.topic_with_posts(people)
    sign_in_with_session(page.context, people.member, live_server.url)
    page.goto(topic.get_absolute_url())

    tab_to(page, "main textarea[name=body]")
    page.keyboard.type("Kiitos @Ant")
    field = page.locator("main textarea[name=body]")
    options = page.get_by_role("listbox", name="Mainittavat henkilöt").get_by_role("option")
    expect(options).to_have_text(["Antti Ylläpitäjä"])
    expect(field).to_have_attribute("aria-activedescendant", options.first.get_attribute("id"))
    page.keyboard.press("Enter")

    expect(field).to_have_value("Kiitos @[Antti Ylläpitäjä] ")
    expect(options).to_have_count(0)


def test_nobody_outside_the_network_is_offered(page, live_server, people):
    topic = content.topic_with_posts(people)
    sign_in_with_session(page.context, people.member, live_server.url)
    page.goto(topic.get_absolute_url())

    page.locator("main textarea[name=body]").click()
    page.keyboard.type("@Olli")
    page.wait_for_timeout(600)

    expect(page.get_by_role("option")).to_have_count(0)
