"""The shared page cache (typ_site.core.page_cache): public pages kept for anonymous visitors,
purged by everything that changes what they show, never kept for anyone signed in."""

import pytest
from django.apps import apps
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.db.models.signals import post_migrate, pre_migrate
from django.http import HttpRequest
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from tests.factories import make_user
from typ_site.networks.models import Network

from .conftest import make_guidance, publish

HEADER = "X-Page-Cache"


def get_twice(client, url, **extra):
    first = client.get(url, **extra)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url, **extra)
    return first, second, queries


def test_a_public_page_is_served_from_the_cache_without_queries(client, tree):
    page = make_guidance(tree, title="Välimuistissa pidetty ohje")
    first, second, queries = get_twice(client, page.url)
    assert first.status_code == second.status_code == 200
    assert first[HEADER] == "miss"
    assert second[HEADER] == "hit"
    assert second.content == first.content
    assert "Välimuistissa pidetty ohje" in second.content.decode()
    assert len(queries) <= 1  # the cache read itself (none with Redis)
    control = second["Cache-Control"]
    assert "public" in control and "max-age=60" in control and "s-maxage=300" in control
    assert "Cookie" in second["Vary"]


def test_conditional_requests_are_answered_with_304(client, tree):
    page = make_guidance(tree)
    first = client.get(page.url)
    again = client.get(page.url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]
    since = client.get(page.url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    other = client.get(page.url, HTTP_IF_NONE_MATCH='"something-else"')
    assert other.status_code == 200


def test_home_and_listings_are_kept_too(client, tree):
    for url in (
        tree.home.url,
        tree.guidance.url,
        tree.interpretations.url,
        tree.practices.url,
        tree.networks.url,
    ):
        client.get(url)
        assert client.get(url)[HEADER] == "hit", url


def test_publishing_a_revision_purges(client, tree):
    page = make_guidance(tree, title="Vanha otsikko")
    get_twice(client, page.url)
    page.title = "Uusi otsikko"
    publish(page)
    response = client.get(page.url)
    assert response[HEADER] == "miss"
    assert "Uusi otsikko" in response.content.decode()


def test_a_listing_shows_a_newly_published_child(client, tree):
    make_guidance(tree, title="Ensimmäinen ohje")
    assert client.get(tree.guidance.url).status_code == 200
    assert client.get(tree.guidance.url)[HEADER] == "hit"
    make_guidance(tree, title="Toinen ohje")
    assert "Toinen ohje" in client.get(tree.guidance.url).content.decode()


def test_unpublishing_in_the_admin_purges(client, tree):
    page = make_guidance(tree)
    get_twice(client, page.url)
    admin = make_user(is_superuser=True, is_staff=True)
    editor = client.__class__()
    editor.force_login(admin)
    response = editor.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    assert response.status_code == 302
    assert client.get(page.url).status_code == 404


def test_deleting_in_the_admin_purges(client, tree):
    page = make_guidance(tree)
    get_twice(client, page.url)
    admin = make_user(is_superuser=True, is_staff=True)
    editor = client.__class__()
    editor.force_login(admin)
    response = editor.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    assert response.status_code == 302
    assert client.get(page.url).status_code == 404


def test_moving_purges(client, tree):
    page = make_guidance(tree, slug="siirrettava")
    old_url = page.url
    get_twice(client, old_url)
    page.move(tree.practices, pos="last-child")
    response = client.get(old_url)
    # Moving leaves a redirect behind (wagtail.contrib.redirects), not the kept page.
    assert response.status_code == 301
    assert response["Location"].endswith("/kaytannot/siirrettava/")


def test_a_view_restriction_purges_and_private_pages_are_never_kept(client, tree):
    page = make_guidance(tree)
    get_twice(client, page.url)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    for _ in range(2):
        response = client.get(page.url)
        assert response.status_code == 302
        assert HEADER not in response


def test_signed_in_people_are_never_served_or_kept(client, tree):
    page = make_guidance(tree)
    get_twice(client, page.url)
    person = make_user(first_name="Kirjautunut", last_name="Henkilö")
    client.force_login(person)
    for _ in range(2):
        response = client.get(page.url)
        assert response.status_code == 200
        assert HEADER not in response
        assert "Kirjautunut" in response.content.decode()
        assert "private" in response["Cache-Control"]
    client.logout()
    assert client.get(page.url)[HEADER] == "hit"


def test_waiting_messages_bypass_the_cache(client, tree):
    page = make_guidance(tree)
    get_twice(client, page.url)
    storage = CookieStorage(HttpRequest())
    encoded = storage._encode([Message(constants.INFO, "Viesti odottaa")])
    client.cookies["messages"] = encoded
    response = client.get(page.url)
    assert HEADER not in response
    assert "Viesti odottaa" in response.content.decode()


def test_language_variants_are_kept_apart(client, tree):
    page = make_guidance(tree)
    get_twice(client, page.url)
    swedish_url = "/sv" + page.url
    first = client.get(swedish_url)
    assert first.status_code == 200
    assert first[HEADER] == "miss"
    assert 'lang="sv"' in first.content.decode()
    assert client.get(swedish_url)[HEADER] == "hit"
    assert 'lang="fi"' in client.get(page.url).content.decode()


@pytest.mark.parametrize("method", ["post"])
def test_only_gets_are_kept(client, tree, method):
    page = make_guidance(tree)
    get_twice(client, page.url)
    response = getattr(client, method)(page.url)
    assert HEADER not in response


def test_migrations_save_content_without_the_cache(db, settings):
    """`migrate` on a new database runs before `createcachetable`: a migration that saves
    content must not need the cache, whose table does not exist yet."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "no_such_cache_table",
        }
    }
    config = apps.get_app_config("networks")
    pre_migrate.send(sender=config, app_config=config, verbosity=0, interactive=False, using="default")
    try:
        Network.objects.create(name="Migraation verkosto", slug="migraation-verkosto")
    finally:
        post_migrate.send(sender=config, app_config=config, verbosity=0, interactive=False, using="default")
    assert Network.objects.filter(slug="migraation-verkosto").exists()
