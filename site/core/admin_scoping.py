"""Wagtail admin views that list and return only what one of the site's selectors allows.

The site decides what a person may see or manage in selectors, one function per rule. The
admin's snippet choosers, listings, object views and bulk actions take their querysets from
the same functions through these classes, so the admin never shows what the site hides: an
object outside the person's scope is not listed, not named and its address answers 404.

A snippet viewset scopes its listing and object views with `get_queryset(request)` (the
selector of what the person manages) and the classes below; its chooser is built with
`scoped_snippet_chooser_viewset(selector)` from the selector of what the person may see.
Wagtail's snippet choosers ask no permission at all; a snippet that only some people manage
and that no page chooses (forums, development needs, voting rounds, search synonyms) takes
`permission_checked_snippet_chooser_viewset()`, which refuses everyone its viewset's
permission policy grants nothing on the model.
"""

from collections.abc import Callable

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from wagtail.images.permissions import permission_policy as image_permission_policy
from wagtail.models import Page
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)

Selector = Callable[..., QuerySet]


def managed_queryset(view) -> QuerySet:
    """What the view's person manages: the snippet viewset's own scoped queryset."""
    return view.model.snippet_viewset.get_queryset(view.request)


class ScopedEditView(snippet_views.EditView):
    def get_queryset(self):
        return managed_queryset(self)


class ScopedDeleteView(snippet_views.DeleteView):
    def get_queryset(self):
        return managed_queryset(self)


class ScopedCopyView(snippet_views.CopyView):
    def get_object(self, queryset=None):
        return get_object_or_404(managed_queryset(self), pk=unquote(str(self.kwargs[self.pk_url_kwarg])))


