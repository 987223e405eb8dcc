"""The baseline in the site search, and the admin's baseline kept by KEHA only."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from knowledge.editorial import setup_editorial_workflow
from search.selectors import search_for
from tests.factories import give_authenticator
from typ_site.operating_model.models import BaselineCell, ClientProcessTask, Involvement, Party

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
