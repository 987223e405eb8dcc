"""Who must use multi-factor authentication: one rule, used by the middleware and the tests."""

import itertools

from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from typ_site.core.request_cache import per_request

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


# A new number whenever an authenticator is saved or deleted in this process: the kinds kept
# on a user object below are never older than the authenticators (one request adds the first
# authenticator and then asks about recovery codes).
_generations = itertools.count()
_authenticator_generation = next(_generations)


@receiver([post_save, post_delete], sender=Authenticator, dispatch_uid="accounts.mfa.authenticator_changed")
def _authenticator_changed(**kwargs) -> None:
    global _authenticator_generation
    _authenticator_generation = next(_generations)


def authenticator_types(user) -> frozenset[str]:
    """The kinds of authenticators the person has, read once per request: allauth asks of each
    kind in turn on its pages (`MFAAdapter.is_mfa_enabled`)."""
    return per_request(
        user,
        ("accounts.authenticator_types", _authenticator_generation),
        lambda: frozenset(Authenticator.objects.filter(user_id=user.pk).values_list("type", flat=True)),
    )


class MFAAdapter(DefaultMFAAdapter):
    def is_mfa_enabled(self, user, types=None) -> bool:
        if user.is_anonymous:
            return False
        kinds = authenticator_types(user)
        return bool(kinds if types is None else kinds & set(types))


def user_has_mfa(user) -> bool:
    """Whether the person has an authenticator app: read with the signed-in person, or asked."""
    known = getattr(user, TOTP_FLAG, None)
    if known is not None:
        return bool(known)
    return _totp_authenticators().filter(user=user).exists()
