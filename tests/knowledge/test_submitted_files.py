"""A submitted practice's file is seen by its submitter and reviewers until it is published."""

import pytest
from django.urls import reverse
from wagtail.documents import get_document_model

from knowledge.models import PracticePage
from search.indexing import documents_for
from tests.factories import make_keha_staff, make_member, make_network, make_network_admin
from typ_site.accounts.roles import APPROVERS_GROUP

from .conftest import make_network_page, pdf_upload, publish
from .test_submission import URL, form_data


def submit_with_file(client, member, network):
    client.force_login(member)
    response = client.post(
        URL,
        {
            **form_data(network, title="Liitteellinen käytäntö", attachment_title="Salainen liite"),
            "attachment": pdf_upload(),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    return get_document_model().objects.get(title="Salainen liite")


def document_url(document):
    return reverse("wagtaildocs_serve", args=(document.pk, document.filename))


@pytest.fixture
def submitted(tree, network, client):
    make_network_page(tree, network)
    member = make_member(network)
    return member, submit_with_file(client, member, network)


def test_another_member_cannot_download_a_pending_file(submitted, network, client):
    _member, document = submitted
    client.force_login(make_member(network))

    assert client.get(document_url(document)).status_code != 200


def test_the_submitter_and_the_reviewers_download_it(submitted, network, client):
    member, document = submitted
    for person in (member, make_network_admin(network), make_keha_staff(APPROVERS_GROUP)):
        client.force_login(person)
        assert client.get(document_url(document)).status_code == 200, person


def test_a_pending_file_is_not_in_search(submitted):
    _member, document = submitted

    found, _missing = documents_for([f"document:{document.pk}"])

    assert found == []


def test_another_networks_admin_does_not_find_it_in_the_document_chooser(submitted, client):
    _member, document = submitted
    client.force_login(make_network_admin(make_network()))

    listing = client.get("/admin/documents/chooser/results/")
    searched = client.get("/admin/documents/chooser/results/", {"q": "Salainen"})

    assert listing.status_code == 200
    assert "Salainen liite" not in listing.content.decode()
    assert "Salainen liite" not in searched.content.decode()


def test_once_published_the_file_follows_the_public_page(submitted, client):
    _member, document = submitted
    publish(PracticePage.objects.get(title="Liitteellinen käytäntö"))

    assert client.get(document_url(document)).status_code == 200
