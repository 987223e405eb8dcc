"""The client-data guard for plain (non-model) forms.

Model forms get it from model validation (`typ_site.core.client_data`); a plain form that a
service turns into rows uses this mixin, so the message stands on the field the person wrote.
"""

from django import forms
from django.core.exceptions import ValidationError

from .validators import validate_no_personal_identity_code


class ClientDataGuardMixin:
    """Checks every text field of the form (passwords excepted) after its own cleaning."""

    def clean(self):
        cleaned = super().clean()
        for name, field in self.fields.items():
            if not isinstance(field, forms.CharField) or isinstance(field.widget, forms.PasswordInput):
                continue
            try:
                validate_no_personal_identity_code(cleaned.get(name))
            except ValidationError as error:
                self.add_error(name, error)
        return cleaned
