"""What every knowledge page and every section index has."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
)
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from typ_site.core.models import BasePage

from ..change_notes import note_fingerprint
from ..permissions import PagePermissions
from .following import follow_state, reader_follows
from .law import SectionDirectory

INTRO_FEATURES = ["bold", "italic", "link"]


class KnowledgePage(BasePage):
    """What every knowledge page has: a summary, reader-facing text for search, following."""

    intro = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences shown in lists."))

    followable = False

    class Meta:
        abstract = True

    @classmethod
    def annotations_for_reader(cls, request) -> dict:
        """Whether the reader follows the page, read with the page (`following.is_following`)."""
        return reader_follows(request.user) if cls.followable else {}

    def search_text_parts(self) -> list[str]:
        return [self.title, self.intro]

    def search_document_text(self) -> str:
        """Plain text of everything a reader sees on the page (used by the search index)."""
        return "\n".join(part.strip() for part in self.search_text_parts() if part and part.strip())

    @cached_property
    def replacement(self) -> Page | None:
        """The page that replaces this superseded one (`superseded_by`, where the page type has
        it), in this page's language where it has a live translation, else as chosen: a
        Swedish page whose translation kept the Finnish choice names the Swedish replacement."""
        chosen_id = getattr(self, "superseded_by_id", None)
        if chosen_id is None:
            return None
        chosen = Page.objects.filter(pk=chosen_id)
        translated = Page.objects.filter(
            locale_id=self.locale_id, translation_key__in=chosen.values("translation_key"), live=True
        )
        versions = list((chosen | translated).specific(defer=True))
        own = [page for page in versions if page.locale_id == self.locale_id]
        others = [page for page in versions if page.pk == chosen_id]
        return (own or others or [None])[0]

    @cached_property
    def change_history(self) -> list:
        """The page's change notes, newest first; notes of the same day in reverse of the
        order they were written (the latest written first)."""
        if not hasattr(self, "change_notes"):
            return []
        return sorted(
            self.change_notes.all(),
            key=lambda note: (note.date, note.sort_order or 0, note.pk or 0),
            reverse=True,
        )

    @cached_property
    def last_updated(self) -> datetime.date | None:
        """ "Last updated" as GOV.UK means it: the date of the newest change note.

        A correction published without a note (a minor change) leaves it as it was. A page
        with change notes but none written yet was last updated when first published; a
        page type without change notes, when last published. A listing may give the newest
        note's date as the annotation `newest_note_date` (one query for the whole list).
        """
        if hasattr(self, "change_notes"):
            if "newest_note_date" in self.__dict__:
                newest = self.__dict__["newest_note_date"]
            else:
                history = self.change_history
                newest = history[0].date if history else None
            if newest is not None:
                return newest
            published = self.first_published_at
        else:
            published = self.last_published_at
        return timezone.localdate(published) if published else None

    def permissions_for_user(self, user):
        return PagePermissions(user, self)

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
        return note_fingerprint(self.date, self.note)


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
