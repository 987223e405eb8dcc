"""The site shell's own views: the accessibility statement's address, its feedback form, the
error pages and the favicon's old address."""

from allauth.core import ratelimit
from django.contrib import messages
from django.http import Http404, HttpResponseBadRequest, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_http_methods, require_safe
from wagtail.models import Locale

from .accessibility import RATE_LIMIT_ACTION, AccessibilityFeedbackForm, receive_feedback
from .models import AccessibilityStatementPage


def statement_page() -> AccessibilityStatementPage | None:
    """The live statement in the visitor's language, else the Finnish one."""
    pages = AccessibilityStatementPage.objects.live().select_related("locale")
    own = pages.filter(locale__language_code=get_language()).first()
    return own or pages.filter(locale=Locale.get_default()).first()


def accessibility_statement(request):
    """A fixed address for the statement (the footer links here): the page itself is edited
    in the admin and may move or change its slug."""
    page = statement_page()
    if page is None:
        raise Http404
    return redirect(page.get_url(request=request))


@require_http_methods(["GET", "POST"])
def accessibility_feedback(request):
    form = AccessibilityFeedbackForm(
        request.POST or None, initial={"page_address": request.GET.get("page", "")[:500]}
    )
    if request.method == "POST" and form.is_valid():
        if form.is_from_a_robot():
            messages.success(request, _("Thank you for your feedback."))
            return redirect(request.path)
        if not ratelimit.consume(request, action=RATE_LIMIT_ACTION):
            form.add_error(None, _("You have sent several messages in a short time. Please try again later."))
        else:
            receive_feedback(form, request.user, get_language())
            messages.success(
                request,
                _("Thank you for your feedback. KEHA answers within 14 days if you gave an e-mail address."),
            )
            return redirect(request.path)
    page = statement_page()
    return render(
        request,
        "core/accessibility_feedback.html",
        {"form": form, "statement_url": page.get_url(request=request) if page else None},
    )


# --- Error pages --------------------------------------------------------------------------
# In the site's look and the visitor's language (LocaleMiddleware has chosen it from the
# address), with the menu and the search. Django's own handlers serve 404 and 403 with the
# full context (templates 404.html and 403.html); the views below serve the others.


def bad_request(request, exception=None):
    """400 (a broken request, or a host the site does not serve): no context processors,
    since the request itself may be what is wrong."""
    return HttpResponseBadRequest(render_to_string("400.html", {"request": request}))


def server_error(request):
    """500: rendered from the template alone, without the database (which may be what
    failed): no signed-in person, no menu from the page tree."""
    return HttpResponseServerError(render_to_string("500.html", {"request": request}))


def csrf_failure(request, reason=""):
    """The form's security check failed (an old page, cookies off): say what to do."""
    return render(request, "403_csrf.html", {"reason": reason}, status=403)


@require_safe
@cache_control(max_age=60 * 60 * 24, public=True)
def favicon(request):
    """/favicon.ico, which browsers and feed readers ask for by habit: the SVG icon that every
    page links to (a temporary redirect, as the icon's static name changes with its content)."""
    return redirect(static("favicon.svg"))
