"""The induction catalogues are complete, and editors can build a path in the admin."""

from pathlib import Path

import polib
import pytest

import knowledge.induction
from knowledge.induction.blocks import step_data
from knowledge.induction.models import InductionPathPage
from knowledge.induction.selectors import path_progress_for
from tests.factories import make_user

from .conftest import make_path, structure, tick

LOCALE_DIR = Path(knowledge.induction.__file__).parent / "locale"


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_catalogue_is_complete(language):
    catalogue = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))

    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []


@pytest.mark.parametrize("prefix, heading", [("", "Etenemisesi"), ("/sv", "Dina framsteg")])
def test_the_path_page_speaks_the_visitors_language(tree, client, prefix, heading):
    path = make_path(tree)

    page = client.get(prefix + path.url).content.decode()

    assert heading in page


def test_an_editor_can_open_the_form_for_a_new_path(tree, client, settings):
    settings.MFA_REQUIRED_FOR_STAFF = False  # the admin's second factor is tested elsewhere
    client.force_login(make_user(is_superuser=True, is_staff=True, with_mfa=False))

    response = client.get(f"/admin/pages/add/induction/inductionpathpage/{tree.index.pk}/")

    assert response.status_code == 200
    assert "target_role" in response.content.decode()


def test_an_editor_can_open_an_existing_path(tree, client, settings):
    settings.MFA_REQUIRED_FOR_STAFF = False
    path = make_path(tree)
    client.force_login(make_user(is_superuser=True, is_staff=True, with_mfa=False))

    response = client.get(f"/admin/pages/{path.pk}/edit/")

    assert response.status_code == 200
    assert InductionPathPage.objects.filter(pk=path.pk).exists()


def admin_form_data(path, raw_steps) -> dict:
    """The edit form as the admin sends it: existing blocks keep their ids."""
    data = {
        "title": path.title,
        "slug": path.slug,
        "intro": path.intro,
        "target_role": path.target_role,
        "target_organisation_type": "",
        "comments-TOTAL_FORMS": 0,
        "comments-INITIAL_FORMS": 0,
        "comments-MIN_NUM_FORMS": 0,
        "comments-MAX_NUM_FORMS": 1000,
        "steps-count": len(raw_steps),
        "action-publish": "action-publish",
    }
    for number, block in enumerate(raw_steps):
        prefix, value = f"steps-{number}", block["value"]
        data.update(
            {
                f"{prefix}-type": "step",
                f"{prefix}-id": block.get("id", ""),
                f"{prefix}-deleted": "",
                f"{prefix}-order": number,
                f"{prefix}-value-title": value["title"],
                f"{prefix}-value-goal": value["goal"],
                f"{prefix}-value-estimated_minutes": value.get("estimated_minutes") or "",
                f"{prefix}-value-reading-count": 0,
                f"{prefix}-value-tasks-count": len(value["tasks"]),
            }
        )
        for task_number, task in enumerate(value["tasks"]):
            task_prefix = f"{prefix}-value-tasks-{task_number}"
            data.update(
                {
                    f"{task_prefix}-value": task["value"],
                    f"{task_prefix}-id": task.get("id", ""),
                    f"{task_prefix}-deleted": "",
                    f"{task_prefix}-order": task_number,
                }
            )
    return data


def test_editing_in_the_admin_keeps_everyones_progress(tree, client, settings):

    settings.MFA_REQUIRED_FOR_STAFF = False
    path = make_path(tree, step_count=3, tasks_per_step=2)
    learner = make_user()
    client.force_login(learner)
    first, second = structure(path)[:2]
    tick(client, path, first, [task.id for task in first.tasks])
    tick(client, path, second, [second.tasks[0].id])

    client.force_login(make_user(is_superuser=True, is_staff=True, with_mfa=False))
    raw = list(path.steps.raw_data)
    edited = raw[1:] + [step_data("Uusi vaihe", "Uusi tavoite", ["Uusi tehtävä"], step_id="")]
    edited[-1]["value"]["tasks"][0]["id"] = ""
    response = client.post(f"/admin/pages/{path.pk}/edit/", admin_form_data(path, edited))

    assert response.status_code == 302
    path = InductionPathPage.objects.get(pk=path.pk)
    summary = path_progress_for(path, learner).summary
    assert [step.title for step in structure(path)] == ["Vaihe 2", "Vaihe 3", "Uusi vaihe"]
    assert (summary.done_count, summary.total) == (1, 5)


def test_the_next_step_is_labelled_in_the_inductions_own_words(tree, signed_in_client):
    """Other apps translate "Next" as "Seuraava"; the step's label has its own context."""
    path = make_path(tree)
    first = structure(path)[0]
    tick(signed_in_client, path, first, [first.tasks[0].id])

    page = signed_in_client.get(path.url).content.decode()

    assert '<span class="status-pending">Seuraavaksi</span>' in page
