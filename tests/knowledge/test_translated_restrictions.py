"""A page's view restrictions are the same in every language (`typ_site.core.translated_restrictions`):
restricting the Finnish page restricts its Swedish and English translations, for the page's
own address, the listings and the search, and so do changes of the groups and the removal."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser, Group
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page, PageViewRestriction

from knowledge.visibility import visible_pages
from search.backends import SearchRequest, get_backend
from search.models import PendingIndexUpdate
from tests.factories import make_keha_staff, make_member, make_network, make_user
from typ_site.accounts.roles import APPROVERS_GROUP, EDITORS_GROUP, KEHA_GROUP
from typ_site.core.access import PUBLIC
from typ_site.core.translated_restrictions import bring_in_step

from .conftest import make_guidance, publish

LOGIN, GROUPS, PASSWORD = PageViewRestriction.LOGIN, PageViewRestriction.GROUPS, PageViewRestriction.PASSWORD


@pytest.fixture
def locales(tree):
    """The Swedish and English locales, with the home page and the guidance section translated."""
    found = {}
    for code in ("sv", "en"):
        locale = Locale.objects.get_or_create(language_code=code)[0]
        publish(tree.home.copy_for_translation(locale))
        publish(tree.guidance.copy_for_translation(locale))
        found[code] = locale
    return found


@pytest.fixture
def keha():
    return Group.objects.get_or_create(name=KEHA_GROUP)[0]


@pytest.fixture
def guidance(tree, locales):
    """A Finnish guidance page and its Swedish and English translations, all live."""
    finnish = make_guidance(tree, title="Sisäinen ohje", slug="sisainen", intro="Vain omille luettavaksi.")
    versions = {"fi": finnish}
    for code, title, slug in (("sv", "Intern anvisning", "intern"), ("en", "Internal guide", "internal")):
        copy = finnish.copy_for_translation(locales[code])
        copy.title, copy.slug = title, slug
        versions[code] = publish(copy)
    return versions


def restrictions_of(page) -> list[tuple]:
    """The page's own restrictions as (type, password, group names)."""
    return [
        (r.restriction_type, r.password, sorted(group.name for group in r.groups.all()))
        for r in PageViewRestriction.objects.filter(page=page).order_by("pk")
    ]


def restrict(page, restriction_type, *groups, password=""):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=restriction_type, password=password
    )
    restriction.groups.set(groups)
    return restriction


def listed(client, index) -> list[str]:
    return [page.title for page in client.get(index.url).context["items"]]


def test_restricting_the_finnish_page_restricts_every_translation(guidance, keha):
    restrict(guidance["fi"], GROUPS, keha)

    for code in ("fi", "sv", "en"):
        assert restrictions_of(guidance[code]) == [(GROUPS, "", [KEHA_GROUP])], code


def test_the_swedish_translation_is_closed_to_outsiders_and_left_out_of_the_listing(
    tree, guidance, keha, client
):
    swedish_index = tree.guidance.get_translation(Locale.objects.get(language_code="sv"))
    assert "Intern anvisning" in listed(client, swedish_index)

    restrict(guidance["fi"], GROUPS, keha)

    assert client.get(guidance["sv"].url).status_code == 302  # to the sign-in
    assert "Intern anvisning" not in listed(client, swedish_index)
    outsider = Client()
    outsider.force_login(make_member(make_network()))
    assert outsider.get(guidance["sv"].url).status_code == 404
    assert "Intern anvisning" not in listed(outsider, swedish_index)
    insider = Client()
    insider.force_login(make_keha_staff())
    assert insider.get(guidance["sv"].url).status_code == 200


def test_a_restricted_finnish_section_reaches_the_pages_of_the_swedish_section(tree, guidance, client):
    restrict(tree.guidance, LOGIN)

    swedish_index = tree.guidance.get_translation(Locale.objects.get(language_code="sv"))
    assert restrictions_of(swedish_index) == [(LOGIN, "", [])]
    assert client.get(guidance["sv"].url).status_code == 302
    member = Client()
    member.force_login(make_user())
    assert member.get(guidance["sv"].url).status_code == 200


