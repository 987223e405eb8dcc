from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction as PageDeleteBulkAction
from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction as PageMoveBulkAction
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction as PagePublishBulkAction
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction as PageUnpublishBulkAction
from wagtail.documents.views.bulk_actions import add_tags as document_add_tags
from wagtail.documents.views.bulk_actions import add_to_collection as document_add_to_collection
from wagtail.documents.views.bulk_actions import delete as document_delete
from wagtail.images.views.bulk_actions import add_tags as image_add_tags
from wagtail.images.views.bulk_actions import add_to_collection as image_add_to_collection
from wagtail.images.views.bulk_actions import delete as image_delete
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from typ_site.accounts.exports import ExportSection
from typ_site.accounts.roles import APPROVERS_GROUP, EDITORS_GROUP
from typ_site.core.admin_scoping import (
    can_report_on_every_page,
    refuse_move_out_of_reach,
    without_items_out_of_reach,
)
from typ_site.core.demo import DemoStep

from .demo import load_knowledge_demo
from .editorial import is_pending_submission_file
from .exports import knowledge_export, knowledge_export_rows
from .home import guidance_home_section, practices_review_section
from .models import LawSection, Statute
from .selectors import guidance_past_review
from .visibility import pages_for_admin_chooser


class StatuteViewSet(SnippetViewSet):
    model = Statute
    icon = "doc-full"
    menu_label = _("Statutes")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["number", "name", "short_name"]
    search_fields = ["number", "name", "short_name"]


class LawSectionViewSet(SnippetViewSet):
    model = LawSection
    icon = "doc-full"
    list_display = ["__str__"]
    list_filter = ["statute"]
    search_fields = ["number", "title"]
    panels = [FieldPanel("statute"), FieldPanel("number"), FieldPanel("title"), FieldPanel("summary")]


register_snippet(StatuteViewSet)
register_snippet(LawSectionViewSet)


class GuidancePastReviewPanel(Component):
    name = "knowledge_guidance_past_review"
    template_name = "knowledge/panels/guidance_past_review.html"
    order = 90

    def get_context_data(self, parent_context=None):
        return {"pages": list(guidance_past_review().only("id", "title", "next_review_date")[:20])}


def _is_editorial(user) -> bool:
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=[EDITORS_GROUP, APPROVERS_GROUP]).exists()


@hooks.register("construct_homepage_panels")
def add_guidance_past_review_panel(request, panels):
    if _is_editorial(request.user):
        panels.append(GuidancePastReviewPanel())


@hooks.register("construct_page_chooser_queryset")
def keep_page_chooser_to_what_the_person_may_see(pages, request):
    return pages_for_admin_chooser(pages, request.user)


hooks.register("before_move_page", refuse_move_out_of_reach)


@hooks.register("before_serve_document", order=-10)
def serve_a_pending_file_to_its_submitter(document, request):
    """A practice's file waiting for review is restricted to its reviewers' groups (Wagtail
    checks that after this hook); the person who submitted it may download it too."""
    user = request.user
    if (
        user.is_authenticated
        and document.uploaded_by_user_id == user.pk
        and is_pending_submission_file(document)
    ):
        # Wagtail takes a hook's answer only when it is an HttpResponse (not a streaming
        # one); submitted files are at most a few megabytes (knowledge.forms).
        with document.file.open("rb") as handle:
            response = HttpResponse(handle.read(), content_type=document.content_type)
        response["Content-Disposition"] = content_disposition_header(True, document.filename)
        return response
    return None


# Pages, documents and images chosen for a bulk action that the person has no rights on
# (another network's practice in review, its submitted files) are left out, not named.
for _action in (
    PageDeleteBulkAction,
    PageMoveBulkAction,
    PagePublishBulkAction,
    PageUnpublishBulkAction,
    document_add_tags.AddTagsBulkAction,
    document_add_to_collection.AddToCollectionBulkAction,
    document_delete.DeleteBulkAction,
    image_add_tags.AddTagsBulkAction,
    image_add_to_collection.AddToCollectionBulkAction,
    image_delete.DeleteBulkAction,
):
    hooks.register("register_bulk_action", without_items_out_of_reach(_action), order=100)


@hooks.register("typ_export_sections")
def knowledge_export_section():
    return ExportSection("knowledge", knowledge_export, knowledge_export_rows)


@hooks.register("typ_demo_steps")
def knowledge_demo_step():
    return DemoStep("knowledge", load_knowledge_demo, order=10)


@hooks.register("construct_reports_menu")
def hide_reports_out_of_reach(request, menu_items):
    """The page types report names the latest edited page of every type, anywhere in the tree
    (admin_scoping.ADMIN_VIEW_GUARDS): offered only to those it is open to."""
    if not can_report_on_every_page(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


hooks.register("typ_home_sections", guidance_home_section)
hooks.register("typ_home_sections", practices_review_section)
