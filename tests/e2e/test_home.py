"""The signed-in home page in a browser: what waits for a network admin, their network's new
topics, headings in order, no sideways scrolling at 320 px, and no axe findings."""

import pytest
from playwright.sync_api import expect

from forums import services as forum_services
from forums.models import Forum
from tests.e2e.browser import has_horizontal_scroll, sign_in
from tests.factories import make_membership
from typ_site.networks.models import Membership

pytestmark = pytest.mark.e2e

NARROWEST = {"width": 320, "height": 640}


def test_a_network_admin_finds_what_waits_for_them_and_their_networks_news(
    new_context, people, assert_accessible
):
    forum = Forum.objects.create(
        name="Satakunnan keskustelualue", slug="satakunta", kind=Forum.Kind.NETWORK, network=people.network
    )
    forum_services.start_topic(people.member, forum, title="Kevään vuorolista", body="Kuka ehtii?")
    make_membership(people.outsider, people.network, status=Membership.Status.PENDING)
    page = new_context(viewport=NARROWEST, is_mobile=True, has_touch=True).new_page()
    sign_in(page, people.admin.email)

    page.goto("/")

    main = page.get_by_role("main")
    waiting = main.get_by_role("region", name="Odottaa päätöstäsi")
    expect(waiting.get_by_role("link", name="1 pyyntö liittyä verkostoosi")).to_have_attribute(
        "href", "/networks/manage/"
    )
    topics = main.get_by_role("region", name="Uutta verkostosi keskustelualueella")
    expect(topics.get_by_role("link", name="Kevään vuorolista")).to_be_visible()
    levels = main.locator("h1, h2, h3").evaluate_all("(nodes) => nodes.map((node) => node.tagName)")
    assert levels[0] == "H1" and set(levels[1:]) == {"H2"}, levels
    assert not has_horizontal_scroll(page), "the home page scrolls sideways at 320 px"
    assert_accessible(page, "signed-in home at 320 px")

    topics.get_by_role("link", name="Kevään vuorolista").click()
    expect(page.locator("h1")).to_have_text("Kevään vuorolista")
