from django.urls import NoReverseMatch, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from .languages import in_current_language

# Sections served by the apps (not by Wagtail pages). Names that do not resolve yet are
# skipped, so the menu grows with the apps. Joining a network (networks:list) is reached from
# the network pages, the profile and the footer; the menu's "Networks" is the page section.
APP_NAVIGATION = [
    (_("Forums"), "forums:index"),
    (_("Calendar"), "calendar_app:month"),
    (_("Participate"), "participation:index"),
]


def localized_url(url: str) -> str:
    """The same address in the language the visitor is using now."""
    return in_current_language(url)


# The menu's page links, per process, keyed by everything they are built from (the site, the
# language and each page's id, title, path and locale): a change to any of them is a new key,
# so an entry never goes stale and nothing has to be invalidated. Building the addresses
# (Wagtail's get_url, then the visitor's language) is most of the menu's cost.
_menu_links: dict[tuple, list[dict]] = {}
MENU_LINKS_KEPT = 64


def _page_items(request) -> list[dict]:
    site = Site.find_for_request(request)
    if site is None:
        return []
    root = site.root_page.localized
    pages = root.get_children().live().in_menu().only("id", "title", "url_path", "locale_id")
    key = (
        site.pk, site.hostname, site.port, site.root_page_id, get_language(),
        tuple((page.pk, page.title, page.url_path, page.locale_id) for page in pages),
    )  # fmt: skip
    links = _menu_links.get(key)
    if links is None:
        links = [
            {"label": page.title, "url": localized_url(page.get_url(request=request) or "/")}
            for page in pages
        ]
        if len(_menu_links) >= MENU_LINKS_KEPT:
            _menu_links.clear()
        _menu_links[key] = links
    return links


def _app_items() -> list[dict]:
    items = []
    for label, name in APP_NAVIGATION:
        try:
            items.append({"label": label, "url": reverse(name)})
        except NoReverseMatch:
            continue
    return items


def navigation(request):
    return {
        "main_navigation": SimpleLazyObject(lambda: _page_items(request) + _app_items()),
    }
