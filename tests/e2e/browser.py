"""Helpers the browser tests share: signing in through the real forms, axe-core, DOM checks."""

import functools
import re
import time
from pathlib import Path

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from playwright.sync_api import Page, expect

from tests.factories import DEFAULT_PASSWORD, TEST_TOTP_SECRET

WCAG_21_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_PATH = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
INSTALL_HINT = "Run scripts/install-browser.sh (`make test` runs it)."


def current_totp_code(secret: str = TEST_TOTP_SECRET) -> str:
    """The code an authenticator app would show now for the factories' TOTP secret.

    Close to the end of a period the code is taken from the next one (after waiting for it), so
    that a slow machine does not submit a code the server already counts as expired.
    """
    period = mfa_settings.TOTP_PERIOD
    left_in_period = period - time.time() % period
    if left_in_period < 8:
        time.sleep(left_in_period + 0.5)
    counters = list(yield_hotp_counters_from_time())  # one step before, now, one step after
    counter = counters[len(counters) // 2]
    return format_hotp_value(hotp_value(secret, counter))


def sign_in(
    page: Page,
    email: str,
    password: str = DEFAULT_PASSWORD,
    *,
    language_prefix: str = "",
    totp_secret: str | None = TEST_TOTP_SECRET,
) -> None:
    """Signs in through the sign-in form, answering the two-step code when it is asked for."""
    page.goto(f"{language_prefix}/accounts/login/")
    form = page.locator("main form").filter(has=page.locator("input[name=password]"))
    form.locator("input[name=login]").fill(email)
    form.locator("input[name=password]").fill(password)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    if "/accounts/2fa/authenticate/" in page.url:
        if totp_secret is None:
            raise AssertionError(f"{email} was asked for a two-step code but has no authenticator")
        page.locator("input[name=code]").fill(current_totp_code(totp_secret))
        with page.expect_navigation():
            page.locator("main form button[type=submit]").first.click()
    expect(page.locator("header a[href$='/accounts/profile/']")).to_have_count(1)


def collect_csp_violations(page: Page) -> list[str]:
    """From now on, the page's Content-Security-Policy refusals (inline scripts or styles,
    foreign sources) are appended to the returned list, as chromium reports them."""
    refused = []

    def on_console(message):
        if message.type == "error" and "Content Security Policy" in message.text:
            refused.append(message.text)

    page.on("console", on_console)
    return refused


# --- Accessibility ----------------------------------------------------------------------------


@functools.cache
def axe_source() -> str:
    if not AXE_PATH.exists():
        pytest.fail(f"axe-core is not installed ({AXE_PATH} is missing). {INSTALL_HINT}")
    return AXE_PATH.read_text(encoding="utf-8")


def run_axe(page: Page) -> list[dict]:
    """Runs axe-core on the page and returns the violations of the WCAG 2.1 A/AA rules.

    The page's Content-Security-Policy (script-src 'self') would refuse an inline <script>,
    which is what add_script_tag inserts, and eval(). page.evaluate goes through the DevTools
    protocol, which the CSP does not govern, so axe is loaded that way and the page under test
    keeps its real policy.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    return page.evaluate(
        """async (tags) => {
            const results = await window.axe.run(document, {
                runOnly: {type: "tag", values: tags},
                resultTypes: ["violations"],
            });
            return results.violations.map((violation) => ({
                id: violation.id,
                impact: violation.impact,
                help: violation.help,
                nodes: violation.nodes.map((node) => ({
                    target: node.target.join(" "),
                    summary: node.failureSummary,
                })),
            }));
        }""",
        WCAG_21_AA_TAGS,
    )


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            summary = re.sub(r"\s+", " ", node["summary"] or "").strip()
            lines.append(f"    {node['target']}: {summary}")
    return "\n".join(lines)


def assert_no_axe_violations(page: Page, *, label: str = "") -> None:
    violations = run_axe(page)
    where = f"{label} ({page.url})" if label else page.url
    assert not violations, f"WCAG 2.1 AA violations on {where}:\n{format_violations(violations)}"


def has_horizontal_scroll(page: Page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth")


# --- Script injection -------------------------------------------------------------------------

# Elements or attributes our templates never produce (the CSP forbids inline scripts, so the
# pages have no inline handlers, inline <script> or javascript: links): any of them on a page
# means user input reached the DOM as markup.
FIND_INJECTED_MARKUP = """() => {
    const found = [];
    const describe = (element) => element.outerHTML.slice(0, 160);
    for (const element of document.querySelectorAll("*")) {
        for (const attribute of element.attributes) {
            const name = attribute.name.toLowerCase();
            const value = attribute.value.replace(/[\\s\\u0000-\\u001f]+/g, "").toLowerCase();
            if (name.startsWith("on")) {
                found.push("event handler attribute: " + describe(element));
            } else if (["href", "src", "action", "formaction", "data", "xlink:href", "srcdoc"]
                       .includes(name) && (value.startsWith("javascript:")
                       || value.startsWith("vbscript:") || value.startsWith("data:text/html"))) {
                found.push("script URL: " + describe(element));
            }
        }
    }
    for (const script of document.querySelectorAll("script:not([src])")) {
        found.push("inline script: " + describe(script));
    }
    for (const element of document.querySelectorAll(
            "body iframe, body object, body embed, body base, body meta, body link, body style")) {
        found.push("injected element: " + describe(element));
    }
    return found;
}"""


def injected_markup(page: Page) -> list[str]:
    return page.evaluate(FIND_INJECTED_MARKUP)
