"""Files on posts: checked by content and size, served only to people who may read the post."""

import uuid
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from forums import services
from forums.attachments import MAX_ATTACHMENT_SIZE
from forums.models import Attachment, Post

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.7\n" + b"0" * 64


def _upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def _reply_with(client, topic, *files):
    return client.post(
        reverse("forums:reply", args=[topic.pk]),
        {
            "body": "Liitteenä materiaali.",
            "token": str(uuid.uuid4()),
            "attachments": list(files),
        },
    )


def test_an_image_and_a_pdf_are_attached(client, member, network_topic):
    client.force_login(member)

    response = _reply_with(client, network_topic, _upload("kaavio.png", PNG), _upload("ohje.pdf", PDF))

    assert response.status_code == 302
    kinds = sorted(Attachment.objects.values_list("content_type", flat=True))
    assert kinds == ["application/pdf", "image/png"]


def test_the_type_comes_from_the_content_not_the_name(client, member, network_topic):
    client.force_login(member)

    response = _reply_with(
        client, network_topic, _upload("kuva.png", b"<html><script>alert(1)</script></html>", "image/png")
    )

    assert response.status_code == 200
    assert "kuva.png" in response.content.decode()
    assert network_topic.posts.count() == 1 and not Attachment.objects.exists()


def test_a_file_too_large_is_refused_and_nothing_is_saved(client, member, network_topic):
    client.force_login(member)
    big = PDF + b"0" * MAX_ATTACHMENT_SIZE

    response = _reply_with(client, network_topic, _upload("iso.pdf", big))

    assert response.status_code == 200
    assert network_topic.posts.count() == 1 and not Attachment.objects.exists()


@pytest.fixture
def private_attachment(member, network_topic):
    post = services.reply(
        member, network_topic, body="Liite verkoston jäsenille.", uploads=[_upload("muistio.pdf", PDF)]
    )
    return post.attachments.get()


def test_members_download_the_file_with_safe_headers(client, second_member, private_attachment):
    client.force_login(second_member)

    response = client.get(private_attachment.get_absolute_url())

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "muistio.pdf" in response["Content-Disposition"]


@pytest.mark.parametrize("role", ["outsider", "keha_moderator"])
def test_a_private_networks_file_is_404_for_others(request, client, role, private_attachment):
    client.force_login(request.getfixturevalue(role))

    assert client.get(private_attachment.get_absolute_url()).status_code == 404


def test_anonymous_visitors_get_no_file(client, private_attachment):
    response = client.get(private_attachment.get_absolute_url())

    assert response.status_code == 302


def test_the_file_of_a_hidden_post_is_hidden_too(client, second_member, network_admin, private_attachment):
    services.set_post_hidden(network_admin, private_attachment.post, True)
    client.force_login(second_member)

    assert client.get(private_attachment.get_absolute_url()).status_code == 404


def test_files_are_stored_outside_the_public_media_folder(settings, private_attachment):

    stored = Path(private_attachment.file.path).resolve()

    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert stored.is_relative_to(Path(settings.FORUM_ATTACHMENTS_ROOT).resolve())
    with pytest.raises(ValueError):
        private_attachment.file.url  # noqa: B018


def test_a_double_submit_with_a_file_keeps_one_post_and_one_file(client, member, network_topic):
    client.force_login(member)
    token = str(uuid.uuid4())
    for _ in range(2):
        client.post(
            reverse("forums:reply", args=[network_topic.pk]),
            {
                "body": "Liite kerran.",
                "token": token,
                "attachments": [_upload("a.pdf", PDF)],
            },
        )

    assert Post.objects.filter(idempotency_key=token).count() == 1
    assert Attachment.objects.count() == 1
