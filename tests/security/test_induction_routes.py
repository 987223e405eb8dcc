"""Who may use the induction pages' own routes: ONE declarative table, checked as every role.

The induction views (start a path, tick a step, follow a network's induction) are Wagtail
routes inside the pages (RoutablePageMixin), not URLconf entries, so the URL sweep of
test_url_permissions cannot see them. Here the routes are read from the page classes
themselves: a new route, or a new routable page type in the induction app, without a row in
ROUTE_TABLE fails `test_every_route_of_the_induction_pages_has_a_row`.

Roles (the columns): an anonymous visitor; a signed-in person who belongs to no network yet (a
new employee); a member of `network`, who has started the path; the admin of another network;
the admin of `network`; KEHA staff. GET and POST are both checked; the POSTs carry a valid
CSRF token (Django's test client does not check it), and a separate test sends every POST
without one.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.http import HttpResponseForbidden
from django.test import Client
from wagtail.contrib.routable_page.models import RoutablePageMixin

from knowledge.induction import services
from knowledge.induction.blocks import step_data
from knowledge.induction.models import InductionIndexPage, InductionPathPage
from knowledge.induction.structure import path_structure
from tests.factories import (
    make_keha_staff,
    make_member,
    make_network,
    make_network_admin,
    make_user,
)
from tests.security.access_table import LOGIN, NOT_ALLOWED, NOT_FOUND, OK, REDIRECT
from tests.security.sweep import outcome
from typ_site.core.demo_content import create_home_page
from typ_site.core.languages import page_addresses_in_own_language

ROLES = ("anonymous", "outsider", "member", "other_admin", "admin", "keha")
LANGUAGE_PREFIXES = ("", "/sv")


def answers(everyone: str, **per_role: str) -> dict[str, str]:
    """The outcome per role: `everyone` unless a role is named."""
    unknown = set(per_role) - set(ROLES)
    if unknown:
        raise ValueError(f"unknown roles: {unknown}")
    return {role: per_role.get(role, everyone) for role in ROLES}


# --- Access levels ----------------------------------------------------------------------------
EVERYONE = answers(OK)
# The view takes only POST; whoever asks with GET is told so, and nothing more.
POST_ONLY = answers(NOT_ALLOWED)
# Anyone signed in may take part (a new employee may have no network yet); a visitor is sent
# to sign in; a success sends back to the path page.
TAKING_PART = answers(REDIRECT, anonymous=LOGIN)
# The follow-up: the admins of a network see its members. There is nothing to sign in for
# unless one administers a network, so everyone else gets a 404 (a visitor too). KEHA staff
# do not follow individual people's progress (knowledge.induction.selectors).
NETWORK_ADMINS = answers(NOT_FOUND, other_admin=OK, admin=OK)
# One person's progress: only the admins of that person's network.
THE_PERSONS_NETWORK_ADMIN = answers(NOT_FOUND, admin=OK)


@dataclass(frozen=True)
class RouteAccess:
    get: dict[str, str]
    post: dict[str, str]
    args: Callable[[SimpleNamespace], list] = field(default=lambda world: [])
    data: Callable[[SimpleNamespace], dict] = field(default=lambda world: {})
    # For pages about people: the roles whose 200 shows the member (everyone else's must not).
    shows_member: tuple[str, ...] | None = None
    note: str = field(default="", compare=False)


def _tick_first_task(world) -> dict:
    step = path_structure(world.path)[0]
    return {"step": step.id, "done": [step.tasks[0].id]}


# --- The table: (page type, route name) -> who gets what ----------------------------------------
ROUTE_TABLE: dict[tuple[type, str], RouteAccess] = {
    (InductionIndexPage, "index_route"): RouteAccess(
        EVERYONE,
        EVERYONE,
        note="the list of paths; a POST shows it too",
    ),
    (InductionIndexPage, "follow_up"): RouteAccess(
        NETWORK_ADMINS,
        NETWORK_ADMINS,
        shows_member=("admin",),
        note="each admin sees their own networks' members only",
    ),
    (InductionIndexPage, "person"): RouteAccess(
        THE_PERSONS_NETWORK_ADMIN,
        THE_PERSONS_NETWORK_ADMIN,
        args=lambda world: [world.users["member"].pk],
        shows_member=("admin",),
    ),
    (InductionPathPage, "index_route"): RouteAccess(
        EVERYONE,
        EVERYONE,
        note="a path is public; progress is shown to the person only",
    ),
    (InductionPathPage, "start"): RouteAccess(POST_ONLY, TAKING_PART),
    (InductionPathPage, "tick"): RouteAccess(POST_ONLY, TAKING_PART, data=_tick_first_task),
}


def routable_induction_page_types() -> list[type]:
    return [
        model
        for model in apps.get_app_config("induction").get_models()
        if issubclass(model, RoutablePageMixin)
    ]


def routes_of_the_induction_pages() -> set[tuple[type, str]]:
    return {
        (page_type, pattern.name)
        for page_type in routable_induction_page_types()
        for pattern in page_type.get_subpage_urls()
    }


# --- The world ----------------------------------------------------------------------------------


def _publish(page):
    page.save_revision().publish(skip_permission_checks=True)
    page.refresh_from_db()
    return page


@pytest.fixture
def induction_world(db) -> SimpleNamespace:
    home = create_home_page()
    index = InductionIndexPage(title="Perehdytys", slug="perehdytys")
    home.add_child(instance=index)
    _publish(index)
    path = InductionPathPage(
        title="Asiantuntijan perehdytys",
        slug="asiantuntija",
        target_role="expert",
        steps=[
            step_data("Asiakasprosessi", "Tunnet asiakasprosessin.", ["Lue ohje", "Kysy kollegalta"]),
            step_data("Verkosto", "Tunnet verkoston.", ["Tapaa TYP-johtaja"]),
        ],
    )
    index.add_child(instance=path)
    _publish(path)
    network = make_network("Satakunnan TYP")
    other_network = make_network("Kymenlaakson TYP")
    users = {
        "anonymous": None,
        "outsider": make_user(first_name="Uusi", last_name="Tulokas"),
        "member": make_member(network, first_name="Veera", last_name="Verkostolainen"),
        "other_admin": make_network_admin(other_network, first_name="Kalle", last_name="Kymi"),
        "admin": make_network_admin(network, first_name="Saara", last_name="Satakunta"),
        "keha": make_keha_staff(first_name="Kerttu", last_name="Keskus"),
    }
    assert set(users) == set(ROLES)
    first_step = path_structure(path)[0]
    services.start_path(users["member"], path)
    services.save_step_checklist(users["member"], path, first_step.id, [first_step.tasks[0].id])
    return SimpleNamespace(
        index=index, path=path, users=users, pages={InductionIndexPage: index, InductionPathPage: path}
    )


def client_for(world, role: str, **options) -> Client:
    client = Client(**options)
    if world.users[role] is not None:
        client.force_login(world.users[role])
    return client


def address(world, page_type: type, route_name: str, language_prefix: str = "") -> str:
    page = world.pages[page_type]
    access = ROUTE_TABLE[(page_type, route_name)]
    with page_addresses_in_own_language():  # the Finnish address; the prefix is added here
        own_address = page.get_url()
    return language_prefix + own_address + page.reverse_subpage(route_name, args=access.args(world))


def _label(page_type, route_name) -> str:
    return f"{page_type.__name__}:{route_name}"


# --- The tests ----------------------------------------------------------------------------------


def test_every_route_of_the_induction_pages_has_a_row():
    routes = routes_of_the_induction_pages()

    assert {InductionIndexPage, InductionPathPage} <= set(routable_induction_page_types())
    missing = sorted(_label(*route) for route in routes - set(ROUTE_TABLE))
    assert not missing, "Routes without a row in ROUTE_TABLE; decide who may use them:\n" + (
        "\n".join(missing)
    )
    assert not sorted(_label(*row) for row in set(ROUTE_TABLE) - routes), "rows for no route"


@pytest.mark.parametrize("language_prefix", LANGUAGE_PREFIXES, ids=["fi", "sv"])
@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_what_the_route_table_promises(induction_world, role, language_prefix):
    world = induction_world
    client = client_for(world, role)
    member_name = world.users["member"].display_name
    surprises = []
    for (page_type, route_name), access in ROUTE_TABLE.items():
        path = address(world, page_type, route_name, language_prefix)
        for method, expected in (("GET", access.get[role]), ("POST", access.post[role])):
            send = client.get if method == "GET" else client.post
            response = send(path, access.data(world) if method == "POST" else None)
            actual = outcome(response)
            where = f"{_label(page_type, route_name)} {method} {path}"
            if actual != expected:
                surprises.append(f"{where}: expected {expected}, got {actual}")
            elif actual == REDIRECT and not response["Location"].startswith(language_prefix + "/"):
                surprises.append(f"{where}: leaves the visitor's language for {response['Location']}")
            elif actual == OK and access.shows_member is not None:
                shown = member_name in response.content.decode()
                if shown != (role in access.shows_member):
                    surprises.append(f"{where}: the member is {'' if shown else 'not '}shown")

    assert not surprises, f"As {role}:\n" + "\n".join(surprises)


def test_a_tick_is_saved_for_the_person_who_sent_it_only(induction_world):
    """The table's POSTs really reach the views: the outsider's tick starts their own path."""
    world = induction_world
    client = client_for(world, "outsider")

    client.post(address(world, InductionPathPage, "tick"), _tick_first_task(world))

    outsider, member = world.users["outsider"], world.users["member"]
    assert outsider.induction_tasks_done.count() == 1
    assert outsider.induction_enrolments.get().path_id == world.path.pk
    assert member.induction_tasks_done.count() == 1  # from the fixture, unchanged


REJECTED_HEADER = "X-Test-CSRF-Rejected"


def csrf_rejected(request, reason=""):
    """Stands in for Django's CSRF failure page, so that it can be told from other 403s."""
    response = HttpResponseForbidden(reason)
    response[REJECTED_HEADER] = "1"
    return response


@pytest.mark.parametrize("role", ROLES)
def test_a_post_without_the_csrf_token_is_refused_on_every_route(induction_world, role, settings):
    world = induction_world
    settings.CSRF_FAILURE_VIEW = "tests.security.test_induction_routes.csrf_rejected"
    client = client_for(world, role, enforce_csrf_checks=True)
    accepted = []
    for (page_type, route_name), access in ROUTE_TABLE.items():
        path = address(world, page_type, route_name)
        response = client.post(path, access.data(world))
        if response.status_code != 403 or response.headers.get(REJECTED_HEADER) != "1":
            accepted.append(f"{_label(page_type, route_name)} POST {path}: {response.status_code}")

    assert not accepted, "POST without a CSRF token was not refused:\n" + "\n".join(accepted)
    assert world.users["member"].induction_tasks_done.count() == 1
