"""Turns the URL walk and the access table into concrete requests and comparable outcomes."""

from urllib.parse import urlparse

from django.urls import reverse
from django.utils import translation

from tests.security.access_table import (
    ADMIN_LOGIN,
    DENIED,
    ERROR,
    FORBIDDEN,
    LOGIN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    REDIRECT,
    Access,
    access_for,
)
from tests.security.url_walk import Route, build_path, walk_urlconf


def address(route: Route, access: Access | None, world, language: str = "fi") -> str | None:
    """The address to open for the route (in `language`), or None if none can be built."""
    with translation.override(language):
        if access is not None and access.kwargs is not None and route.name:
            arguments = access.kwargs(world)
            if isinstance(arguments, dict):
                return reverse(route.name, kwargs=arguments)
            return reverse(route.name, args=arguments)
        return build_path(route, access.samples(world) if access and access.samples else None)


def routes_with_access() -> list[tuple[Route, Access]]:
    return [(route, access) for route in walk_urlconf() if (access := access_for(route))]


def outcome(response) -> str:
    status = response.status_code
    if status == 200:
        return OK
    if 300 <= status < 400:
        target = urlparse(response["Location"]).path
        if target.endswith("/admin/login/"):
            return ADMIN_LOGIN
        if target.endswith("/accounts/login/"):
            return LOGIN
        return REDIRECT
    return {403: FORBIDDEN, 404: NOT_FOUND, 405: NOT_ALLOWED, 500: ERROR}.get(status, str(status))


def matches(expected: str, actual: str) -> bool:
    if expected == DENIED:
        return actual != OK
    return expected == actual
