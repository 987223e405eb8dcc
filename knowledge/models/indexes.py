"""The section indexes: each lists its section's pages with filters."""

from django.utils.translation import gettext_lazy as _

from ..listings import (
    case_story_listing,
    guidance_listing,
    interpretation_listing,
    network_listing,
    practice_listing,
)
from .pages import SectionIndexPage


class GuidanceIndexPage(SectionIndexPage):
    menu_group = "knowledge"
    subpage_types = ["knowledge.GuidancePage"]
    template = "knowledge/guidance_index_page.html"
    member_page_cache = True

    def listing(self, request) -> dict:
        return guidance_listing(self, request)

    class Meta:
        verbose_name = _("guidance index")


class LawInterpretationIndexPage(SectionIndexPage):
    menu_group = "knowledge"
    subpage_types = ["knowledge.LawInterpretationPage"]
    template = "knowledge/law_interpretation_index_page.html"
    member_page_cache = True

    def listing(self, request) -> dict:
        return interpretation_listing(self, request)

    class Meta:
        verbose_name = _("law interpretation index")


class PracticeIndexPage(SectionIndexPage):
    menu_group = "practice"
    subpage_types = ["knowledge.PracticePage"]
    template = "knowledge/practice_index_page.html"
    member_page_cache = True

    def listing(self, request) -> dict:
        return practice_listing(self, request)

    class Meta:
        verbose_name = _("practice index")


class NetworkIndexPage(SectionIndexPage):
    subpage_types = ["knowledge.NetworkPage"]
    template = "knowledge/network_index_page.html"
    member_page_cache = True

    def listing(self, request) -> dict:
        return network_listing(self, request)

    class Meta:
        verbose_name = _("network index")


class CaseStoryIndexPage(SectionIndexPage):
    menu_group = "practice"
    subpage_types = ["knowledge.CaseStoryPage"]
    template = "knowledge/case_story_index_page.html"

    def listing(self, request) -> dict:
        return case_story_listing(self, request)

    class Meta:
        verbose_name = _("customer story index")
