"""Statutes and their sections, which interpretations and guidance refer to."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
)
from wagtail.models import Orderable

from typ_site.core.shared_rows import kept_in_process


class Statute(ClusterableModel):
    """A statute such as 381/2023; its sections are what interpretations are about."""

    number = models.CharField(_("number"), max_length=20, unique=True, help_text=_("For example 381/2023."))
    name = models.CharField(_("name"), max_length=300)
    short_name = models.CharField(
        _("short name"), max_length=60, blank=True, help_text=_("For example TYM-laki.")
    )
    abbreviation = models.CharField(
        _("abbreviation in text"),
        max_length=20,
        blank=True,
        help_text=_(
            'The prefix people write before the word for act, e.g. TYM for "TYM-laki" and '
            '"TYM-lain". Mentions with this prefix link to the statute\'s sections.'
        ),
    )
    url = models.URLField(_("address of the official text"), blank=True)

    panels = [
        FieldPanel("number"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("short_name"), FieldPanel("abbreviation")]),
        FieldPanel("url"),
        InlinePanel("sections", label=_("Sections")),
    ]

    class Meta:
        verbose_name = _("statute")
        verbose_name_plural = _("statutes")
        ordering = ["number"]

    def __str__(self):
        if self.short_name:
            return f"{self.short_name} ({self.number})"
        return f"{self.name} ({self.number})"

    @property
    def slug(self) -> str:
        return self.number.replace("/", "-")

    def get_absolute_url(self) -> str:
        return reverse("knowledge:statute", args=[self.slug])


def normalise_section_number(number: str) -> str:
    """'4 a' and '4a' are the same section."""
    return "".join(number.split()).lower()


class LawSection(Orderable):
    statute = ParentalKey(
        Statute, on_delete=models.CASCADE, related_name="sections", verbose_name=_("statute")
    )
    number = models.CharField(_("section number"), max_length=10, help_text=_("For example 11 or 4 a."))
    title = models.CharField(_("heading"), max_length=300)
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("What the section is about, in plain words.")
    )

    panels = [FieldPanel("number"), FieldPanel("title"), FieldPanel("summary")]

    class Meta(Orderable.Meta):
        verbose_name = _("law section")
        verbose_name_plural = _("law sections")
        constraints = [models.UniqueConstraint(fields=["statute", "number"], name="unique_law_section")]

    def __str__(self):
        return f"{self.statute.number} {self.number} § {self.title}"

    @property
    def label(self) -> str:
        return f"{self.number} §"

    @property
    def key(self) -> str:
        return normalise_section_number(self.number)

    def get_absolute_url(self) -> str:
        return reverse("knowledge:law_section", args=[self.statute.slug, self.key])


def _read_sections() -> tuple[dict[tuple[str, str], LawSection], dict[str, str]]:
    """({(statute number, section key): section}, {act abbreviation: statute number})."""
    sections = {}
    abbreviations = {}
    for section in LawSection.objects.select_related("statute"):
        sections[(section.statute.number, section.key)] = section
        if section.statute.abbreviation:
            abbreviations[section.statute.abbreviation.upper()] = section.statute.number
    return sections, abbreviations


class SectionDirectory:
    """The statutes and sections on the site, loaded when first needed (kept in the process
    while no content changes: `shared_rows.kept_in_process`).

    It finds the section a mention names (a `knowledge.law_links.SectionMention`).
    """

    def __init__(self):
        self._sections = None
        self._abbreviations = None

    def _load(self):
        self._sections, self._abbreviations = kept_in_process("knowledge.law_sections", _read_sections)

    def statute_number(self, mention) -> str | None:
        if mention.statute:
            return mention.statute
        if self._sections is None:
            self._load()
        return self._abbreviations.get((mention.abbreviation or "").upper())

    def section_for(self, mention) -> LawSection | None:
        if self._sections is None:
            self._load()
        number = self.statute_number(mention)
        if number is None:
            return None
        return self._sections.get((number, mention.section))
