"""Cross-site request forgery: no form of the site can be posted from another site."""

from html.parser import HTMLParser

import pytest
from django.http import HttpResponseForbidden

from tests.security.access_table import access_for
from tests.security.conftest import client_for
from tests.security.sweep import address
from tests.security.url_walk import walk_urlconf

# Views (URL names, or the start of URL names) that may take a POST without Django's CSRF
# middleware checking it, each with the reason. Adding a line needs a reason that survives
# review (e.g. a webhook with its own signature check).
CSRF_EXEMPT_VIEWS: dict[str, str] = {
    "wagtailadmin_api:": (
        "Wagtail's read-only admin API is built on Django REST framework, which marks its views "
        "csrf_exempt and checks the token itself (SessionAuthentication) for signed-in requests"
    ),
}


def _exempt(route) -> bool:
    return any(route.key.startswith(name) for name in CSRF_EXEMPT_VIEWS)


REJECTED_HEADER = "X-Test-CSRF-Rejected"


def csrf_rejected(request, reason=""):
    """Stands in for Django's CSRF failure page, so the tests can tell it from other 403s."""
    response = HttpResponseForbidden(reason)
    response[REJECTED_HEADER] = "1"
    return response


@pytest.fixture(autouse=True)
def _recognisable_csrf_failures(settings):
    settings.CSRF_FAILURE_VIEW = "tests.security.test_csrf.csrf_rejected"


def _posts(world):
    for route in walk_urlconf():
        if _exempt(route):
            continue
        path = address(route, access_for(route), world)
        if path is not None:
            yield route, path


def test_no_view_is_exempt_from_csrf_checks_without_a_stated_reason():
    exempt = sorted(
        f"{route.key} ({route.view_name})"
        for route in walk_urlconf()
        if getattr(route.callback, "csrf_exempt", False) and not _exempt(route)
    )

    assert not exempt, "csrf_exempt views:\n" + "\n".join(exempt)


@pytest.mark.parametrize("role", ["anonymous", "member", "network_admin"])
def test_a_post_without_the_token_is_refused_everywhere(world, role):
    client = client_for(world, role, enforce_csrf_checks=True)
    accepted = []
    posted = 0
    for route, path in _posts(world):
        response = client.post(path, {"message": "x", "decision": "approve", "confirm": "on"})
        posted += 1
        if response.headers.get(REJECTED_HEADER) != "1":
            accepted.append(f"{route.key} POST {path}: {response.status_code}")

    assert posted > 50
    assert not accepted, "POST without a CSRF token was not refused:\n" + "\n".join(accepted)


class _FormFinder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms = []  # [method, action, has_token]

    def handle_starttag(self, tag, attributes):
        attributes = dict(attributes)
        if tag == "form":
            self.forms.append([(attributes.get("method") or "get").lower(), attributes.get("action"), False])
        elif tag == "input" and self.forms and attributes.get("name") == "csrfmiddlewaretoken":
            self.forms[-1][2] = True


@pytest.mark.parametrize("role", ["anonymous", "member", "network_admin"])
def test_every_post_form_on_our_pages_carries_the_token(world, role):
    client = client_for(world, role)
    missing = []
    pages = 0
    for route, path in _posts(world):
        if route.route.startswith("admin/"):
            continue  # Wagtail's admin renders its own forms
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        pages += 1
        finder = _FormFinder()
        finder.feed(response.content.decode())
        missing += [
            f"{route.key} {path}: form to {action}"
            for method, action, has_token in finder.forms
            if method == "post" and not has_token
        ]

    assert pages > 10
    assert not missing, "POST forms without a CSRF token:\n" + "\n".join(missing)
