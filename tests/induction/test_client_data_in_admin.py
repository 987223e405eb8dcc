"""The Wagtail admin refuses client data on the field concerned: page fields, StreamField
blocks, uploaded documents and images. Nothing is saved."""

import copy

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from knowledge.induction.models import InductionPathPage
from tests.documents import pdf_with_text
from tests.factories import make_user

from .conftest import make_path
from .test_translations_and_admin import admin_form_data

CODE = "130585-234W"  # valid, for a fictitious birth date
GIF = (  # a 1×1 pixel
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,"
    b"\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


@pytest.fixture
def editor_client(client, settings, db):
    settings.MFA_REQUIRED_FOR_STAFF = False  # the admin's second factor is tested elsewhere
    client.force_login(make_user(is_superuser=True, is_staff=True, with_mfa=False))
    return client


def _edit(client, path, **changes):
    raw = copy.deepcopy(list(path.steps.raw_data))
    data = admin_form_data(path, raw)
    data.update(changes)
    return client.post(f"/admin/pages/{path.pk}/edit/", data)


def test_a_code_in_a_page_field_is_shown_on_that_field(tree, editor_client):
    path = make_path(tree)

    response = _edit(editor_client, path, intro="Asiakas 1305\u200b85-234W", title="Polku 130585 - 234W")

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"intro", "title"} <= set(errors)
    assert "henkilötunnus" in str(errors["intro"])
    assert InductionPathPage.objects.get(pk=path.pk).intro != "Asiakas 1305\u200b85-234W"


def test_a_code_inside_a_streamfield_block_is_refused(tree, editor_client):
    path = make_path(tree)

    response = _edit(editor_client, path, **{"steps-0-value-title": f"Vaihe **{CODE[:4]}**{CODE[4:]}"})

    assert response.status_code == 200
    assert "henkilötunnus" in str(response.context["form"].errors["steps"])
    assert CODE[4:] not in str(InductionPathPage.objects.get(pk=path.pk).steps.raw_data)


@pytest.mark.parametrize(
    "name, content",
    [(f"asiakas-{CODE}.pdf", pdf_with_text("Ohje")), ("ohje.pdf", pdf_with_text(f"Asiakas {CODE}"))],
    ids=["file name", "text inside"],
)
def test_a_document_uploaded_in_the_admin_with_a_code_is_refused(editor_client, tree, name, content):
    response = editor_client.post(
        "/admin/documents/add/",
        {"title": "Ohje", "collection": 1, "file": SimpleUploadedFile(name, content)},
    )

    assert response.status_code == 200
    assert "henkilötunnus" in str(response.context["form"].errors["file"])
    assert not get_document_model().objects.exists()


def test_an_image_whose_name_holds_a_code_is_refused_in_the_admin(editor_client, tree):
    response = editor_client.post(
        "/admin/images/add/",
        {
            "title": "Kaavio",
            "collection": 1,
            "file": SimpleUploadedFile(f"kaavio {CODE}.gif", GIF, "image/gif"),
        },
    )

    assert response.status_code == 200
    assert "henkilötunnus" in str(response.context["form"].errors["file"])
    assert not get_image_model().objects.exists()
