"""Writes of induction progress. Every write is one transaction and safe to repeat."""

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from .records import CompletedTask, Enrolment
from .selectors import PathSummary, summarise
from .structure import find_step


class UnknownTask(Exception):
    """The step or task is not part of the path (any more)."""


@transaction.atomic
def start_path(user, path: Page) -> Enrolment:
    enrolment, _created = Enrolment.objects.get_or_create(user=user, path=path)
    return enrolment


@transaction.atomic
def save_step_checklist(user, path: Page, step_id: str, done_task_ids) -> PathSummary:
    """Make the step's ticked tasks exactly `done_task_ids`.

    Sending the same form twice changes nothing, so a double click records one tick. A task
    keeps its original tick time while it stays ticked: that time tells whether linked pages
    have changed since the person went through the step.
    """
    step = find_step(path, step_id)
    done = set(done_task_ids)
    if step is None or not done <= step.task_ids:
        raise UnknownTask
    enrolment, _created = Enrolment.objects.select_for_update().get_or_create(user=user, path=path)
    already = set(
        CompletedTask.objects.filter(user=user, path=path, task_id__in=step.task_ids).values_list(
            "task_id", flat=True
        )
    )
    removed = already - done
    if removed:
        CompletedTask.objects.filter(user=user, path=path, task_id__in=removed).delete()
    for task_id in sorted(done - already):
        CompletedTask.objects.get_or_create(user=user, path=path, task_id=task_id)
    ticks = dict(CompletedTask.objects.filter(user=user, path=path).values_list("task_id", "completed_at"))
    summary = summarise(path, enrolment, ticks)
    now = timezone.now()
    enrolment.last_activity_at = now
    if summary.complete and enrolment.finished_at is None:
        enrolment.finished_at = now
    elif removed and not summary.complete:
        enrolment.finished_at = None
    enrolment.save(update_fields=["last_activity_at", "finished_at"])
    return summary


@transaction.atomic
def forget_progress_of(user) -> None:
    CompletedTask.objects.filter(user=user).delete()
    Enrolment.objects.filter(user=user).delete()
