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


def add_note(page, days_ago, text="Lisätty uusi osio."):
    note_model = type(page)._meta.get_field("change_notes").related_model
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    page.change_notes.add(note_model(date=day, note=text))
    return publish(page)


def test_a_guidance_page_with_a_change_note_after_completion_is_shown_as_updated(tree, signed_in_client):
    guidance = tree.guidance[0]
    path = make_path(tree, reading=[guidance])
    complete_first_step(signed_in_client, path, days_ago=3)

    guidance.intro = "Uusi versio."
    add_note(guidance, days_ago=1)
    page = signed_in_client.get(path.url).content.decode()

    assert UPDATED in page
    day = (timezone.localdate() - datetime.timedelta(days=1)).strftime("%-d.%-m.%Y")
    assert day in page.split(UPDATED, 1)[1][:200]


def test_a_republished_correction_without_a_change_note_is_not_shown_as_updated(tree, signed_in_client):
    guidance = tree.guidance[0]
    path = make_path(tree, reading=[guidance])
    complete_first_step(signed_in_client, path, days_ago=3)

    guidance.intro = "Korjattu kirjoitusvirhe."
    publish(guidance)
    page = signed_in_client.get(path.url).content.decode()

    assert UPDATED not in page


def test_a_change_note_from_before_completion_is_not_shown_as_updated(tree, signed_in_client):
    guidance = tree.guidance[0]
    path = make_path(tree, reading=[guidance])
    complete_first_step(signed_in_client, path, days_ago=3)

    add_note(guidance, days_ago=10)  # published now, but the change it tells of is older
    page = signed_in_client.get(path.url).content.decode()

    assert UPDATED not in page


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

    add_note(guidance, days_ago=1)
    page = signed_in_client.get(path.url).content.decode()

    assert UPDATED not in page


def test_an_unpublished_linked_page_is_left_out(tree, signed_in_client):
    guidance = tree.guidance[0]
    path = make_path(tree, reading=[guidance])
    guidance.unpublish()

    page = signed_in_client.get(path.url).content.decode()

    assert guidance.title not in page
