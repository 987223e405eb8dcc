"""Events are written in Finnish: on the Swedish pages their titles and descriptions carry
lang="fi" (WCAG 3.1.2), and on the Finnish pages nothing overrides the page's own language."""

import pytest
from django.utils import translation

from tests.calendar_app.helpers import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return make_event(title="Koulutus kirjaamisesta", description="Koulutuksessa käydään läpi kirjaaminen.")


def test_on_the_swedish_pages_an_event_is_marked_finnish(client, event):
    with translation.override("sv"):
        detail = client.get(event.get_absolute_url()).text
        agenda = client.get("/sv/calendar/agenda/").text

    assert '<h1 lang="fi">Koulutus kirjaamisesta</h1>' in detail
    assert '<div class="cal-description" lang="fi">' in detail
    assert '<h4 lang="fi">' in agenda


def test_on_the_finnish_pages_an_event_carries_no_lang_of_its_own(client, event):
    detail = client.get(event.get_absolute_url()).text

    assert "<h1>Koulutus kirjaamisesta</h1>" in detail
