"""The knowledge base: national guidance, law interpretations, practices and network pages."""

import hashlib

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import GroupApprovalTask, Orderable, Page, TaskState
from wagtail.search import index

from typ_site.accounts.models import OrganisationType
from typ_site.core.models import BasePage
from typ_site.networks.models import Network, Region

from .admin_forms import PracticePageForm
from .blocks import RICH_TEXT_FEATURES, body_blocks, stream_plain_text

INTRO_FEATURES = ["bold", "italic", "link"]


# --- Statutes and their sections -------------------------------------------------------------


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


# --- Tags (themes) ---------------------------------------------------------------------------


class GuidancePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "knowledge.GuidancePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class LawInterpretationPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "knowledge.LawInterpretationPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class PracticePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "knowledge.PracticePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


# --- Shared page behaviour -------------------------------------------------------------------


class KnowledgePage(BasePage):
    """What every knowledge page has: a summary, reader-facing text for search, following."""

    intro = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences shown in lists."))

    followable = False

    class Meta:
        abstract = True

    def search_text_parts(self) -> list[str]:
        return [self.title, self.intro]

    def search_document_text(self) -> str:
        """Plain text of everything a reader sees on the page (used by the search index)."""
        return "\n".join(part.strip() for part in self.search_text_parts() if part and part.strip())

    def get_context(self, request, *args, **kwargs):
        from .law_links import SectionDirectory
        from .selectors import follow_state
        from .tag_links import tags_to_show

        context = super().get_context(request, *args, **kwargs)
        context["follow"] = follow_state(request.user, self) if self.followable else None
        # One lookup of the law sections for all the texts of the page (loaded when needed).
        context["law_sections"] = SectionDirectory()
        if hasattr(self, "tags"):
            context["page_tags"] = tags_to_show(self, request)
        return context


class ChangeNote(Orderable):
    """A dated note telling readers what changed; shown as the page's change history.

    Publishing a version that adds a note tells the page's followers; a correction without a
    new note tells no one.
    """

    date = models.DateField(_("date"), default=timezone.localdate)
    note = models.TextField(_("what changed"))

    panels = [FieldPanel("date"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return f"{self.date:%d.%m.%Y}: {self.note}"

    @property
    def fingerprint(self) -> str:
        """Identity of a note across revisions (inline rows get new ids on each publish)."""
        text = " ".join(self.note.split())
        return hashlib.sha256(f"{self.date.isoformat()}|{text}".encode()).hexdigest()


class DocumentStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    DRAFT = "draft", _("Draft")
    SUPERSEDED = "superseded", _("Superseded")


class InterpretationStatus(models.TextChoices):
    AGREED = "agreed", _("Agreed")
    UNDER_DISCUSSION = "under_discussion", _("Under discussion")
    SUPERSEDED = "superseded", _("Superseded")


def attachment_blocks():
    return [("document", DocumentChooserBlock(label=_("document")))]


# --- Guidance --------------------------------------------------------------------------------


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
        FieldPanel("related_sections"),
        FieldPanel("attachments"),
        FieldPanel("tags"),
        InlinePanel("change_notes", label=_("Change notes")),
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
    template = "knowledge/guidance_page.html"

    class Meta:
        verbose_name = _("guidance page")
        verbose_name_plural = _("guidance pages")

    def search_text_parts(self):
        return super().search_text_parts() + [self.publisher, stream_plain_text(self.body)]

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


# --- Law interpretations ---------------------------------------------------------------------


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
        FieldPanel("sections"),
        FieldPanel("question"),
        FieldPanel("intro"),
        FieldPanel("interpretation"),
        FieldPanel("reasoning"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("status"), FieldPanel("agreed_on")]),
                PageChooserPanel("superseded_by"),
                FieldPanel("discussion_url"),
            ],
            heading=_("Status"),
        ),
        FieldPanel("tags"),
        InlinePanel("change_notes", label=_("Change notes")),
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


# --- Practices and pitfalls ------------------------------------------------------------------


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


# --- Network pages ---------------------------------------------------------------------------


