"""One pagination for every listing: the query parameter, the numbers shown, the links.

Every list pages with `?page=N` (the forums, the search, the knowledge sections). The
knowledge sections once used `?sivu=N`; old links keep working (`page_number` reads both).
"""

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator

PAGE_PARAMETER = "page"
OLD_PAGE_PARAMETERS = ("sivu",)


def page_number(request) -> str | None:
    """The page asked for, by the current parameter or an old one."""
    for name in (PAGE_PARAMETER, *OLD_PAGE_PARAMETERS):
        value = request.GET.get(name)
        if value:
            return value
    return None


def page_link(query, number: int) -> str:
    """`?...&page=N` with the rest of the query kept (`query`: a QueryDict)."""
    query = query.copy()
    for name in OLD_PAGE_PARAMETERS:
        query.pop(name, None)
    query[PAGE_PARAMETER] = str(number)
    return "?" + query.urlencode()


def page_links(page_obj: PaginatorPage, query) -> dict | None:
    """What the pagination include shows: previous, next and the numbers around the current
    page (with the first and the last), or None for a single page."""
    if not page_obj.has_other_pages():
        return None
    paginator: Paginator = page_obj.paginator
    numbers: list[dict[str, object]] = []
    for number in paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1):
        if isinstance(number, int):
            numbers.append(
                {"number": number, "url": page_link(query, number), "current": number == page_obj.number}
            )
        else:  # Paginator.ELLIPSIS
            numbers.append({"gap": True})
    return {
        "previous": page_link(query, page_obj.previous_page_number()) if page_obj.has_previous() else None,
        "next": page_link(query, page_obj.next_page_number()) if page_obj.has_next() else None,
        "numbers": numbers,
        "current": page_obj.number,
        "total": paginator.num_pages,
    }
