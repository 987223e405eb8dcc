""" "What changed lately": each guidance page keeps the day it last changed (`changed_on`), and
a person's list reads their pages among the site's newest instead of sorting all of them."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from knowledge import selectors
from knowledge.models import GuidanceChangeNote, GuidancePage

from .conftest import make_guidance, publish

TODAY = datetime.date(2026, 3, 10)


def day(days_ago: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=days_ago)


def noted(page: GuidancePage, *days_ago: int) -> GuidancePage:
    """Publish a version of the page with notes of these days, as an editor would."""
    for number, days in enumerate(days_ago):
        page.change_notes.add(GuidanceChangeNote(date=day(days), note=f"Muutos {number}."))
    return publish(page)


def titles(pages) -> list[str]:
    return [page.title for page in pages]


def test_a_published_version_keeps_the_date_of_its_newest_note(tree):
    page = noted(make_guidance(tree), 30, 4, 12)

    assert GuidancePage.objects.get(pk=page.pk).changed_on == day(4)


def test_a_page_without_notes_changed_when_it_was_last_published(tree):
    page = make_guidance(tree)

    assert page.changed_on == timezone.localdate(page.last_published_at)


def test_a_draft_with_a_newer_note_leaves_the_published_day_as_it_was(tree):
    page = noted(make_guidance(tree), 20)
    page.change_notes.add(GuidanceChangeNote(date=day(1), note="Luonnos."))
    page.save_revision()

    assert GuidancePage.objects.get(pk=page.pk).changed_on == day(20)


def test_a_note_saved_or_deleted_on_its_own_moves_the_day(tree):
    page = noted(make_guidance(tree), 20)
    newer = GuidanceChangeNote.objects.create(page=page, date=day(2), note="Korjaus.")
    assert GuidancePage.objects.get(pk=page.pk).changed_on == day(2)

    newer.delete()
    assert GuidancePage.objects.get(pk=page.pk).changed_on == day(20)

    GuidanceChangeNote.objects.filter(page=page).delete()
    assert GuidancePage.objects.get(pk=page.pk).changed_on == timezone.localdate(page.last_published_at)


def test_the_list_is_newest_first_and_since_leaves_out_older_changes(tree):
    noted(make_guidance(tree, title="Vanha"), 40)
    noted(make_guidance(tree, title="Uusi"), 1)
    noted(make_guidance(tree, title="Keskimmäinen"), 10)
    visitor = AnonymousUser()

    assert titles(selectors.recently_changed_guidance(visitor, limit=3)) == ["Uusi", "Keskimmäinen", "Vanha"]
    assert titles(selectors.recently_changed_guidance(AnonymousUser(), since=day(15), limit=5)) == [
        "Uusi",
        "Keskimmäinen",
    ]


@pytest.fixture
def small_window(monkeypatch):
    """The site's newest are kept three at a time, so that a short test reaches past them."""
    monkeypatch.setattr(selectors, "NEWEST_GUIDANCE_WINDOW", 3)


def test_pages_older_than_the_sites_newest_are_listed_when_the_newest_are_not_theirs(tree, small_window):
    for number in range(3):
        PageViewRestriction.objects.create(
            page=noted(make_guidance(tree, title=f"Jäsenille {number}"), number),
            restriction_type=PageViewRestriction.LOGIN,
        )
    noted(make_guidance(tree, title="Julkinen vanha"), 50)
    noted(make_guidance(tree, title="Julkinen vanhempi"), 60)

    assert titles(selectors.recently_changed_guidance(AnonymousUser(), limit=5)) == [
        "Julkinen vanha",
        "Julkinen vanhempi",
    ]
    assert titles(selectors.recently_changed_guidance(AnonymousUser(), since=day(55), limit=5)) == [
        "Julkinen vanha"
    ]


def test_the_list_costs_one_query_whatever_the_number_of_pages(tree, small_window):
    for number in range(6):
        noted(make_guidance(tree), number)
    visitor = AnonymousUser()
    selectors.recently_changed_guidance(visitor, limit=3)  # the site's newest, kept

    with CaptureQueriesContext(connection) as context:
        pages = selectors.recently_changed_guidance(visitor, limit=3)

    assert len(pages) == 3
    assert len(context.captured_queries) == 1
