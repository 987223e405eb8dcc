"""Who's who's pages cost at most ten queries, however many networks and entries there are;
its demo content fills all four demo networks and can be loaded again."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_member, make_network
from typ_site.core.demo_content import load_core_demo
from typ_site.operating_model.demo import load_operating_model_demo
from typ_site.operating_model.whoswho.demo import load_whoswho_demo
from typ_site.operating_model.whoswho.models import EntryKind, WhosWhoEntry

pytestmark = pytest.mark.django_db


def _grow(people, count: int, start: int) -> None:
    network = people["network"]
    for number in range(start, start + count):
        other = make_network(f"Verkosto {number}", slug=f"verkosto-{number}")
        member = make_member(network)
        for kind in EntryKind:
            for target in (network, other):
                WhosWhoEntry.objects.create(
                    network=target,
                    kind=kind,
                    role=f"Rooli {number}",
                    area=f"Alue {number}",
                    user=member,
                    counterpart_user=member,
                    is_public=number % 2 == 0,
                    confirmed_at=timezone.now() - datetime.timedelta(days=40 * number),
                )


@pytest.mark.parametrize(
    "name, who, extra",
    [
        ("operating_model:whoswho", None, {}),
        ("operating_model:whoswho", "member", {}),
        ("operating_model:whoswho", "other_member", {}),
        ("operating_model:whoswho", "admin", {}),
        ("operating_model:whoswho_csv", "keha", {}),
        ("operating_model:whoswho_add", "admin", {}),
        ("operating_model:whoswho_edit", "admin", {"pk": True}),
        ("operating_model:whoswho_settings", "admin", {}),
        ("networks:list", None, {}),
    ],
)
def test_whoswho_pages_do_not_grow(client, people, django_assert_max_num_queries, name, who, extra):
    _grow(people, 2, 1)
    entry = WhosWhoEntry.objects.filter(network=people["network"]).first()
    if name == "networks:list":
        url = reverse(name)
    else:
        kwargs = {"slug": "satakunta", **({"pk": entry.pk} if extra.get("pk") else {})}
        url = reverse(name, kwargs=kwargs)

    def get():
        if who:
            client.force_login(people[who])
        connection.queries_log.clear()
        return client.get(url)

    with django_assert_max_num_queries(40) as small:
        assert get().status_code == 200
    count = len(small.captured_queries)
    _grow(people, 5, 10)
    with django_assert_max_num_queries(count) as large:
        response = get()
        assert response.status_code == 200
    # The site's own frame (the header's notifications, the menu) comes on top of the page's
    # own queries; the page stays within ten of its own.
    assert len(large.captured_queries) <= count


# A network's admin and KEHA staff pay the site frame's own extra queries on every page (the
# second factor's check, Wagtail's editing bar, the moderation count: see
# tests/security/test_query_counts.py); the page's own reads are the same three.
@pytest.mark.parametrize(
    "who, limit", [(None, 10), ("member", 10), ("partner", 10), ("admin", 13), ("keha", 13)]
)
def test_the_page_stays_within_ten_queries_of_its_own(
    client, people, django_assert_max_num_queries, who, limit
):
    _grow(people, 5, 1)
    if who:
        client.force_login(people[who])
    url = reverse("operating_model:whoswho", args=["satakunta"])
    client.get(url)  # warm the per-process caches (site root, menus)
    connection.queries_log.clear()
    with django_assert_max_num_queries(limit):
        assert client.get(url).status_code == 200


def test_the_demo_fills_every_network_and_can_be_loaded_again(home):
    load_core_demo()
    load_operating_model_demo()
    load_whoswho_demo()
    count = WhosWhoEntry.objects.count()
    load_whoswho_demo()
    assert WhosWhoEntry.objects.count() == count
    slugs = set(WhosWhoEntry.objects.values_list("network__slug", flat=True))
    assert slugs == {"satakunta", "pohjois-karjala", "kymenlaakso", "pohjois-pohjanmaa"}
    for slug in slugs:
        kinds = set(WhosWhoEntry.objects.filter(network__slug=slug).values_list("kind", flat=True))
        assert EntryKind.BOARD in kinds and len(kinds) >= 2
    entries = list(WhosWhoEntry.objects.select_related("user", "counterpart_user"))
    assert any(entry.is_vacant for entry in entries)
    assert any(entry.user_id for entry in entries) and any(
        not entry.user_id and entry.name for entry in entries
    )
    assert WhosWhoEntry.objects.filter(
        confirmed_at__lt=timezone.now() - datetime.timedelta(days=366)
    ).exists()


def test_the_demo_johtoryhma_seats_have_parties_and_show_as_an_indicator(client, home):
    load_core_demo()
    load_operating_model_demo()
    load_whoswho_demo()
    board = WhosWhoEntry.objects.filter(kind=EntryKind.BOARD)
    assert board.exists() and not board.filter(party__isnull=True).exists()
    assert set(board.values_list("party__key", flat=True)) >= {"employment-authority", "social-work", "kela"}
    html = client.get(reverse("indicators:national")).content.decode()
    assert "Johtoryhmän kokoonpano" in html and 'aria-labelledby="board-title board-desc"' in html
