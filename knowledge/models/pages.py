"""What every knowledge page and every section index has."""

import hashlib

from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
)
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from typ_site.core.models import BasePage

from .following import follow_state
from .law import SectionDirectory

INTRO_FEATURES = ["bold", "italic", "link"]


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
        context = super().get_context(request, *args, **kwargs)
        context["follow"] = follow_state(request.user, self) if self.followable else None
        # One lookup of the law sections for all the texts of the page (loaded when needed).
        # The page's tags come from the `page_tags` template tag (`knowledge.tag_links`).
        context["law_sections"] = SectionDirectory()
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


def attachment_blocks():
    return [("document", DocumentChooserBlock(label=_("document")))]


class SectionIndexPage(BasePage):
    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["core.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    def search_document_text(self) -> str:
        return "\n".join(part for part in [self.title, strip_tags(self.intro)] if part)

    def listing(self, request) -> dict:
        """What the index lists, with its filters (a function of `knowledge.listings`)."""
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listing(request))
        return context