def test_the_search_leaves_the_swedish_translation_out(
    guidance, django_capture_on_commit_callbacks, settings
):
    settings.ELASTICSEARCH_URL = ""

    def found() -> list[str]:
        return get_backend().search(SearchRequest("anvisning", frozenset({PUBLIC}))).keys

    with django_capture_on_commit_callbacks(execute=True):
        publish(guidance["sv"])
    assert found() == [f"page:{guidance['sv'].pk}"]

    with django_capture_on_commit_callbacks(execute=True):
        restrict(guidance["fi"], LOGIN)

    assert found() == []


def test_changes_of_the_type_the_password_and_the_groups_follow(guidance, keha):
    other = Group.objects.create(name="Ohjausryhmä")
    restriction = restrict(guidance["fi"], LOGIN)

    restriction.restriction_type = GROUPS
    restriction.save()
    restriction.groups.add(keha, other)
    assert restrictions_of(guidance["sv"]) == [(GROUPS, "", sorted([KEHA_GROUP, "Ohjausryhmä"]))]

    restriction.groups.remove(keha)
    assert restrictions_of(guidance["en"]) == [(GROUPS, "", ["Ohjausryhmä"])]

    other.pageviewrestriction_set.remove(restriction)  # from the group's side
    assert restrictions_of(guidance["sv"]) == [(GROUPS, "", [])]

    restriction.restriction_type, restriction.password = PASSWORD, "Yhteinen-salasana-1"
    restriction.save()
    for code in ("sv", "en"):
        assert restrictions_of(guidance[code]) == [(PASSWORD, "Yhteinen-salasana-1", [])], code


def test_a_restriction_set_on_the_swedish_page_reaches_the_finnish_one(guidance, keha):
    restrict(guidance["sv"], GROUPS, keha)

    assert restrictions_of(guidance["fi"]) == restrictions_of(guidance["en"]) == [(GROUPS, "", [KEHA_GROUP])]


def test_deleting_the_restriction_frees_every_translation(guidance, client):
    restriction = restrict(guidance["fi"], LOGIN)

    restriction.delete()

    assert PageViewRestriction.objects.count() == 0
    assert client.get(guidance["sv"].url).status_code == 200


def test_deleting_a_translation_leaves_the_others_restricted(guidance):
    restrict(guidance["fi"], LOGIN)

    guidance["sv"].delete()

    assert restrictions_of(guidance["fi"]) == restrictions_of(guidance["en"]) == [(LOGIN, "", [])]


def test_one_restriction_per_version_however_it_is_changed(guidance, keha):
    restriction = restrict(guidance["fi"], GROUPS, keha)
    restriction.save()
    swedish = PageViewRestriction.objects.get(page=guidance["sv"])
    swedish.restriction_type = LOGIN
    swedish.save()
    swedish.groups.clear()

    assert PageViewRestriction.objects.count() == 3
    for code in ("fi", "sv", "en"):
        assert restrictions_of(guidance[code]) == [(LOGIN, "", [])], code


def test_a_new_translation_gets_the_restriction_once(tree, locales, keha):
    finnish = make_guidance(tree, title="Uusi ohje", slug="uusi")
    restrict(finnish, GROUPS, keha)

    swedish = finnish.copy_for_translation(locales["sv"])

    assert restrictions_of(swedish) == [(GROUPS, "", [KEHA_GROUP])]
    assert restrictions_of(finnish) == [(GROUPS, "", [KEHA_GROUP])]


def test_a_new_translation_under_a_restricted_section_gets_its_own_restriction_too(tree, locales, keha):
    """Wagtail copies no restriction to a page whose new parent is restricted."""
    restrict(tree.guidance, LOGIN)
    finnish = make_guidance(tree, title="Uusi ohje", slug="uusi")
    restrict(finnish, GROUPS, keha)

    swedish = finnish.copy_for_translation(locales["sv"])

    assert restrictions_of(swedish) == [(GROUPS, "", [KEHA_GROUP])]


