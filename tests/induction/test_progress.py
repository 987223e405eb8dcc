"""Ticking the checklist: saved, idempotent, and safe against bad input."""

from knowledge.induction.models import CompletedTask, Enrolment
from tests.factories import make_user

from .conftest import make_path, structure, tick


def test_a_ticked_task_is_saved_and_counted_in_the_percentage(tree, signed_in_client, user):
    path = make_path(tree, step_count=2, tasks_per_step=2)
    first = structure(path)[0]

    response = tick(signed_in_client, path, first, [first.tasks[0].id])

    assert response.status_code == 302
    assert CompletedTask.objects.filter(user=user, path=path).count() == 1
    page = signed_in_client.get(path.url).content.decode()
    assert '<progress id="path-progress" max="100" value="25"' in page


def test_a_double_click_records_one_tick(tree, signed_in_client, user):
    path = make_path(tree)
    first = structure(path)[0]

    tick(signed_in_client, path, first, [first.tasks[0].id])
    tick(signed_in_client, path, first, [first.tasks[0].id])

    assert CompletedTask.objects.filter(user=user, path=path).count() == 1
    assert Enrolment.objects.filter(user=user, path=path).count() == 1


def test_ticking_keeps_the_time_of_the_first_tick(tree, signed_in_client, user):
    path = make_path(tree)
    first = structure(path)[0]
    tick(signed_in_client, path, first, [first.tasks[0].id])
    before = CompletedTask.objects.get(user=user).completed_at

    tick(signed_in_client, path, first, [first.tasks[0].id, first.tasks[1].id])

    assert CompletedTask.objects.get(user=user, task_id=first.tasks[0].id).completed_at == before


def test_unticking_a_task_removes_only_that_tick(tree, signed_in_client, user):
    path = make_path(tree)
    first, second = structure(path)[:2]
    tick(signed_in_client, path, first, [task.id for task in first.tasks])
    tick(signed_in_client, path, second, [second.tasks[0].id])

    tick(signed_in_client, path, first, [first.tasks[1].id])

    done = set(CompletedTask.objects.filter(user=user).values_list("task_id", flat=True))
    assert done == {first.tasks[1].id, second.tasks[0].id}


def test_the_json_answer_tells_the_new_percentage(tree, signed_in_client):
    path = make_path(tree, step_count=2, tasks_per_step=2)
    first = structure(path)[0]

    response = tick(
        signed_in_client, path, first, [task.id for task in first.tasks], HTTP_ACCEPT="application/json"
    )

    assert response.json()["percent"] == 50
    assert response.json()["step_complete"] is True


def test_the_json_answer_moves_next_to_the_following_step_and_gives_every_steps_state(tree, signed_in_client):
    path = make_path(tree, step_count=3, tasks_per_step=2)
    first, second, _third = structure(path)
    tick(signed_in_client, path, first, [first.tasks[0].id])

    answer = tick(
        signed_in_client, path, first, [task.id for task in first.tasks], HTTP_ACCEPT="application/json"
    ).json()

    assert 'href="#step-2"' in answer["next_html"] and second.title in answer["next_html"]
    states = {state["number"]: state for state in answer["steps"]}
    assert (states[1]["complete"], states[1]["is_next"]) == (True, False)
    assert (states[2]["complete"], states[2]["is_next"]) == (False, True)
    assert "status-approved" in states[1]["state_html"] and "status-pending" in states[2]["state_html"]
    assert "status-pending" not in states[3]["state_html"]
    # The same markup as a reload shows.
    page = signed_in_client.get(path.url).content.decode()
    assert answer["next_html"] in page


def test_the_json_answer_after_the_last_tick_says_the_path_is_done(tree, signed_in_client):
    path = make_path(tree, step_count=1, tasks_per_step=1)
    [only] = structure(path)

    answer = tick(signed_in_client, path, only, [only.tasks[0].id], HTTP_ACCEPT="application/json").json()

    assert answer["complete"] is True
    assert "#step-" not in answer["next_html"]
    assert answer["steps"][0]["complete"] is True


