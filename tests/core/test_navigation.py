"""The main menu: kept in the cache between requests, rebuilt after any page or site change."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from typ_site.core.models import HomePage

from .test_page_links import menu_links

pytestmark = pytest.mark.django_db


def add_section(parent, title, slug, in_menu=True):
    section = HomePage(title=title, slug=slug, show_in_menus=in_menu)
    parent.add_child(instance=section)
    section.save_revision().publish()
    return HomePage.objects.get(pk=section.pk)


def menu_reads(queries) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if '"show_in_menus"' in q["sql"]]


def test_a_second_page_view_takes_the_menu_from_the_cache(client, home):
    add_section(home, "Ohjeet", "ohjeet")
    client.get("/networks/")

    with CaptureQueriesContext(connection) as queries:
        content = client.get("/networks/").content.decode()

    assert menu_links(content)["Ohjeet"] == "/ohjeet/"
    assert menu_reads(queries) == []


def test_a_published_section_is_in_the_menu_at_once(client, home):
    add_section(home, "Ohjeet", "ohjeet")
    client.get("/networks/")

    add_section(home, "Tapahtumat", "tapahtumat")

    assert "Tapahtumat" in menu_links(client.get("/networks/").content.decode())


def test_a_renamed_or_unpublished_section_changes_the_menu_at_once(client, home):
    guidance = add_section(home, "Ohjeet", "ohjeet")
    practices = add_section(home, "Käytännöt", "kaytannot")
    client.get("/networks/")

    guidance.title = "Ohjeet ja tulkinnat"
    guidance.save_revision().publish()
    practices.unpublish()

    links = menu_links(client.get("/networks/").content.decode())
    assert "Ohjeet ja tulkinnat" in links
    assert "Ohjeet" not in links
    assert "Käytännöt" not in links


def test_a_section_taken_out_of_the_menu_leaves_it(client, home):
    guidance = add_section(home, "Ohjeet", "ohjeet")
    client.get("/networks/")

    guidance.show_in_menus = False
    guidance.save_revision().publish()

    assert "Ohjeet" not in menu_links(client.get("/networks/").content.decode())


def test_each_language_keeps_its_own_menu(client, home):
    add_section(home, "Ohjeet", "ohjeet")

    assert menu_links(client.get("/networks/").content.decode())["Ohjeet"] == "/ohjeet/"
    assert menu_links(client.get("/sv/networks/").content.decode())["Ohjeet"] == "/sv/ohjeet/"
    assert menu_links(client.get("/networks/").content.decode())["Ohjeet"] == "/ohjeet/"


def test_a_new_site_root_changes_the_menu(client, home):
    add_section(home, "Ohjeet", "ohjeet")
    client.get("/networks/")
    other_root = add_section(home, "Toinen sivusto", "toinen", in_menu=False)
    add_section(other_root, "Uutiset", "uutiset")

    site = Site.objects.get(is_default_site=True)
    site.root_page = other_root
    site.save()

    links = menu_links(client.get("/networks/").content.decode())
    assert "Uutiset" in links
    assert "Ohjeet" not in links
