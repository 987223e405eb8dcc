"""Induction paths: role-based steps for new employees, and each person's progress on them.

A step and a checklist task are identified by the stable ids of their StreamField blocks, and
a person's progress is a set of (person, path, task id) rows (`records`). Editing a path
therefore never loses progress: a new step simply starts unticked, and ticks of a removed
task are ignored.
"""

from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from knowledge.visibility import visible_pages
from typ_site.accounts.models import OrganisationType, Role
from typ_site.core.languages import in_current_language
from typ_site.core.models import BasePage

from . import views
from .blocks import PathStepsBlock
from .records import CompletedTask, Enrolment
from .selectors import path_overview_for, path_progress_for
from .structure import Step, path_structure

__all__ = ["CompletedTask", "Enrolment", "InductionIndexPage", "InductionPathPage"]


class InductionIndexPage(RoutablePageMixin, BasePage):
    """The induction section: the paths, and the follow-up view for network admins."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["induction.InductionPathPage"]
    max_count_per_parent = 1
    template = "induction/induction_index_page.html"

    class Meta:
        verbose_name = _("induction index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paths = InductionPathPage.visible_to(request.user).child_of(self)
        context.update(path_overview_for(paths, request.user))
        return context

    @path("seuranta/", name="follow_up")
    def follow_up(self, request):
        return views.follow_up(request, self)

    @path("seuranta/<int:user_id>/", name="person")
    def person(self, request, user_id):
        return views.person_progress(request, self, user_id)

    def follow_up_url(self, request=None) -> str:
        return in_current_language(self.get_url(request=request) + self.reverse_subpage("follow_up"))

    def person_url(self, user_id: int, request=None) -> str:
        return in_current_language(
            self.get_url(request=request) + self.reverse_subpage("person", args=[user_id])
        )


class InductionPathPage(RoutablePageMixin, BasePage):
    intro = models.TextField(_("summary"), blank=True, help_text=_("Who the path is for and what it covers."))
    target_role = models.CharField(
        _("role"),
        max_length=20,
        choices=Role.choices,
        blank=True,
        help_text=_("Suggested to people with this role in their profile. Empty: any role."),
    )
    target_organisation_type = models.CharField(
        _("organisation type"),
        max_length=20,
        choices=OrganisationType.choices,
        blank=True,
        help_text=_("Suggested to people of this organisation. Empty: any organisation."),
    )
    steps = StreamField(PathStepsBlock(), verbose_name=_("steps"))

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("target_role"), FieldPanel("target_organisation_type")])],
            heading=_("Who the path is for"),
        ),
        FieldPanel("steps"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("steps"),
        index.FilterField("target_role"),
        index.FilterField("target_organisation_type"),
    ]

    parent_page_types = ["induction.InductionIndexPage"]
    subpage_types: list[str] = []
    search_kind = "induction"
    template = "induction/induction_path_page.html"

    class Meta:
        verbose_name = _("induction path")
        verbose_name_plural = _("induction paths")

    @classmethod
    def visible_to(cls, user) -> QuerySet["InductionPathPage"]:
        """The paths the person may see, in the editors' order."""
        return visible_pages(cls.objects.all(), user).order_by("path")

    def structure(self) -> list[Step]:
        return path_structure(self)

    def step_count(self) -> int:
        return len(self.structure())

    def estimated_minutes(self) -> int:
        return sum(step.estimated_minutes or 0 for step in self.structure())

    def search_document_text(self) -> str:
        parts = [self.title, self.intro]
        for step in self.structure():
            parts.append(step.title)
            parts.append(step.goal)
            parts.extend(task.text for task in step.tasks)
        return "\n".join(part.strip() for part in parts if part and part.strip())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["progress"] = path_progress_for(self, request.user)
        return context

    @path("aloita/", name="start")
    def start(self, request):
        return views.start_path(request, self)

    @path("merkitse/", name="tick")
    def tick(self, request):
        return views.save_checklist(request, self)

    def start_url(self, request=None) -> str:
        return in_current_language(self.get_url(request=request) + self.reverse_subpage("start"))

    def tick_url(self, request=None) -> str:
        return in_current_language(self.get_url(request=request) + self.reverse_subpage("tick"))
