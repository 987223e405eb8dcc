import pytest

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
