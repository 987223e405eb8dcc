"""Journeys through the site in a real browser, as the people who use it make them."""

import re
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.e2e import content
from tests.e2e.browser import sign_in
from tests.e2e.keyboard import assert_focus_is_visible, focused, tab_to
from tests.e2e.pages import sign_in_with_session
from tests.factories import DEFAULT_PASSWORD
from typ_site.accounts.models import User
from typ_site.networks.models import Membership

pytestmark = pytest.mark.e2e

NEW_PASSWORD = "Uusi-tyovalmentaja-2025"


def _verification_link(address: str) -> str:
    message = next(message for message in mail.outbox if address in message.to)
    return re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body).group(0)


def test_new_employee_signs_up_verifies_the_address_signs_in_and_completes_the_profile(page):
    page.goto("/")
    page.get_by_role("main").get_by_role("link", name="Luo tili").click()
    page.locator("input[name=email]").fill("sanna.uusi@te-palvelut.example.fi")
    page.locator("input[name=password1]").fill(NEW_PASSWORD)
    page.locator("input[name=password2]").fill(NEW_PASSWORD)
    page.get_by_label("Etunimi").fill("Sanna")
    page.get_by_label("Sukunimi").fill("Uusi")
    page.locator("select[name=organisation_type]").select_option(index=1)
    page.locator("select[name=role]").select_option(index=1)
    page.locator("main form button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"/accounts/confirm-email/$"))
    link = _verification_link("sanna.uusi@te-palvelut.example.fi")

    page.goto(link)
    page.locator("main form button[type=submit]").click()
    assert User.objects.get(email="sanna.uusi@te-palvelut.example.fi").emailaddress_set.get().verified

    page.context.clear_cookies()
    sign_in(page, "sanna.uusi@te-palvelut.example.fi", NEW_PASSWORD)
    page.goto("/accounts/profile/")
    page.get_by_label("Organisaatio", exact=True).fill("Satakunnan TE-palvelut")
    page.locator("main form.stacked-form button[type=submit]").click()

    expect(page.locator(".messages")).to_contain_text("Profiilisi tallennettiin.")
    expect(page.get_by_label("Organisaatio", exact=True)).to_have_value("Satakunnan TE-palvelut")
    assert User.objects.get(first_name="Sanna").organisation_name == "Satakunnan TE-palvelut"


def test_member_asks_to_join_and_the_network_admin_approves_in_the_browser(page, new_context, people):
    sign_in(page, people.outsider.email)
    page.goto("/networks/")
    card = page.locator("li.card").filter(has_text=people.network.name)
    card.locator("textarea").fill("Aloitin työvalmentajana Porissa.")
    card.get_by_role("button", name="Pyydä jäsenyyttä").click()
    expect(page.locator(".messages")).to_contain_text(people.network.name)

    admin_page = new_context().new_page()
    sign_in(admin_page, people.admin.email)  # answers the two-step code
    admin_page.goto("/networks/manage/")
    request_row = admin_page.locator("tr").filter(has_text="Aloitin työvalmentajana Porissa.")
    expect(request_row).to_contain_text(people.outsider.display_name)
    request_row.get_by_role("button", name=re.compile("^Hyväksy")).click()

    expect(admin_page.locator(".messages")).to_be_visible()
    members_table = admin_page.locator("table").last
    expect(members_table).to_contain_text(people.outsider.display_name)
    page.reload()
    expect(page.locator("li.card").filter(has_text=people.network.name)).to_contain_text("Hyväksytty")
    membership = Membership.objects.get(user=people.outsider, network=people.network)
    assert membership.status == Membership.Status.APPROVED


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page):
    page.goto("/networks/")

    page.keyboard.press("Tab")

    assert focused(page, "a.skip-link")
    assert_focus_is_visible(page)
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"


