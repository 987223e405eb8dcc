"""Reflow (WCAG 1.4.10): at 320 CSS pixels wide (1280 pixels zoomed to 400 %) no page scrolls
sideways. Every page type of the accessibility checks, as the role it is checked with, in
Finnish and in Swedish. Wide tables scroll inside their own focusable regions instead."""

import pytest

from tests.e2e import content
from tests.e2e.pages import LANGUAGE_PREFIXES, PAGES, sign_in_with_session
from tests.e2e.test_accessibility import finnish_address

pytestmark = pytest.mark.e2e

NARROW_VIEWPORT = {"width": 320, "height": 640}

# The elements that reach past the right edge, for the failure message.
WIDER_THAN_THE_SCREEN = """() => {
    const width = document.documentElement.clientWidth;
    const found = [];
    for (const element of document.body.querySelectorAll("*")) {
        const box = element.getBoundingClientRect();
        const inFrame = element.parentElement && element.parentElement.closest(".table-wrap, .table-scroll");
        if (box.right > width + 1 && (!inFrame || getComputedStyle(element).position === "absolute")) {
            const name = element.tagName.toLowerCase() + (element.id ? "#" + element.id : "")
                + (element.className && typeof element.className === "string"
                   ? "." + element.className.trim().split(/\\s+/).join(".") : "");
            found.push(`${name} (right edge ${Math.round(box.right)} px)`);
        }
    }
    return found.slice(0, 8);
}"""


def scrolls_sideways(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth > document.documentElement.clientWidth")


@pytest.mark.parametrize("page_under_test", PAGES, ids=lambda entry: entry.name.replace(" ", "-"))
def test_page_reflows_at_320_pixels(new_context, live_server, people, page_under_test):
    context = new_context(viewport=NARROW_VIEWPORT)
    page = context.new_page()
    if page_under_test.signed_in:
        sign_in_with_session(context, getattr(people, page_under_test.signed_in), live_server.url)
    path = finnish_address(page_under_test, people)
    problems = []
    for language, prefix in LANGUAGE_PREFIXES.items():
        response = page.goto(prefix + path)
        assert response is not None and response.status == page_under_test.status
        if page_under_test.prepare:
            page_under_test.prepare(page)
        if scrolls_sideways(page):
            problems.append(
                f"{page_under_test.name} ({language}, {page.url}): {page.evaluate(WIDER_THAN_THE_SCREEN)}"
            )

    assert not problems, "pages that scroll sideways at 320 px:\n" + "\n".join(problems)


def test_the_reflow_check_notices_a_page_that_scrolls_sideways(new_context, live_server):
    """The check is not blind: an element wider than the screen is reported."""
    page = new_context(viewport=NARROW_VIEWPORT).new_page()
    page.goto("/")

    page.evaluate("""() => {
        const wide = document.createElement("div");
        wide.style.width = "400px";
        wide.style.height = "10px";
        document.querySelector("main").append(wide);
    }""")

    assert scrolls_sideways(page)


def test_the_narrow_month_list_keeps_today_without_events(new_context, live_server, people):
    """At 320 px the month grid lists only the days with events, and today even when it has none."""
    content.event()  # three days from now: today has no events
    content.event(people.network, visibility="network")
    page = new_context(viewport=NARROW_VIEWPORT).new_page()
    page.goto("/calendar/")

    today = page.locator("td.cal-today")
    assert "cal-empty" in (today.get_attribute("class") or "")
    assert today.is_visible()
    assert not page.locator("td.cal-empty:not(.cal-today)").first.is_visible()
