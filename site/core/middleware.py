from django.conf import settings
from django.http import Http404

from .admin_scoping import admin_view_allowed
from .languages import page_addresses_in_own_language

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class SecurityHeadersMiddleware:
    """Content-Security-Policy and Permissions-Policy for the public site.

    The Wagtail admin relies on inline scripts and styles, so it gets no CSP from here.
    """

    ADMIN_PREFIXES = ADMIN_PREFIXES

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path_info.startswith(self.ADMIN_PREFIXES):
            response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"
        )
        return response


class AdminPageAddressesMiddleware:
    """In the admin, pages give their own addresses.

    The admin speaks the editor's preferred language, which says nothing about where a page
    lives: "view live" links and the redirects Wagtail creates when a page is moved or renamed
    must use the page's own address, not the Swedish or English one a visitor would follow
    (see `typ_site.core.languages`).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(ADMIN_PREFIXES):
            with page_addresses_in_own_language():
                return self.get_response(request)
        return self.get_response(request)


class AdminViewGuardMiddleware:
    """Asks `admin_scoping.ADMIN_VIEW_GUARDS` before the few Wagtail admin views that check less
    than the roles allow; a refusal answers 404, so the object is not named."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is not None and not admin_view_allowed(request, match.view_name, view_kwargs):
            raise Http404
        return None
