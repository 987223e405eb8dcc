"""Forum posts are checked as written and as rendered; attachments by name and by the text
of a PDF; a moderator's hide reason too. Nothing is saved when a code is found."""

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from forums.models import Attachment, ModerationAction, Post
from tests.documents import pdf_with_text

CODE = "130585-234W"  # valid, for a fictitious birth date
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _reply(client, topic, body="Liitteenä materiaali.", files=()):
    return client.post(
        reverse("forums:reply", args=[topic.pk]),
        {"body": body, "token": str(uuid.uuid4()), "attachments": list(files)},
    )


@pytest.mark.parametrize(
    "body",
    [
        "Tunnus 130585\\-234W",
        "Tunnus **1305**85-234W",
        "Tunnus 1305&#56;5-234W",
        "Tunnus 130585\u2015234W",
        "Tunnus 1305\u00ad85 - 234W",
    ],
)
def test_a_post_whose_rendering_reads_as_a_code_is_refused(client, member, network_topic, body):
    client.force_login(member)

    response = _reply(client, network_topic, body=body)

    assert response.status_code == 200
    assert "henkilötunnus" in str(response.context["form"].errors["body"])
    assert network_topic.posts.count() == 1


@pytest.mark.parametrize(
    "upload",
    [
        lambda: SimpleUploadedFile(f"asiakas {CODE}.png", PNG, "image/png"),
        lambda: SimpleUploadedFile("lausunto.pdf", pdf_with_text(f"Asiakas {CODE}"), "application/pdf"),
        lambda: SimpleUploadedFile("ilman-paatetta", pdf_with_text(f"Asiakas {CODE}"), "application/pdf"),
    ],
    ids=["image name", "text of a pdf", "pdf without its extension"],
)
def test_an_attachment_with_a_code_is_refused(client, member, network_topic, upload):
    client.force_login(member)

    response = _reply(client, network_topic, files=[upload()])

    assert response.status_code == 200
    assert "henkilötunnus" in str(response.context["form"].errors["attachments"])
    assert not Attachment.objects.exists() and network_topic.posts.count() == 1


def test_a_pdf_without_a_code_is_attached(client, member, network_topic):
    client.force_login(member)

    response = _reply(
        client, network_topic, files=[SimpleUploadedFile("ohje.pdf", pdf_with_text("Laki 381/2023 11 §"))]
    )

    assert response.status_code == 302
    assert Attachment.objects.count() == 1


def test_a_hide_reason_with_a_code_is_refused(client, network_admin, network_topic):
    post = network_topic.posts.get()
    client.force_login(network_admin)

    response = client.post(
        reverse("forums:moderate_post", args=[post.pk, "hide"]),
        {"reason": f"Asiakkaan {CODE} tiedot"},
        follow=True,
    )

    assert "henkilötunnus" in response.content.decode()
    assert not Post.objects.get(pk=post.pk).is_hidden
    assert not ModerationAction.objects.exists()
