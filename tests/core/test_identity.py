"""The site's mark: the SVG icon every page links to, /favicon.ico, the theme colour and the
typeface served from the site's own static files."""

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_every_page_links_its_icon_and_theme_colour(client, home):
    content = client.get("/").content.decode()

    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in content
    assert '<meta name="theme-color" content="#003f7d">' in content
    assert 'class="brand-mark"' in content


def test_favicon_ico_is_sent_to_the_svg_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 302
    assert response["Location"] == "/static/favicon.svg"
    assert finders.find("favicon.svg")


def test_the_typeface_is_among_the_static_files():
    """scripts/install-fonts.sh (make run, make test) copies it from package-lock.json."""
    for subset in ("latin", "latin-ext"):
        for style in ("normal", "italic"):
            assert finders.find(f"fonts/source-sans-3-{subset}-wght-{style}.woff2"), (
                "Run scripts/install-fonts.sh (make fonts)."
            )