class NetworkPage(KnowledgePage):
    network = models.ForeignKey(
        Network, on_delete=models.PROTECT, related_name="pages", verbose_name=_("network")
    )
    operating_model = StreamField(body_blocks(), blank=True, verbose_name=_("operating model"))
    partners = RichTextField(_("partners"), features=INTRO_FEATURES + ["ul"], blank=True)
    contacts = RichTextField(
        _("contacts"),
        features=INTRO_FEATURES + ["ul"],
        blank=True,
        help_text=_("Roles and work contact details; no client information."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("network"),
        FieldPanel("intro"),
        FieldPanel("operating_model"),
        FieldPanel("partners"),
        FieldPanel("contacts"),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("operating_model"),
        index.SearchField("partners"),
        index.FilterField("network"),
    ]

    parent_page_types = ["knowledge.NetworkIndexPage"]
    subpage_types = ["knowledge.PracticePage"]
    template = "knowledge/network_page.html"

    class Meta:
        verbose_name = _("network page")
        verbose_name_plural = _("network pages")

    def clean(self):
        super().clean()
        if not self.network_id:
            return
        others = NetworkPage.objects.filter(network_id=self.network_id)
        if self.locale_id:
            others = others.filter(locale_id=self.locale_id)
        if self.pk:
            others = others.exclude(pk=self.pk)
        if others.exists():
            raise ValidationError({"network": _("This network already has a page.")})

    def search_text_parts(self):
        network = self.network
        return super().search_text_parts() + [
            network.name,
            network.get_region_display(),
            ", ".join(network.municipality_list),
            stream_plain_text(self.operating_model),
            strip_tags(self.partners),
            strip_tags(self.contacts),
        ]

    def get_context(self, request, *args, **kwargs):
        from .selectors import practices_of_network, service_points_of

        context = super().get_context(request, *args, **kwargs)
        context["service_points"] = service_points_of(self.network)
        context["practices"] = practices_of_network(self, request.user)
        return context


# --- Customer stories ------------------------------------------------------------------------


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


# --- Index pages -----------------------------------------------------------------------------


class SectionIndexPage(BasePage):
    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["core.HomePage"]
    max_count_per_parent = 1
    listing_view = None  # a function (page, request) -> context, see listings.py

    class Meta:
        abstract = True

    def search_document_text(self) -> str:
        return "\n".join(part for part in [self.title, strip_tags(self.intro)] if part)

    def get_context(self, request, *args, **kwargs):
        from . import listings

        context = super().get_context(request, *args, **kwargs)
        context.update(getattr(listings, self.listing_view)(self, request))
        return context


class GuidanceIndexPage(SectionIndexPage):
    subpage_types = ["knowledge.GuidancePage"]
    listing_view = "guidance_listing"
    template = "knowledge/guidance_index_page.html"

    class Meta:
        verbose_name = _("guidance index")


class LawInterpretationIndexPage(SectionIndexPage):
    subpage_types = ["knowledge.LawInterpretationPage"]
    listing_view = "interpretation_listing"
    template = "knowledge/law_interpretation_index_page.html"

    class Meta:
        verbose_name = _("law interpretation index")


class PracticeIndexPage(SectionIndexPage):
    subpage_types = ["knowledge.PracticePage"]
    listing_view = "practice_listing"
    template = "knowledge/practice_index_page.html"

    class Meta:
        verbose_name = _("practice index")


class NetworkIndexPage(SectionIndexPage):
    subpage_types = ["knowledge.NetworkPage"]
    listing_view = "network_listing"
    template = "knowledge/network_index_page.html"

    class Meta:
        verbose_name = _("network index")


class CaseStoryIndexPage(SectionIndexPage):
    subpage_types = ["knowledge.CaseStoryPage"]
    listing_view = "case_story_listing"
    template = "knowledge/case_story_index_page.html"

    class Meta:
        verbose_name = _("customer story index")


class ThemeIndexPage(RoutablePageMixin, SectionIndexPage):
    """The themes, and one page per tag listing everything tagged with it."""

    subpage_types: list[str] = []
    listing_view = "theme_listing"
    template = "knowledge/theme_index_page.html"

    class Meta:
        verbose_name = _("themes page")

    # Tag slugs keep their letters (taggit slugifies with allow_unicode): "kävelytesti",
    # "åbo-työ". Django's <slug:> converter accepts only ASCII, so the pattern is Unicode \w.
    @re_path(r"^(?P<tag_slug>[-\w]+)/$", name="tag")
    def tag_view(self, request, tag_slug):
        from django.template.response import TemplateResponse

        from . import listings

        context = {"page": self, "self": self, "request": request}
        context.update(listings.tag_listing(self, request, tag_slug))
        return TemplateResponse(request, "knowledge/tag_page.html", context)

    def tag_url(self, tag_slug: str, request=None) -> str:
        """The tag's page; the themes page itself for a tag whose name gave no slug ("§")."""
        index_url = self.get_url(request=request)
        if not tag_slug:
            return index_url
        return index_url + self.reverse_subpage("tag", kwargs={"tag_slug": tag_slug})


# --- Following and announced changes ---------------------------------------------------------


class PageFollow(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="page_follows",
        verbose_name=_("user"),
    )
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="followers", verbose_name=_("page"))
    created_at = models.DateTimeField(_("followed since"), auto_now_add=True)

    class Meta:
        verbose_name = _("page follow")
        verbose_name_plural = _("page follows")
        constraints = [models.UniqueConstraint(fields=["user", "page"], name="one_follow_per_page")]

    def __str__(self):
        return f"{self.user} → {self.page}"


