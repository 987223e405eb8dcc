"""The indicator pages cost no more queries with more networks, definitions and periods: three
of their own (the definitions, the networks, the figures), at most ten in all for a member or a
visitor. A network's admin pays the base of every page more (the second factor's check,
Wagtail's editing bar, the moderation count: tests/security/test_query_counts.py), which puts
the two entry pages at 13 and 12."""

import pytest
from django.db import connection
from django.urls import reverse

from tests.factories import make_network
from tests.indicators.conftest import add_figure, make_definition
from typ_site.indicators.models import PeriodType

pytestmark = pytest.mark.django_db


def _grow(definitions, start: int, count: int) -> None:
    for index in range(start, start + count):
        network = make_network(f"Verkosto {index}", slug=f"verkosto-{index}")
        for definition in definitions:
            for quarter in range(1, 5):
                add_figure(definition, network, 2024, quarter, index + quarter)


def _pages(started):
    return [
        (reverse("indicators:national"), "member", 10),
        (reverse("indicators:indicator", args=[started.key]), "member", 10),
        (reverse("indicators:network", args=["satakunta"]), "member", 10),
        (reverse("indicators:export_csv"), "member", 10),
        (
            reverse("indicators:enter", args=["satakunta", PeriodType.QUARTER]) + "?year=2024&number=1",
            "admin",
            13,
        ),
        (reverse("indicators:upload", args=["satakunta"]), "admin", 12),
        (reverse("indicators:national"), None, 10),
        (reverse("indicators:indicator", args=[started.key]), None, 10),
    ]


def _count(client, people, url, who, limit, django_assert_max_num_queries) -> int:
    client.logout()
    if who:
        client.force_login(people[who])
    client.get(url)  # the first request fills the per-process caches
    connection.queries_log.clear()
    with django_assert_max_num_queries(limit, info=url) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_the_pages_do_not_grow(client, people, started, django_assert_max_num_queries):
    definitions = [started, make_definition("paattyneet")]
    add_figure(started, people["network"], 2024, 1, 12)
    _grow(definitions, 1, 2)
    counts = [
        _count(client, people, url, who, limit, django_assert_max_num_queries)
        for url, who, limit in _pages(started)
    ]
    _grow(definitions + [make_definition("osuus", period_type=PeriodType.YEAR)], 10, 6)
    for (url, who, _limit), count in zip(_pages(started), counts, strict=True):
        _count(client, people, url, who, count, django_assert_max_num_queries)
