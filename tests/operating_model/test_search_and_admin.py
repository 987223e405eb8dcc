"""The baseline in the site search, and the admin's baseline kept by KEHA only."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils.translation import override

from knowledge.editorial import setup_editorial_workflow
from search.selectors import search_for
from tests.factories import give_authenticator
from tests.operating_model.conftest import cells_form_data
from typ_site.operating_model.models import BaselineCell, ClientProcessTask, Involvement, Party
from typ_site.operating_model.permissions import can_view_agreement

pytestmark = pytest.mark.django_db


def test_a_task_of_the_baseline_is_found_by_anyone(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        party = Party.objects.create(key="kela", short_name="Kela", name_fi="Kela")
        task = ClientProcessTask.objects.create(
            key="loppuarvio", name_fi="Loppuarvio ja asiakkuuden päättäminen"
        )
        BaselineCell.objects.create(task=task, party=party, involvement=Involvement.TAKES_PART)

    assert f"responsibility:{task.pk}" in search_for(AnonymousUser(), "loppuarvio").keys


@pytest.mark.parametrize("who", ["admin", "member"])
def test_a_network_admin_cannot_change_the_baseline_in_the_admin(client, people, who):
    setup_editorial_workflow()
    person = people[who]
    if not Authenticator.objects.filter(user=person).exists():
        give_authenticator(person)
    client.force_login(person)
    response = client.post(
        reverse("wagtailsnippets_operating_model_party:add"),
        {"name_fi": "Oma osapuoli", "short_name": "Oma", "key": "oma", "sort_order": 0},
    )
    assert response.status_code != 200
    assert not Party.objects.filter(key="oma").exists()


def test_keha_staff_add_a_party_in_the_admin(client, people):
    setup_editorial_workflow()
    client.force_login(people["keha"])
    response = client.post(
        reverse("wagtailsnippets_operating_model_party:add"),
        {"name_fi": "Oppilaitos", "short_name": "Oppilaitos", "key": "oppilaitos", "sort_order": 9},
    )
    assert response.status_code == 302
    assert Party.objects.filter(key="oppilaitos").exists()


# --- The local agreements in the search ---------------------------------------------------------

AGREEMENT_FINDERS = {
    "member": True,
    "admin": True,
    "keha": True,
    "superuser": True,
    "other_member": False,
    "other_admin": False,
    "partner": False,
    "removed_member": False,
    "removed_account": False,
}


def _record_with_deviation(client, people, baseline, django_capture_on_commit_callbacks):
    task, party = baseline.tasks[0], baseline.parties[0]
    other = next(value for value in Involvement.values if value != baseline.involvement(task.pk, party.pk))
    client.force_login(people["admin"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("operating_model:edit", args=["satakunta"]),
            cells_form_data(
                baseline,
                change_note="Johtoryhmä vahvisti sopimuksen.",
                changes={(task.key, party.key): (other, "Oma huomautus", "Kuopiomallin mukainen työnjako")},
            ),
        )
    assert response.status_code == 302


@pytest.mark.parametrize("who", [*AGREEMENT_FINDERS, "anonymous"])
def test_a_local_agreement_is_found_by_those_who_may_open_it(
    client, people, baseline, who, django_capture_on_commit_callbacks
):
    _record_with_deviation(client, people, baseline, django_capture_on_commit_callbacks)
    person = AnonymousUser() if who == "anonymous" else people[who]
    network = people["network"]

    found = f"agreement:{network.pk}" in search_for(person, "Kuopiomallin").keys

    assert found is AGREEMENT_FINDERS.get(who, False)
    assert found is can_view_agreement(person, network)


def test_only_the_current_version_is_indexed(client, people, baseline, django_capture_on_commit_callbacks):
    _record_with_deviation(client, people, baseline, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("operating_model:edit", args=["satakunta"]),
            cells_form_data(baseline, change_note="Palattiin kansalliseen linjaan."),
        )

    assert search_for(people["member"], "Kuopiomallin").keys == []
    assert f"agreement:{people['network'].pk}" in search_for(people["member"], "kansalliseen linjaan").keys


# --- Abbreviations and notes in three languages -----------------------------------------------


def test_the_register_shows_abbreviations_and_notes_in_the_readers_language(client, baseline):
    party = Party.objects.get(key="social-work")
    cell = BaselineCell.objects.filter(party=party).exclude(note="").first()
    cell.note_sv = "Anteckning på svenska"
    cell.save()
    other = BaselineCell.objects.filter(party=party).exclude(note="").exclude(pk=cell.pk).first()

    with override("sv"):
        swedish = client.get(reverse("operating_model:baseline")).content.decode()
    with override("fi"):
        finnish = client.get(reverse("operating_model:baseline")).content.decode()

    assert party.short_name_sv and party.short_name_sv in swedish
    assert "Anteckning på svenska" in swedish and "Anteckning på svenska" not in finnish
    assert cell.note in finnish
    assert other.note in swedish  # no translation: the Finnish note
    assert party.short_name in finnish
