"""The responsibility register: the client process's tasks, the parties that share them, the
national baseline of who does what, and each network's local agreement in versions.

KEHA keeps the tasks, the parties and the baseline (Wagtail admin snippets); a network's admins
record its local agreement on the site (`views.edit_agreement`). An agreement is never changed
after it is saved: each confirmation by the network's johtoryhmä is a new version, and the
earlier versions stay readable. Each of its cells keeps the baseline it was agreed against, so
that a deviation and its reason still read right after KEHA changes the baseline.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel

from knowledge.models import LawSection
from typ_site.networks.models import Network

# The adoption of national decisions (its own module); imported here so that Django finds it.
from .adoption_models import AdoptionReminder as AdoptionReminder
from .adoption_models import AdoptionState as AdoptionState
from .adoption_models import AdoptionStatus as AdoptionStatus
from .adoption_models import AdoptionStatusChange as AdoptionStatusChange
from .naming import NamedAndDescribedInThreeLanguages, NamedInThreeLanguages, in_language


class Involvement(models.TextChoices):
    """What a party does in a task (a RACI-like scale the sources use in words)."""

    RESPONSIBLE = "responsible", _("Responsible")
    TAKES_PART = "takes_part", _("Takes part")
    INFORMED = "informed", _("Informed")
    NONE = "none", _("Not involved")


class Party(NamedInThreeLanguages):
    """An organisation that takes part in the client process: the employment authority, the
    wellbeing services county's social work and health care, Kela, the municipality."""

    key = models.SlugField(
        _("key"), max_length=40, unique=True, help_text=_("A short fixed name for the exports (a-z, -, _).")
    )
    short_name = models.CharField(
        _("abbreviation"), max_length=20, help_text=_("Shown as the column heading, e.g. HVA.")
    )
    short_name_sv = models.CharField(
        _("abbreviation in Swedish"),
        max_length=20,
        blank=True,
        help_text=_("E.g. VO; empty: the Finnish one."),
    )
    short_name_en = models.CharField(
        _("abbreviation in English"), max_length=20, blank=True, help_text=_("Empty: the Finnish one.")
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name_fi"),
        FieldPanel("name_sv"),
        FieldPanel("name_en"),
        MultiFieldPanel(
            [FieldPanel("short_name"), FieldPanel("short_name_sv"), FieldPanel("short_name_en")],
            heading=_("Abbreviation"),
        ),
        FieldPanel("key"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["sort_order", "pk"]

    @property
    def abbreviation(self) -> str:
        """The column heading in the reader's language, the Finnish one where it is missing."""
        return in_language(self, "short_name", fallback=self.short_name)


class ClientProcessTask(ClusterableModel, NamedAndDescribedInThreeLanguages):
    """One task of the client process, in order, with the law it rests on and its baseline."""

    key = models.SlugField(
        _("key"), max_length=60, unique=True, help_text=_("A short fixed name for the exports (a-z, -, _).")
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    law_sections = ParentalManyToManyField(
        LawSection, blank=True, related_name="client_process_tasks", verbose_name=_("law sections")
    )

    panels = [
        *NamedAndDescribedInThreeLanguages.name_and_description_panels,
        FieldPanel("key"),
        FieldPanel("sort_order"),
        FieldPanel("law_sections"),
        InlinePanel("baseline_cells", heading=_("National baseline"), label=_("Party")),
    ]

    class Meta:
        verbose_name = _("client-process task")
        verbose_name_plural = _("client-process tasks")
        ordering = ["sort_order", "pk"]


class BaselineCell(models.Model):
    """The national baseline for one party in one task. A party without a cell: not involved."""

    task = ParentalKey(
        ClientProcessTask, on_delete=models.CASCADE, related_name="baseline_cells", verbose_name=_("task")
    )
    party = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="+", verbose_name=_("party"))
    involvement = models.CharField(_("involvement"), max_length=12, choices=Involvement.choices)
    note = models.TextField(_("note"), blank=True, max_length=500)
    note_sv = models.TextField(_("note in Swedish"), blank=True, max_length=500)
    note_en = models.TextField(_("note in English"), blank=True, max_length=500)

    panels = [
        FieldPanel("party"),
        FieldPanel("involvement"),
        FieldPanel("note"),
        FieldPanel("note_sv"),
        FieldPanel("note_en"),
    ]

    class Meta:
        verbose_name = _("baseline cell")
        verbose_name_plural = _("baseline cells")
        constraints = [models.UniqueConstraint(fields=["task", "party"], name="one_baseline_cell_per_party")]

    def __str__(self):
        return f"{self.task} – {self.party}: {self.get_involvement_display()}"

    @property
    def translated_note(self) -> str:
        """The note in the reader's language, the Finnish one where it is missing."""
        return in_language(self, "note", fallback=self.note)


class LocalAgreement(models.Model):
    """One confirmed version of a network's division of responsibilities."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="responsibility_agreements", verbose_name=_("network")
    )
    version = models.PositiveIntegerField(_("version"))
    confirmed_on = models.DateField(_("confirmed by the johtoryhmä on"))
    change_note = models.TextField(_("what changed"), blank=True, max_length=1000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("local agreement")
        verbose_name_plural = _("local agreements")
        ordering = ["network", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["network", "version"], name="one_agreement_per_version")
        ]

    def __str__(self):
        return f"{self.network} v{self.version} ({self.confirmed_on:%d.%m.%Y})"


class AgreementCell(models.Model):
    """A network's agreement for one party in one task, with the baseline it was agreed against."""

    agreement = models.ForeignKey(
        LocalAgreement, on_delete=models.CASCADE, related_name="cells", verbose_name=_("agreement")
    )
    task = models.ForeignKey(
        ClientProcessTask, on_delete=models.CASCADE, related_name="+", verbose_name=_("task")
    )
    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="+", verbose_name=_("party"))
    involvement = models.CharField(_("involvement"), max_length=12, choices=Involvement.choices)
    baseline_involvement = models.CharField(
        _("national baseline at the time"), max_length=12, choices=Involvement.choices
    )
    note = models.TextField(_("note"), blank=True, max_length=500)
    deviation_reason = models.TextField(_("reason for the deviation"), blank=True, max_length=500)

    class Meta:
        verbose_name = _("agreement cell")
        verbose_name_plural = _("agreement cells")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "task", "party"], name="one_agreement_cell_per_party"
            )
        ]

    def __str__(self):
        return f"{self.agreement} – {self.task} – {self.party}"

    @property
    def deviates(self) -> bool:
        return self.involvement != self.baseline_involvement


# Who's who lives in its own module; importing it here registers its models with the app.
# The service catalogue lives in its own module; imported here so that Django finds its models.
from .service_catalogue_models import Municipality, NetworkService, ServiceCategory  # noqa: E402, F401
from .whoswho.models import EntryKind, WhosWhoEntry, WhosWhoSettings  # noqa: E402, F401
