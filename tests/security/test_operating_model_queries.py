"""The operating model's pages as every role: at most three queries of their own, whatever the
number of networks, services, people and statuses.

What a page costs beyond its own queries is the role's cost of every request (the session, the
person, their memberships, the page frame), measured on the search page without a query, which
reads nothing of its own. The sweep of every view (test_query_counts.py) holds the totals; this
one holds the operating model's own part, so that the totals reach ten for every role as the
cost of every request comes down.
"""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import make_member, make_network
from tests.security.access_table import OK, ROLES
from tests.security.conftest import client_for
from tests.security.sweep import address, routes_with_access
from typ_site.operating_model.adoption_models import AdoptionState, AdoptionStatus
from typ_site.operating_model.service_catalogue_models import NetworkService, ServiceCategory
from typ_site.operating_model.whoswho.models import EntryKind, WhosWhoEntry

OWN_LIMIT = 3
# Pages that read more today, with their count: a ceiling that may only come down. KEHA's
# dashboard reads the decisions (two), the networks, their statuses and the recent reminders;
# its CSV the same less the reminders. (The CSV has no page frame: before the header's counts
# were kept in the cache, the base it is measured against counted them, and hid one of its own.)
OWN_ABOVE_LIMIT = {"operating_model:adoption_dashboard": 5, "operating_model:adoption_dashboard_csv": 4}
# The roles whose cost of every request leaves room for three queries within ten today.
WITHIN_TEN = ("anonymous", "member", "other_member")
REFERENCE = "/search/"


def _count(client, path) -> int | None:
    if client.get(path).status_code != 200:  # the first request fills the per-process caches
        return None
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return len(queries) if response.status_code == 200 else None


def counts(world, role) -> tuple[int, dict[str, int]]:
    client = client_for(world, role, raise_request_exception=False)
    base = _count(client, REFERENCE)
    assert base is not None
    found = {}
    for route, access in routes_with_access():
        if not route.key.startswith("operating_model:") or access.expected[role] != OK:
            continue
        path = address(route, access, world)
        number = _count(client, path) if path else None
        if number is not None:
            found[f"{route.key} {path}"] = number
    return base, found


def grow(world) -> None:
    """More networks, each with members, services, who's who entries and adoption statuses,
    and more of each in the world's own network."""
    category = ServiceCategory.objects.first()
    for number in range(4):
        network = make_network(f"Kasvuverkosto {number}", slug=f"kasvuverkosto-{number}")
        make_member(network)
        for target in (network, world.network):
            service = NetworkService.objects.create(
                network=target, category=category, name=f"Palvelu {number}", provider="Kunta"
            )
            service.municipalities.set(world.network_service.municipalities.all())
            WhosWhoEntry.objects.create(
                network=target,
                kind=EntryKind.AREA,
                role=f"Yhteyshenkilö {number}",
                name=f"Henkilö {number}",
                confirmed_at=timezone.now(),
            )
        AdoptionStatus.objects.create(
            network=network, page=None, state=AdoptionState.HANDLED, handled_on=datetime.date(2025, 1, 1)
        )


def test_the_operating_models_pages_read_at_most_three_queries_of_their_own(world, settings):
    settings.PAGE_CACHE_SECONDS = 0
    small = {role: counts(world, role) for role in ROLES}
    grow(world)
    larger = {role: counts(world, role) for role in ROLES}
    problems, report = [], []
    for role in ROLES:
        base, pages = small[role]
        assert pages, f"nothing was opened as {role}"
        for key, number in sorted(pages.items()):
            later = larger[role][1].get(key, number)
            report.append(f"  {role:14} {number:3d} {later:3d} (own {number - base}) {key}")
            limit = OWN_ABOVE_LIMIT.get(key.split(" ")[0], OWN_LIMIT)
            if number - base > limit:
                problems.append(f"{role} {key}: {number - base} queries of its own (at most {limit})")
            if later > number:
                problems.append(f"{role} {key}: grows with the content, {number} -> {later}")
            if role in WITHIN_TEN and number > 10:
                problems.append(f"{role} {key}: {number} queries (at most 10)")
    print("\nOperating model (small / larger, own = beyond the role's base):\n" + "\n".join(report))
    assert not problems, "\n".join(problems)
