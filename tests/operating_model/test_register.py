"""The responsibility register on the site: the baseline, a network's agreement and its
versions, recording a new version, the comparison and the CSV exports."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from knowledge.models import NetworkIndexPage, NetworkPage
from tests.knowledge.conftest import add_page
from tests.operating_model.conftest import cells_form_data
from typ_site.accounts.exports import build_user_export
from typ_site.operating_model.models import AgreementCell, LocalAgreement

pytestmark = pytest.mark.django_db

VALID_CODE = "131052-308T"  # a well-formed henkilötunnus (the checksum holds)


def _client(client, person):
    if person is not None:
        client.force_login(person)
    return client


def _record(client, people, baseline, **form):
    _client(client, people["admin"])
    url = reverse("operating_model:edit", args=[people["network"].slug])
    return client.post(url, cells_form_data(baseline, **form))


def test_the_baseline_is_public_and_cites_the_law(client, people, baseline):
    response = client.get(reverse("operating_model:baseline"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Palvelutarpeen arviointi" in page
    assert "381/2023 4 §" in page
    assert '<th scope="col">' in page and "<caption" in page
    # A visitor gets no link to a network's private agreement.
    assert reverse("operating_model:agreement", args=["satakunta"]) not in page


def test_the_baseline_is_in_the_readers_language(client, people, baseline):
    response = client.get("/en" + reverse("operating_model:baseline"))
    assert "Service-need assessment" in response.content.decode()


def test_a_network_admin_records_a_version_with_a_reasoned_deviation(client, people, baseline):
    response = _record(
        client,
        people,
        baseline,
        change_note="Terveydenhoitaja mukaan seurantaan.",
        changes={("plan-follow-up", "health-care"): ("takes_part", "", "Nimetty terveydenhoitaja seuraa.")},
    )
    assert response.status_code == 302
    agreement = LocalAgreement.objects.get(network=people["network"])
    assert agreement.version == 1 and agreement.recorded_by == people["admin"]
    deviating = AgreementCell.objects.get(agreement=agreement, deviation_reason__gt="")
    assert (deviating.involvement, deviating.baseline_involvement) == ("takes_part", "informed")
    page = client.get(reverse("operating_model:agreement", args=["satakunta"])).content.decode()
    assert "Nimetty terveydenhoitaja seuraa." in page
    assert "Poikkeaa" in page  # the mark is a word, not a colour only


def test_a_deviation_without_a_reason_is_refused_and_nothing_is_saved(client, people, baseline):
    response = _record(
        client, people, baseline, changes={("plan-follow-up", "health-care"): ("takes_part", "", "")}
    )
    assert response.status_code == 200
    assert "anna lyhyt perustelu" in response.content.decode()
    assert not LocalAgreement.objects.exists()


def test_an_identity_code_is_refused_in_every_text_of_the_form(client, people, baseline):
    task, party = baseline.tasks[0], baseline.parties[0]
    for field in ("note", "reason"):
        data = cells_form_data(baseline)
        data[f"cell-{task.pk}-{party.pk}-{field}"] = f"Asiakas {VALID_CODE}"
        _client(client, people["admin"])
        response = client.post(reverse("operating_model:edit", args=["satakunta"]), data)
        assert response.status_code == 200
    response = _record(client, people, baseline, change_note=f"Koskee {VALID_CODE}")
    assert response.status_code == 200
    assert not LocalAgreement.objects.exists()


def test_each_confirmation_is_a_new_version_and_earlier_ones_stay_readable(client, people, baseline):
    _record(client, people, baseline, confirmed_on="2025-02-11")
    _record(
        client,
        people,
        baseline,
        confirmed_on="2025-09-09",
        changes={("continuation", "municipality"): ("none", "", "Kunta ei ole mukana verkostossa.")},
    )
    versions = list(LocalAgreement.objects.filter(network=people["network"]).order_by("version"))
    assert [agreement.version for agreement in versions] == [1, 2]
    history = client.get(reverse("operating_model:versions", args=["satakunta"])).content.decode()
    assert "11.2.2025" in history and "9.9.2025" in history
    first = client.get(reverse("operating_model:version", args=["satakunta", 1])).content.decode()
    assert "Tämä on aiempi versio." in first
    assert "Kunta ei ole mukana verkostossa." not in first


def test_a_network_admin_cannot_record_another_networks_agreement(client, people, baseline):
    _client(client, people["other_admin"])
    url = reverse("operating_model:edit", args=["satakunta"])
    assert client.get(url).status_code == 404
    assert client.post(url, cells_form_data(baseline)).status_code == 404
    assert not LocalAgreement.objects.exists()


@pytest.mark.parametrize("who", ["member", "keha"])
def test_those_who_see_but_do_not_record_are_refused_the_form(client, people, baseline, who):
    _client(client, people[who])
    url = reverse("operating_model:edit", args=["satakunta"])
    assert client.get(url).status_code == 403
    assert client.post(url, cells_form_data(baseline)).status_code == 403
    assert not LocalAgreement.objects.exists()


AGREEMENT_ADDRESSES = [
    ("operating_model:agreement", ["satakunta"]),
    ("operating_model:versions", ["satakunta"]),
    ("operating_model:version", ["satakunta", 1]),
    ("operating_model:agreement_csv", ["satakunta"]),
    ("operating_model:edit", ["satakunta"]),
]


@pytest.mark.parametrize("name, args", AGREEMENT_ADDRESSES)
@pytest.mark.parametrize("who", ["other_member", "other_admin", "partner", "removed_member"])
def test_outsiders_get_nothing_of_a_networks_agreement(client, people, baseline, name, args, who):
    _record(client, people, baseline)
    client.logout()
    _client(client, people[who])
    assert client.get(reverse(name, args=args)).status_code == 404


@pytest.mark.parametrize("name, args", AGREEMENT_ADDRESSES)
def test_a_signed_out_visitor_is_asked_to_sign_in(client, people, baseline, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize("name, args", AGREEMENT_ADDRESSES)
def test_a_removed_account_gets_nothing(client, people, baseline, name, args):
    _client(client, people["removed_account"])
    assert client.get(reverse(name, args=args)).status_code in (302, 404)


@pytest.mark.parametrize("who, status", [("partner", 403), ("removed_member", 403), ("other_member", 200)])
def test_the_comparison_is_for_network_members_and_keha(client, people, baseline, who, status):
    _client(client, people[who])
    assert client.get(reverse("operating_model:comparison")).status_code == status
    assert client.get(reverse("operating_model:comparison_csv")).status_code == status


def test_the_comparison_marks_each_networks_deviations(client, people, baseline):
    _record(
        client,
        people,
        baseline,
        changes={("kela-services", "municipality"): ("informed", "", "Kunta tiedottaa.")},
    )
    client.force_login(people["other_member"])
    page = client.get(reverse("operating_model:comparison")).content.decode()
    assert "Kunta tiedottaa." in page
    assert "ei vielä paikallista sopimusta" in page  # Kymenlaakso has none


def _rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content if response.streaming else [response.content]).decode(
        "utf-8-sig"
    )
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_the_csv_exports_have_a_row_per_task_and_party(client, people, baseline):
    cells = len(baseline.tasks) * len(baseline.parties)
    assert len(_rows(client.get(reverse("operating_model:baseline_csv")))) == 1 + cells
    _record(
        client, people, baseline, changes={("kela-services", "municipality"): ("informed", "", "=SUM(A1)")}
    )
    rows = _rows(client.get(reverse("operating_model:agreement_csv", args=["satakunta"])))
    assert len(rows) == 5 + cells
    assert any("'=SUM(A1)" in row for row in rows), "a formula is written as text"
    comparison = _rows(client.get(reverse("operating_model:comparison_csv")))
    assert len(comparison) == 1 + 2 * cells  # both networks, the one without an agreement too


@pytest.mark.parametrize("who, linked", [("member", True), ("other_member", False), (None, False)])
def test_the_network_page_links_to_the_agreement_for_those_who_may_see_it(client, people, home, who, linked):
    index = add_page(home, NetworkIndexPage(title="Verkostot", slug="verkostot"))
    page = add_page(index, NetworkPage(title="Satakunta", slug="satakunta", network=people["network"]))
    _client(client, people[who] if who else None)
    html = client.get(page.url).content.decode()
    assert (f'href="{reverse("operating_model:agreement", args=["satakunta"])}"' in html) is linked
    assert (f'href="{reverse("operating_model:network_adoption", args=["satakunta"])}"' in html) is linked
    assert reverse("operating_model:baseline") in html
    # who's who and the services show each visitor what they may see, so everyone gets the links
    assert reverse("operating_model:whoswho", args=["satakunta"]) in html
    assert reverse("operating_model:network_services", args=["satakunta"]) in html


def test_the_own_data_export_lists_the_versions_the_person_recorded(client, people, baseline):
    _record(client, people, baseline, change_note="Ensimmäinen versio.")
    export = build_user_export(people["admin"])["responsibility_agreements_recorded"]
    assert [(row["network"], row["version"], row["change_note"]) for row in export] == [
        ("Satakunnan TYP", 1, "Ensimmäinen versio.")
    ]
    assert build_user_export(people["member"])["responsibility_agreements_recorded"] == []


def test_the_form_starts_from_the_current_version_with_todays_date(client, people, baseline):
    _record(
        client,
        people,
        baseline,
        changes={("kela-services", "municipality"): ("informed", "", "Kunta tiedottaa.")},
    )
    html = client.get(reverse("operating_model:edit", args=["satakunta"])).content.decode()
    assert f'type="date" name="confirmed_on" value="{timezone.localdate():%Y-%m-%d}"' in html
    assert 'value="Kunta tiedottaa."' in html
