"""Participation: development needs, voting rounds and the one vote engine behind them.

A `Poll` is anything members vote on: a priority round over development needs, or the
agree / disagree / can't say question of a customer story. Both use the same ballots, the
same rules (`forums.participation.engine`) and the same tallies (`selectors`).

Ballots are secret. A ballot keeps its voter only so that a member has one ballot per poll
and can change it; results and exports never read the voter. The voter's role and
organisation type are copied onto the ballot when it is cast, so breakdowns do not join to
people, and a removed account's ballot keeps counting without the link to the person.

The tables keep the `forums_` names they had when participation was part of the forums app.
"""

from collections.abc import Iterable
from typing import Any, ClassVar

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel

from typ_site.accounts.models import Role

# The five development themes of the study.
from typ_site.core.themes import THEME_SLUGS, THEMES, ensure_theme_tags

THEME_CHOICES = [(theme.slug, theme.label) for theme in THEMES]
THEME_ORDER = {theme.slug: number for number, theme in enumerate(THEMES)}


def ordered_theme_slugs(slugs: Iterable[str]) -> list[str]:
    """The development themes among `slugs`, in the themes' own order."""
    return sorted((slug for slug in slugs if slug in THEME_ORDER), key=THEME_ORDER.__getitem__)


class Level(models.TextChoices):
    LOCAL = "local", _("Local")
    REGIONAL = "regional", _("Regional")
    NATIONAL = "national", _("National")


class Timing(models.TextChoices):
    BEFORE = "before", _("Before the date")
    AFTER = "after", _("After the date")


class StoryAnswer(models.TextChoices):
    AGREE = "agree", _("Agree")
    DISAGREE = "disagree", _("Disagree")
    CANT_SAY = "cant_say", _("Can't say")


