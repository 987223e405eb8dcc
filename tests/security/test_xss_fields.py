"""Script injection: payloads typed into every user-writable field never run in a browser.

Each entry of WRITABLE_FIELDS says who writes, how the payloads are typed into the form (in
the browser, through the real form), and which pages, seen by whom, show what was written.
Adding a field (a forum post, a practice submission...) is one entry.

The pages are viewed with the Content-Security-Policy switched off (bypass_csp): the CSP
would stop an inline script from running, which would hide a gap in the escaping. The test
checks both that no dialog opened and that no markup from the payloads is in the page.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.e2e.browser import injected_markup
from tests.e2e.pages import sign_in_with_session
from tests.factories import make_membership, make_network
from typ_site.networks.models import Membership

pytestmark = pytest.mark.e2e

PAYLOADS = [
    line
    for line in (Path(__file__).parent / "xss_payloads.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("# ")
]


def _write_profile(page, people, payloads):
    """First name, last name and organisation: three payloads per save."""
    page.goto("/accounts/profile/")
    form = page.locator("main form.stacked-form")
    for field, payload in zip(("first_name", "last_name", "organisation_name"), payloads, strict=False):
        form.locator(f"[name={field}]").fill(payload)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert page.locator(".message-success").count() == 1, f"the profile was not saved: {payloads}"


def _prepare_profile(people):
    # A request waiting for a decision puts the writer's name on the admin's page.
    Membership.objects.create(user=people.outsider, network=people.network, status=Membership.Status.PENDING)


def _write_join_message(page, people, payloads):
    """One join request per payload, each to a network of its own."""
    network = people.extra_networks.pop()
    if not page.url.endswith("/networks/"):  # after a request the list is shown again
        page.goto("/networks/")
    form = page.locator(f"form[action$='/networks/{network.slug}/join/']")
    form.locator("textarea[name=message]").fill(payloads[0])
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert page.locator(".message-success").count() == 1, f"the request was not sent: {payloads}"


def _prepare_join_message(people):
    people.extra_networks = []
    for number in range(len(PAYLOADS)):
        network = make_network(f"Verkosto {number}", slug=f"verkosto-{number}")
        make_membership(people.admin, network, role=Membership.Role.ADMIN)
        people.extra_networks.append(network)


@dataclass(frozen=True)
class WritableField:
    name: str
    writer: str  # a role of the `people` fixture
    write: Callable  # (page, people, payloads) -> None, in the writer's browser
    payloads_per_write: int
    shown_on: tuple[tuple[str, str], ...]  # (viewer role, path) pages that show the text
    prepare: Callable | None = None  # (people) -> None, before anything is written
    # True when every write stays on show (a list of requests, posts...): the pages are then
    # viewed once at the end instead of after each write.
    all_shown_together: bool = False


WRITABLE_FIELDS = [
    WritableField(
        "profile names and organisation",
        writer="outsider",
        write=_write_profile,
        payloads_per_write=3,
        prepare=_prepare_profile,
        # The writer's name is in the header of every page; the profile page also shows
        # the values in its form.
        shown_on=(("outsider", "/accounts/profile/"), ("admin", "/networks/manage/")),
    ),
    WritableField(
        "join request message",
        writer="outsider",
        write=_write_join_message,
        payloads_per_write=1,
        prepare=_prepare_join_message,
        all_shown_together=True,
        shown_on=(("admin", "/networks/manage/"),),
    ),
]


def test_the_corpus_has_the_classic_payloads():
    assert len(PAYLOADS) >= 30
    assert any("<script" in payload.lower() for payload in PAYLOADS)
    assert any("javascript:" in payload.lower() for payload in PAYLOADS)
    assert any("](javascript" in payload for payload in PAYLOADS)


def test_the_checks_find_a_payload_that_got_through(new_context):
    page = new_context(bypass_csp=True).new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    page.set_content('<main><p>Nimi</p><img src="x" onerror="alert(1)"><a href="javascript:x">a</a></main>')
    page.wait_for_timeout(200)  # the broken image's error event

    assert dialogs == ["1"]
    assert len(injected_markup(page)) == 2


@pytest.mark.parametrize("field", WRITABLE_FIELDS, ids=lambda field: field.name.replace(" ", "-"))
def test_payloads_typed_into_the_field_never_run(new_context, live_server, people, field):
    if field.prepare:
        field.prepare(people)
    dialogs = []
    pages = {}
    for role in {field.writer, *(viewer for viewer, _path in field.shown_on)}:
        context = new_context(bypass_csp=True)
        sign_in_with_session(context, getattr(people, role), live_server.url)
        pages[role] = context.new_page()
        pages[role].on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    findings = []

    def look(what):
        for viewer, path in field.shown_on:
            pages[viewer].goto(path)
            findings.extend(f"{what} on {path}: {item}" for item in injected_markup(pages[viewer]))

    for start in range(0, len(PAYLOADS), field.payloads_per_write):
        batch = PAYLOADS[start : start + field.payloads_per_write]
        field.write(pages[field.writer], people, batch)
        findings += [f"{batch} on the form page: {item}" for item in injected_markup(pages[field.writer])]
        if not field.all_shown_together:
            look(batch)
    if field.all_shown_together:
        look("all payloads")

    assert not dialogs, f"a payload ran: dialogs {dialogs}"
    assert not findings, "payload markup reached the page:\n" + "\n".join(findings)
