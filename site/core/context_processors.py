from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from .navigation import menu_page_links

# Sections served by the apps (not by Wagtail pages). Names that do not resolve yet are
# skipped, so the menu grows with the apps. Joining a network (networks:list) is reached from
# the network pages, the profile and the footer; the menu's "Networks" is the page section.
APP_NAVIGATION = [
    (_("Forums"), "forums:index"),
    (_("Calendar"), "calendar_app:month"),
    (_("Participate"), "participation:index"),
]

# Groups of the main menu: a page type names its group in `menu_group`, and the sections of
# one group share one entry of the menu (a disclosure listing them), which keeps the menu at
# about seven entries. A group with a single section is shown as that section's link.
MENU_GROUPS = {
    "knowledge": _("Knowledge bank"),
    "practice": _("Practices"),
}


def _app_items() -> list[dict]:
    items = []
    for label, name in APP_NAVIGATION:
        try:
            items.append({"label": label, "url": reverse(name)})
        except NoReverseMatch:
            continue
    return items


def _current(path: str, url: str) -> str | None:
    """aria-current for a menu link: "page" on the section's own page, "true" below it."""
    if path == url:
        return "page"
    # (Not a language's root, "/" or "/sv/": every page is below those.)
    roots = {""} | {language[0] for language in settings.LANGUAGES}
    if url.endswith("/") and url.strip("/") not in roots and path.startswith(url):
        return "true"
    return None


def grouped_menu(links: list[dict], path: str) -> list[dict]:
    """The menu's entries: links, and groups ({"label", "key", "children", "current"})."""
    entries: list[dict] = []
    groups: dict[str, dict] = {}
    for link in links:
        item = {"label": link["label"], "url": link["url"], "current": _current(path, link["url"])}
        key = link.get("group")
        if key not in MENU_GROUPS:
            entries.append(item)
            continue
        if key not in groups:
            groups[key] = {"label": MENU_GROUPS[key], "key": key, "children": [], "current": None}
            entries.append(groups[key])
        groups[key]["children"].append(item)
        if item["current"]:
            groups[key]["current"] = "true"
    for group in groups.values():
        if len(group["children"]) == 1:
            entries[entries.index(group)] = group["children"][0]
    return entries


def navigation(request):
    links = SimpleLazyObject(lambda: menu_page_links(request) + _app_items())
    return {
        "main_navigation": links,
        "main_menu": SimpleLazyObject(lambda: grouped_menu(list(links), request.path)),
    }
