"""Wagtail admin views of the knowledge base that narrow Wagtail's own to the person's scope."""

from django.http import Http404
from wagtail.admin.views.chooser import BrowseView
from wagtail.models import Page

from .visibility import pages_for_admin_chooser


class ScopedPageBrowseView(BrowseView):
    """The page chooser's browser: the `construct_page_chooser_queryset` hook narrows the
    children it lists, and this narrows the page being browsed, which the hook does not see."""

    def get(self, request, parent_page_id=None):
        if parent_page_id and not pages_for_admin_chooser(
            Page.objects.filter(pk=parent_page_id), request.user
        ):
            raise Http404
        return super().get(request, parent_page_id)
