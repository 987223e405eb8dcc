"""The criteria workspace: when a client enters TYP, stays in it and leaves it.

Criterion statements sit in four columns (do not refer, refer, stay, refer out), as the
field's own statements did in the national study. A member or KEHA proposes one; KEHA opens
its validation in a criteria round, and members answer agree / disagree / can't say with the
one vote engine (a `Poll` of kind "criterion" per statement). A statement counts as agreed
by the same rule as a customer story (`engine.is_validated`), and KEHA may then adopt it into
national guidance. Recording rules agreed beside the criteria and members' proposals of new
customer stories live here too.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ResultsVisibility(models.TextChoices):
    """The values of `Poll.ResultsVisibility`, which the statements' polls receive (kept equal
    by tests/participation/test_criteria.py; this module does not import `models`, which
    imports it)."""

    LIVE = "live", _("Live, while voting is open")
    AFTER_CLOSE = "after_close", _("Only after the round has closed")
    STAFF = "staff", _("Only KEHA staff")


class Column(models.TextChoices):
    DO_NOT_REFER = "do_not_refer", _("Do not refer to TYP")
    REFER = "refer", _("Refer to TYP")
    STAY = "stay", _("Stays in TYP")
    REFER_OUT = "refer_out", _("Refer out of TYP")


class CriteriaRound(models.Model):
    """A validation period for criterion statements: when answers open and close and when
    their results may be seen. Each statement in the round has its own poll with these rules."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    opens_at = models.DateTimeField(_("opens"), default=timezone.now, help_text=_("Helsinki time."))
    closes_at = models.DateTimeField(
        _("closes"), null=True, blank=True, help_text=_("Helsinki time. Empty: open until further notice.")
    )
    results_visibility = models.CharField(
        _("results visible"),
        max_length=12,
        choices=ResultsVisibility.choices,
        default=ResultsVisibility.LIVE,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("criteria round")
        verbose_name_plural = _("criteria rounds")
        ordering = ["-opens_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__isnull=True) | models.Q(closes_at__gt=models.F("opens_at")),
                name="criteria_round_closes_after_opening",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # The statements' polls follow the round's times and visibility.
        polls = CriterionStatement._meta.get_field("poll").related_model._default_manager
        polls.filter(criterion_statement__round=self).update(
            opens_at=self.opens_at, closes_at=self.closes_at, results_visibility=self.results_visibility
        )


class CriterionStatement(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        VALIDATION = "validation", _("Under validation")
        ADOPTED = "adopted", _("Adopted into national guidance")
        DECLINED = "declined", _("Not taken forward")

    column = models.CharField(_("column"), max_length=20, choices=Column.choices)
    text = models.TextField(_("statement"))
    explanation = models.TextField(_("reasoning"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PROPOSED, editable=False
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="proposed_criteria",
        verbose_name=_("proposed by"),
    )
    proposed_by_keha = models.BooleanField(_("proposed by KEHA Centre"), default=False, editable=False)
    stories = models.ManyToManyField(
        "knowledge.CaseStoryPage",
        blank=True,
        related_name="criterion_statements",
        verbose_name=_("customer stories"),
        help_text=_("The customer stories that illustrate the statement."),
    )
    law_sections = models.ManyToManyField(
        "knowledge.LawSection",
        blank=True,
        related_name="criterion_statements",
        verbose_name=_("law sections"),
        help_text=_("The law sections the statement rests on."),
    )
    round = models.ForeignKey(
        CriteriaRound,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="statements",
        verbose_name=_("criteria round"),
    )
    poll = models.OneToOneField(
        "participation.Poll",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="criterion_statement",
    )
    guidance_page = models.ForeignKey(
        "knowledge.GuidancePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="adopted_criteria",
        verbose_name=_("national guidance"),
    )
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    adopted_at = models.DateTimeField(_("adopted at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("criterion statement")
        verbose_name_plural = _("criterion statements")
        ordering = ["column", "pk"]

    def __str__(self):
        return self.text[:80]

    def get_absolute_url(self):
        return reverse("participation:criterion", args=[self.pk])


class RecordingRule(models.Model):
    """An agreed rule on how something is recorded, e.g. the end of a client relationship."""

    title = models.CharField(_("title"), max_length=200)
    rule = models.TextField(_("rule"))
    statement = models.ForeignKey(
        CriterionStatement,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recording_rules",
        verbose_name=_("criterion statement"),
        help_text=_("The criterion the rule puts into practice, if any."),
    )
    guidance_page = models.ForeignKey(
        "knowledge.GuidancePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recording_rules",
        verbose_name=_("national guidance"),
    )
    agreed_on = models.DateField(_("agreed on"), default=timezone.localdate)
    position = models.PositiveSmallIntegerField(_("position"), default=100)

    class Meta:
        verbose_name = _("recording rule")
        verbose_name_plural = _("recording rules")
        ordering = ["position", "title", "pk"]

    def __str__(self):
        return self.title


class StoryProposal(models.Model):
    """A member's fictional customer story; KEHA reviews it before its validation opens."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for review")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    title = models.CharField(_("title"), max_length=200)
    persona_name = models.CharField(
        _("persona"), max_length=100, help_text=_("A fictional first name, e.g. Irina.")
    )
    age = models.PositiveSmallIntegerField(_("age"))
    situation = models.TextField(_("situation"))
    belongs_in_typ = models.BooleanField(
        _("belongs in TYP"),
        default=True,
        help_text=_(
            "Checked: the story is told as one that belongs in TYP. Unchecked: as one that does not."
        ),
    )
    deciding_factors = models.TextField(
        _("deciding factors"), blank=True, help_text=_("One factor per line.")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposed_stories",
        verbose_name=_("proposed by"),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(_("note from the review"), blank=True)
    story_page = models.ForeignKey(
        "knowledge.CaseStoryPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("customer story"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("customer story proposal")
        verbose_name_plural = _("customer story proposals")
        ordering = ["-created_at", "pk"]

    def __str__(self):
        return self.title
