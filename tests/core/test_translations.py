"""Every UI string is translated into Finnish and Swedish (English is the source language)."""

from pathlib import Path

import polib
import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
APP_FOLDERS = ["site", "knowledge", "forums", "calendar_app", "search"]
# site/wagtail_locale: the Wagtail admin strings that Wagtail's own catalogues leave untranslated.
LOCALE_FOLDERS = [PROJECT_ROOT / folder / "locale" for folder in APP_FOLDERS] + [
    PROJECT_ROOT / "site" / "wagtail_locale"
]
CATALOGUES = sorted(
    path
    for folder in LOCALE_FOLDERS
    for language in ("fi", "sv")
    for path in (folder / language / "LC_MESSAGES").glob("django.po")
)


def test_the_site_shell_has_finnish_and_swedish_catalogues():
    names = {str(path.relative_to(PROJECT_ROOT)) for path in CATALOGUES}

    assert "site/locale/fi/LC_MESSAGES/django.po" in names
    assert "site/locale/sv/LC_MESSAGES/django.po" in names


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda path: str(path.relative_to(PROJECT_ROOT)))
def test_catalogue_is_complete(catalogue):
    entries = polib.pofile(str(catalogue))
    untranslated = [entry.msgid for entry in entries.untranslated_entries()]
    fuzzy = [entry.msgid for entry in entries.fuzzy_entries()]

    assert untranslated == []
    assert fuzzy == []
