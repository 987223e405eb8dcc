"""The client-data guard for uploaded files: the file's name and the text inside it.

Forum attachments, practice submissions' documents and the Wagtail admin's documents and
images all pass `validate_upload_has_no_identity_code` when they are uploaded.
"""

from .file_text import extract_text
from .validators import validate_no_personal_identity_code


def validate_upload_has_no_identity_code(upload, *, extension: str = "") -> None:
    """Raise the client-data message when the file's name or its text holds a code.

    The text is read from PDF, DOCX and plain-text files; `extension` (".pdf") names the
    kind when it was sniffed from the content rather than taken from the name.
    """
    name = getattr(upload, "name", "") or ""
    validate_no_personal_identity_code(name)
    kind_name = f"upload{extension}" if extension else name
    upload.seek(0)
    try:
        text = extract_text(upload, kind_name)
    finally:
        upload.seek(0)
    validate_no_personal_identity_code(text)
