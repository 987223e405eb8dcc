"""Customer stories that members validate."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    PageChooserPanel,
)
from wagtail.fields import RichTextField
from wagtail.search import index

from typ_site.core.models import BasePage

from ..blocks import RICH_TEXT_FEATURES
from .pages import KnowledgePage


class CaseStoryPage(KnowledgePage):
    """A fictional customer story that members validate: does it belong in TYP or not?

    Members answer agree / disagree / can't say with the vote engine of `forums.participation`;
    the page shows how many answered and the share who agree, and whether the story counts
    as validated (thresholds in the settings PARTICIPATION_STORY_MIN_ANSWERS and
    PARTICIPATION_STORY_AGREE_SHARE).
    """

    persona_name = models.CharField(
        _("persona"), max_length=100, help_text=_("A fictional first name, e.g. Irina.")
    )
    age = models.PositiveSmallIntegerField(_("age"))
    situation = RichTextField(_("situation"), features=RICH_TEXT_FEATURES)
    belongs_in_typ = models.BooleanField(
        _("belongs in TYP"),
        default=True,
        help_text=_(
            "Checked: the story is told as one that belongs in multi-sector TYP "
            "services. Unchecked: as one that does not."
        ),
    )
    deciding_factors = models.TextField(
        _("deciding factors"), blank=True, help_text=_("One factor per line.")
    )
    paired_story = models.ForeignKey(
        "knowledge.CaseStoryPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("paired story"),
        help_text=_("The same persona told from the other point of view."),
    )

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("persona_name"), FieldPanel("age")]),
        FieldPanel("belongs_in_typ"),
        FieldPanel("intro"),
        FieldPanel("situation"),
        FieldPanel("deciding_factors"),
        PageChooserPanel("paired_story", "knowledge.CaseStoryPage"),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("persona_name"),
        index.SearchField("situation"),
        index.SearchField("deciding_factors"),
        index.FilterField("belongs_in_typ"),
    ]

    parent_page_types = ["knowledge.CaseStoryIndexPage"]
    subpage_types: list[str] = []
    search_kind = "case_story"
    template = "knowledge/case_story_page.html"

    class Meta:
        verbose_name = _("customer story")
        verbose_name_plural = _("customer stories")

    def factor_list(self) -> list[str]:
        return [line.strip(" -•\t") for line in self.deciding_factors.splitlines() if line.strip(" -•\t")]

    @property
    def verdict_label(self) -> str:
        if self.belongs_in_typ:
            return str(_("Belongs in TYP"))
        return str(_("Does not belong in TYP"))

    def search_text_parts(self):
        return super().search_text_parts() + [
            f"{self.persona_name} {self.age}",
            self.verdict_label,
            strip_tags(self.situation),
            "\n".join(self.factor_list()),
        ]

    def clean(self):
        super().clean()
        if self.paired_story_id and self.paired_story_id == self.pk:
            raise ValidationError({"paired_story": _("A story cannot be paired with itself.")})
