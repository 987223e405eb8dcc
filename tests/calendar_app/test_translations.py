from pathlib import Path

import polib
import pytest
from django.urls import reverse
from django.utils import translation

import calendar_app

LOCALE_DIR = Path(calendar_app.__file__).parent / "locale"


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_catalogue_is_complete(language):
    catalogue = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))

    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []


@pytest.mark.django_db
@pytest.mark.parametrize("language, heading", [("fi", "Kehittämiskalenteri"), ("sv", "Utvecklingskalender")])
def test_calendar_speaks_the_visitors_language(client, language, heading):
    with translation.override(language):
        url = reverse("calendar_app:month")

    page = client.get(url).content.decode()

    assert f"<h1>{heading}</h1>" in page
