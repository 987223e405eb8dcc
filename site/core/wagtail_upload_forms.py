"""The Wagtail admin's document and image forms with the client-data guard of uploads.

Named in WAGTAILDOCS_DOCUMENT_FORM_BASE and WAGTAILIMAGES_IMAGE_FORM_BASE; they serve the
single and the multiple upload views. The titles are model fields, guarded by model validation.
"""

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from .uploads import validate_upload_has_no_identity_code


class _UploadGuardMixin:
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            validate_upload_has_no_identity_code(upload)
        return upload


class GuardedDocumentForm(_UploadGuardMixin, BaseDocumentForm):
    pass


class GuardedImageForm(_UploadGuardMixin, BaseImageForm):
    pass
