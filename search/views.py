import logging
from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from typ_site.core.languages import in_current_language, language_of_address
from typ_site.core.validators import IDENTITY_CODE_MESSAGE, contains_personal_identity_code

from .backends import FACETS, SearchUnavailable
from .registry import kind_label
from .selectors import shown_results, suggestions_for
from .zero_results import record as record_zero_result

logger = logging.getLogger(__name__)

FACET_LABELS = {
    "kind": _("Type"),
    "theme": _("Theme"),
    "network": _("Network"),
    "organisation": _("Organisation"),
    "year": _("Year"),
}
ORDER_CHOICES = [("relevance", _("Relevance")), ("date", _("Newest first"))]


def _url(params: dict) -> str:
    return "?" + urlencode({name: value for name, value in params.items() if value})


def _page_number(value: str | None) -> int:
    try:
        return max(1, int(value or 1))
    except ValueError:
        return 1


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()[:500]
    # A personal identity code is never searched for, shown back or kept: the page says why.
    query_error = None
    if contains_personal_identity_code(query):
        query, query_error = "", IDENTITY_CODE_MESSAGE
    filters = {name: request.GET.get(name, "").strip() for name in FACETS}
    filters = {name: value for name, value in filters.items() if value}
    order = request.GET.get("order", "relevance")
    page = _page_number(request.GET.get("page"))
    params = {"q": query, **filters, "order": order if order != "relevance" else ""}
    context = {
        "search_query": query,
        "query_error": query_error,
        "filters": filters,
        "order": order,
        "order_choices": ORDER_CHOICES,
        "unavailable": False,
    }
    if query:
        shown = (get_language(), timezone.get_current_timezone_name(), tuple(sorted(params.items())))
        try:
            total, context["results_html"] = shown_results(
                request.user,
                query,
                filters,
                order,
                page,
                shown,
                lambda results: _results_section(results, query, filters, params),
            )
        except SearchUnavailable as error:
            logger.warning("Search unavailable: %s", error)
            context["unavailable"] = True
        else:
            # A search that found nothing at all is counted for KEHA's editors (the query
            # and the day only); one narrowed by filters to nothing is no gap in the content.
            if not total and not filters and page == 1:
                record_zero_result(query)
    return render(request, "search/search.html", context)


def _results_section(results, query: str, filters: dict, params: dict) -> tuple[int, str]:
    """(the number of results, the results section's HTML). It shows only what it is given:
    the results, the query and the address's parameters (`shown_results` keeps it)."""
    context = {
        "results": results,
        "search_query": query,
        # Stored addresses are the pages' own: show each in the visitor's language.
        "hits": _grouped_by_topic(
            [
                {
                    "hit": hit,
                    "url": in_current_language(hit.url),
                    "kind_label": kind_label(hit.kind),
                    # The language the title and excerpt are written in (their lang).
                    "language": language_of_address(hit.url),
                }
                for hit in results.hits
            ]
        ),
        "first_number": (results.page - 1) * results.per_page + 1,
        "facet_groups": _facet_groups(results, filters, params),
        "pages": _pages(results, params),
        "suggestion_url": _url({**params, "q": results.suggestion}) if results.suggestion else "",
        "active_filters": [
            {
                "label": FACET_LABELS[name],
                "value": kind_label(value) if name == "kind" else value,
                "remove_url": _url({**params, name: "", "page": ""}),
            }
            for name, value in filters.items()
        ],
    }
    return results.total, render_to_string("search/includes/results.html", context)


# Kinds whose documents are the posts of a discussion: each carries its topic's title.
DISCUSSION_KINDS = frozenset({"post"})


def _grouped_by_topic(items: list[dict]) -> list[dict]:
    """Posts of one discussion as one result: every post carries its topic's title, so a
    title that matches would list each reply. Of the hits on the page, the best-ranked post
    of a topic (same title, same network) stands for it and the others are listed under it."""
    grouped: list[dict] = []
    topics: dict[tuple[str, str], dict] = {}
    for item in items:
        hit = item["hit"]
        item["more"] = []
        if hit.kind in DISCUSSION_KINDS:
            first = topics.setdefault((hit.title, hit.network), item)
            if first is not item:
                first["more"].append(item)
                continue
        grouped.append(item)
    return grouped


def _facet_groups(results, filters, params):
    groups = []
    for name in FACETS:
        values = results.facets.get(name, [])
        if not values:
            continue
        groups.append(
            {
                "name": name,
                "label": FACET_LABELS[name],
                "values": [
                    {
                        "label": kind_label(value) if name == "kind" else value,
                        "count": count,
                        "active": filters.get(name) == value,
                        "url": _url({**params, name: value, "page": ""}),
                    }
                    for value, count in values[:15]
                ],
            }
        )
    return groups


def _pages(results, params):
    if results.page_count <= 1:
        return None
    current = results.page
    numbers = range(max(1, current - 3), min(results.page_count, current + 3) + 1)
    return {
        "previous": _url({**params, "page": current - 1}) if current > 1 else None,
        "next": _url({**params, "page": current + 1}) if current < results.page_count else None,
        "numbers": [
            {
                "number": number,
                "url": _url({**params, "page": number}),
                "current": number == current,
            }
            for number in numbers
        ],
    }


@require_GET
def suggest(request):
    """Search-as-you-type: the best titles for what has been typed so far."""
    text = request.GET.get("q", "")
    if contains_personal_identity_code(text):
        return JsonResponse({"results": []})
    try:
        hits = suggestions_for(request.user, text)
    except SearchUnavailable:
        return JsonResponse({"results": [], "unavailable": True}, status=503)
    return JsonResponse(
        {
            "results": [
                {
                    "title": hit.title,
                    "url": in_current_language(hit.url),
                    "kind": hit.kind,
                    "kind_label": str(kind_label(hit.kind)),
                }
                for hit in hits
            ]
        }
    )
