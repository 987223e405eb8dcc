"""Practices carry no client data, whoever writes them: the site's form (its document's
name and text included) and the page model that the Wagtail admin validates."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model

from knowledge.models import PracticePage
from tests.documents import docx_with_text, pdf_with_text
from tests.factories import make_member

from .conftest import make_practice
from .test_submission import URL, form_data

CODE = "130585-234W"  # valid, for a fictitious birth date


@pytest.mark.parametrize(
    "upload",
    [
        lambda: SimpleUploadedFile(f"asiakas_{CODE}.pdf", pdf_with_text("Ohje"), "application/pdf"),
        lambda: SimpleUploadedFile("lomake.pdf", pdf_with_text(f"Asiakas {CODE}"), "application/pdf"),
        lambda: SimpleUploadedFile(
            "lomake.docx", docx_with_text("Asiakas 130505\u00adA2348"), "application/zip"
        ),
    ],
    ids=["name, which becomes the document's title", "text of a PDF", "text of a Word document"],
)
def test_a_submitted_document_with_a_code_is_refused(tree, network, client, upload):
    client.force_login(make_member(network))

    response = client.post(URL, {**form_data(), "attachment": upload()})

    assert response.status_code == 200
    assert "henkilötunnus" in str(response.context["form"].errors["attachment"])
    assert not PracticePage.objects.exists() and not get_document_model().objects.exists()


def test_a_practice_edited_in_the_admin_shows_the_message_on_each_field(tree):
    practice = make_practice(tree.practices)
    practice.intro = f"Asiakas {CODE}"
    practice.problem = "<p>Asiakkaan <b>1305</b>85&#45;234W tilanne</p>"
    practice.contact_name = "Testi 130585 - 234W"

    with pytest.raises(ValidationError) as error:
        practice.full_clean()

    assert {"intro", "problem", "contact_name"} <= set(error.value.message_dict)
