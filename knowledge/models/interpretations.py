"""Interpretations of law sections, agreed or under discussion."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from typ_site.core.models import BasePage

from ..admin_forms import ChangeNotedPageForm
from ..blocks import RICH_TEXT_FEATURES, body_blocks, stream_plain_text
from .law import LawSection
from .pages import ChangeNote, KnowledgePage


class LawInterpretationPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "knowledge.LawInterpretationPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class InterpretationStatus(models.TextChoices):
    AGREED = "agreed", _("Agreed")
    UNDER_DISCUSSION = "under_discussion", _("Under discussion")
    SUPERSEDED = "superseded", _("Superseded")


class LawInterpretationChangeNote(ChangeNote):
    page = ParentalKey(
        "knowledge.LawInterpretationPage", on_delete=models.CASCADE, related_name="change_notes"
    )


class LawInterpretationPage(KnowledgePage):
    sections = ParentalManyToManyField(
        LawSection, related_name="interpretations", verbose_name=_("sections interpreted")
    )
    question = models.TextField(_("question"))
    interpretation = RichTextField(_("interpretation"), features=RICH_TEXT_FEATURES)
    reasoning = StreamField(body_blocks(), blank=True, verbose_name=_("reasoning"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=InterpretationStatus.choices,
        default=InterpretationStatus.UNDER_DISCUSSION,
    )
    agreed_on = models.DateField(_("agreed on"), null=True, blank=True)
    superseded_by = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("replaced by"),
    )
    discussion_url = models.CharField(
        _("discussion address"),
        max_length=500,
        blank=True,
        help_text=_("The forum topic where this interpretation is discussed."),
    )
    tags = ClusterTaggableManager(
        through=LawInterpretationPageTag, blank=True, verbose_name=_("themes and tags")
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("sections", widget=forms.CheckboxSelectMultiple),
        FieldPanel("question"),
        FieldPanel("intro"),
        FieldPanel("interpretation"),
        FieldPanel("reasoning"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("status"), FieldPanel("agreed_on")]),
                PageChooserPanel("superseded_by", "knowledge.LawInterpretationPage"),
                FieldPanel("discussion_url"),
            ],
            heading=_("Status"),
        ),
        FieldPanel("tags"),
        InlinePanel("change_notes", label=_("Change notes")),
        FieldPanel("change_kind"),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("question"),
        index.SearchField("intro"),
        index.SearchField("interpretation"),
        index.SearchField("reasoning"),
        index.FilterField("status"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    parent_page_types = ["knowledge.LawInterpretationIndexPage"]
    subpage_types: list[str] = []
    followable = True
    base_form_class = ChangeNotedPageForm
    template = "knowledge/law_interpretation_page.html"

    class Meta:
        verbose_name = _("law interpretation")
        verbose_name_plural = _("law interpretations")

    def sections_list(self):
        return self.sections.select_related("statute").order_by("statute", "sort_order")

    def search_text_parts(self):
        sections = [str(section) for section in self.sections_list()]
        return (
            super().search_text_parts()
            + sections
            + [
                self.question,
                strip_tags(self.interpretation),
                stream_plain_text(self.reasoning),
            ]
        )

    def clean(self):
        super().clean()
        if self.status == InterpretationStatus.AGREED and not self.agreed_on:
            raise ValidationError({"agreed_on": _("Give the date the interpretation was agreed.")})
        if self.status == InterpretationStatus.SUPERSEDED and not self.superseded_by_id:
            raise ValidationError({"superseded_by": _("Choose the interpretation that replaces this one.")})