class AnnouncedChangeNote(models.Model):
    """A change note whose publication has been told to the page's followers."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    fingerprint = models.CharField(max_length=64)
    announced_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "fingerprint"], name="announce_note_once")]

    def __str__(self):
        return f"{self.page_id}: {self.fingerprint[:12]}"


# --- Editorial workflow ------------------------------------------------------------------------


class FourEyesApprovalTask(GroupApprovalTask):
    """A group approval step that the person who submitted the page cannot take themselves.

    Members of the task's groups approve or request changes as in Wagtail's group approval,
    except on a page they sent to the workflow (`WorkflowState.requested_by`): there they see
    the page and where it stands, but someone else has to decide. Wagtail's action views
    (the page editor's footer, the dashboard's review panel and the workflow action URL) all
    accept only the actions `get_actions` offers, the dashboard's "awaiting your review" list
    leaves out one's own submissions, and `on_action` refuses the submitter too, so a
    hand-made request cannot approve one's own text either. The same holds for whoever
    approved an earlier step of the same run (`TaskState.finished_by`): one approver cannot
    take both steps of the review.

    Editing is left as in group approval (`locked_for_user` and `user_can_access_editor`
    are not overridden): a submitter who belongs to the task's groups may still correct
    the draft, and whatever they change is approved by someone else before it goes live.

    Superusers keep Wagtail's default and may act on any task, their own submissions
    included: they can publish any page directly anyway, so refusing them the approval
    would protect nothing. KEHA's editors and approvers are ordinary group members.
    """

    class Meta:
        verbose_name = _("four-eyes approval task")
        verbose_name_plural = _("four-eyes approval tasks")

    @staticmethod
    def is_submitter(workflow_state, user) -> bool:
        """Whether `user` sent this workflow on its way and so may not decide its steps."""
        if workflow_state is None or user.pk is None or user.is_superuser:
            return False
        return workflow_state.requested_by_id == user.pk

    def approved_earlier_step(self, workflow_state, user) -> bool:
        """Whether `user` approved another step of this workflow run (the four eyes are two
        people besides the submitter)."""
        if workflow_state is None or user.pk is None or user.is_superuser:
            return False
        return (
            TaskState.objects.filter(
                workflow_state=workflow_state, status=TaskState.STATUS_APPROVED, finished_by=user
            )
            .exclude(task_id=self.pk)
            .exists()
        )

    def may_not_decide(self, workflow_state, user) -> bool:
        return self.is_submitter(workflow_state, user) or self.approved_earlier_step(workflow_state, user)

    def get_actions(self, obj, user):
        if self.may_not_decide(getattr(obj, "current_workflow_state", None), user):
            return []
        return super().get_actions(obj, user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if user.is_superuser:
            return states
        approved_by_them = (
            TaskState.objects.filter(status=TaskState.STATUS_APPROVED, finished_by=user)
            .exclude(task_id=self.pk)
            .values("workflow_state_id")
        )
        return states.exclude(workflow_state__requested_by=user).exclude(
            workflow_state_id__in=approved_by_them
        )

    def on_action(self, task_state, user, action_name, **kwargs):
        if self.is_submitter(task_state.workflow_state, user):
            raise PermissionDenied(_("Someone other than the submitter has to review this page."))
        if self.approved_earlier_step(task_state.workflow_state, user):
            raise PermissionDenied(
                _("Someone other than the approver of the earlier step has to decide this step.")
            )
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups can approve this task, except the person who submitted the "
            "page and whoever approved its earlier step."
        )
