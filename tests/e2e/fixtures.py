"""Fixtures of the browser tests: Playwright (pytest-playwright) driving Debian's chromium.

tests/e2e/conftest.py and tests/security/conftest.py import them. One browser is launched per
test session; each test gets fresh browser contexts (cookies, storage) through
pytest-playwright's `page` / `new_context` fixtures. The site is served by pytest-django's
`live_server` (a thread in this process, so the locmem e-mail outbox and the test database are
shared with the test).
"""

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core import mail
from django.core.cache import cache
from wagtail.models import Collection

from tests.e2e import browser as browser_helpers
from tests.factories import make_member, make_network, make_network_admin, make_user
from typ_site.core.demo_content import create_home_page

# Playwright's sync API keeps an asyncio event loop running in the main thread, so Django's
# guard against calling the ORM from async code would refuse the plain, synchronous database
# work of these tests' fixtures. Nothing here runs ORM calls inside a coroutine, so the guard
# is switched off for the test processes that load the browser fixtures (test-only).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

INSTALL_HINT = browser_helpers.INSTALL_HINT

# Without the background-networking flags chromium keeps calling home (updates, sync, safe
# browsing), which in a closed network only fills the logs and slows the start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_executable() -> str:
    """Debian's chromium; the tests fail (not skip) without it, since `make test` installs it."""
    executable = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not executable or not Path(executable).exists():
        pytest.fail(f"Chromium is not installed, so the browser tests cannot run. {INSTALL_HINT}")
    return executable


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright's launch options (--headed, --slowmo still work) plus chromium's path."""
    arguments = list(CHROMIUM_ARGS)
    if browser_type_launch_args.get("headless", True):
        arguments.insert(0, "--headless")
    return {**browser_type_launch_args, "executable_path": chromium_executable(), "args": arguments}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, live_server):
    return {**browser_context_args, "base_url": live_server.url, "locale": "fi-FI"}


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's script; fails (not skips) when it is not installed."""
    return browser_helpers.axe_source()


@pytest.fixture
def site_ready(live_server):
    """The live server, and a database with what the pages need.

    live_server makes the tests transactional (the server thread must see committed data), so
    the database is emptied after each test. Emptying re-creates content types and
    permissions; the page tree, the home page and the root collection are made here.
    (Serialized rollback would restore the migrations' rows instead, but it clashes with the
    content types re-created after other transactional tests of the suite.)
    """
    cache.clear()  # login rate limits and used TOTP codes are kept in the cache
    mail.outbox = []
    create_home_page()
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


@pytest.fixture
def page(page, site_ready):
    page.set_default_timeout(10_000)
    return page


@pytest.fixture
def new_context(new_context, site_ready):
    return new_context


@dataclass
class People:
    """The cast of the browser tests: one network with a member and an admin, and a newcomer."""

    network: object
    other_network: object
    member: object
    admin: object
    outsider: object


@pytest.fixture
def people(site_ready) -> People:
    network = make_network("Satakunnan TYP")
    other_network = make_network("Kymenlaakson TYP")
    return People(
        network=network,
        other_network=other_network,
        member=make_member(network, first_name="Maija", last_name="Meikäläinen"),
        admin=make_network_admin(network, first_name="Antti", last_name="Ylläpitäjä"),
        outsider=make_user(first_name="Olli", last_name="Ulkopuolinen"),
    )


@pytest.fixture
def assert_accessible(axe_source):
    """`assert_accessible(page)`: axe-core finds no WCAG 2.1 A/AA violation on the page."""

    def check(page, label: str = ""):
        browser_helpers.assert_no_axe_violations(page, label=label)

    return check
