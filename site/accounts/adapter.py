from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils import translation

from .email_rules import validate_email_domain


class AccountAdapter(DefaultAccountAdapter):
    """allauth calls clean_email on sign-up, on adding an address and on social sign-up."""

    def clean_email(self, email: str) -> str:
        email = super().clean_email(email)
        validate_email_domain(email)
        return email

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        language = translation.get_language() or settings.LANGUAGE_CODE
        if language in dict(settings.LANGUAGES):
            user.preferred_language = language
        if commit:
            user.save()
        return user
