"""Who must use multi-factor authentication: one rule, used by the middleware and the tests."""

from allauth.mfa.models import Authenticator
from django.conf import settings

from .roles import holds_powers


def user_requires_mfa(user) -> bool:
    """Everyone with more power than a member must have MFA (`roles.holds_powers`)."""
    if not getattr(settings, "MFA_REQUIRED_FOR_STAFF", True):
        return False
    if not user.is_authenticated:
        return False
    return holds_powers(user)


def user_has_mfa(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
