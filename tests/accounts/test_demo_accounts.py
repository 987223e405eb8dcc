"""The demo's accounts: everyone the MFA rule asks for an authenticator has the demo one."""

import io

from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model

from typ_site.accounts.mfa import user_requires_mfa
from typ_site.core.demo import demo_steps


def test_every_demo_account_that_needs_mfa_has_an_authenticator(db):
    for step in demo_steps():
        step.load(io.StringIO())

    needing = [user for user in get_user_model().objects.all() if user_requires_mfa(user)]

    assert needing
    without = [
        user.email
        for user in needing
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    ]
    assert without == []
