from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from typ_site.accounts.models import OrganisationType
from typ_site.core.forms import ClientDataGuardMixin
from typ_site.core.themes import THEMES, ensure_theme_tags
from typ_site.core.uploads import validate_upload_has_no_identity_code
from typ_site.networks.models import Network, Region
from typ_site.networks.selectors import member_network_ids

from .law_links import find_section_mentions
from .models import PracticeKind, SectionDirectory

MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024

# Accepted attachments: the extension and the first bytes must agree.
_ZIP_MAGIC = b"PK\x03\x04"
ATTACHMENT_TYPES = {
    "pdf": (b"%PDF-",),
    "docx": (_ZIP_MAGIC,),
    "xlsx": (_ZIP_MAGIC,),
    "pptx": (_ZIP_MAGIC,),
    "odt": (_ZIP_MAGIC,),
}


def sniff_attachment(upload) -> str | None:
    """The attachment's type if its name and its content agree, else None."""
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    signatures = ATTACHMENT_TYPES.get(extension)
    if not signatures:
        return None
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    return extension if any(head.startswith(signature) for signature in signatures) else None


class SubmitPracticeForm(ClientDataGuardMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(
        label=_("Is this a good practice or a pitfall?"),
        choices=PracticeKind.choices,
        widget=forms.RadioSelect,
    )
    network = forms.ModelChoiceField(
        label=_("Network"),
        queryset=Network.objects.none(),
        required=False,
        empty_label=_("Not tied to one network"),
        help_text=_("Practices of a network are approved by its admins."),
    )
    region = forms.ChoiceField(label=_("Region"), choices=[("", "—")] + list(Region.choices), required=False)
    organisation_types = forms.MultipleChoiceField(
        label=_("Organisations involved"),
        choices=[(value, label) for value, label in OrganisationType.choices],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    summary = forms.CharField(
        label=_("Summary"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One or two sentences shown in lists."),
    )
    problem = forms.CharField(
        label=_("The problem"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )
    solution = forms.CharField(
        label=_("What was done, or what to avoid"),
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    results = forms.CharField(
        label=_("Results or evidence"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    themes = forms.MultipleChoiceField(
        label=_("Themes"),
        choices=[(theme.slug, theme.label) for theme in THEMES],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    free_tags = forms.CharField(
        label=_("Other tags"),
        max_length=200,
        required=False,
        help_text=_("Separate tags with commas."),
    )
    law_sections_text = forms.CharField(
        label=_("Related law sections"),
        max_length=300,
        required=False,
        help_text=_("For example: 381/2023 11 §, TYM-lain 4 §."),
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=200, required=False)
    contact_details = forms.CharField(
        label=_("Contact details"),
        max_length=300,
        required=False,
        help_text=_("A work e-mail address or phone number."),
    )
    attachment = forms.FileField(
        label=_("Attachment"),
        required=False,
        help_text=_("A PDF, Word, Excel, PowerPoint or OpenDocument file, at most 5 MB."),
    )
    attachment_title = forms.CharField(label=_("Attachment title"), max_length=200, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["network"].queryset = Network.objects.filter(
            pk__in=member_network_ids(user), is_active=True
        ).order_by("name")

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return None
        if upload.size > MAX_ATTACHMENT_BYTES:
            raise ValidationError(
                _("The attachment is too large (%(size)s MB). The limit is 5 MB."),
                params={"size": f"{upload.size / 1024 / 1024:.1f}"},
                code="too_large",
            )
        if sniff_attachment(upload) is None:
            raise ValidationError(
                _("The attachment must be a PDF, Word, Excel, PowerPoint or OpenDocument file."),
                code="wrong_type",
            )
        # Its name becomes the document's title when no title is given.
        validate_upload_has_no_identity_code(upload)
        return upload

    def clean_law_sections_text(self):
        text = self.cleaned_data.get("law_sections_text", "").strip()
        if not text:
            return text
        mentions = find_section_mentions(text)
        if not mentions:
            raise ValidationError(
                _("Write each section with its act, for example 381/2023 11 § or TYM-lain 4 §."),
                code="no_sections",
            )
        directory = SectionDirectory()
        sections, unknown = [], []
        for mention in mentions:
            section = directory.section_for(mention)
            if section is None:
                unknown.append(mention.text)
            elif section not in sections:
                sections.append(section)
        if unknown:
            raise ValidationError(
                ngettext(
                    "There is no such section on the site: %(sections)s. Check the number.",
                    "There are no such sections on the site: %(sections)s. Check the numbers.",
                    len(unknown),
                ),
                params={"sections": ", ".join(unknown)},
                code="unknown_section",
            )
        self.law_sections = sections
        return text

    def practice_data(self) -> dict:
        """The cleaned data as `services.submit_practice` takes it."""
        data = dict(self.cleaned_data)
        data["law_sections"] = getattr(self, "law_sections", [])
        themes = ensure_theme_tags()
        tags = [themes[slug].name for slug in data.get("themes", [])]
        tags += [tag.strip() for tag in data.get("free_tags", "").split(",") if tag.strip()]
        data["tags"] = tags
        return data
