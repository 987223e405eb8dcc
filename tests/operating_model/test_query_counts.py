"""The register's pages cost the same number of queries however many tasks, parties,
networks and versions there are."""

import pytest
from django.db import connection
from django.urls import reverse

from tests.factories import make_member, make_network
from tests.operating_model.conftest import cells_form_data
from typ_site.operating_model.models import BaselineCell, ClientProcessTask, Involvement, Party
from typ_site.operating_model.selectors import national_baseline

pytestmark = pytest.mark.django_db


def _grow(count: int, start: int) -> None:
    """Add tasks (with baseline cells and law sections), a party and networks with agreements."""
    party = Party.objects.create(key=f"osapuoli-{start}", short_name=f"O{start}", name_fi=f"Osapuoli {start}")
    for number in range(start, start + count):
        task = ClientProcessTask.objects.create(key=f"tehtava-{number}", name_fi=f"Tehtävä {number}")
        BaselineCell.objects.create(task=task, party=party, involvement=Involvement.INFORMED)
        make_network(f"Verkosto {number}", slug=f"verkosto-{number}")


def _record(client, people, _baseline):
    client.force_login(people["admin"])
    client.post(
        reverse("operating_model:edit", args=[people["network"].slug]), cells_form_data(national_baseline())
    )


def _measure(client, person, url, django_assert_max_num_queries, grow):
    client.force_login(person)
    # The setup runs thousands of queries; the log keeps the last 9000, which would make the
    # count of the next block wrong, so it starts empty.
    connection.queries_log.clear()
    with django_assert_max_num_queries(40) as small:
        assert client.get(url).status_code == 200
    count = len(small.captured_queries)  # read now: the list is read from the log
    assert count > 0
    grow()
    connection.queries_log.clear()
    with django_assert_max_num_queries(count):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "name, args, who",
    [
        ("operating_model:baseline", [], "keha"),
        ("operating_model:comparison", [], "keha"),
        ("operating_model:agreement", ["satakunta"], "member"),
        ("operating_model:versions", ["satakunta"], "member"),
        ("operating_model:version", ["satakunta", 1], "member"),
        ("operating_model:edit", ["satakunta"], "admin"),
    ],
)
def test_register_pages_do_not_grow(client, people, baseline, django_assert_max_num_queries, name, args, who):
    _record(client, people, baseline)
    other = people["other_network"]
    client.force_login(people["other_admin"])
    client.post(reverse("operating_model:edit", args=[other.slug]), cells_form_data(baseline))
    _grow(2, 100)
    url = reverse(name, args=args)

    def grow():
        _grow(4, 200)
        for network_slug in ("verkosto-200", "verkosto-201"):
            make_member(make_network(f"Lisä {network_slug}", slug=f"lisa-{network_slug}"))
        _record(client, people, baseline)  # a second version
        client.force_login(people[who])

    _measure(client, people[who], url, django_assert_max_num_queries, grow)


@pytest.mark.parametrize(
    "name, args",
    [
        ("operating_model:baseline", []),
        ("operating_model:baseline_csv", []),
        ("operating_model:comparison", []),
        ("operating_model:comparison_csv", []),
        ("operating_model:agreement", ["satakunta"]),
        ("operating_model:agreement_csv", ["satakunta"]),
        ("operating_model:versions", ["satakunta"]),
        ("operating_model:version", ["satakunta", 1]),
    ],
)
def test_a_members_register_pages_take_at_most_ten_queries(
    client, people, baseline, django_assert_max_num_queries, name, args
):
    _record(client, people, baseline)
    _grow(3, 300)
    client.force_login(people["member"])
    url = reverse(name, args=args)
    assert client.get(url).status_code == 200  # the baseline is kept in the cache from here on
    connection.queries_log.clear()

    with django_assert_max_num_queries(10):
        assert client.get(url).status_code == 200


def test_a_changed_baseline_is_read_again(client, people, baseline):
    url = reverse("operating_model:baseline")
    client.get(url)
    cell = BaselineCell.objects.exclude(note="").first()

    cell.note = "Uusi kansallinen huomautus"
    cell.save()

    assert "Uusi kansallinen huomautus" in client.get(url).content.decode()
    party = Party.objects.get(pk=cell.party_id)
    party.short_name = "UUSI"
    party.save()
    assert "UUSI" in client.get(url).content.decode()
