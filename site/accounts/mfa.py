"""Who must use multi-factor authentication: one rule, used by the middleware and the tests."""

from allauth.mfa.models import Authenticator
from django.conf import settings

from .roles import can_open_wagtail_admin


def user_requires_mfa(user) -> bool:
    """Editors and administrators (anyone who can open the Wagtail admin) must have MFA."""
    if not getattr(settings, "MFA_REQUIRED_FOR_STAFF", True):
        return False
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.is_staff or can_open_wagtail_admin(user)


def user_has_mfa(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
