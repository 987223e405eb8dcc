"""The demo in Swedish, and a change history spread over the year before it was loaded.

The front page, the sections and the key guidance pages are Swedish translations served
under /sv/; loading the demo again creates no second translation. The guidance change notes
span months of the past year, none in the future, and the pages say they were last updated
on their latest note. The demo is loaded through its registered steps, into the real test
database.
"""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale, Page, Revision

from knowledge.models import (
    GuidanceChangeNote,
    GuidancePage,
    LawInterpretationChangeNote,
    PracticeOrganisation,
)
from tests.factories import make_user
from tests.helpers import load_demo_steps

pytestmark = pytest.mark.django_db

SWEDISH_PAGES = {
    "/sv/": "sektorsövergripande samservice som främjar sysselsättning",
    "/sv/ohjeet/": "KEHA-centrets nationella anvisningar",
    "/sv/ohjeet/asiakasprosessi/": "Bedömningen av servicebehovet inleds: kundrelationen börjar",
    "/sv/ohjeet/tyonjako/": "Vem gör vad: arbetskraftsmyndigheten, välfärdsområdet och FPA",
    "/sv/ohjeet/asiakkuuden-paattaminen/": "Avslutande av kundrelationen och slutbedömning",
    "/sv/kaytannot/": "God praxis och fallgropar",
}


@pytest.fixture
def demo():
    load_demo_steps("core", "knowledge")


@pytest.mark.parametrize(("path", "swedish"), SWEDISH_PAGES.items())
def test_the_swedish_pages_answer_in_swedish(client, demo, path, swedish):
    response = client.get(path)

    content = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="sv">' in content
    assert swedish in content


def test_the_swedish_guidance_index_also_lists_the_guidance_not_translated(client, demo):
    content = client.get("/sv/ohjeet/").content.decode()

    assert "Kundprocessen i TYM-samarbetet" in content
    assert "Asiakasprosessi TYM-yhteistoiminnassa" not in content  # its translation is listed
    assert "TYP-prosessi ennen vuotta 2025" in content  # no translation: listed in Finnish
    assert "Satakunnan TYM-verkosto" in client.get("/sv/verkostot/").content.decode()


def test_a_translation_not_yet_published_leaves_the_finnish_page_listed_in_swedish(client, demo):
    """The Swedish address serves the Finnish page until its translation is published, so the
    Swedish listing keeps the Finnish page meanwhile."""
    original = GuidancePage.objects.get(slug="typ-prosessi-2023", locale__language_code="fi")
    draft = original.copy_for_translation(Locale.objects.get(language_code="sv"))
    assert not draft.live

    assert client.get("/sv/ohjeet/typ-prosessi-2023/").status_code == 200
    assert "TYP-prosessi ennen vuotta 2025" in client.get("/sv/ohjeet/").content.decode()


def test_the_swedish_menu_keeps_every_section(client, demo):
    finnish = client.get("/").content.decode()
    swedish = client.get("/sv/").content.decode()

    assert finnish.count('href="/asiakastarinat/"') == swedish.count('href="/sv/asiakastarinat/"') > 0
    assert ">Anvisningar</a>" in swedish and ">Ohjeet</a>" not in swedish


def test_running_load_demo_again_creates_no_second_translation_and_no_new_revision():
    call_command("load_demo", "--quiet-sign-ins", stdout=io.StringIO())
    swedish = Locale.objects.get(language_code="sv")
    pages, revisions = Page.objects.count(), Revision.objects.count()
    translated = set(Page.objects.filter(locale=swedish).values_list("translation_key", flat=True))

    call_command("load_demo", "--quiet-sign-ins", stdout=io.StringIO())

    assert Page.objects.count() == pages
    assert Revision.objects.count() == revisions
    # The front page, the sections, the key guidance, the accessibility statement (10) and
    # the induction section with its six paths (7).
    assert Page.objects.filter(locale=swedish).count() == len(translated) == 17


def test_loading_again_updates_an_untouched_translation_and_keeps_an_edited_one(demo):
    swedish = Locale.objects.get(language_code="sv")
    untouched = GuidancePage.objects.get(slug="asiakasprosessi", locale=swedish)
    untouched.intro = "En äldre text."
    untouched.save_revision(user=untouched.revisions.last().user).publish()

    edited = GuidancePage.objects.get(slug="tyonjako", locale=swedish)
    edited.intro = "Redaktörens egen text."
    edited.save_revision(user=make_user(email="redaktor@example.fi")).publish()

    load_demo_steps("knowledge")

    assert GuidancePage.objects.get(pk=untouched.pk).intro.startswith("Hur kundrelationen framskrider")
    assert GuidancePage.objects.get(pk=edited.pk).intro == "Redaktörens egen text."


def test_the_change_notes_spread_over_the_past_year_and_none_is_ahead(demo):
    today = timezone.localdate()
    dates = sorted(GuidanceChangeNote.objects.filter(page__live=True).values_list("date", flat=True))

    assert dates[-1] <= today
    assert dates[0] >= today - datetime.timedelta(days=365)
    assert (dates[-1] - dates[0]).days > 90
    assert len(set(dates)) > 3


def test_a_guidance_page_was_last_updated_on_its_latest_note(client, demo):
    page = GuidancePage.objects.get(slug="asiakasprosessi", locale=Locale.get_default())
    latest = max(note.date for note in page.change_notes.all())

    content = client.get(page.url).content.decode()

    assert timezone.localdate(page.last_published_at) == latest < timezone.localdate()
    assert re.search(rf'<time datetime="[^"]*">{latest.day}\.{latest.month}\.{latest.year}</time>', content)


def test_a_later_load_keeps_the_dates_of_the_history(demo):
    before = sorted(GuidanceChangeNote.objects.values_list("date", flat=True))
    revisions = Revision.objects.count()

    load_demo_steps("knowledge")

    assert sorted(GuidanceChangeNote.objects.values_list("date", flat=True)) == before
    assert Revision.objects.count() == revisions


def test_the_change_notes_and_organisations_of_the_demo_keep_their_order(demo):
    """Each note and organisation has its place: without one, the database returns them in any
    order (PostgreSQL's changes with the rows' places on disk), the next load reads the page as
    changed and saves a revision nobody made."""
    for model in (GuidanceChangeNote, LawInterpretationChangeNote, PracticeOrganisation):
        rows = model.objects.values_list("page_id", "sort_order")
        assert rows.exists()
        assert all(place is not None for _page, place in rows), model.__name__
        assert len(set(rows)) == len(rows), model.__name__


def test_a_demo_page_republished_without_a_note_still_shows_its_newest_notes_date(client, demo):
    page = GuidancePage.objects.get(slug="asiakasprosessi", locale=Locale.get_default())
    latest = max(note.date for note in page.change_notes.all())

    page.save_revision().publish(skip_permission_checks=True)  # a minor change, published today
    content = client.get(page.url).content.decode()

    assert timezone.localdate(GuidancePage.objects.get(pk=page.pk).last_published_at) == timezone.localdate()
    assert f'<time datetime="{latest.isoformat()}">' in content
