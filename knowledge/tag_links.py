"""Links from tags to their pages, which are subpages of the site's themes page.

The themes page and each tag's address are looked up once per request. The queries that load
tags to show them also bring the themes page's address path (`with_themes_page_path`), so
that a page or a listing showing tags needs no query of its own for their links.
"""

from django.db.models import QuerySet, Subquery
from django.utils import translation

from typ_site.core.languages import in_current_language, link_language
from typ_site.core.request_cache import per_request

from .models.themes import ThemeIndexPage

THEMES_PAGE = "knowledge.themes_page"


def _themes_pages() -> QuerySet:
    # The content-type condition repeats what the model implies, but it lets the database
    # start from the few pages of this type instead of walking the whole tree in path order.
    return ThemeIndexPage.objects.live().type(ThemeIndexPage).order_by("path")


def with_themes_page_path(tags: QuerySet) -> QuerySet:
    """The tag rows, each carrying `themes_page_path`: the address path (`url_path`) of the
    themes page, or None when the site has none."""
    return tags.annotate(themes_page_path=Subquery(_themes_pages().values("url_path")[:1]))


def remember_themes_page(request, url_path: str | None) -> None:
    """Keep the themes page that a tag query found (see `with_themes_page_path`) for the
    request's tag links: its address path is all that a page needs to give its address."""
    if request is not None:
        per_request(request, THEMES_PAGE, lambda: ThemeIndexPage(url_path=url_path) if url_path else None)


def tags_to_show(page, request) -> list:
    """The page's tags in the order they were added, with their links ready (one query).

    The `page_tags` template tag shows them. The page models do not call this module: it
    needs the themes page, whose listing needs the page models."""
    tags = page.tags.all()
    if not isinstance(tags, QuerySet):  # a preview: the tags are still in memory
        return list(tags)
    tags = list(with_themes_page_path(tags))
    if tags:
        remember_themes_page(request, tags[0].themes_page_path)
    return tags


def tag_address(request, tag_slug: str) -> str:
    """The address of the tag's page in the visitor's language, or "" without a themes page."""
    if request is None:
        index = _themes_pages().first()
        return in_current_language(index.tag_url(tag_slug)) if index else ""
    index = per_request(request, THEMES_PAGE, lambda: _themes_pages().first())
    if index is None:
        return ""
    key = ("knowledge.tag_address", translation.get_language(), link_language(), tag_slug)
    return per_request(request, key, lambda: in_current_language(index.tag_url(tag_slug, request)))
