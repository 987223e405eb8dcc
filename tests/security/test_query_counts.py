"""Every page and view of the site, as each role: at most ten SQL queries, whatever the content.

The sweep opens every address of the access table (tests/security/access_table.py) that a
role may open (the table says 200), outside the Wagtail admin, and counts the queries of the
second of two GETs (the first fills the per-process caches). The page cache is off: what is
counted is the cost of rendering, which an anonymous visitor pays at the first request and a
signed-in person at every one. Then the world grows (more posts, events, pages) and every
count must stay the same.

The views still above ten are listed in OVER_TEN with the count they have today, exactly: the
test fails when one grows and when one falls (the number is lowered, the row dropped at ten),
so the list shrinks as they are fixed. The roles: a visitor, a member, a network's admin and
a KEHA editor (the last two open the Wagtail admin).
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from calendar_app.models import Event
from forums import services as forum_services
from tests.calendar_app.helpers import make_event
from tests.security.access_table import OK
from tests.security.conftest import client_for
from tests.security.sweep import address, routes_with_access

LIMIT = 10
ROLES = ("anonymous", "member", "network_admin", "keha_editor")

# (role, URL name): the count of a view still above ten, exactly: the test fails when it grows,
# and when it falls (lower the number, or drop the row at ten or below), so the list shrinks.
# The base of a signed-in page is four queries (session, person, standing, header counts),
# for those who open the Wagtail admin too (their editing bar takes the profile loaded with
# them, typ_site.core.userbar): tests/accounts/test_signed_in_load.py holds it.
OVER_TEN: dict[tuple[str, str], int] = {
    # Empty: the last rows were the home page as a network's admin (16) and as a KEHA
    # editor (13). Its sections (forums, calendar, participation, knowledge, induction,
    # networks) cost one to two reads each, the same at any content size
    # (tests/core/test_home_page.py: more topics, notifications, events, rounds, networks):
    # the next events carry their exceptions as JSON rows (`typ_site.core.sql.JsonRows`), the
    # lines "waiting for your decision" are counted in one query (`core.home.WaitingCount`),
    # which also tells the editing bar whether the page is in a workflow, and the bar takes
    # the tree's root from the shared rows and asks the person's page permissions before it
    # counts children (`typ_site.core.userbar`). The site, its home page with its language
    # links, the view restrictions and the guidance index come from the shared rows
    # (typ_site.core.shared_rows: one cache read, a query with the database cache, none with
    # the test cache).
}


def counts(world, role) -> dict[str, int]:
    client = client_for(world, role, raise_request_exception=False)
    found = {}
    for route, access in routes_with_access():
        if route.key.startswith("wagtailadmin") or route.route.startswith("admin/"):
            continue
        if access.expected[role] != OK:
            continue
        path = address(route, access, world)
        if path is None:
            continue
        if client.get(path).status_code != 200:
            continue
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        if response.status_code == 200:
            found[f"{route.key} {path}"] = len(queries)
    return found


def grow(world) -> None:
    """More of everything the pages list: replies in the world's topic, events, topics."""
    admin = world.users["network_admin"]
    for number in range(15):
        forum_services.reply(admin, world.topic, body=f"Lisää tekstiä {number}.")
        forum_services.start_topic(admin, world.topic.forum, title=f"Aihe {number}", body="Teksti.")
    for number in range(15):
        make_event(title=f"Lisätapahtuma {number}", start=world.public_event.start + timedelta(hours=number))
        make_event(
            title=f"Jäsenten lisätapahtuma {number}",
            start=world.public_event.start + timedelta(days=number),
            visibility=Event.Visibility.MEMBERS,
        )


@pytest.mark.parametrize("role", ROLES)
def test_every_view_stays_within_ten_queries_whatever_the_content(world, role, settings):
    settings.PAGE_CACHE_SECONDS = 0
    small = counts(world, role)
    grow(world)
    larger = counts(world, role)
    report = "\n".join(f"  {small[key]:3d} {larger.get(key, '-'):>3} {key}" for key in sorted(small))
    print(f"\nQueries as {role} (small / larger content):\n{report}")
    assert small, "nothing was opened"
    problems = []
    for key, number in small.items():
        name = key.split(" ")[0]
        listed = OVER_TEN.get((role, name))
        ceiling = LIMIT if listed is None else listed
        if number > ceiling or larger.get(key, number) > ceiling:
            problems.append(f"{key}: {number} / {larger.get(key)} queries (at most {ceiling})")
        elif listed is not None and number < listed:
            problems.append(f"{key}: {number} queries, OVER_TEN says {listed}: lower it (or drop it at ten)")
        if larger.get(key, number) > number:
            problems.append(f"{key}: grows with the content, {number} -> {larger[key]}")
    assert not problems, f"As {role}:\n" + "\n".join(problems)
