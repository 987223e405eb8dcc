"""Induction paths: role-based steps for new employees, and each person's progress on them.

A step and a checklist task are identified by the stable ids of their StreamField blocks, and
a person's progress is a set of (person, path, task id) rows. Editing a path therefore never
loses progress: a new step simply starts unticked, and ticks of a removed task are ignored.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from typ_site.accounts.models import OrganisationType, Role
from typ_site.core.languages import in_current_language
from typ_site.core.models import BasePage

from .blocks import PathStepsBlock


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
        from .selectors import path_overview_for

        context = super().get_context(request, *args, **kwargs)
        context.update(path_overview_for(self, request.user))
        return context

    @path("seuranta/", name="follow_up")
    def follow_up(self, request):
        from .views import follow_up

        return follow_up(request, self)

    @path("seuranta/<int:user_id>/", name="person")
    def person(self, request, user_id):
        from .views import person_progress

        return person_progress(request, self, user_id)

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

    def structure(self):
        from .selectors import path_structure

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
        from .selectors import path_progress_for

        context = super().get_context(request, *args, **kwargs)
        context["progress"] = path_progress_for(self, request.user)
        return context

    @path("aloita/", name="start")
    def start(self, request):
        from .views import start_path

        return start_path(request, self)

    @path("merkitse/", name="tick")
    def tick(self, request):
        from .views import save_checklist

        return save_checklist(request, self)

    def start_url(self, request=None) -> str:
        return in_current_language(self.get_url(request=request) + self.reverse_subpage("start"))

    def tick_url(self, request=None) -> str:
        return in_current_language(self.get_url(request=request) + self.reverse_subpage("tick"))


class Enrolment(models.Model):
    """A person has started a path."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="induction_enrolments",
        verbose_name=_("user"),
    )
    path = models.ForeignKey(
        InductionPathPage,
        on_delete=models.CASCADE,
        related_name="enrolments",
        verbose_name=_("induction path"),
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)
    finished_at = models.DateTimeField(
        _("finished"),
        null=True,
        blank=True,
        help_text=_("When every task of the path was first done."),
    )

    class Meta:
        verbose_name = _("started induction path")
        verbose_name_plural = _("started induction paths")
        constraints = [models.UniqueConstraint(fields=["user", "path"], name="induction_one_enrolment")]

    def __str__(self):
        return f"{self.user} – {self.path_id}"


class CompletedTask(models.Model):
    """One ticked checklist task, by the stable id of the task's block."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="induction_tasks_done",
        verbose_name=_("user"),
    )
    path = models.ForeignKey(
        InductionPathPage,
        on_delete=models.CASCADE,
        related_name="completed_tasks",
        verbose_name=_("induction path"),
    )
    task_id = models.CharField(_("task"), max_length=64)
    completed_at = models.DateTimeField(_("done"), default=timezone.now)

    class Meta:
        verbose_name = _("completed task")
        verbose_name_plural = _("completed tasks")
        constraints = [
            models.UniqueConstraint(fields=["user", "path", "task_id"], name="induction_one_tick_per_task")
        ]

    def __str__(self):
        return f"{self.user} – {self.task_id}"
