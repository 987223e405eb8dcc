"""Forms that replace allauth's own (kept apart: allauth imports forms.py at start-up)."""

from allauth.account.forms import ChangeEmailForm as AllauthChangeEmailForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.account.internal.flows.manage_email import email_already_exists

from .email_rules import validate_email_domain


class SignupForm(AllauthSignupForm):
    """Tells a colleague plainly that the address already has an account.

    Sign-in and password reset keep allauth's enumeration prevention; only sign-up answers,
    because a member signing up twice needs to know they should sign in instead.
    """

    def validate_unique_email(self, value) -> str:
        email, self.account_already_exists = email_already_exists(value, always_raise=True)
        return email


class ChangeEmailForm(AllauthChangeEmailForm):
    """allauth's change-address form does not pass the address through the adapter."""

    def clean_email(self):
        email = super().clean_email()
        validate_email_domain(email)
        return email
