"""KEHA staff manage development needs and voting rounds in the Wagtail admin (Snippets)."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSet

from calendar_app.models import Event
from calendar_app.selectors import visible_events_for
from forums.models import Topic
from forums.selectors import visible_topics_for
from typ_site.accounts.models import Role
from typ_site.core.admin_scoping import permission_checked_snippet_chooser_viewset

from .models import DevelopmentNeed, Poll, VotingRound
from .permissions import can_manage_participation


class KehaStaffPermissionPolicy(ModelPermissionPolicy):
    """KEHA staff run participation (`permissions.can_manage_participation`); others need the
    model permissions."""

    def user_has_permission(self, user, action):
        return can_manage_participation(user) or super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return self.model._default_manager.all()
        return self.model._default_manager.none()


class KehaStaffSnippetViewSet(SnippetViewSet):
    chooser_viewset_class = permission_checked_snippet_chooser_viewset()

    @property
    def permission_policy(self):
        return KehaStaffPermissionPolicy(self.model)


class VotingRoundForm(WagtailAdminModelForm):
    eligible_roles = forms.MultipleChoiceField(
        label=_("Roles who may vote"),
        choices=Role.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty for every verified member."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The agree–disagree scale is the barometer's (forums.participation.barometer_services).
        method = self.fields["method"]
        method.choices = [choice for choice in method.choices if choice[0] != Poll.Method.LIKERT]


VotingRound.base_form_class = VotingRoundForm


class DevelopmentNeedForm(WagtailAdminModelForm):
    """The topic and events a need links to are chosen among those the editor may see on the
    site (forums' and calendar's selectors); what the need already links to stays."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        need = self.instance
        self.fields["topic"].queryset = Topic.objects.filter(
            Q(pk__in=visible_topics_for(self.for_user).values("pk")) | Q(pk=need.topic_id)
        ).select_related("forum")
        linked_events = need.events.values("pk") if need.pk else Event.objects.none().values("pk")
        self.fields["events"].queryset = Event.objects.filter(
            Q(pk__in=visible_events_for(self.for_user).values("pk")) | Q(pk__in=linked_events)
        )


class DevelopmentNeedViewSet(KehaStaffSnippetViewSet):
    model = DevelopmentNeed
    icon = "list-ol"
    menu_label = _("Development needs")
    list_display = ["title", "theme_list", "status", "merged_into"]
    list_filter = ["themes", "status"]
    search_fields = ["title", "description"]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldRowPanel([FieldPanel("themes", widget=forms.CheckboxSelectMultiple), FieldPanel("status")]),
            FieldPanel("description"),
            FieldPanel("topic"),
            FieldPanel("events"),
            FieldPanel("position"),
        ],
        base_form_class=DevelopmentNeedForm,
    )

    def get_queryset(self, request):
        # The listing shows each need's themes: one query for all of them.
        return DevelopmentNeed.objects.prefetch_related("themes")


class VotingRoundViewSet(KehaStaffSnippetViewSet):
    model = VotingRound
    icon = "tasks"
    menu_label = _("Voting rounds")
    list_display = ["title", "opens_at", "closes_at", "method", "results_visibility"]
    search_fields = ["title", "description"]
    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        MultiFieldPanel(
            [FieldPanel("method"), FieldRowPanel([FieldPanel("max_choices"), FieldPanel("points_total")])],
            heading=_("Method"),
        ),
        MultiFieldPanel(
            [FieldPanel("asks_level"), FieldPanel("asks_timing"), FieldPanel("timing_date")],
            heading=_("Questions on each need"),
        ),
        MultiFieldPanel(
            [FieldPanel("eligible_roles"), FieldPanel("eligible_networks")],
            heading=_("Who may vote"),
        ),
        FieldPanel("results_visibility"),
        FieldPanel("results_after_voting"),
        InlinePanel(
            "options",
            panels=[FieldPanel("need"), FieldPanel("position")],
            label=_("Development needs in the round"),
        ),
    ]