class ScopedInspectView(snippet_views.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(managed_queryset(self), pk=unquote(str(self.pk)))


class ScopedHistoryView(snippet_views.HistoryView):
    # Only the object is looked up in the scope; the listing is its log entries.
    def get_base_object_queryset(self):
        return managed_queryset(self)


class ScopedUsageView(snippet_views.UsageView):
    # Only the object is looked up in the scope; the listing is its references.
    def get_base_object_queryset(self):
        return managed_queryset(self)


class WithoutItemsOutOfReach:
    """A bulk action that leaves out the chosen objects the person may not act on, instead of
    naming them on its confirmation page as Wagtail's do ("you don't have permission")."""

    def get_actionable_objects(self):
        objects, context = super().get_actionable_objects()
        return objects, {**context, "items_with_no_access": []}


def without_items_out_of_reach(action_class):
    """`action_class` (one of Wagtail's bulk actions) that does not name what is out of reach;
    register it after Wagtail's own (hook order) to replace it."""
    return type(action_class.__name__, (WithoutItemsOutOfReach, action_class), {})


class ScopedDeleteBulkAction(DeleteBulkAction):
    """Bulk delete of the chosen objects that are in the person's scope; others are neither
    deleted nor named on the confirmation page."""

    models: list = []

    def get_queryset(self, model, object_ids):
        return list(managed_queryset(self).filter(pk__in=object_ids))

    def get_all_objects_in_listing_query(self, parent_id):
        return managed_queryset(self).values_list("pk", flat=True)

    def check_perm(self, snippet):
        policy = self.model.snippet_viewset.permission_policy
        return policy.user_has_permission_for_instance(self.request.user, "delete", snippet)


def scoped_delete_bulk_action(*models) -> type[ScopedDeleteBulkAction]:
    return type("ScopedDeleteBulkAction", (ScopedDeleteBulkAction,), {"models": list(models)})


class _ScopedChooserMixin:
    selector: Selector
    request: HttpRequest

    def scoped(self) -> QuerySet:
        return type(self).selector(self.request.user)

    def get_object_list(self):
        return self.scoped()

    def get_object(self, pk):
        return self.scoped().get(pk=pk)

    def get_objects(self, pks):
        return self.scoped().filter(pk__in=pks)


def scoped_snippet_chooser_viewset(selector: Selector) -> type[SnippetChooserViewSet]:
    """A snippet chooser that lists, searches and returns only `selector(user)`."""
    scope = {"selector": staticmethod(selector)}
    return type(
        "ScopedSnippetChooserViewSet",
        (SnippetChooserViewSet,),
        {
            "choose_view_class": type("ScopedChooseView", (_ScopedChooserMixin, ChooseView), scope),
            "choose_results_view_class": type(
                "ScopedChooseResultsView", (_ScopedChooserMixin, ChooseResultsView), scope
            ),
            "chosen_view_class": type("ScopedChosenView", (_ScopedChooserMixin, SnippetChosenView), scope),
            "chosen_multiple_view_class": type(
                "ScopedChosenMultipleView", (_ScopedChooserMixin, SnippetChosenMultipleView), scope
            ),
        },
    )


class _ModelPermissionRequiredMixin:
    """Refuses (403) whoever the snippet viewset's permission policy grants nothing on the model."""

    model: type

    def dispatch(self, request, *args, **kwargs):
        policy = self.model.snippet_viewset.permission_policy
        if not policy.user_has_any_permission(request.user, ["add", "change", "delete", "view"]):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def permission_checked_snippet_chooser_viewset() -> type[SnippetChooserViewSet]:
    """A snippet chooser for those who hold some permission on the model, refused to others."""
    return type(
        "PermissionCheckedSnippetChooserViewSet",
        (SnippetChooserViewSet,),
        {
            "choose_view_class": type("CheckedChooseView", (_ModelPermissionRequiredMixin, ChooseView), {}),
            "choose_results_view_class": type(
                "CheckedChooseResultsView", (_ModelPermissionRequiredMixin, ChooseResultsView), {}
            ),
            "chosen_view_class": type(
                "CheckedChosenView", (_ModelPermissionRequiredMixin, SnippetChosenView), {}
            ),
            "chosen_multiple_view_class": type(
                "CheckedChosenMultipleView", (_ModelPermissionRequiredMixin, SnippetChosenMultipleView), {}
            ),
        },
    )


def refuse_move_out_of_reach(request: HttpRequest, page, destination):
    """`before_move_page` hook: Wagtail's move confirmation checks no permission on GET (only
    its POST action does) and names the page and where it would go; a 404 for whoever may
    not make that move, as for any object out of reach."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise Http404
    return None


# --- Wagtail admin views that ask too little ---------------------------------------------------
# A few of Wagtail's own admin views answer anyone with admin access, whatever the object. They
# keep their addresses; `AdminViewGuardMiddleware` asks the rule below before the view runs.


def can_manage_workflows(user, **_kwargs) -> bool:
    """Workflows and their tasks are set up by `setup_knowledge_editorial` and superusers."""
    return user.has_perm("wagtailcore.add_workflow") or user.has_perm("wagtailcore.change_workflow")


def can_edit_page(user, page_id, **_kwargs) -> bool:
    page = Page.objects.filter(pk=page_id).first()
    return page is not None and page.permissions_for_user(user).can_edit()


def can_choose_image(user, image_id, **_kwargs) -> bool:
    choosable = image_permission_policy.instances_user_has_any_permission_for(user, ["choose"])
    return choosable.filter(pk=image_id).exists()


def can_report_on_every_page(user, **_kwargs) -> bool:
    """The page types report counts the pages of every type and names the latest edited one,
    wherever it lies (another network's practice in review among them): for those who see the
    whole tree, superusers."""
    return user.is_superuser


ADMIN_VIEW_GUARDS: dict[str, Callable[..., bool]] = {
    # The task chooser is part of editing a workflow, not of reviewing a page.
    "wagtailadmin_workflows:task_chooser": can_manage_workflows,
    "wagtailadmin_workflows:task_chooser_results": can_manage_workflows,
    "wagtailadmin_workflows:task_chooser_create": can_manage_workflows,
    "wagtailadmin_workflows:task_chosen": can_manage_workflows,
    # Asked when publishing a page whose review is running: only for pages one may edit.
    "wagtailadmin_pages:confirm_workflow_cancellation": can_edit_page,
    # The image format dialog names the image: only for images one may choose.
    "wagtailimages_chooser:select_format": can_choose_image,
    # The page types report names a page of each type from the whole tree.
    "wagtailadmin_reports:page_types_usage": can_report_on_every_page,
    "wagtailadmin_reports:page_types_usage_results": can_report_on_every_page,
}


def admin_view_allowed(request: HttpRequest, view_name: str, view_kwargs: dict) -> bool:
    """False when the admin view's guard refuses this signed-in person this object."""
    guard = ADMIN_VIEW_GUARDS.get(view_name)
    if guard is None or not request.user.is_authenticated:
        return True  # Wagtail's own checks send visitors to sign in
    return guard(request.user, **view_kwargs)
