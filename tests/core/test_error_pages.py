"""Error pages with DEBUG off (as the tests run): the site's look, the visitor's language, the
menu and the search; the 500 page without the database."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.views.defaults import permission_denied

from tests.calendar_app.helpers import make_event
from tests.factories import make_network, make_user
from typ_site.core import views
from typ_site.core.demo_content import create_home_page


@pytest.fixture
def home(db):
    return create_home_page()


def test_debug_is_off_in_the_tests(settings):
    assert settings.DEBUG is False


def test_a_missing_page_is_the_sites_404_in_finnish(client, home):
    response = client.get("/ei-tallaista-sivua/")

    page = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="fi">' in page
    assert "Sivua ei löytynyt" in page
    assert 'class="site-header"' in page and 'role="search"' in page
    assert "Not Found" not in page


def test_a_missing_page_in_swedish(client, home):
    response = client.get("/sv/finns-inte/")

    assert response.status_code == 404
    assert '<html lang="sv">' in response.content.decode()
    assert "Sidan hittades inte" in response.content.decode()


def test_a_refusal_is_the_sites_403(home):
    request = RequestFactory().get("/")
    request.user = make_user()

    response = permission_denied(request, PermissionDenied())

    assert response.status_code == 403
    assert "Ei käyttöoikeutta" in response.content.decode()


def test_the_500_page_renders_without_the_database(home):
    request = RequestFactory().get("/sv/")
    with translation.override("sv"), CaptureQueriesContext(connection) as queries:
        response = views.server_error(request)

    page = response.content.decode()
    assert response.status_code == 500
    assert len(queries) == 0
    assert '<html lang="sv">' in page and "Något gick fel" in page
    assert 'role="search"' in page


def test_the_400_page_renders_without_the_database(home):
    request = RequestFactory().get("/")
    with CaptureQueriesContext(connection) as queries:
        response = views.bad_request(request)

    assert response.status_code == 400
    assert len(queries) == 0
    assert "Pyyntöä ei voitu käsitellä" in response.content.decode()


def test_a_form_without_its_security_token_gets_the_sites_page(home):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accessibility/feedback/", {"message": "Testi"})

    assert response.status_code == 403
    assert "Lomake on vanhentunut" in response.content.decode()


def test_a_members_event_asks_a_signed_out_visitor_to_sign_in(client, home):
    event = make_event(network=make_network(), level="network", visibility="network")

    response = client.get(f"/calendar/events/{event.pk}/")

    assert response.status_code == 302
    assert response.url == f"/accounts/login/?next=/calendar/events/{event.pk}/"


def test_any_event_address_asks_a_signed_out_visitor_to_sign_in(client, home):
    """Existing or not: the answer does not tell which events exist."""
    assert client.get("/calendar/events/999999/").status_code == 302
