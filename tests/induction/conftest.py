"""A small page tree for induction tests: guidance to link to, the index and paths."""

import itertools
import json
from types import SimpleNamespace

import pytest

from knowledge.induction.blocks import step_data
from knowledge.induction.models import InductionIndexPage, InductionPathPage
from knowledge.induction.structure import path_structure
from knowledge.models import GuidanceIndexPage, GuidancePage
from typ_site.core.demo_content import create_home_page

_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _database(db):
    """Every induction test uses the database."""


def publish(page):
    page.save_revision().publish(skip_permission_checks=True)
    page.refresh_from_db()
    return page


def add_page(parent, page):
    parent.add_child(instance=page)
    return publish(page)


@pytest.fixture
def tree():

    home = create_home_page()
    guidance_index = add_page(home, GuidanceIndexPage(title="Ohjeet", slug="ohjeet"))
    guidance = [
        add_page(guidance_index, GuidancePage(title=f"Ohje {number}", slug=f"ohje-{number}"))
        for number in range(1, 4)
    ]
    index = add_page(home, InductionIndexPage(title="Perehdytys", slug="perehdytys", show_in_menus=True))
    return SimpleNamespace(home=home, guidance_index=guidance_index, guidance=guidance, index=index)


def steps(count: int, tasks_per_step: int = 2, reading=()) -> list[dict]:
    return [
        step_data(
            f"Vaihe {number}",
            f"Tavoite {number}",
            [f"Tehtävä {number}.{task}" for task in range(1, tasks_per_step + 1)],
            reading=[page.pk for page in reading],
            minutes=30,
        )
        for number in range(1, count + 1)
    ]


def make_path(tree, *, step_count: int = 3, tasks_per_step: int = 2, reading=(), **fields):
    number = next(_numbers)
    fields.setdefault("title", f"Polku {number}")
    fields.setdefault("slug", f"polku-{number}")
    fields.setdefault("target_role", "expert")
    fields.setdefault("steps", steps(step_count, tasks_per_step, reading))
    return add_page(tree.index, InductionPathPage(**fields))


def edit_steps(path, change):
    """Edit the path the way an editor does: a new revision of the current steps, published.

    `change(raw_steps)` returns the new list of raw step blocks.
    """
    page = path.get_latest_revision_as_object()
    raw = json.loads(json.dumps(list(page.steps.raw_data)))
    page.steps = change(raw)
    publish(page)
    return InductionPathPage.objects.get(pk=path.pk)


def structure(path):
    return path_structure(InductionPathPage.objects.get(pk=path.pk))


def tick(client, path, step, task_ids, **headers):
    return client.post(path.tick_url(), {"step": step.id, "done": list(task_ids)}, **headers)