def test_signing_in_and_asking_to_join_a_network_with_the_keyboard_only(page, people):
    page.goto("/")
    tab_to(page, "header a[href^='/accounts/login/']")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/accounts/login/"))

    tab_to(page, "main input[name=login]")
    page.keyboard.type(people.outsider.email)
    tab_to(page, "main input[name=password]")
    page.keyboard.type(DEFAULT_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(page.locator("form[action$='/accounts/logout/']")).to_have_count(1)

    tab_to(page, "a[href='/networks/']")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/networks/$"))
    tab_to(page, f"#join-message-{people.network.slug}")
    page.keyboard.type("Hei, haluaisin mukaan.")
    tab_to(page, f"form[action$='/{people.network.slug}/join/'] button")
    page.keyboard.press("Enter")
    page.wait_for_load_state()

    expect(page.locator(".messages")).to_contain_text(people.network.name)
    membership = Membership.objects.get(user=people.outsider, network=people.network)
    assert membership.status == Membership.Status.PENDING
    assert membership.message == "Hei, haluaisin mukaan."


def test_language_switcher_keeps_the_page_and_the_sign_in(page, live_server, people):
    sign_in(page, people.member.email)
    page.goto("/networks/")

    page.locator(".language-switcher").get_by_role("link", name="Svenska").click()

    expect(page).to_have_url(re.compile(r"/sv/networks/$"))
    assert page.locator("html").get_attribute("lang") == "sv"
    expect(page.locator("h1")).to_have_text("Nätverk")
    expect(page.locator("form[action$='/accounts/logout/']")).to_have_count(1)


# --- Forums, calendar and search ----------------------------------------------------------------


def test_member_replies_to_a_forum_topic_with_the_keyboard_only(page, live_server, people):
    topic = content.topic_with_posts(people)
    sign_in_with_session(page.context, people.member, live_server.url)
    page.goto(topic.get_absolute_url())

    tab_to(page, "main textarea[name=body]")
    page.keyboard.type("Kiitos vinkistä, otamme lomakkeen käyttöön ensi viikolla.")
    tab_to(page, f"form[action$='/topic/{topic.pk}/reply/'] button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_load_state()

    expect(page.locator(".messages")).to_be_visible()
    expect(page.locator("main")).to_contain_text("otamme lomakkeen käyttöön ensi viikolla")
    assert topic.posts.filter(author=people.member).count() == 2


def test_member_posts_in_their_networks_forum_and_cannot_open_another_networks(page, people):
    own_forum = content.network_forum(people.network)
    other_forum = content.network_forum(people.other_network)
    sign_in(page, people.member.email)
    page.goto("/forums/")
    page.get_by_role("link", name=own_forum.name).click()
    page.get_by_role("main").get_by_role("link", name="Uusi keskustelu").click()
    page.locator("main input[name=title]").fill("Yhteinen koulutuspäivä syksyllä")
    page.locator("main textarea[name=body]").fill("Kiinnostaako yhteinen koulutuspäivä?")
    page.locator("main form button[type=submit]").last.click()

    expect(page.locator("h1")).to_have_text("Yhteinen koulutuspäivä syksyllä")
    expect(page.locator("main")).to_contain_text("Kiinnostaako yhteinen koulutuspäivä?")
    page.goto("/forums/")
    expect(page.get_by_role("link", name=other_forum.name)).to_have_count(0)
    response = page.goto(other_forum.get_absolute_url())
    assert response.status == 404


def test_member_registers_for_an_event_and_downloads_its_calendar_file(page, people):
    event = content.event(people.network)
    sign_in(page, people.member.email)
    page.goto(event.get_absolute_url())

    page.get_by_role("button", name=re.compile("^Ilmoittaudu")).first.click()

    expect(page.locator(".messages")).to_be_visible()
    assert event.registrations.filter(user=people.member).exists()
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile(r"\.ics")).click()
    download = download_info.value
    assert download.suggested_filename == f"event-{event.pk}.ics"
    ics = Path(download.path()).read_text(encoding="utf-8")
    assert "BEGIN:VEVENT" in ics and event.title in ics


def test_search_typed_without_umlauts_finds_the_guidance(page):
    guidance = content.guidance_page()
    page.goto("/search/")

    page.locator("main input[name=q]").fill("tyollistymissuunnitelma")
    page.locator("main input[name=q]").press("Enter")

    result = page.get_by_role("main").get_by_role("link", name=guidance.title)
    expect(result.first).to_be_visible()
    assert result.first.get_attribute("href").endswith(guidance.url)
