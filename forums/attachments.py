"""Checks for files attached to posts: the type is read from the content, never the name; the
name and the text of a PDF pass the client-data guard."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from typ_site.core.uploads import validate_upload_has_no_identity_code

MAX_ATTACHMENT_SIZE = 10 * 1024 * 1024
MAX_ATTACHMENTS_PER_POST = 5


@dataclass(frozen=True)
class FileKind:
    content_type: str
    extension: str


def sniff(head: bytes) -> FileKind | None:
    """The kind of file by its first bytes, or None for anything not allowed."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return FileKind("image/png", ".png")
    if head.startswith(b"\xff\xd8\xff"):
        return FileKind("image/jpeg", ".jpg")
    if head.startswith((b"GIF87a", b"GIF89a")):
        return FileKind("image/gif", ".gif")
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return FileKind("image/webp", ".webp")
    if head.startswith(b"%PDF-"):
        return FileKind("application/pdf", ".pdf")
    return None


def check_upload(upload) -> FileKind:
    """Raise a ValidationError unless the upload is an allowed file of an allowed size."""
    if upload.size > MAX_ATTACHMENT_SIZE:
        raise ValidationError(
            _("%(name)s is too large (%(size)s). The largest allowed file is %(limit)s.")
            % {
                "name": upload.name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(MAX_ATTACHMENT_SIZE),
            },
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("%(name)s is empty.") % {"name": upload.name}, code="empty")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    kind = sniff(head)
    if kind is None:
        raise ValidationError(
            _("%(name)s is not an allowed file. Attach PNG, JPEG, GIF or WebP images or PDF documents.")
            % {"name": upload.name},
            code="file_type",
        )
    validate_upload_has_no_identity_code(upload, extension=kind.extension)
    return kind


def clean_original_name(name: str, kind: FileKind) -> str:
    stem = get_valid_filename(name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]) or "file"
    stem = stem.rsplit(".", 1)[0][:150] or "file"
    return f"{stem}{kind.extension}"
