"""The one rule for which e-mail addresses may hold an account."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def email_domain_allowed(email: str) -> bool:
    allowed = getattr(settings, "ALLOWED_SIGNUP_EMAIL_DOMAINS", [])
    if not allowed:
        return True
    domain = email.rsplit("@", 1)[-1].lower()
    return any(domain == item or domain.endswith("." + item) for item in allowed)


def validate_email_domain(email: str) -> None:
    if not email_domain_allowed(email):
        raise ValidationError(
            _("Accounts can only be created with a work address ending in: %(domains)s.")
            % {"domains": ", ".join(settings.ALLOWED_SIGNUP_EMAIL_DOMAINS)},
            code="email_domain_not_allowed",
        )