def test_a_swedish_section_made_as_an_alias_follows_too(tree, keha):
    """Translating a page into a language without its section makes the section an alias."""
    swedish = Locale.objects.get_or_create(language_code="sv")[0]
    publish(tree.home.copy_for_translation(swedish))
    finnish = make_guidance(tree, title="Sisäinen ohje", slug="sisainen")
    copy = publish(finnish.copy_for_translation(swedish, copy_parents=True))
    section = copy.get_parent()
    assert section.alias_of_id == tree.guidance.pk

    restrict(tree.guidance, GROUPS, keha)

    assert restrictions_of(section) == [(GROUPS, "", [KEHA_GROUP])]
    assert not visible_pages(Page.objects.filter(pk=copy.pk), AnonymousUser()).exists()
    assert Client().get(copy.url).status_code == 302


def test_the_admins_privacy_dialog_restricts_and_frees_every_translation(guidance, keha, client):
    url = reverse("wagtailadmin_pages:set_privacy", args=[guidance["fi"].pk])
    client.get(guidance["sv"].url)  # kept in the page cache
    editor = Client()
    editor.force_login(make_user(is_superuser=True, is_staff=True))

    response = editor.post(url, {"restriction_type": GROUPS, "password": "", "groups": [keha.pk]})

    assert response.status_code == 200
    assert restrictions_of(guidance["sv"]) == restrictions_of(guidance["en"]) == [(GROUPS, "", [KEHA_GROUP])]
    assert client.get(guidance["sv"].url).status_code == 302

    editor.post(url, {"restriction_type": LOGIN, "password": "", "groups": []})
    assert restrictions_of(guidance["sv"]) == [(LOGIN, "", [])]

    editor.post(url, {"restriction_type": "none", "password": "", "groups": []})
    assert PageViewRestriction.objects.count() == 0
    assert client.get(guidance["sv"].url).status_code == 200


def test_keha_editors_and_approvers_cannot_set_privacy_in_the_admin(guidance, keha):
    """Wagtail lets those who may publish the page set its privacy: on this site, superusers."""
    editor = Client()
    editor.force_login(make_keha_staff(EDITORS_GROUP, APPROVERS_GROUP))

    response = editor.post(
        reverse("wagtailadmin_pages:set_privacy", args=[guidance["fi"].pk]),
        {"restriction_type": GROUPS, "password": "", "groups": [keha.pk]},
    )

    assert response.status_code in (302, 403)
    assert not PageViewRestriction.objects.exists()


def test_the_restrictions_made_before_are_brought_in_step(guidance, keha):
    """Rows made without signals (as before): each version gets every restriction of the others."""
    finnish = PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=guidance["fi"], restriction_type=LOGIN)]
    )
    english = PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=guidance["en"], restriction_type=GROUPS)]
    )[0]
    english.groups.through.objects.bulk_create(
        [english.groups.through(pageviewrestriction=english, group=keha)]
    )
    duplicate = PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=guidance["en"], restriction_type=LOGIN)]
    )
    assert finnish and duplicate

    changed = bring_in_step(Page, PageViewRestriction)

    assert sorted(changed) == sorted(guidance[code].pk for code in ("fi", "sv"))
    for code in ("fi", "sv", "en"):
        assert sorted(restrictions_of(guidance[code])) == [(GROUPS, "", [KEHA_GROUP]), (LOGIN, "", [])], code
    assert bring_in_step(Page, PageViewRestriction) == []


def test_the_migration_leaves_the_changed_pages_for_the_search_index(guidance):
    migration = importlib.import_module("typ_site.core.migrations.0005_view_restrictions_in_every_language")
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=guidance["fi"], restriction_type=LOGIN)]
    )

    migration.forward(apps, None)

    assert restrictions_of(guidance["sv"]) == [(LOGIN, "", [])]
    keys = set(PendingIndexUpdate.objects.values_list("key", flat=True))
    assert keys == {f"page:{guidance[code].pk}" for code in ("sv", "en")}
