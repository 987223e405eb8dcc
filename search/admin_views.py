"""The Wagtail admin report of searches that found nothing, for KEHA's editors."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView

from typ_site.accounts.roles import is_keha_staff
from typ_site.core.spreadsheets import safe_cell

from .zero_results import report


def add_synonym_url(query: str) -> str:
    return reverse("wagtailsnippets_search_synonymgroup:add") + "?" + urlencode({"expressions": query})


class AddSynonymColumn(Column):
    cell_template_name = "search/admin/add_synonym_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["url"] = add_synonym_url(instance["query"])
        return context


class ZeroResultSearchesView(ReportView):
    page_title = _("Searches that found nothing")
    header_icon = "search"
    index_url_name = "search_reports:zero_results"
    index_results_url_name = "search_reports:zero_results_results"
    paginate_by = 100
    columns = [
        Column("query", label=_("Query")),
        NumberColumn("total", label=_("Searches in the last 90 days")),
        # Counts are kept per day: the day itself, not a time since its midnight.
        Column(
            "last_seen",
            label=_("Last seen"),
            accessor=lambda row: date_format(row["last_seen"], "j.n.Y"),
        ),
        AddSynonymColumn("add_synonym", label=_("Vocabulary")),
    ]
    list_export = ["query", "total", "last_seen"]
    export_headings = {
        "query": _("Query"),
        "total": _("Searches in the last 90 days"),
        "last_seen": _("Last seen"),
    }
    custom_field_preprocess = {"query": {ReportView.FORMAT_CSV: safe_cell}}

    def dispatch(self, request, *args, **kwargs):
        if not is_keha_staff(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"searches-that-found-nothing-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        return report()