class DevelopmentNeed(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        PRIORITISED = "prioritised", _("Prioritised")
        IN_DEVELOPMENT = "in_development", _("In development")
        DONE = "done", _("Done")

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    # A need may sit under several themes (the national study lists the division of
    # responsibilities under three) or under none. The themes are the site's theme tags.
    themes: models.ManyToManyField[Any, Any] = models.ManyToManyField(
        "taggit.Tag",
        blank=True,
        related_name="development_needs",
        limit_choices_to={"slug__in": sorted(THEME_SLUGS)},
        verbose_name=_("themes"),
        help_text=_("The development themes the need belongs to: several, one or none."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposed_development_needs",
        verbose_name=_("proposed by"),
    )
    topic = models.ForeignKey(
        "forums.Topic",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="development_needs",
        verbose_name=_("forum topic"),
    )
    events = models.ManyToManyField(
        "calendar_app.Event",
        blank=True,
        related_name="development_needs",
        verbose_name=_("events"),
    )
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="merged_duplicates",
        verbose_name=_("merged into"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=100)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        db_table = "forums_developmentneed"
        verbose_name = _("development need")
        verbose_name_plural = _("development needs")
        ordering = ["position", "title", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("participation:need", args=[self.pk])

    @property
    def theme_slugs(self) -> list[str]:
        """The need's theme slugs in the themes' own order (reads prefetched themes)."""
        return ordered_theme_slugs(tag.slug for tag in self.themes.all())

    @property
    def theme_labels(self) -> list[str]:
        labels = dict(THEME_CHOICES)
        return [str(labels[slug]) for slug in self.theme_slugs]

    @admin.display(description=_("themes"))
    def theme_list(self) -> str:
        return ", ".join(self.theme_labels)

    def set_themes(self, slugs) -> None:
        """Put the need under exactly these themes (slugs of the five development themes)."""
        tags = ensure_theme_tags()
        self.themes.set([tags[slug] for slug in slugs])


class Poll(ClusterableModel):
    """The rules of one vote: who may vote, when, how, and when the results may be seen."""

    class Kind(models.TextChoices):
        PRIORITY = "priority", _("Priority round")
        STORY = "story", _("Customer story validation")
        BAROMETER = "barometer", _("TYP barometer")
        CRITERION = "criterion", _("Criterion validation")

    class Method(models.TextChoices):
        APPROVAL = "approval", _("Approval: pick at most a given number")
        POINTS = "points", _("Points: distribute a budget of points")
        SINGLE = "single", _("Single choice")
        LIKERT = "likert", _("Agree–disagree scale: one step for every statement")

    class ResultsVisibility(models.TextChoices):
        LIVE = "live", _("Live, while voting is open")
        AFTER_CLOSE = "after_close", _("Only after the round has closed")
        STAFF = "staff", _("Only KEHA staff")

    kind = models.CharField(
        _("kind"), max_length=10, choices=Kind.choices, default=Kind.PRIORITY, editable=False
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    opens_at = models.DateTimeField(_("opens"), default=timezone.now, help_text=_("Helsinki time."))
    closes_at = models.DateTimeField(
        _("closes"),
        null=True,
        blank=True,
        help_text=_("Helsinki time. Empty: open until further notice."),
    )
    method = models.CharField(
        _("voting method"), max_length=10, choices=Method.choices, default=Method.APPROVAL
    )
    max_choices = models.PositiveSmallIntegerField(
        _("maximum picks"),
        default=5,
        help_text=_("Approval voting: how many needs a member may pick at most."),
    )
    points_total = models.PositiveSmallIntegerField(
        _("points to distribute"),
        default=10,
        help_text=_("Points voting: how many points a member may distribute at most."),
    )
    eligible_roles = models.JSONField(
        _("roles who may vote"),
        default=list,
        blank=True,
        help_text=_("Leave empty for every verified member."),
    )
    eligible_networks = ParentalManyToManyField(
        "networks.Network",
        blank=True,
        related_name="polls",
        verbose_name=_("networks whose members may vote"),
        help_text=_("Leave empty for members of any network, or of none."),
    )
    asks_level = models.BooleanField(
        _("ask the level"),
        default=False,
        help_text=_("Ask for each need whether it should be developed locally, regionally or nationally."),
    )
    asks_timing = models.BooleanField(
        _("ask the timing"),
        default=False,
        help_text=_("Ask for each need whether its development should start before or after the date below."),
    )
    timing_date = models.DateField(_("timing date"), null=True, blank=True)
    results_visibility = models.CharField(
        _("results visible"),
        max_length=12,
        choices=ResultsVisibility.choices,
        default=ResultsVisibility.AFTER_CLOSE,
    )
    results_after_voting = models.BooleanField(
        _("results only to those who have voted"),
        default=False,
        help_text=_(
            "A member sees the results only after casting a ballot in this round, within the "
            "visibility above; one who did not vote does not see them, even after closing. "
            "KEHA staff always see them."
        ),
    )
    subject_page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        editable=False,
        related_name="validation_poll",
        verbose_name=_("page"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "forums_poll"
        verbose_name = _("poll")
        verbose_name_plural = _("polls")
        ordering = ["-opens_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__isnull=True) | Q(closes_at__gt=models.F("opens_at")),
                name="poll_closes_after_opening",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        if self.subject_page_id:
            # The specific page gives its address in the visitor's language (see BasePage).
            return self.subject_page.specific_deferred.url
        if self.kind == self.Kind.BAROMETER:
            return reverse("participation:barometer_round", args=[self.pk])
        if self.kind == self.Kind.CRITERION:
            return reverse("participation:criterion_of_poll", args=[self.pk])
        return reverse("participation:round", args=[self.pk])

    def clean(self):
        errors = {}
        if self.closes_at and self.opens_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("The round must close after it opens.")
        if self.asks_timing and not self.timing_date:
            errors["timing_date"] = _("Give the date the timing question is about.")
        if self.method == self.Method.APPROVAL and self.max_choices < 1:
            errors["max_choices"] = _("Allow at least one pick.")
        if self.method == self.Method.POINTS and self.points_total < 1:
            errors["points_total"] = _("Give at least one point to distribute.")
        unknown = set(self.eligible_roles or []) - set(Role.values)
        if unknown:
            errors["eligible_roles"] = _("Unknown role.")
        if errors:
            raise ValidationError(errors)


class VotingRoundManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(kind=Poll.Kind.PRIORITY)


class VotingRound(Poll):
    """A priority round over development needs (the polls KEHA staff run in the admin)."""

    objects: ClassVar[VotingRoundManager] = VotingRoundManager()

    class Meta:
        proxy = True
        verbose_name = _("voting round")
        verbose_name_plural = _("voting rounds")

    def save(self, *args, **kwargs):
        self.kind = Poll.Kind.PRIORITY
        super().save(*args, **kwargs)


class PollOption(models.Model):
    """One thing to vote for: a development need in a round, or a story's answer."""

    poll = ParentalKey(Poll, on_delete=models.CASCADE, related_name="options", verbose_name=_("poll"))
    need = models.ForeignKey(
        DevelopmentNeed,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="poll_options",
        verbose_name=_("development need"),
    )
    key = models.CharField(max_length=20, blank=True, editable=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        db_table = "forums_polloption"
        verbose_name = _("option")
        verbose_name_plural = _("options")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["poll", "need"],
                condition=Q(need__isnull=False),
                name="one_option_per_need_and_poll",
            ),
            models.UniqueConstraint(
                fields=["poll", "key"],
                condition=~Q(key=""),
                name="one_option_per_key_and_poll",
            ),
            models.CheckConstraint(
                condition=Q(need__isnull=False) | ~Q(key=""),
                name="option_is_need_or_key",
            ),
        ]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        return self.label_for(self.need.title if self.need is not None else None, self.key)

    @staticmethod
    def label_for(need_title: str | None, key: str) -> str:
        """An option's label from its need's title (None when it has no need) or its key."""
        if need_title is not None:
            return need_title
        return str(dict(StoryAnswer.choices).get(key, key))


class Ballot(models.Model):
    """One member's ballot in one poll; the database allows only one per member."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="ballots")
    # Kept only for one-ballot-per-member and changing one's ballot; emptied on removal.
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ballots",
    )
    voter_role = models.CharField(max_length=20, blank=True)
    voter_organisation_type = models.CharField(max_length=20, blank=True)
    cast_at = models.DateTimeField(default=timezone.now)
    changed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "forums_ballot"
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [
            models.UniqueConstraint(
                fields=["poll", "voter"],
                condition=Q(voter__isnull=False),
                name="one_ballot_per_member_and_poll",
            )
        ]

    def __str__(self):
        return f"ballot {self.pk} in poll {self.poll_id}"


class BallotChoice(models.Model):
    """What a ballot says about one option: points (1 for a pick), level and timing.

    In an agree–disagree (Likert) poll the points are the step of the scale, 1 (strongly
    disagree) to 5 (strongly agree): `engine.LIKERT_STEPS`, or 6 for "can't say"
    (`engine.LIKERT_CANT_SAY`), an answer kept out of the scale's distribution.
    """

    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="choices")
    option = models.ForeignKey(PollOption, on_delete=models.CASCADE, related_name="choices")
    points = models.PositiveSmallIntegerField(default=0)
    level = models.CharField(max_length=10, choices=Level.choices, blank=True)
    timing = models.CharField(max_length=10, choices=Timing.choices, blank=True)

    class Meta:
        db_table = "forums_ballotchoice"
        constraints = [models.UniqueConstraint(fields=["ballot", "option"], name="one_choice_per_option")]
        indexes = [models.Index(fields=["option", "points"])]

    def __str__(self):
        return f"{self.option_id}: {self.points}"


# The TYP barometer's statement bank and rounds live in their own module; imported here so
# that Django finds the models (that module imports from this one).
from . import barometer_models  # noqa: E402, F401

# The criteria workspace's models live in their own module (they build on Poll above).
from .criteria_models import (  # noqa: E402, F401
    Column,
    CriteriaRound,
    CriterionStatement,
    RecordingRule,
    StoryProposal,
)
