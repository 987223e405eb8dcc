"""A page open to some groups: a signed-out visitor is sent to the site's own sign-in (which
asks for the two-step verification code), never to Wagtail's password-only form; a signed-in
person it is not open to does not find it, as the listings and the search leave it out."""

from urllib.parse import quote

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction

from tests.factories import make_keha_staff, make_member, make_network, make_user
from tests.helpers import queries_for
from typ_site.accounts.roles import KEHA_GROUP

from .conftest import make_guidance

PASSWORD = "Pitka-salasana-2026"


@pytest.fixture
def keha_page(tree):
    page = make_guidance(tree, title="Vain KEHAlle")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get_or_create(name=KEHA_GROUP)[0]])
    return page


def test_a_signed_out_visitor_is_sent_to_the_sites_sign_in(client, keha_page):
    response = client.get(keha_page.url)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_login") + "?next=" + quote(keha_page.url)


def test_wagtails_front_end_sign_in_form_signs_nobody_in_with_a_password_alone(client, keha_page):
    editor = make_keha_staff()
    editor.set_password(PASSWORD)
    editor.save()

    response = client.post(
        f"/_util/login/?next={keha_page.url}", {"username": editor.email, "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("account_login") + "?next=" + quote(keha_page.url, safe="")
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


@pytest.mark.parametrize("person", ["member", "signed_in"])
def test_a_signed_in_person_the_page_is_not_open_to_does_not_find_it(keha_page, person):
    client = Client()
    client.force_login(make_member(make_network()) if person == "member" else make_user())

    assert client.get(keha_page.url).status_code == 404


def test_the_group_finds_the_page(keha_page):
    client = Client()
    client.force_login(make_keha_staff())

    response = client.get(keha_page.url)

    assert response.status_code == 200
    assert "Vain KEHAlle" in response.content.decode()


def test_the_restriction_costs_the_group_one_query_more_than_an_open_page(tree, keha_page, settings):
    """The restrictions come with the rows every page reads, and the group is answered from
    the person's loaded groups; Wagtail's own check reads the person's groups once. (Pages
    rendered: the kept member pages are counted in tests/knowledge/test_member_pages.py.)"""
    settings.PAGE_CACHE_SECONDS = 0
    open_page = make_guidance(tree, title="Kaikille")
    client = Client()
    client.force_login(make_keha_staff())

    assert queries_for(client, keha_page.url) == queries_for(client, open_page.url) + 1
