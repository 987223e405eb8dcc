"""A person's progress on induction paths: the paths they started and the tasks they ticked.

These models refer to the path page by name, so the reads and writes of progress
(`selectors`, `services`) do not import the page models, which call them.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Enrolment(models.Model):
    """A person has started a path."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="induction_enrolments",
        verbose_name=_("user"),
    )
    path = models.ForeignKey(
        "induction.InductionPathPage",
        on_delete=models.CASCADE,
        related_name="enrolments",
        verbose_name=_("induction path"),
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)
    finished_at = models.DateTimeField(
        _("finished"),
        null=True,
        blank=True,
        help_text=_("When every task of the path was first done."),
    )

    class Meta:
        verbose_name = _("started induction path")
        verbose_name_plural = _("started induction paths")
        constraints = [models.UniqueConstraint(fields=["user", "path"], name="induction_one_enrolment")]

    def __str__(self):
        return f"{self.user} – {self.path_id}"


class CompletedTask(models.Model):
    """One ticked checklist task, by the stable id of the task's block."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="induction_tasks_done",
        verbose_name=_("user"),
    )
    path = models.ForeignKey(
        "induction.InductionPathPage",
        on_delete=models.CASCADE,
        related_name="completed_tasks",
        verbose_name=_("induction path"),
    )
    task_id = models.CharField(_("task"), max_length=64)
    completed_at = models.DateTimeField(_("done"), default=timezone.now)

    class Meta:
        verbose_name = _("completed task")
        verbose_name_plural = _("completed tasks")
        constraints = [
            models.UniqueConstraint(fields=["user", "path", "task_id"], name="induction_one_tick_per_task")
        ]

    def __str__(self):
        return f"{self.user} – {self.task_id}"