def test_the_save_buttons_are_kept_for_browsers_without_scripts(tree, signed_in_client):
    path = make_path(tree, step_count=2)
    first = structure(path)[0]
    tick(signed_in_client, path, first, [first.tasks[0].id])

    page = signed_in_client.get(path.url).content.decode()

    assert page.count("data-induction-save>") == 2
    assert page.count('role="status" aria-live="polite" data-induction-saved') == 2


def test_an_unknown_task_is_not_found_and_nothing_is_saved(tree, signed_in_client):
    path = make_path(tree)
    first = structure(path)[0]

    response = tick(signed_in_client, path, first, [first.tasks[0].id, "no-such-task"])

    assert response.status_code == 404
    assert not CompletedTask.objects.exists()


def test_a_task_of_another_step_is_not_found(tree, signed_in_client):
    path = make_path(tree)
    first, second = structure(path)[:2]

    response = tick(signed_in_client, path, first, [second.tasks[0].id])

    assert response.status_code == 404
    assert not CompletedTask.objects.exists()


def test_an_unknown_step_is_not_found(tree, signed_in_client):
    path = make_path(tree)

    response = signed_in_client.post(path.tick_url(), {"step": "nope", "done": []})

    assert response.status_code == 404


def test_a_task_of_another_path_is_not_found(tree, signed_in_client):
    path, other = make_path(tree), make_path(tree)
    other_step = structure(other)[0]

    response = tick(signed_in_client, path, other_step, [other_step.tasks[0].id])

    assert response.status_code == 404
    assert not CompletedTask.objects.exists()


def test_a_path_that_does_not_exist_is_not_found(tree, signed_in_client):
    response = signed_in_client.post(
        tree.index.url + "ei-ole-olemassa/merkitse/", {"step": "x", "done": ["y"]}
    )

    assert response.status_code == 404


def test_ticking_needs_a_post(tree, signed_in_client):
    path = make_path(tree)

    assert signed_in_client.get(path.tick_url()).status_code == 405


def test_a_visitor_is_sent_to_sign_in_and_nothing_is_saved(tree, client):
    path = make_path(tree)
    first = structure(path)[0]

    response = tick(client, path, first, [first.tasks[0].id])

    assert response.status_code == 302
    assert "login" in response["Location"]
    assert not CompletedTask.objects.exists()


def test_ticks_are_per_person(tree, client):
    path = make_path(tree)
    first = structure(path)[0]
    someone, other = make_user(), make_user()
    client.force_login(someone)
    tick(client, path, first, [first.tasks[0].id])

    client.force_login(other)
    page = client.get(path.url).content.decode()

    assert "checked" not in page
    assert not CompletedTask.objects.filter(user=other).exists()


def test_starting_a_path_twice_keeps_one_start(tree, signed_in_client, user):
    path = make_path(tree)

    signed_in_client.post(path.start_url())
    signed_in_client.post(path.start_url())

    assert Enrolment.objects.filter(user=user, path=path).count() == 1


def test_the_page_shows_what_comes_next(tree, signed_in_client):
    path = make_path(tree, step_count=3)
    first = structure(path)[0]
    tick(signed_in_client, path, first, [task.id for task in first.tasks])

    page = signed_in_client.get(path.url).content.decode()

    assert 'href="#step-2">Vaihe 2: Vaihe 2</a>' in page


def test_finishing_every_task_records_the_finish_date(tree, signed_in_client, user):
    path = make_path(tree, step_count=2)
    for step in structure(path):
        tick(signed_in_client, path, step, [task.id for task in step.tasks])

    enrolment = Enrolment.objects.get(user=user, path=path)

    assert enrolment.finished_at is not None
    assert "Suoritit polun" in signed_in_client.get(path.url).content.decode()


def test_unticking_after_finishing_clears_the_finish_date(tree, signed_in_client, user):
    path = make_path(tree, step_count=1)
    step = structure(path)[0]
    tick(signed_in_client, path, step, [task.id for task in step.tasks])

    tick(signed_in_client, path, step, [])

    assert Enrolment.objects.get(user=user, path=path).finished_at is None
