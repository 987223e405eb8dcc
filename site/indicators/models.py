"""Comparable network indicators.

KEHA keeps the shared definitions (what is counted, how, from which source, in which unit,
for which kind of period) as Wagtail admin snippets; each network's admins enter its figures
per period on the site or upload them as CSV (`services.record_figures`). A figure is always
an aggregate over the network's clients or resources, never a single client: there is no
field for a person, and counts under the minimum group size are hidden wherever they are
shown (`disclosure`).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from typ_site.networks.models import Network


class PeriodType(models.TextChoices):
    MONTH = "month", _("Month")
    QUARTER = "quarter", _("Quarter")
    YEAR = "year", _("Year")


class Unit(models.TextChoices):
    PEOPLE = "people", _("people")
    COUNT = "count", _("count")
    PERCENT = "percent", _("percent")
    FTE = "fte", _("person-years")


class Source(models.TextChoices):
    TYPPI = "typpi", _("TYPPI client register")
    EMPLOYMENT_AUTHORITY = "employment_authority", _("Employment authority's client system (URA)")
    WELLBEING_COUNTY = "wellbeing_county", _("Wellbeing services county's client system")
    KELA = "kela", _("Kela")
    NETWORK_RECORDS = "network_records", _("The network's own records")
    COOPERATION_AGREEMENT = "cooperation_agreement", _("The network's cooperation agreement")


class Kind(models.TextChoices):
    CLIENT_FLOW = "client_flow", _("Clients and services")
    STRUCTURE = "structure", _("Structure and resources")


# Units that count people or their actions: under the minimum group size they are hidden.
COUNT_UNITS = frozenset({Unit.PEOPLE, Unit.COUNT})


def _in_language(obj, field: str) -> str:
    language = (get_language() or "fi")[:2]
    return getattr(obj, f"{field}_{language}", "") or getattr(obj, f"{field}_fi")


class IndicatorDefinition(models.Model):
    key = models.SlugField(
        _("key"),
        max_length=60,
        unique=True,
        help_text=_("A short fixed name used in the CSV files (a-z, 0-9, -, _). Do not change it later."),
    )
    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    counted_fi = models.TextField(_("what is counted, in Finnish"), max_length=1000)
    counted_sv = models.TextField(_("what is counted, in Swedish"), max_length=1000, blank=True)
    counted_en = models.TextField(_("what is counted, in English"), max_length=1000, blank=True)
    method_fi = models.TextField(_("how it is counted, in Finnish"), max_length=1000)
    method_sv = models.TextField(_("how it is counted, in Swedish"), max_length=1000, blank=True)
    method_en = models.TextField(_("how it is counted, in English"), max_length=1000, blank=True)
    source = models.CharField(_("source"), max_length=30, choices=Source.choices)
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices)
    period_type = models.CharField(_("period"), max_length=10, choices=PeriodType.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.CLIENT_FLOW)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(
        _("in use"), default=True, help_text=_("Networks enter figures only for indicators in use.")
    )
    is_demo = models.BooleanField(_("demo data"), default=False, editable=False)

    panels = [
        MultiFieldPanel(
            [FieldPanel("name_fi"), FieldPanel("name_sv"), FieldPanel("name_en")], heading=_("Name")
        ),
        MultiFieldPanel(
            [FieldPanel("counted_fi"), FieldPanel("counted_sv"), FieldPanel("counted_en")],
            heading=_("What is counted"),
        ),
        MultiFieldPanel(
            [FieldPanel("method_fi"), FieldPanel("method_sv"), FieldPanel("method_en")],
            heading=_("How it is counted"),
        ),
        FieldPanel("key"),
        FieldPanel("source"),
        FieldPanel("unit"),
        FieldPanel("period_type"),
        FieldPanel("kind"),
        FieldPanel("sort_order"),
        FieldPanel("is_active"),
    ]

    class Meta:
        verbose_name = _("indicator definition")
        verbose_name_plural = _("indicator definitions")
        ordering = ["kind", "sort_order", "pk"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return _in_language(self, "name")

    @property
    def counted(self) -> str:
        return _in_language(self, "counted")

    @property
    def method(self) -> str:
        return _in_language(self, "method")

    @property
    def is_count(self) -> bool:
        return self.unit in COUNT_UNITS

    def clean(self):
        """The unit and the period of an indicator with figures stay as they are: the figures
        were entered in them."""
        super().clean()
        if self.pk is None:
            return
        stored = IndicatorDefinition.objects.filter(pk=self.pk).values("unit", "period_type").first()
        if stored and self.figures.exists():
            changed = {
                field: _("Figures have been entered in this unit; make a new indicator instead.")
                if field == "unit"
                else _("Figures have been entered for this period; make a new indicator instead.")
                for field in ("unit", "period_type")
                if stored[field] != getattr(self, field)
            }
            if changed:
                raise ValidationError(changed)


class IndicatorFigure(models.Model):
    """One network's figure for one indicator and period: `year` and `number` (the month 1–12,
    the quarter 1–4, or 1 for a year, as the definition's period type says)."""

    definition = models.ForeignKey(
        IndicatorDefinition, on_delete=models.CASCADE, related_name="figures", verbose_name=_("indicator")
    )
    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="indicator_figures", verbose_name=_("network")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveSmallIntegerField(_("period number"), default=1)
    value = models.DecimalField(
        _("value"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by"),
    )
    entered_at = models.DateTimeField(_("entered at"), auto_now=True)

    class Meta:
        verbose_name = _("indicator figure")
        verbose_name_plural = _("indicator figures")
        ordering = ["definition", "network", "year", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["definition", "network", "year", "number"], name="one_indicator_figure_per_period"
            ),
            models.CheckConstraint(condition=models.Q(value__gte=0), name="indicator_figure_not_negative"),
        ]
        indexes = [models.Index(fields=["network", "year"])]

    def __str__(self):
        return f"{self.definition} – {self.network} – {self.year}/{self.number}"
