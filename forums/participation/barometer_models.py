"""The TYP barometer: agree–disagree statements that KEHA asks every year.

The statements form a bank (`BarometerStatement`); each year's round is a `Poll` of kind
BAROMETER with the agree–disagree (Likert) method, and each of its options is one statement of
the bank (`BarometerItem`), so the same statement is comparable from year to year. Answers are
ordinary ballots of the one vote engine: secret, one per person and round, changeable until
closing. Besides the role and organisation type the engine copies onto every ballot, a
barometer ballot records the network the person answered for (`BarometerResponse`), again a
copy that does not lead back to the person.

`BarometerBaseline` holds the 2023 study's answer counts by role, only where the study's text
gives all five counts of a row (see forums/participation/barometer_demo.py).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from typ_site.accounts.models import Role


class BarometerStatement(models.Model):
    """One statement of the bank, in Finnish (required), Swedish and English."""

    key = models.SlugField(
        _("key"), max_length=40, unique=True, help_text=_("A short fixed name for the exports (a-z, -, _).")
    )
    text_fi = models.CharField(_("statement in Finnish"), max_length=300)
    text_sv = models.CharField(_("statement in Swedish"), max_length=300, blank=True)
    text_en = models.CharField(_("statement in English"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=100)
    active = models.BooleanField(
        _("asked in new rounds"),
        default=True,
        help_text=_("A new year's round asks the active statements; earlier rounds keep theirs."),
    )

    class Meta:
        verbose_name = _("barometer statement")
        verbose_name_plural = _("barometer statements")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.text

    @property
    def text(self) -> str:
        language = (get_language() or "fi")[:2]
        return getattr(self, f"text_{language}", "") or self.text_fi


class BarometerRound(models.Model):
    """One year's barometer: the poll that holds its ballots and its rules."""

    poll = models.OneToOneField(
        "participation.Poll", on_delete=models.CASCADE, related_name="barometer_round", verbose_name=_("poll")
    )
    year = models.PositiveSmallIntegerField(
        _("year"), unique=True, validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )

    class Meta:
        verbose_name = _("barometer round")
        verbose_name_plural = _("barometer rounds")
        ordering = ["-year"]

    def __str__(self):
        return str(self.year)


class BarometerItem(models.Model):
    """A statement of the bank asked in a round; its poll option carries the answers."""

    round = models.ForeignKey(BarometerRound, on_delete=models.CASCADE, related_name="items")
    statement = models.ForeignKey(BarometerStatement, on_delete=models.PROTECT, related_name="items")
    option = models.OneToOneField(
        "participation.PollOption", on_delete=models.CASCADE, related_name="barometer_item"
    )

    class Meta:
        verbose_name = _("barometer statement of a round")
        verbose_name_plural = _("barometer statements of a round")
        constraints = [
            models.UniqueConstraint(fields=["round", "statement"], name="barometer_statement_once_per_round")
        ]

    def __str__(self):
        return f"{self.round}: {self.statement.key}"


class BarometerResponse(models.Model):
    """The network a barometer ballot was given for (empty: the person is in no network).

    Copied when the ballot is cast or changed, like the ballot's role and organisation type;
    results read it, never the voter.
    """

    ballot = models.OneToOneField(
        "participation.Ballot", on_delete=models.CASCADE, related_name="barometer_response"
    )
    network = models.ForeignKey(
        "networks.Network", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("barometer answer's network")
        verbose_name_plural = _("barometer answers' networks")

    def __str__(self):
        return f"ballot {self.ballot_id}: network {self.network_id}"


class BarometerBaseline(models.Model):
    """Answer counts of an earlier study for one statement and role, step 1 to step 5."""

    year = models.PositiveSmallIntegerField(_("year"))
    statement = models.ForeignKey(BarometerStatement, on_delete=models.CASCADE, related_name="baselines")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    counts = models.JSONField(
        _("answers per step"), help_text=_("Five counts: strongly disagree … strongly agree.")
    )
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("barometer baseline")
        verbose_name_plural = _("barometer baselines")
        ordering = ["year", "statement__position", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "statement", "role"], name="one_baseline_per_year_statement_role"
            )
        ]

    def __str__(self):
        return f"{self.year} {self.statement.key} {self.role}"

    def clean(self):
        counts = self.counts
        if not (
            isinstance(counts, list)
            and len(counts) == 5
            and all(isinstance(count, int) and count >= 0 for count in counts)
        ):
            raise ValidationError({"counts": _("Give five counts that are whole numbers from 0 up.")})

    @property
    def total(self) -> int:
        return sum(self.counts)
