"""A step tells when a page it links to has changed after the person completed the step."""

import datetime

from django.utils import timezone

from knowledge.induction.models import CompletedTask

from .conftest import make_path, publish, structure, tick

UPDATED = "induction-updated"


def complete_first_step(client, path, days_ago):
    first = structure(path)[0]
    tick(client, path, first, [task.id for task in first.tasks])
    CompletedTask.objects.update(completed_at=timezone.now() - datetime.timedelta(days=days_ago))


def test_a_guidance_page_changed_after_completion_is_shown_as_updated(tree, signed_in_client):
    guidance = tree.guidance[0]
    path = make_path(tree, reading=[guidance])
    complete_first_step(signed_in_client, path, days_ago=3)

    guidance.intro = "Uusi versio."
    publish(guidance)
    page = signed_in_client.get(path.url).content.decode()

    assert UPDATED in page


def test_an_unchanged_page_is_not_shown_as_updated(tree, signed_in_client):
    path = make_path(tree, reading=[tree.guidance[0]])
    complete_first_step(signed_in_client, path, days_ago=0)

    page = signed_in_client.get(path.url).content.decode()

    assert UPDATED not in page


def test_a_step_not_yet_completed_shows_no_update_note(tree, signed_in_client):
    guidance = tree.guidance[0]
    path = make_path(tree, reading=[guidance])
    first = structure(path)[0]
    tick(signed_in_client, path, first, [first.tasks[0].id])
    CompletedTask.objects.update(completed_at=timezone.now() - datetime.timedelta(days=3))

    publish(guidance)
    page = signed_in_client.get(path.url).content.decode()

    assert UPDATED not in page


def test_an_unpublished_linked_page_is_left_out(tree, signed_in_client):
    guidance = tree.guidance[0]
    path = make_path(tree, reading=[guidance])
    guidance.unpublish()

    page = signed_in_client.get(path.url).content.decode()

    assert guidance.title not in page
