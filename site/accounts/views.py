import json

from allauth.account.views import LogoutView
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .exports import build_user_export
from .forms import AccountRemovalForm, ProfileForm
from .roles import can_open_wagtail_admin
from .services import remove_account, save_profile


def admin_sign_in(request):
    """The Wagtail admin's sign-in address (`/admin/login/`) sends on to the site's own sign-in.

    Wagtail also sends here a signed-in person who may not open the admin. The site's sign-in
    would send them straight back to the admin address, and round again: they are told
    instead that they have no access.
    """
    if request.user.is_authenticated and not can_open_wagtail_admin(request.user):
        raise PermissionDenied
    return site_sign_in(request)


def site_sign_in(request):
    """The sign-in addresses of the Wagtail admin and of Wagtail's restricted pages
    (`/admin/login/`, `/_util/login/`) send on to the site's own sign-in.

    Wagtail's forms check a password only: a person who must use two-step verification
    (`accounts.roles.holds_powers`) would reach the admin and the site's powers without the
    code. The site's sign-in (allauth) asks for it; a POST here signs nobody in.
    """
    query = QueryDict(mutable=True)
    if request.GET.get("next"):
        query["next"] = request.GET["next"]
    target = reverse("account_login")
    return redirect(f"{target}?{query.urlencode()}" if query else target)


@require_http_methods(["GET", "POST"])
def admin_sign_out(request):
    """The Wagtail admin's sign-out address signs out through the site's own sign-out.

    Wagtail's view drops the session cookie even when it refuses a GET, so another site could
    sign a person out with a link. Here a GET only leads to the site's sign-out page, which
    asks to confirm; the admin menu's POST (with its CSRF token) signs out as that page does.
    """
    if request.method == "POST":
        return LogoutView.as_view()(request)
    return redirect("account_logout")


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = save_profile(form)
        messages.success(request, _("Your profile was saved."))
        with translation.override(user.preferred_language):
            return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


@login_required
def export_own_data(request):
    data = build_user_export(request.user)
    data["exported_at"] = timezone.now().isoformat()
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, default=str),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="typ-omat-tiedot.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def remove_own_account(request):
    form = AccountRemovalForm(request.user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        remove_account(request.user)
        logout(request)
        messages.success(request, _("Your account was removed. What you wrote stays readable."))
        return redirect("/")
    return render(request, "accounts/remove.html", {"form": form})
