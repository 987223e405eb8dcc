"""Every UI string is translated into Finnish and Swedish (English is the source language)."""

from pathlib import Path

import polib
import pytest
import wagtail

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


WAGTAIL_ROOT = Path(wagtail.__file__).parent
# Our words where Wagtail has its own, on purpose (README, "The admin's language"): Django
# merges the catalogues and ours win, in the admin too.
OUR_OWN_WORDS = {
    ("fi", "Move"),  # Wagtail's Finnish has a typo ("SIirrä")
    ("fi", "Documents"),
    ("fi", "Document"),
    ("fi", "documents"),  # Wagtail's Finnish says "ohjeet", the name of our guidance section
    ("fi", "document"),
    ("fi", "Summary"),  # tiivistelmä, like the pages' own field
    ("fi", "preferred language"),  # asiointikieli, the official term
    ("sv", "Notifications"),
    ("sv", "Site"),
    ("sv", "Public"),  # "publik" reads as an audience
}


def _wagtail_translations(language: str) -> dict[tuple[str | None, str], str]:
    found: dict[tuple[str | None, str], str] = {}
    for path in WAGTAIL_ROOT.glob(f"**/locale/{language}/LC_MESSAGES/django.po"):
        for entry in polib.pofile(str(path)):
            if entry.msgstr and not entry.obsolete:
                found.setdefault((entry.msgctxt, entry.msgid), entry.msgstr)
    return found


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_our_catalogues_keep_wagtails_own_words_for_its_strings(language):
    wagtail_words = _wagtail_translations(language)
    reworded = {
        (language, entry.msgid)
        for catalogue in CATALOGUES
        if f"/{language}/" in str(catalogue)
        for entry in polib.pofile(str(catalogue))
        if entry.msgstr and wagtail_words.get((entry.msgctxt, entry.msgid), entry.msgstr) != entry.msgstr
    }

    assert reworded <= OUR_OWN_WORDS
