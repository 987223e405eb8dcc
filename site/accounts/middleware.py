from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .mfa import user_has_mfa, user_requires_mfa

# Paths that stay reachable before the authenticator is set up.
MFA_SETUP_ALLOWED_PREFIXES = ("/static/", "/media/", "/healthz", "/i18n/")
MFA_SETUP_ALLOWED_URL_NAMES = (
    "mfa_activate_totp",
    "mfa_index",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "mfa_download_recovery_codes",
    "mfa_reauthenticate",
    "account_reauthenticate",
    "account_logout",
)


class RequireMFAMiddleware:
    """Sends an editor or administrator without an authenticator to set one up first.

    allauth offers MFA to everyone but has no setting to demand it of some users, so the
    platform enforces it here for everyone that `user_requires_mfa` names.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and self._must_set_up_mfa(request, user):
            messages.warning(
                request,
                _(
                    "Your role lets you edit or administer the site, so your account needs "
                    "two-step verification. Set up an authenticator app to continue."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    def _must_set_up_mfa(self, request, user) -> bool:
        path = request.path_info
        if path.startswith(MFA_SETUP_ALLOWED_PREFIXES):
            return False
        allowed_paths = {reverse(name) for name in MFA_SETUP_ALLOWED_URL_NAMES}
        if any(path == allowed or path.endswith(allowed) for allowed in allowed_paths):
            return False
        return user_requires_mfa(user) and not user_has_mfa(user)
