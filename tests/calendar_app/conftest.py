import pytest


@pytest.fixture(autouse=True)
def _no_mfa_prompt(settings):
    """Network admins and editors can open the Wagtail admin, so the site would first send
    them to set up an authenticator; that rule is tested by the accounts app."""
    settings.MFA_REQUIRED_FOR_STAFF = False
