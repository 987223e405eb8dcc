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
        "main_navigation": SimpleLazyObject(lambda: menu_page_links(request) + _app_items()),
    }
