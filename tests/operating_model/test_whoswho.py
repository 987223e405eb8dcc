"""Who's who (typ_site.operating_model.whoswho): who sees and keeps it, the flows of keeping it
up to date, its CSV, search, own-data export and notifications."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from forums.models import Notification
from forums.selectors import notifications_for
from search.selectors import search_for
from tests.factories import EVERY_KIND_OF_PERSON, make_member
from typ_site.accounts.exports import build_user_export
from typ_site.networks.services import leave_network
from typ_site.operating_model.models import Party
from typ_site.operating_model.whoswho.models import EntryKind, WhosWhoEntry, WhosWhoSettings
from typ_site.operating_model.whoswho.permissions import can_edit_whoswho, can_view_whole_whoswho
from typ_site.operating_model.whoswho.reminders import LEFT_REASON, REVIEW_REASON, notify_stale_entries
from typ_site.operating_model.whoswho.selectors import months_before

pytestmark = pytest.mark.django_db

VALID_CODE = "131052-308T"  # a well-formed henkilötunnus (the checksum holds)
EVERYONE = EVERY_KIND_OF_PERSON
SEES_WHOLE = {"member", "admin", "keha", "superuser"}
EDITS = {"admin", "superuser"}


def _entry(network, *, public=False, months_old=0, **fields):
    values = {
        "kind": EntryKind.BOARD,
        "role": "Puheenjohtaja",
        "name": "Kari Kuntala",
        "organisation": "Satakunnan työllisyysalue",
        "is_public": public,
        "confirmed_at": timezone.now() - datetime.timedelta(days=31 * months_old),
    }
    values.update(fields)
    return WhosWhoEntry.objects.create(network=network, **values)


@pytest.fixture
def entries(people):
    network = people["network"]
    return {
        "public": _entry(network, public=True, role="Puheenjohtaja", name="Julkinen Jäsen"),
        "private": _entry(
            network,
            kind=EntryKind.AREA,
            role="Terveydenhoitaja",
            area="Kankaanpää",
            name="Salainen Sari",
        ),
    }


def _page(client, person, slug="satakunta"):
    if person is not None:
        client.force_login(person)
    return client.get(reverse("operating_model:whoswho", args=[slug]))


# --- Permissions ---------------------------------------------------------------------------


@pytest.mark.parametrize("who", EVERYONE)
def test_the_whole_whoswho_is_for_the_networks_members_and_keha(people, who):
    assert can_view_whole_whoswho(people[who], people["network"]) is (who in SEES_WHOLE)


@pytest.mark.parametrize("who", EVERYONE)
def test_only_the_networks_own_admins_keep_its_whoswho(people, who):
    assert can_edit_whoswho(people[who], people["network"]) is (who in EDITS)


def test_a_signed_out_visitor_sees_the_public_entries_only(client, entries):
    visitor = AnonymousUser()
    assert not can_view_whole_whoswho(visitor, entries["public"].network)
    assert not can_edit_whoswho(visitor, entries["public"].network)
    page = _page(client, None).content.decode()
    assert "Julkinen Jäsen" in page
    assert "Salainen Sari" not in page


@pytest.mark.parametrize("who", EVERYONE)
def test_the_page_shows_each_person_what_they_may_see(client, people, entries, who):
    page = _page(client, people[who]).content.decode()
    assert "Julkinen Jäsen" in page
    assert ("Salainen Sari" in page) is (who in SEES_WHOLE)
    assert ("Lisää merkintä" in page) is (who in EDITS)


@pytest.mark.parametrize("who", ["member", "other_admin", "keha", "partner", "removed_member"])
def test_nobody_but_the_networks_admins_changes_an_entry(client, people, entries, who):
    entry = entries["public"]
    client.force_login(people[who])
    slug = "satakunta"
    assert client.get(reverse("operating_model:whoswho_add", args=[slug])).status_code == 403
    assert client.get(reverse("operating_model:whoswho_edit", args=[slug, entry.pk])).status_code == 403
    for name in ("whoswho_confirm", "whoswho_delete"):
        assert client.post(reverse(f"operating_model:{name}", args=[slug, entry.pk])).status_code == 403
    assert client.post(reverse("operating_model:whoswho_confirm_all", args=[slug])).status_code == 403
    entry.refresh_from_db()
    assert entry.name == "Julkinen Jäsen"


def test_an_admin_cannot_reach_another_networks_entry_through_their_own_network(client, people, entries):
    client.force_login(people["other_admin"])
    url = reverse("operating_model:whoswho_edit", args=["kymenlaakso", entries["public"].pk])
    assert client.get(url).status_code == 404
    confirm = reverse("operating_model:whoswho_delete", args=["kymenlaakso", entries["public"].pk])
    assert client.post(confirm).status_code == 404
    assert WhosWhoEntry.objects.filter(pk=entries["public"].pk).exists()


# --- Flows ---------------------------------------------------------------------------------


def test_an_admin_adds_a_member_a_person_without_an_account_and_a_vacancy(client, people):
    client.force_login(people["admin"])
    url = reverse("operating_model:whoswho_add", args=["satakunta"])
    member = people["member"]
    base = {"kind": "board", "role": "Jäsen", "sort_order": "0"}
    assert client.post(url, {**base, "user": member.pk}).status_code == 302
    assert (
        client.post(
            url, {**base, "name": "Kaija Kelanen", "organisation": "Kela", "is_public": "on"}
        ).status_code
        == 302
    )
    assert (
        client.post(url, {**base, "kind": "area", "role": "Terveydenhoitaja"}).status_code == 200
    )  # no area
    assert (
        client.post(
            url, {**base, "kind": "area", "role": "Terveydenhoitaja", "area": "Harjavalta"}
        ).status_code
        == 302
    )
    entries = list(WhosWhoEntry.objects.order_by("pk"))
    assert [entry.person_name for entry in entries] == [member.get_full_name(), "Kaija Kelanen", ""]
    assert entries[0].name == member.get_full_name()
    assert entries[2].is_vacant and not entries[0].is_vacant
    assert all(entry.confirmed_by == people["admin"] for entry in entries)
    page = _page(client, people["admin"]).content.decode()
    assert "Avoin" in page and "Harjavalta" in page


def test_a_pair_without_its_counterpart_is_a_vacancy(people):
    entry = _entry(people["network"], kind=EntryKind.PAIR, counterpart_role="Sosiaaliohjaaja")
    assert entry.is_vacant
    entry.counterpart_name = "Oona Ohjaaja"
    assert not entry.is_vacant


def test_an_identity_code_is_refused_in_an_entry(client, people):
    client.force_login(people["admin"])
    url = reverse("operating_model:whoswho_add", args=["satakunta"])
    for field in ("role", "name", "note", "counterpart_name", "contact"):
        data = {"kind": "pair", "role": "Jäsen", "sort_order": "0", field: f"Asiakas {VALID_CODE}"}
        assert client.post(url, data).status_code == 200
    assert not WhosWhoEntry.objects.exists()


def test_confirming_marks_an_old_entry_current_and_editing_confirms_too(client, people):
    old = _entry(people["network"], months_old=14)
    other = _entry(people["network"], months_old=14, role="Jäsen")
    member_page = _page(client, people["member"]).content.decode()
    assert "Tarkistettava" in member_page
    client.force_login(people["admin"])
    response = client.post(reverse("operating_model:whoswho_confirm", args=["satakunta", old.pk]))
    assert response.status_code == 302 and response["Location"].endswith(f"#entry-{old.pk}")
    old.refresh_from_db()
    other.refresh_from_db()
    assert old.confirmed_at > timezone.now() - datetime.timedelta(minutes=1)
    assert old.confirmed_by == people["admin"]
    assert other.confirmed_at < timezone.now() - datetime.timedelta(days=300)
    client.post(
        reverse("operating_model:whoswho_edit", args=["satakunta", other.pk]),
        {"kind": "board", "role": "Varapuheenjohtaja", "name": "Kari Kuntala", "sort_order": "1"},
    )
    other.refresh_from_db()
    assert other.role == "Varapuheenjohtaja"
    assert other.confirmed_at > timezone.now() - datetime.timedelta(minutes=1)


def test_confirm_all_and_remove(client, people):
    first, second = _entry(people["network"], months_old=20), _entry(people["network"], months_old=20)
    theirs = _entry(people["other_network"], months_old=20)
    client.force_login(people["admin"])
    client.post(reverse("operating_model:whoswho_confirm_all", args=["satakunta"]))
    limit = timezone.now() - datetime.timedelta(minutes=1)
    assert WhosWhoEntry.objects.filter(pk__in=[first.pk, second.pk], confirmed_at__gt=limit).count() == 2
    theirs.refresh_from_db()
    assert theirs.confirmed_at < limit
    client.post(reverse("operating_model:whoswho_delete", args=["satakunta", first.pk]))
    assert not WhosWhoEntry.objects.filter(pk=first.pk).exists()


def test_the_review_interval_is_the_networks_own(client, people):
    entry = _entry(people["network"], months_old=5)
    assert "Tarkistettava" not in _page(client, people["member"]).content.decode()
    client.force_login(people["admin"])
    url = reverse("operating_model:whoswho_settings", args=["satakunta"])
    assert client.post(url, {"review_interval_months": "0"}).status_code == 200
    assert client.post(url, {"review_interval_months": "3"}).status_code == 302
    assert WhosWhoSettings.objects.get(network=people["network"]).review_interval_months == 3
    page = _page(client, people["member"]).content.decode()
    assert "Tarkistettava" in page and f'id="entry-{entry.pk}" class="whoswho-stale"' in page


def test_months_before_keeps_to_the_calendar():
    moment = datetime.datetime(2026, 3, 31, 12, tzinfo=datetime.UTC)
    assert months_before(moment, 1) == datetime.datetime(2026, 2, 28, 12, tzinfo=datetime.UTC)
    assert months_before(moment, 12) == datetime.datetime(2025, 3, 31, 12, tzinfo=datetime.UTC)
    assert months_before(moment, 3).date() == datetime.date(2025, 12, 31)


# --- Notifications -------------------------------------------------------------------------


def _review_notices(person):
    return notifications_for(person).filter(reason=Notification.Reason.WHOSWHO_REVIEW)


def test_admins_hear_of_old_entries_once_per_interval(client, people):
    _entry(people["network"], months_old=13)
    _entry(people["other_network"], months_old=2)
    now = timezone.now()
    assert notify_stale_entries(now) == 1
    assert _review_notices(people["admin"]).count() == 1
    assert not _review_notices(people["member"]).exists()
    assert not _review_notices(people["other_admin"]).exists()
    # The next days: nothing new, however often the timer runs.
    assert notify_stale_entries(now + datetime.timedelta(days=1)) == 0
    call_command("send_whoswho_reviews", stdout=io.StringIO())
    assert _review_notices(people["admin"]).count() == 1
    # A whole interval later, if still not confirmed, again (and the other network's entry
    # has grown old meanwhile).
    assert notify_stale_entries(now + datetime.timedelta(days=370)) == 2
    assert _review_notices(people["admin"]).count() == 2
    assert _review_notices(people["other_admin"]).count() == 1
    client.force_login(people["admin"])
    notice = _review_notices(people["admin"]).first()
    assert "Satakunnan TYP" in client.get(reverse("forums:notifications")).content.decode()
    response = client.get(reverse("forums:open_notification", args=[notice.pk]))
    assert response["Location"] == reverse("operating_model:whoswho", args=["satakunta"])


def test_a_network_with_current_entries_is_not_told(people):
    _entry(people["network"], months_old=2)
    assert notify_stale_entries() == 0
    assert not Notification.objects.exists()


def test_a_named_person_leaving_prompts_the_admins(people, django_capture_on_commit_callbacks):
    named, unnamed = people["member"], make_member(people["network"])
    _entry(people["network"], kind=EntryKind.PAIR, name="Joku", counterpart_user=named, counterpart_name="X")
    with django_capture_on_commit_callbacks(execute=True):
        leave_network(unnamed, people["network"])
    assert not Notification.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        leave_network(named, people["network"])
    notices = notifications_for(people["admin"]).filter(reason=Notification.Reason.WHOSWHO_LEFT)
    assert [notice.actor for notice in notices] == [named]
    assert not notifications_for(people["other_admin"]).exists()


def test_a_deleted_account_still_prompts_the_admins(people, django_capture_on_commit_callbacks):
    named = people["member"]
    entry = _entry(people["network"], user=named, name="Maija Mallikas")
    with django_capture_on_commit_callbacks(execute=True):
        named.delete()
    entry.refresh_from_db()
    assert entry.user is None and entry.person_name == "Maija Mallikas"
    notices = notifications_for(people["admin"]).filter(reason=Notification.Reason.WHOSWHO_LEFT)
    assert notices.count() == 1 and notices.get().actor is None


# --- CSV, search, own-data export ------------------------------------------------------------


def _csv_rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


@pytest.mark.parametrize(
    "who, rows", [(None, 1), ("other_member", 1), ("partner", 1), ("member", 2), ("keha", 2)]
)
def test_the_csv_has_the_entries_the_person_may_see(client, people, entries, who, rows):
    if who:
        client.force_login(people[who])
    response = client.get(reverse("operating_model:whoswho_csv", args=["satakunta"]))
    assert response.status_code == 200
    assert len(_csv_rows(response)) == 1 + rows


def _party(key, name_fi, name_sv):
    return Party.objects.create(key=key, short_name=key[:4].upper(), name_fi=name_fi, name_sv=name_sv)


def test_the_csv_names_each_places_party_in_the_readers_language(client, people):
    kela = _party("kela-x", "Kela", "FPA")
    _entry(people["network"], public=True, name="Kaisa Kelalainen", party=kela)
    _entry(people["network"], public=True, name="Muu Jäsen")
    url = reverse("operating_model:whoswho_csv", args=["satakunta"])

    finnish = _csv_rows(client.get(url))
    with translation.override("sv"):
        swedish = _csv_rows(client.get(reverse("operating_model:whoswho_csv", args=["satakunta"])))

    column = finnish[0].index("Organisaation tyyppi")
    assert {row[3]: row[column] for row in finnish[1:]} == {"Kaisa Kelalainen": "Kela", "Muu Jäsen": ""}
    assert swedish[0][column] == "Organisationstyp"
    assert {row[3]: row[column] for row in swedish[1:]} == {"Kaisa Kelalainen": "FPA", "Muu Jäsen": ""}


def test_the_party_of_a_members_only_place_is_in_the_members_csv_only(client, people):
    _entry(people["network"], name="Salainen Sari", party=_party("sote-x", "Sosiaalityö", "Socialarbete"))
    url = reverse("operating_model:whoswho_csv", args=["satakunta"])

    public = client.get(url).content.decode("utf-8-sig")
    client.force_login(people["member"])
    whole = client.get(url).content.decode("utf-8-sig")

    assert "Sosiaalityö" not in public
    assert "Salainen Sari;Satakunnan työllisyysalue;Sosiaalityö;" in whole


def test_a_formula_is_not_run_from_the_csv(client, people):
    _entry(people["network"], public=True, role="=HYPERLINK(1)")
    rows = _csv_rows(client.get(reverse("operating_model:whoswho_csv", args=["satakunta"])))
    assert rows[1][1] == "'=HYPERLINK(1)"


def test_the_search_finds_an_entry_under_the_pages_rule(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        public = _entry(people["network"], public=True, role="Puheenjohtaja", name="Ukko Uniikkinimi")
        private = _entry(people["network"], role="Jäsen", name="Ulla Uniikkinimi")
    for who, expected in [
        (AnonymousUser(), {public}),
        (people["other_member"], {public}),
        (people["partner"], {public}),
        (people["removed_member"], {public}),
        (people["member"], {public, private}),
    ]:
        keys = set(search_for(who, "Uniikkinimi").keys)
        assert keys == {f"whoswho:{entry.pk}" for entry in expected}, who


def test_the_own_data_export_has_the_entries_that_name_the_person(people):
    _entry(people["network"], user=people["member"], name="Minä", role="Jäsen")
    _entry(people["network"], kind=EntryKind.PAIR, counterpart_user=people["member"], counterpart_role="Pari")
    _entry(people["network"], name="Joku muu")
    section = build_user_export(people["member"])["whoswho_entries_naming_me"]
    assert sorted(row["role"] for row in section) == ["Jäsen", "Pari"]
    assert build_user_export(people["admin"])["whoswho_entries_naming_me"] == []


def test_the_notices_use_reasons_the_notifications_know():
    assert {REVIEW_REASON, LEFT_REASON} == set(Notification.NETWORK_REASONS)
