"""Object-level probes of the Wagtail admin: a network's admin opens another network's
objects by their ids in every admin view that takes one, and learns nothing of them.

Each probe is an admin address with the id of another network's object and that object's
secret name; the answer must not be a 200 that names it (choosers answer JSON with the HTML
inside, so the name is looked for in the decoded text).
"""

import pytest
from django.urls import reverse
from wagtail.admin.models import EditingSession
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction

from calendar_app.models import Event
from forums import services as forum_services
from forums.models import Forum
from forums.participation.models import DevelopmentNeed
from knowledge.editorial import pending_submissions_collection, setup_editorial_workflow
from knowledge.models import NetworkIndexPage, NetworkPage, PracticePage
from tests.calendar_app.helpers import make_event
from tests.factories import (
    make_keha_staff,
    make_member,
    make_membership,
    make_network,
    make_network_admin,
    make_user,
)
from tests.knowledge.conftest import add_page, pdf_upload
from typ_site.core.demo_content import create_home_page
from typ_site.networks.models import Membership

SECRET = "Salaisuus"


@pytest.fixture
def probes(db, settings):
    settings.MFA_REQUIRED_FOR_STAFF = False
    home = create_home_page()
    networks_index = add_page(home, NetworkIndexPage(title="Verkostot", slug="verkostot"))
    setup_editorial_workflow()
    own, other = make_network(), make_network()
    own_page = add_page(networks_index, NetworkPage(title="Oma", slug="oma", network=own))
    other_page = add_page(networks_index, NetworkPage(title="Vieras", slug="vieras", network=other))
    outsider = make_member(other)
    make_membership(make_user(first_name=SECRET, last_name="Hakija"), other, status=Membership.Status.PENDING)
    event = make_event(
        title=f"{SECRET} kokous",
        network=other,
        level=Event.Level.NETWORK,
        visibility=Event.Visibility.NETWORK,
    )
    practice = add_page(
        other_page,
        PracticePage(title=f"{SECRET} käytäntö", slug="kaytanto", problem="<p>O</p>", solution="<p>R</p>"),
        live=False,
    )
    practice.save_revision(user=outsider)
    practice.get_workflow().start(practice, outsider)
    document = get_document_model().objects.create(
        title=f"{SECRET} liite",
        file=pdf_upload(),
        collection=pending_submissions_collection(other),
    )
    forum = Forum.objects.create(name="Vieras alue", slug="vieras", kind=Forum.Kind.NETWORK, network=other)
    forum_services.start_topic(outsider, forum, title=f"{SECRET} aihe", body="Sisältö.")
    need = DevelopmentNeed.objects.create(title="Tarve")
    event_views = "wagtailsnippets_calendar_app_event"
    admin_addresses = [
        "/admin/snippets/choose/networks/membership/results/",
        "/admin/snippets/choose/calendar_app/event/",
        "/admin/snippets/choose/calendar_app/event/results/",
        f"/admin/snippets/choose/calendar_app/event/chosen/{event.pk}/",
        f"/admin/bulk/calendar_app/event/delete/?id={event.pk}",
        f"/admin/choose-page/{practice.pk}/",
        f"/admin/choose-page/{other_page.pk}/",
        "/admin/choose-page/search/?q=k%C3%A4yt%C3%A4nt%C3%B6",
        f"/admin/pages/{practice.pk}/edit/",
        f"/admin/pages/{practice.pk}/history/",
        f"/admin/pages/{practice.pk}/move/{networks_index.pk}/confirm/",
        f"/admin/pages/{other_page.pk}/",
    ]
    # Every page view that takes the practice, its revision, its review or its parent.
    workflow_state = practice.workflow_states.get()
    task_state = workflow_state.current_task_state
    revision = practice.latest_revision
    admin_addresses += (
        [
            reverse(f"wagtailadmin_pages:{view}", args=arguments)
            for view, arguments in (
                ("revisions_compare", (practice.pk, "earliest", "latest")),
                ("revisions_view", (practice.pk, revision.pk)),
                ("revisions_revert", (practice.pk, revision.pk)),
                ("workflow_history", (practice.pk,)),
                ("workflow_history_detail", (practice.pk, workflow_state.pk)),
                ("workflow_preview", (practice.pk, task_state.task_id)),
                ("collect_workflow_action_data", (practice.pk, "approve", task_state.pk)),
                ("workflow_action", (practice.pk, "approve", task_state.pk)),
                ("confirm_workflow_cancellation", (practice.pk,)),
                ("add", ("knowledge", "practicepage", other_page.pk)),
                ("add_subpage", (other_page.pk,)),
                ("copy", (practice.pk,)),
                ("move", (practice.pk,)),
                ("set_privacy", (practice.pk,)),
                ("usage", (practice.pk,)),
                ("view_draft", (practice.pk,)),
                ("preview_on_edit", (practice.pk,)),
                ("delete", (practice.pk,)),
                ("unpublish", (practice.pk,)),
                ("history_results", (practice.pk,)),
            )
        ]
        + [
            f"/admin/bulk/wagtailcore/page/{action}/?id={practice.pk}"
            for action in ("delete", "unpublish", "move", "publish", "set_privacy")
        ]
        + [
            f"/admin/api/main/pages/{practice.pk}/",
            f"/admin/api/main/pages/find/?id={practice.pk}",
            f"/admin/api/main/pages/?child_of={other_page.pk}",
            "/admin/api/main/pages/?search=k%C3%A4yt%C3%A4nt%C3%B6",
            f"/admin/api/main/documents/{document.pk}/",
            f"/admin/api/main/documents/find/?id={document.pk}",
            "/admin/api/main/documents/",
            "/admin/api/main/documents/?search=liite",
            f"/admin/forms/submissions/{practice.pk}/",
            f"/admin/translation/submit/page/{practice.pk}/",
            "/admin/reports/page-types-usage/",
            "/admin/reports/aging-pages/",
            "/admin/reports/locked/",
            "/admin/reports/site-history/",
            "/admin/reports/workflow/",
            "/admin/reports/workflow_tasks/",
            "/admin/pages/search/?q=k%C3%A4yt%C3%A4nt%C3%B6",
            "/admin/forms/",
        ]
    )
    document_addresses = [
        "/admin/documents/chooser/",
        "/admin/documents/chooser/results/?q=liite",
        f"/admin/documents/edit/{document.pk}/",
        f"/admin/documents/chooser/{document.pk}/",
        "/admin/documents/",
        f"/admin/bulk/wagtaildocs/document/delete/?id={document.pk}",
        f"/admin/bulk/wagtaildocs/document/add_tags/?id={document.pk}",
        f"/admin/bulk/wagtaildocs/document/add_to_collection/?id={document.pk}",
    ]
    admin_addresses += document_addresses + [
        reverse(f"{event_views}:{view}", args=(event.pk,))
        for view in ("edit", "delete", "copy", "history", "usage")
    ]
    keha_addresses = [reverse("wagtailsnippets_participation_developmentneed:edit", args=(need.pk,))]
    return {
        "practice": practice,
        "own_page": own_page,
        "networks_index": networks_index,
        "network_admin": (make_network_admin(own), admin_addresses),
        # KEHA staff manage every event in the admin (calendar_app.selectors), so only the
        # need editor and the submitted files are probed for them.
        "keha_editor": (make_keha_staff("Editors"), keha_addresses + document_addresses),
    }


