"""Forms that replace allauth's own (kept apart: allauth imports forms.py at start-up)."""

from allauth.account.forms import ChangeEmailForm as AllauthChangeEmailForm

from .email_rules import validate_email_domain


class ChangeEmailForm(AllauthChangeEmailForm):
    """allauth's change-address form does not pass the address through the adapter."""

    def clean_email(self):
        email = super().clean_email()
        validate_email_domain(email)
        return email
