"""The search's vocabulary: synonym groups edited in the admin by KEHA only, used at once."""

import importlib

import pytest
from django.apps import apps as django_apps

from search.backends import SearchRequest, get_backend
from search.models import SynonymGroup
from search.vocabulary import EVERYDAY_GROUPS, STATIC_VOCABULARY, SYNONYM_GROUPS
from tests.factories import make_keha_staff, make_user
from typ_site.core.access import PUBLIC

from .conftest import make_document

pytestmark = pytest.mark.django_db

everyday_migration = importlib.import_module("search.migrations.0011_seed_everyday_vocabulary")


def search_keys(query: str) -> list[str]:
    return get_backend().search(SearchRequest(query, frozenset({PUBLIC}))).keys


def test_the_field_s_vocabulary_is_seeded():
    expressions = {tuple(group.expression_list()) for group in SynonymGroup.objects.all()}

    assert ("HVA", "hyvinvointialue") in expressions


def test_the_everyday_words_of_the_field_are_seeded_and_known_without_a_database():
    expressions = {tuple(group.expression_list()) for group in SynonymGroup.objects.all()}

    assert set(EVERYDAY_GROUPS) <= expressions
    assert EVERYDAY_GROUPS == everyday_migration.SEED
    assert set(EVERYDAY_GROUPS) <= set(SYNONYM_GROUPS)
    assert any("toimeentulo" in group and "rahapula" in group for group in STATIC_VOCABULARY.groups)


def test_seeding_again_adds_nothing_and_going_back_leaves_the_editors_groups():
    edited = SynonymGroup.objects.get(expressions__startswith="poissaolo")
    edited.expressions += "\nei saavu vastaanotolle"
    edited.save()
    own = SynonymGroup.objects.create(expressions="sote\nsosiaali- ja terveyspalvelut\nsote-palvelut")
    count = SynonymGroup.objects.count()

    everyday_migration.seed(django_apps, None)
    assert SynonymGroup.objects.count() == count + 1  # the edited group's seeded form is back

    everyday_migration.unseed(django_apps, None)
    remaining = {group.pk for group in SynonymGroup.objects.all()}
    assert {edited.pk, own.pk} <= remaining
    assert not SynonymGroup.objects.filter(expressions="lomake\nkaavake").exists()
    assert SynonymGroup.objects.filter(expressions__startswith="HVA").exists()


def test_a_saved_synonym_group_is_searched_for_at_once():
    get_backend().index_documents([make_document("page:1", "Työhönvalmennus", "Valmentaja tukee.")])
    assert search_keys("jobcoaching") == []

    SynonymGroup.objects.create(expressions="jobcoaching\ntyöhönvalmennus")

    assert search_keys("jobcoaching") == ["page:1"]


def test_keha_edits_the_synonym_groups_in_the_admin(client):
    group = SynonymGroup.objects.get(expressions__startswith="HVA")
    client.force_login(make_keha_staff("Editors"))

    assert client.get("/admin/snippets/search/synonymgroup/").status_code == 200
    response = client.post(
        f"/admin/snippets/search/synonymgroup/edit/{group.pk}/",
        {"expressions": "HVA\nhyvinvointialue\nsote-alue", "note": ""},
    )

    assert response.status_code == 302
    group.refresh_from_db()
    assert group.expression_list() == ["HVA", "hyvinvointialue", "sote-alue"]


def test_other_editors_cannot_open_the_synonym_groups(client):
    group = SynonymGroup.objects.get(expressions__startswith="HVA")
    client.force_login(make_user(groups=("Editors",)))

    assert client.get("/admin/snippets/search/synonymgroup/").status_code in (302, 403)
    response = client.post(
        f"/admin/snippets/search/synonymgroup/edit/{group.pk}/",
        {"expressions": "HVA", "note": ""},
    )
    assert response.status_code in (302, 403)
    group.refresh_from_db()
    assert "hyvinvointialue" in group.expression_list()
