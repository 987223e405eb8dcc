"""Good practices and pitfalls."""

from django.conf import settings
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
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from typ_site.accounts.models import OrganisationType
from typ_site.core.models import BasePage
from typ_site.networks.models import Network, Region

from ..admin_forms import PracticePageForm
from ..blocks import RICH_TEXT_FEATURES, body_blocks, stream_plain_text
from .pages import KnowledgePage, attachment_blocks


class PracticePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "knowledge.PracticePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class PracticeKind(models.TextChoices):
    GOOD_PRACTICE = "good_practice", _("Good practice")
    PITFALL = "pitfall", _("Pitfall")


class PracticeOrganisation(Orderable):
    page = ParentalKey("knowledge.PracticePage", on_delete=models.CASCADE, related_name="organisations")
    organisation_type = models.CharField(
        _("organisation type"), max_length=20, choices=OrganisationType.choices
    )
    name = models.CharField(_("name"), max_length=200, blank=True)

    panels = [FieldPanel("organisation_type"), FieldPanel("name")]

    class Meta(Orderable.Meta):
        verbose_name = _("organisation involved")
        verbose_name_plural = _("organisations involved")

    def __str__(self):
        return self.name or self.get_organisation_type_display()


class PracticePage(KnowledgePage):
    kind = models.CharField(
        _("kind"), max_length=20, choices=PracticeKind.choices, default=PracticeKind.GOOD_PRACTICE
    )
    networks = ParentalManyToManyField(
        Network, blank=True, related_name="practice_pages", verbose_name=_("networks")
    )
    region = models.CharField(_("region"), max_length=30, choices=Region.choices, blank=True)
    problem = RichTextField(_("the problem"), features=RICH_TEXT_FEATURES)
    solution = RichTextField(_("what was done, or what to avoid"), features=RICH_TEXT_FEATURES)
    results = RichTextField(_("results or evidence"), features=RICH_TEXT_FEATURES, blank=True)
    body = StreamField(body_blocks(), blank=True, verbose_name=_("more detail"))
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_details = models.CharField(
        _("contact details"),
        max_length=300,
        blank=True,
        help_text=_("A work e-mail address or phone number."),
    )
    attachments = StreamField(attachment_blocks(), blank=True, verbose_name=_("attachments"))
    tags = ClusterTaggableManager(through=PracticePageTag, blank=True, verbose_name=_("themes and tags"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submitted_practices",
        verbose_name=_("submitted by"),
    )

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("region")]),
        FieldPanel("networks"),
        InlinePanel("organisations", label=_("Organisations involved")),
        FieldPanel("intro"),
        FieldPanel("problem"),
        FieldPanel("solution"),
        FieldPanel("results"),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_details")]),
        FieldPanel("attachments"),
        FieldPanel("tags"),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("problem"),
        index.SearchField("solution"),
        index.SearchField("results"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("region"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    parent_page_types = ["knowledge.PracticeIndexPage", "knowledge.NetworkPage"]
    subpage_types: list[str] = []
    base_form_class = PracticePageForm
    followable = True
    member_page_cache = True
    template = "knowledge/practice_page.html"

    class Meta:
        verbose_name = _("practice or pitfall")
        verbose_name_plural = _("practices and pitfalls")

    @property
    def is_pitfall(self) -> bool:
        return self.kind == PracticeKind.PITFALL

    def organisation_list(self):
        return self.organisations.all()

    def search_text_parts(self):
        organisations = [str(organisation) for organisation in self.organisations.all()]
        networks = [network.name for network in self.networks.all()]
        return (
            super().search_text_parts()
            + networks
            + organisations
            + [
                self.get_region_display() if self.region else "",
                strip_tags(self.problem),
                strip_tags(self.solution),
                strip_tags(self.results),
                stream_plain_text(self.body),
                self.contact_name,
            ]
        )
