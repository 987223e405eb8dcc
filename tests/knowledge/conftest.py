"""The knowledge base's page tree, built the way an editor would, and page factories."""

import datetime
import itertools
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from knowledge.editorial import setup_editorial_workflow
from knowledge.models import (
    GuidanceIndexPage,
    GuidancePage,
    LawInterpretationIndexPage,
    LawInterpretationPage,
    LawSection,
    NetworkIndexPage,
    NetworkPage,
    PracticeIndexPage,
    PracticePage,
    ThemeIndexPage,
)
from typ_site.core.demo_content import create_home_page
from typ_site.core.themes import ensure_theme_tags

_numbers = itertools.count(1)

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _database(db):
    """Every knowledge test uses the database."""


@pytest.fixture(autouse=True)
def _editors_without_authenticator(settings):
    # The admin asks editors for a second factor; the admin-driven tests sign in directly.
    settings.MFA_REQUIRED_FOR_STAFF = False


def publish(page, user=None):
    revision = page.save_revision(user=user)
    revision.publish(user=user, skip_permission_checks=True)
    page.refresh_from_db()
    return page


def add_page(parent, page, *, live=True):
    if not live:
        page.live = False
    parent.add_child(instance=page)
    if live:
        publish(page)
    return page


@pytest.fixture
def tree(db):

    home = create_home_page()
    themes = ensure_theme_tags()
    indexes = {}
    for key, model, slug, title in [
        ("guidance", GuidanceIndexPage, "ohjeet", "Ohjeet"),
        ("interpretations", LawInterpretationIndexPage, "tulkinnat", "Lain tulkinnat"),
        ("practices", PracticeIndexPage, "kaytannot", "Käytännöt"),
        ("networks", NetworkIndexPage, "verkostot", "Verkostot"),
        ("theme_index", ThemeIndexPage, "teemat", "Teemat"),
    ]:
        indexes[key] = add_page(home, model(title=title, slug=slug, show_in_menus=True))
    setup_editorial_workflow()
    return SimpleNamespace(home=home, themes=themes, **indexes)


def section(number: str, statute: str = "381/2023") -> LawSection:
    return LawSection.objects.select_related("statute").get(statute__number=statute, number=number)


def make_guidance(tree, *, live=True, **fields):
    number = next(_numbers)
    fields.setdefault("title", f"Ohje {number}")
    fields.setdefault("slug", f"ohje-{number}")
    fields.setdefault("intro", "Ohjeen tiivistelmä.")
    fields.setdefault("next_review_date", datetime.date.today() + datetime.timedelta(days=30))
    return add_page(tree.guidance, GuidancePage(**fields), live=live)


def make_interpretation(tree, *, sections=("11",), live=True, **fields):
    number = next(_numbers)
    fields.setdefault("title", f"Tulkinta {number}")
    fields.setdefault("slug", f"tulkinta-{number}")
    fields.setdefault("question", "Mitä pykälä tarkoittaa?")
    fields.setdefault("interpretation", "<p>Näin se tulkitaan.</p>")
    page = LawInterpretationPage(**fields)
    page.sections.set([section(number) for number in sections])
    return add_page(tree.interpretations, page, live=live)


def make_network_page(tree, network, **fields):
    fields.setdefault("title", network.name)
    fields.setdefault("slug", network.slug)
    return add_page(tree.networks, NetworkPage(network=network, **fields))


def make_practice(parent, *, live=True, networks=(), **fields):
    number = next(_numbers)
    fields.setdefault("title", f"Käytäntö {number}")
    fields.setdefault("slug", f"kaytanto-{number}")
    fields.setdefault("problem", "<p>Ongelma.</p>")
    fields.setdefault("solution", "<p>Ratkaisu.</p>")
    page = PracticePage(**fields)
    if networks:
        page.networks.set(list(networks))
    return add_page(parent, page, live=live)


def pdf_upload(name="liite.pdf", content=PDF_BYTES):
    return SimpleUploadedFile(name, content, content_type="application/pdf")
