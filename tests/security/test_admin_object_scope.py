"""Object-level probes of the Wagtail admin: a network's admin opens another network's
objects by their ids in every admin view that takes one, and learns nothing of them.

Each probe is an admin address with the id of another network's object and that object's
secret name; the answer must not be a 200 that names it (choosers answer JSON with the HTML
inside, so the name is looked for in the decoded text).
"""

import pytest
from django.urls import reverse
from wagtail.documents import get_document_model

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
    add_page(networks_index, NetworkPage(title="Oma", slug="oma", network=own))
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
        "network_admin": (make_network_admin(own), admin_addresses),
        # KEHA staff manage every event in the admin (calendar_app.selectors), so only the
        # need editor and the submitted files are probed for them.
        "keha_editor": (make_keha_staff("Editors"), keha_addresses + document_addresses),
    }


def shown(response) -> str:
    if response.get("Content-Type", "").startswith("application/json"):
        return str(response.json().get("html", ""))
    return response.content.decode()


@pytest.mark.parametrize("role", ["network_admin", "keha_editor"])
def test_another_networks_objects_are_not_named_in_the_admin(probes, client, role):
    user, addresses = probes[role]
    client.force_login(user)
    leaks = []
    for address in addresses:
        response = client.get(address)
        if response.status_code == 200 and SECRET in shown(response):
            leaks.append(address)

    assert not leaks, f"As {role}, these admin addresses name another network's objects:\n" + "\n".join(leaks)
