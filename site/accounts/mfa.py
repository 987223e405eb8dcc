"""Who must use multi-factor authentication: one rule, used by the middleware and the tests."""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet

from .roles import holds_powers


def user_requires_mfa(user) -> bool:
    """Everyone with more power than a member must have MFA (`roles.holds_powers`)."""
    if not getattr(settings, "MFA_REQUIRED_FOR_STAFF", True):
        return False
    if not user.is_authenticated:
        return False
    return holds_powers(user)


# The name under which `accounts.backends.load_signed_in_user` reads `totp_exists()` with the
# signed-in person, so that the check on every request costs no query of its own.
TOTP_FLAG = "has_totp_authenticator"


def _totp_authenticators() -> QuerySet[Authenticator]:
    return Authenticator.objects.filter(type=Authenticator.Type.TOTP)


def totp_exists() -> Exists:
    """Whether the person (the outer query's user) has an authenticator app, as SQL."""
    return Exists(_totp_authenticators().filter(user=OuterRef("pk")))


def user_has_mfa(user) -> bool:
    """Whether the person has an authenticator app: read with the signed-in person, or asked."""
    known = getattr(user, TOTP_FLAG, None)
    if known is not None:
        return bool(known)
    return _totp_authenticators().filter(user=user).exists()