def shown(response) -> str:
    if response.get("Content-Type", "").startswith("application/json"):
        data = response.json()
        return str(data.get("html", "")) if isinstance(data, dict) and "html" in data else str(data)
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.mark.parametrize("role", ["network_admin", "keha_editor"])
def test_another_networks_objects_are_not_named_in_the_admin(probes, client, role):
    user, addresses = probes[role]
    client.force_login(user)
    leaks = []
    for address in addresses:
        response = client.get(address, follow=True)
        if response.status_code == 200 and SECRET in shown(response):
            leaks.append(address)

    assert not leaks, f"As {role}, these admin addresses name another network's objects:\n" + "\n".join(leaks)


def _page_actions(practice, own_page, networks_index):
    """What a person could try on another network's practice in review: every admin POST that
    changes a page, its review or its place, each with the data its form asks for."""
    task_state = practice.workflow_states.get().current_task_state
    api = "/admin/api/main/pages/"
    return [
        (reverse("wagtailadmin_pages:lock", args=(practice.pk,)), {}),
        (reverse("wagtailadmin_pages:unlock", args=(practice.pk,)), {}),
        (
            reverse("wagtailadmin_pages:copy", args=(practice.pk,)),
            {"new_title": "Kopio", "new_slug": "kopio", "new_parent_page": own_page.pk},
        ),
        (reverse("wagtailadmin_pages:move_confirm", args=(practice.pk, own_page.pk)), {}),
        (reverse("wagtailadmin_pages:set_page_position", args=(practice.pk,)) + "?position=0", {}),
        (reverse("wagtailadmin_pages:workflow_action", args=(practice.pk, "approve", task_state.pk)), {}),
        (reverse("wagtailadmin_pages:workflow_action", args=(practice.pk, "reject", task_state.pk)), {}),
        (reverse("wagtailadmin_pages:delete", args=(practice.pk,)), {}),
        (reverse("wagtailadmin_pages:set_privacy", args=(practice.pk,)), {"restriction_type": "login"}),
        (reverse("wagtailadmin_pages:revisions_revert", args=(practice.pk, practice.latest_revision.pk)), {}),
        (f"{api}{practice.pk}/action/copy/", {"destination_page_id": own_page.pk, "slug": "kopio2"}),
        (f"{api}{practice.pk}/action/move/", {"destination_page_id": own_page.pk}),
        (f"{api}{practice.pk}/action/publish/", {}),
        (f"{api}{practice.pk}/action/delete/", {}),
        (f"{api}{practice.pk}/action/create_alias/", {"destination_page_id": own_page.pk, "slug": "alias"}),
        (
            reverse("wagtailadmin_editing_sessions:ping", args=("wagtailcore", "page", str(practice.pk), 0)),
            {},
        ),
        (
            f"/admin/bulk/wagtailcore/page/delete/?id={practice.pk}&next=/admin/",
            {},
        ),
        (
            f"/admin/bulk/wagtailcore/page/move/?id={practice.pk}&next=/admin/",
            {"chooser": own_page.pk},
        ),
        (
            f"/admin/bulk/wagtailcore/page/publish/?id={practice.pk}&next=/admin/",
            {},
        ),
    ]


