import datetime

import pytest

from knowledge.models import (
    DocumentStatus,
    GuidanceIndexPage,
    GuidancePage,
    InterpretationStatus,
    LawInterpretationIndexPage,
    LawInterpretationPage,
    LawSection,
)
from tests.factories import make_people_of_each_kind
from typ_site.operating_model.demo import load_baseline
from typ_site.operating_model.selectors import national_baseline


@pytest.fixture
def baseline(db):
    """The demo's parties, tasks and national baseline (the law sections come from a migration)."""
    load_baseline()
    return national_baseline()


@pytest.fixture
def people(db, home):
    """Two networks and one person of each kind the register tells apart."""
    return make_people_of_each_kind()


def cells_form_data(baseline, *, confirmed_on="2025-09-09", change_note="", changes=None) -> dict:
    """The agreement form's data: the baseline everywhere, with `changes` by
    (task key, party key) -> (involvement, note, reason)."""
    changes = changes or {}
    data = {"confirmed_on": confirmed_on, "change_note": change_note}
    for task in baseline.tasks:
        for party in baseline.parties:
            involvement, note, reason = changes.get(
                (task.key, party.key), (baseline.involvement(task.pk, party.pk), "", "")
            )
            prefix = f"cell-{task.pk}-{party.pk}"
            data[f"{prefix}-involvement"] = involvement
            data[f"{prefix}-note"] = note
            data[f"{prefix}-reason"] = reason
    return data


def add_page(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish(skip_permission_checks=True)
    page.refresh_from_db()
    return page


@pytest.fixture
def decisions(home):
    """A valid guidance page, an agreed interpretation, and two pages that are no decisions."""
    guidance_index = add_page(home, GuidanceIndexPage(title="Ohjeet", slug="ohjeet"))
    interpretation_index = add_page(home, LawInterpretationIndexPage(title="Tulkinnat", slug="tulkinnat"))
    guidance = add_page(
        guidance_index,
        GuidancePage(
            title="Alkukartoituksen ohje", slug="alkukartoitus", effective_date=datetime.date(2025, 1, 1)
        ),
    )
    add_page(guidance_index, GuidancePage(title="Luonnos", slug="luonnos", status=DocumentStatus.DRAFT))
    section = LawSection.objects.filter(statute__number="381/2023").first()

    def interpretation(title, slug, status, agreed_on=None):
        page = LawInterpretationPage(
            title=title,
            slug=slug,
            question="Kuka arvioi?",
            interpretation="<p>Näin.</p>",
            status=status,
            agreed_on=agreed_on,
        )
        page.sections.set([section])
        return add_page(interpretation_index, page)

    agreed = interpretation(
        "Palvelutarpeen arviointi", "arviointi", InterpretationStatus.AGREED, datetime.date(2025, 3, 1)
    )
    interpretation("Keskustelussa", "keskustelu", InterpretationStatus.UNDER_DISCUSSION)
    return {"guidance": guidance, "interpretation": agreed, "guidance_index": guidance_index}
