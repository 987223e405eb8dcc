"""Searches that found nothing: counted per normalised query and day, never with a personal
identity code or anything about the person, purged after 90 days, reported to KEHA only."""

import csv
import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from search.backends import get_backend
from search.models import ZeroResultSearch
from search.zero_results import KEEP_DAYS, normalise, purge, record, report
from tests.factories import make_keha_staff, make_member, make_network, make_network_admin, make_user

from .conftest import make_document

pytestmark = pytest.mark.django_db

CODE = "130585-234W"  # valid, for a fictitious birth date
REPORT = "search_reports:zero_results"


@pytest.fixture
def indexed():
    get_backend().index_documents([make_document("page:1", "Työkokeilun ohje", "Työkokeilu kestää.")])


def search(client, query, **params):
    return client.get(reverse("search:search"), {"q": query, **params})


def stored() -> dict[str, int]:
    return {row.query: row.count for row in ZeroResultSearch.objects.all()}


def test_a_search_that_finds_nothing_is_counted_per_normalised_query(client, indexed):
    search(client, "Kvanttifysiikka")
    search(client, "  kvanttifysiikka ")
    search(client, "KVANTTIFYSIIKKA")
    search(client, "työkokeilu")

    assert stored() == {"kvanttifysiikka": 3}
    row = ZeroResultSearch.objects.get()
    assert row.day == timezone.localdate()


def test_nothing_about_the_person_is_stored(client, indexed):
    client.force_login(make_user())
    search(client, "kvanttifysiikka")

    assert {field.name for field in ZeroResultSearch._meta.fields} == {"id", "query", "day", "count"}


def test_a_query_with_an_identity_code_is_never_stored(client, indexed):
    response = search(client, f"asiakas {CODE}")
    search(client, f"{CODE[:6]} {CODE[6:]}")  # not a code: six digits, then the rest

    assert response.status_code == 200
    assert not ZeroResultSearch.objects.filter(query__contains=CODE.lower()).exists()
    assert record(f"kuka on {CODE}") is False
    assert record(f"kuka on {CODE.lower()}") is False
    assert not ZeroResultSearch.objects.filter(query__contains="130585-234").exists()


def test_searches_narrowed_by_filters_or_past_the_first_page_are_not_counted(client, indexed):
    search(client, "työkokeilu", kind="event")
    search(client, "kvanttifysiikka", page="2")

    assert stored() == {}


def test_the_report_sums_the_last_90_days_and_names_the_last_day(db):
    today = timezone.localdate()
    for days_ago, times in ((0, 2), (10, 3), (KEEP_DAYS, 7)):
        for _ in range(times):
            record("kvanttifysiikka", day=today - timedelta(days=days_ago))
    record("aikakone", day=today - timedelta(days=3))

    rows = list(report(today))

    assert rows == [
        {"query": "kvanttifysiikka", "total": 5, "last_seen": today},
        {"query": "aikakone", "total": 1, "last_seen": today - timedelta(days=3)},
    ]


def test_old_rows_are_purged_by_the_timers(db):
    today = timezone.localdate()
    record("vanha", day=today - timedelta(days=KEEP_DAYS))
    record("tuore", day=today - timedelta(days=KEEP_DAYS - 1))

    call_command("run_timers", "--once")

    assert stored() == {"tuore": 1}
    assert purge() == 0


def test_normalising_folds_case_width_and_spaces():
    assert normalise("  HVA:n   Sosiaaliohjaaja\t") == "hva:n sosiaaliohjaaja"
    assert normalise("ＴＹＭ") == "tym"
    assert len(normalise("a" * 500)) == 200


def test_keha_sees_the_report_with_a_link_to_add_a_synonym(client):
    record("jobcoaching")
    record("jobcoaching")
    client.force_login(make_keha_staff("Editors"))

    response = client.get(reverse(REPORT))

    assert response.status_code == 200
    assert "jobcoaching" in response.text
    # Counted per day: the day, not a time since its midnight ("54 minutes ago").
    today = timezone.localdate()
    cells = response.text.replace("\n", "").replace(" ", "")
    assert f"<td>{today.day}.{today.month}.{today.year}</td>" in cells
    add = reverse("wagtailsnippets_search_synonymgroup:add") + "?expressions=jobcoaching"
    assert add in response.text
    form = client.get(add)
    assert form.status_code == 200
    assert form.context["form"].initial["expressions"] == "jobcoaching"


def test_the_report_s_query_count_does_not_grow_with_its_rows(client, django_assert_max_num_queries):
    client.force_login(make_keha_staff("Editors"))
    record("yksi")
    client.get(reverse(REPORT))
    with django_assert_max_num_queries(20) as few:
        client.get(reverse(REPORT))
    for number in range(60):
        record(f"haku {number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse(REPORT))
    assert "haku 59" in response.text


def test_the_report_exports_csv_safe_for_spreadsheets(client):
    record("jobcoaching")
    record("=HYPERLINK(1)")
    client.force_login(make_keha_staff("Editors"))

    response = client.get(reverse(REPORT), {"export": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 3
    assert ["jobcoaching", "1", str(timezone.localdate())] in rows
    assert ["'=hyperlink(1)", "1", str(timezone.localdate())] in rows


@pytest.mark.parametrize("role", ["member", "network_admin", "editor"])
def test_nobody_else_sees_the_report_or_its_menu_item(client, role):
    record("jobcoaching")
    network = make_network()
    person = {
        "member": lambda: make_member(network),
        "network_admin": lambda: make_network_admin(network),
        "editor": lambda: make_user(groups=("Editors",)),
    }[role]()
    client.force_login(person)

    for name in (REPORT, "search_reports:zero_results_results"):
        response = client.get(reverse(name), {"export": "csv"} if name == REPORT else {})
        assert response.status_code in (302, 403)
        assert b"jobcoaching" not in b"".join(getattr(response, "streaming_content", [response.content]))
    home = client.get(reverse("wagtailadmin_home"))
    assert reverse(REPORT) not in home.content.decode()


def test_keha_has_the_report_in_the_reports_menu(client):
    client.force_login(make_keha_staff("Editors"))

    response = client.get(reverse("wagtailadmin_home"))

    assert reverse(REPORT) in response.content.decode()
