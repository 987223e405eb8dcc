"""The demo's accounts: everyone the MFA rule asks for an authenticator has the demo one."""

from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model

from tests.helpers import load_demo_steps
from typ_site.accounts.mfa import user_requires_mfa


def test_every_demo_account_that_needs_mfa_has_an_authenticator(db):
    load_demo_steps()

    needing = [user for user in get_user_model().objects.all() if user_requires_mfa(user)]

    assert needing
    without = [
        user.email
        for user in needing
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    ]
    assert without == []
