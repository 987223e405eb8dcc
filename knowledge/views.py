from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from typ_site.accounts.roles import is_verified_member

from . import selectors, services
from .forms import MAX_ATTACHMENT_BYTES, SubmitPracticeForm
from .models import Statute
from .visibility import can_see_page


def law_section(request, statute_slug, section):
    found = selectors.law_section(statute_slug, section)
    if found is None:
        raise Http404
    return render(
        request,
        "knowledge/law_section.html",
        {
            "section": found,
            "statute": found.statute,
            "interpretations": selectors.interpretations_of_section(found, request.user).prefetch_related(
                "sections__statute"
            ),
            "guidance": selectors.guidance_of_section(found, request.user),
        },
    )


def statute(request, statute_slug):
    found = get_object_or_404(
        Statute.objects.prefetch_related("sections"), number=statute_slug.replace("-", "/")
    )
    return render(request, "knowledge/statute.html", {"statute": found})


@login_required
def submit_practice(request):
    if not is_verified_member(request.user):
        raise PermissionDenied
    if request.method == "POST":
        form = SubmitPracticeForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            try:
                page = services.submit_practice(
                    request.user, form.practice_data(), form.cleaned_data.get("attachment")
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Thank you! “%(title)s” was sent for approval. You can follow its status here.")
                    % {"title": page.title},
                )
                return redirect("knowledge:my_submissions")
    else:
        form = SubmitPracticeForm(user=request.user)
    return render(
        request,
        "knowledge/submit_practice.html",
        {
            "form": form,
            "max_megabytes": MAX_ATTACHMENT_BYTES // (1024 * 1024),
        },
    )


@login_required
def my_submissions(request):
    return render(
        request,
        "knowledge/my_submissions.html",
        {
            "submissions": selectors.submissions_of(request.user),
        },
    )


def _back(request, page):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    # The specific page gives its address in the visitor's language (see BasePage).
    return redirect(page.specific_deferred.get_url(request=request) or "/")


@login_required
@require_POST
def follow(request, page_id):
    page = get_object_or_404(Page, pk=page_id)
    if not can_see_page(page, request.user):
        raise Http404
    try:
        services.follow_page(request.user, page)
    except PermissionDenied:
        messages.error(request, _("This page cannot be followed."))
    else:
        messages.success(
            request,
            _(
                "You now follow this page. We will e-mail you when a new version with a "
                "change note is published."
            ),
        )
    return _back(request, page)


@login_required
@require_POST
def unfollow(request, page_id):
    page = get_object_or_404(Page, pk=page_id)
    services.unfollow_page(request.user, page)
    messages.success(request, _("You no longer follow “%(title)s”.") % {"title": page.title})
    return _back(request, page)


@login_required
def following(request):
    return render(
        request,
        "knowledge/following.html",
        {
            # Specific pages (no extra query) link in the visitor's language, see BasePage.
            "pages": selectors.followed_pages(request.user).specific(defer=True),
        },
    )
