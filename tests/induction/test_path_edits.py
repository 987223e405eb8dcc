"""Editing a path never loses anyone's progress."""

from knowledge.induction.blocks import step_data
from knowledge.induction.models import Enrolment
from knowledge.induction.selectors import path_progress_for

from .conftest import edit_steps, make_path, structure, tick


def summary_of(path, user):
    return path_progress_for(path, user).summary


def test_editing_a_step_keeps_its_identity(tree):
    path = make_path(tree)
    before = structure(path)

    def rename_first(raw):
        raw[0]["value"]["title"] = "Uusi nimi"
        raw[0]["value"]["tasks"][0]["value"] = "Uusi tehtävä"
        return raw

    after = structure(edit_steps(path, rename_first))

    assert [step.id for step in after] == [step.id for step in before]
    assert after[0].tasks[0].id == before[0].tasks[0].id


def test_adding_a_step_does_not_reset_progress(tree, signed_in_client, user):
    path = make_path(tree, step_count=2, tasks_per_step=2)
    first = structure(path)[0]
    tick(signed_in_client, path, first, [task.id for task in first.tasks])

    path = edit_steps(path, lambda raw: raw + [step_data("Uusi", "Tavoite", ["A", "B"])])
    summary = summary_of(path, user)

    assert (summary.done_count, summary.total, summary.percent) == (2, 6, 33)


def test_removing_a_ticked_step_does_not_break_the_page(tree, signed_in_client, user):
    path = make_path(tree, step_count=3, tasks_per_step=2)
    first, second = structure(path)[:2]
    tick(signed_in_client, path, first, [task.id for task in first.tasks])
    tick(signed_in_client, path, second, [second.tasks[0].id])

    path = edit_steps(path, lambda raw: raw[1:])
    response = signed_in_client.get(path.url)
    summary = summary_of(path, user)

    assert response.status_code == 200
    assert (summary.done_count, summary.total) == (1, 4)


def test_a_tick_of_a_removed_task_is_refused_afterwards(tree, signed_in_client):
    path = make_path(tree, step_count=2)
    first = structure(path)[0]
    path = edit_steps(path, lambda raw: raw[1:])

    response = tick(signed_in_client, path, first, [first.tasks[0].id])

    assert response.status_code == 404


def test_a_finished_path_keeps_its_finish_date_when_a_step_is_added(tree, signed_in_client, user):
    path = make_path(tree, step_count=1)
    step = structure(path)[0]
    tick(signed_in_client, path, step, [task.id for task in step.tasks])
    finished_at = Enrolment.objects.get(user=user).finished_at

    path = edit_steps(path, lambda raw: raw + [step_data("Uusi", "Tavoite", ["A"])])
    page = signed_in_client.get(path.url).content.decode()

    assert Enrolment.objects.get(user=user).finished_at == finished_at
    assert summary_of(path, user).percent == 66
    assert "Polkuun on lisätty uusia tehtäviä" in page