def _state(practice) -> tuple:
    """Everything the actions above would change: the page and its place, its review, its
    revisions, its privacy, the pages beside it."""
    page = Page.objects.get(pk=practice.pk)
    workflow_state = practice.workflow_states.get()
    return (
        page.locked,
        page.live,
        page.path,
        page.latest_revision_id,
        workflow_state.status,
        workflow_state.current_task_state.status,
        PageViewRestriction.objects.filter(page=page).exists(),
        Page.objects.count(),
        EditingSession.objects.filter(object_id=str(page.pk)).exists(),
    )


@pytest.mark.parametrize("role", ["network_admin", "keha_editor"])
def test_another_networks_practice_cannot_be_changed_in_the_admin(probes, client, role):
    practice = probes["practice"]
    client.force_login(probes[role][0])
    changed = []
    for address, data in _page_actions(practice, probes["own_page"], probes["networks_index"]):
        before = _state(practice)
        if address.startswith("/admin/api/"):
            response = client.post(address, data, content_type="application/json")
        else:
            response = client.post(address, data)
        if _state(practice) != before or response.status_code in (200, 201) and SECRET in shown(response):
            changed.append(f"{address}: {response.status_code}")

    assert not changed, f"As {role}, these admin actions changed or named another network's practice:\n" + (
        "\n".join(changed)
    )


def test_a_network_admin_acts_on_the_own_networks_practice(probes, client):
    """The probe above reaches real objects: the same actions work on the own network's
    practice in review."""
    own_practice = add_page(
        probes["own_page"],
        PracticePage(title="Oma käytäntö", slug="oma-kaytanto", problem="<p>O</p>", solution="<p>R</p>"),
        live=False,
    )
    submitter = make_member(probes["own_page"].network)
    own_practice.save_revision(user=submitter)
    own_practice.get_workflow().start(own_practice, submitter)
    client.force_login(probes["network_admin"][0])

    client.post(reverse("wagtailadmin_pages:lock", args=(own_practice.pk,)))
    locked = Page.objects.get(pk=own_practice.pk).locked
    task_state = own_practice.workflow_states.get().current_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(own_practice.pk, "approve", task_state.pk))
    )

    assert locked
    assert Page.objects.get(pk=own_practice.pk).live


def test_the_page_types_report_is_offered_only_to_whom_it_opens(probes, client):
    """The report names the latest edited page of each type, anywhere in the tree: its menu
    item follows its guard (admin_scoping.can_report_on_every_page)."""
    report = reverse("wagtailadmin_reports:page_types_usage")
    client.force_login(probes["network_admin"][0])
    offered_to_network_admin = report in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(make_user(is_superuser=True, is_staff=True))
    offered_to_superuser = report in client.get(reverse("wagtailadmin_home")).content.decode()

    assert not offered_to_network_admin
    assert offered_to_superuser
