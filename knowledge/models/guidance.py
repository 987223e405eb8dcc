"""National guidance."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
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
from wagtail.fields import StreamField
from wagtail.search import index

from typ_site.core.models import BasePage

from ..admin_forms import ChangeNotedPageForm
from ..blocks import body_blocks, stream_plain_text
from ..change_notes import change_day
from .law import LawSection
from .pages import ChangeNote, KnowledgePage, attachment_blocks


class GuidancePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "knowledge.GuidancePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class DocumentStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    DRAFT = "draft", _("Draft")
    SUPERSEDED = "superseded", _("Superseded")


class GuidanceChangeNote(ChangeNote):
    page = ParentalKey("knowledge.GuidancePage", on_delete=models.CASCADE, related_name="change_notes")


class GuidancePage(KnowledgePage):
    publisher = models.CharField(_("publisher"), max_length=200, default="KEHA-keskus")
    status = models.CharField(
        _("status"), max_length=20, choices=DocumentStatus.choices, default=DocumentStatus.VALID
    )
    superseded_by = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("replaced by"),
    )
    effective_date = models.DateField(_("effective from"), null=True, blank=True)
    next_review_date = models.DateField(_("next review"), null=True, blank=True)
    body = StreamField(body_blocks(), blank=True, verbose_name=_("content"))
    related_sections = ParentalManyToManyField(
        LawSection,
        blank=True,
        related_name="guidance_pages",
        verbose_name=_("related law sections"),
    )
    attachments = StreamField(attachment_blocks(), blank=True, verbose_name=_("attachments"))
    tags = ClusterTaggableManager(through=GuidancePageTag, blank=True, verbose_name=_("themes and tags"))
    # Kept on save, so that "what changed lately" reads the newest pages through an index
    # instead of grouping every page with its notes.
    changed_on = models.DateField(_("changed on"), null=True, editable=False, db_index=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("publisher"),
                FieldRowPanel([FieldPanel("status"), PageChooserPanel("superseded_by")]),
                FieldRowPanel([FieldPanel("effective_date"), FieldPanel("next_review_date")]),
            ],
            heading=_("Status and dates"),
        ),
        FieldPanel("body"),
        FieldPanel("related_sections", widget=forms.CheckboxSelectMultiple),
        FieldPanel("attachments"),
        FieldPanel("tags"),
        InlinePanel("change_notes", label=_("Change notes")),
        FieldPanel("change_kind"),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("publisher"),
        index.FilterField("status"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    parent_page_types = ["knowledge.GuidanceIndexPage"]
    subpage_types: list[str] = []
    followable = True
    member_page_cache = True
    base_form_class = ChangeNotedPageForm
    template = "knowledge/guidance_page.html"

    class Meta:
        verbose_name = _("guidance page")
        verbose_name_plural = _("guidance pages")

    def search_text_parts(self):
        return super().search_text_parts() + [self.publisher, stream_plain_text(self.body)]

    def save(self, *args, **kwargs):
        self.changed_on = self.newest_change_day()
        return super().save(*args, **kwargs)

    def newest_change_day(self) -> datetime.date | None:
        """`change_day` of the version being saved (its notes are those in memory)."""
        days = [note.date for note in self.change_notes.all() if note.date]
        return change_day(max(days, default=None), self.last_published_at)

    def related_sections_list(self):
        return self.related_sections.select_related("statute").order_by("statute", "sort_order")

    @property
    def review_overdue(self) -> bool:
        return bool(self.next_review_date and self.next_review_date < timezone.localdate())

    def clean(self):
        super().clean()
        if self.status == DocumentStatus.SUPERSEDED and not self.superseded_by_id:
            raise ValidationError({"superseded_by": _("Choose the page that replaces a superseded one.")})
        if self.superseded_by_id and self.superseded_by_id == self.pk:
            raise ValidationError({"superseded_by": _("A page cannot replace itself.")})


class GuidanceReviewReminder(models.Model):
    """Editors were reminded that the page's review date had passed: once per page and date."""

    page = models.ForeignKey(
        "knowledge.GuidancePage", on_delete=models.CASCADE, related_name="review_reminders"
    )
    due_date = models.DateField(_("review date"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("review reminder")
        verbose_name_plural = _("review reminders")
        constraints = [
            models.UniqueConstraint(fields=["page", "due_date"], name="one_review_reminder_per_date")
        ]

    def __str__(self):
        return f"{self.page_id}: {self.due_date}"
