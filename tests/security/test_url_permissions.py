"""Every URL of the site, opened as every role, answers as the access table says."""

import re

import pytest
from django.urls import Resolver404, resolve
from django.utils import translation

from tests.security.access_table import ACCESS_TABLE, ADMIN_RULES, KNOWN_GAPS, OK, ROLES, access_for
from tests.security.conftest import client_for
from tests.security.sweep import address, matches, outcome, routes_with_access
from tests.security.url_walk import walk_urlconf


def test_every_url_pattern_has_a_row_in_the_access_table():
    missing = sorted(
        f"{route.key}  ({route.route} -> {route.view_name})"
        for route in walk_urlconf()
        if access_for(route) is None
    )

    assert not missing, (
        "These URL patterns have no row in tests/security/access_table.py; "
        "decide who may open them:\n" + "\n".join(missing)
    )


def test_the_access_table_names_only_urls_that_exist():
    keys = {route.key for route in walk_urlconf()}

    assert not sorted(set(ACCESS_TABLE) - keys), "rows for URL names that no longer exist"
    unused = [pattern for pattern, _ in ADMIN_RULES if not any(re.fullmatch(pattern, key) for key in keys)]
    assert not unused, "admin rules that match no URL name"


def test_every_url_can_be_built_for_the_sweep(world):
    unbuildable = [
        route.key for route, access in routes_with_access() if address(route, access, world) is None
    ]

    assert not unbuildable, (
        "No sample address resolves back to these patterns: give their rows kwargs=...\n"
        + "\n".join(unbuildable)
    )


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_what_the_access_table_promises(world, role):
    client = client_for(world, role, raise_request_exception=False)
    surprises = []
    checked = 0
    for route, access in routes_with_access():
        expected = access.expected[role]
        path = address(route, access, world)
        if expected is None or path is None or (role, route.key) in KNOWN_GAPS:
            continue
        actual = outcome(client.get(path))
        checked += 1
        if not matches(expected, actual):
            surprises.append(f"{route.key} GET {path}: expected {expected}, got {actual}")

    assert checked > 0
    assert not surprises, f"As {role}:\n" + "\n".join(surprises)


@pytest.mark.xfail(bool(KNOWN_GAPS), strict=True, reason="KNOWN_GAPS in access_table.py: open, to be closed")
def test_the_known_admin_gaps_are_closed(world):
    still_open = []
    clients = {}
    for route, access in routes_with_access():
        for role, key in KNOWN_GAPS:
            if key != route.key:
                continue
            client = clients.setdefault(role, client_for(world, role))
            if outcome(client.get(address(route, access, world))) == OK:
                still_open.append(f"{role}: {key}")

    assert not still_open, "\n".join(still_open)


def test_addresses_in_swedish_reach_the_same_views(world):
    """The language prefix changes the words on the page, never who may see it."""
    mismatches = []
    for route, access in routes_with_access():
        if not route.language_prefixed:
            continue
        swedish = address(route, access, world, language="sv")
        with translation.override("sv"):
            try:
                match = resolve(swedish)
            except Resolver404:
                mismatches.append(f"{route.key}: {swedish} does not resolve")
                continue
        if match.func != route.callback and match.view_name != access.answered_by:
            mismatches.append(f"{route.key}: {swedish} resolves to {match.view_name}")

    assert not mismatches, "\n".join(mismatches)


@pytest.mark.parametrize("role", ["anonymous", "other_member"])
def test_swedish_addresses_keep_the_same_permissions(world, role):
    client = client_for(world, role)
    surprises = []
    for route, access in routes_with_access():
        expected = access.expected[role]
        if not route.language_prefixed or expected is None:
            continue
        path = address(route, access, world, language="sv")
        actual = outcome(client.get(path))
        if not matches(expected, actual):
            surprises.append(f"{route.key} GET {path}: expected {expected}, got {actual}")

    assert not surprises, f"As {role}:\n" + "\n".join(surprises)
