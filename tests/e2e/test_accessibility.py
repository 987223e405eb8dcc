"""WCAG 2.1 A/AA checks with axe-core on every page type and key view, in Finnish and Swedish."""

import pytest

from tests.e2e.browser import (
    collect_csp_violations,
    format_violations,
    has_horizontal_scroll,
    run_axe,
)
from tests.e2e.pages import (
    LANGUAGE_PREFIXES,
    PAGES,
    PHONE_PAGES,
    PHONE_VIEWPORT,
    sign_in_with_session,
)
from typ_site.core.languages import page_addresses_in_own_language

pytestmark = pytest.mark.e2e


def finnish_address(page_under_test, people) -> str:
    """The page's own (Finnish) address, whatever language this thread last served: the
    language prefix is added when the page is opened."""
    with page_addresses_in_own_language():
        return page_under_test.path(people)


def _open(page, live_server, people, page_under_test, language, path=None):
    if page_under_test.signed_in:
        sign_in_with_session(page.context, getattr(people, page_under_test.signed_in), live_server.url)
    path = path or finnish_address(page_under_test, people)
    response = page.goto(LANGUAGE_PREFIXES[language] + path)
    assert response is not None and response.status == page_under_test.status, (
        f"{path} answered {response and response.status}"
    )
    if page_under_test.prepare:
        page_under_test.prepare(page)


@pytest.mark.parametrize("page_under_test", PAGES, ids=lambda entry: entry.name.replace(" ", "-"))
def test_page_has_no_wcag_violations_in_finnish_or_swedish(
    page, live_server, people, axe_source, page_under_test
):
    # Both languages in one test: one sign-in and one database reset instead of two.
    problems = []
    refused_by_csp = collect_csp_violations(page)
    path = finnish_address(page_under_test, people)  # the objects the page needs are made once
    for language in LANGUAGE_PREFIXES:
        _open(page, live_server, people, page_under_test, language, path)
        label = f"{page_under_test.name} ({language})"
        if page.locator("html").get_attribute("lang") != language:
            problems.append(f"{label}: <html lang> is not {language}")
        if page.locator("h1").count() != 1:
            problems.append(f"{label}: a page has exactly one main heading")
        violations = run_axe(page)
        if violations:
            problems.append(f"{label} ({page.url}):\n{format_violations(violations)}")

    assert not problems, "WCAG 2.1 AA problems:\n" + "\n".join(problems)
    assert not refused_by_csp, "the page has inline scripts or styles:\n" + "\n".join(refused_by_csp)


@pytest.mark.parametrize("page_under_test", PHONE_PAGES, ids=lambda entry: entry.name.replace(" ", "-"))
def test_page_fits_a_phone_screen(new_context, live_server, people, assert_accessible, page_under_test):
    page = new_context(viewport=PHONE_VIEWPORT, is_mobile=True, has_touch=True).new_page()
    _open(page, live_server, people, page_under_test, "fi")

    assert not has_horizontal_scroll(page), "the page scrolls sideways on a phone"
    assert_accessible(page, f"{page_under_test.name} on a phone")


def test_phone_menu_opens_and_its_links_are_reachable(new_context, live_server, people, assert_accessible):
    page = new_context(viewport=PHONE_VIEWPORT, is_mobile=True, has_touch=True).new_page()
    page.goto("/")
    toggle = page.locator(".nav-toggle")
    # The utility bar (language, sign-in) stays in view; the main menu folds behind the button.
    assert page.locator(".utility-bar a[href='/accounts/login/?next=/']").is_visible()
    assert not page.locator("#site-menu a[href='/calendar/']").is_visible()

    toggle.click()

    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.locator("#site-menu a[href='/calendar/']").is_visible()
    assert not has_horizontal_scroll(page)
    assert_accessible(page, "home with the phone menu open")


def test_the_csp_check_notices_an_inline_script(page):
    """The check above is not blind: an inline script on one of our pages is reported."""
    refused_by_csp = collect_csp_violations(page)
    page.goto("/networks/")

    page.evaluate("""() => {
        const script = document.createElement("script");
        script.textContent = "window.ranInline = true;";
        document.body.append(script);
    }""")

    assert page.evaluate("() => window.ranInline") is None
    assert refused_by_csp
