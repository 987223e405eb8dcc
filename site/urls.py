from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from knowledge.admin_views import ScopedPageBrowseView
from typ_site.accounts.views import admin_sign_in, admin_sign_out, site_sign_in
from typ_site.core.views import favicon
from typ_site.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", favicon, name="favicon"),
    # Wagtail's page chooser browser, narrowed to the pages the person may see or work on;
    # it comes before Wagtail's admin addresses, which it replaces at this one address.
    path(
        "admin/choose-page/<int:parent_page_id>/",
        require_admin_access(ScopedPageBrowseView.as_view()),
        name="knowledge_admin_choose_page_child",
    ),
    # Wagtail's password-only sign-in form is replaced by the site's sign-in, which asks for
    # the two-step verification code of those who must have one.
    path("admin/login/", admin_sign_in, name="admin_sign_in"),
    path("admin/logout/", admin_sign_out, name="admin_sign_out"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
]

# Addresses people read and share carry the language: Finnish at the root, /sv/ and /en/.
urlpatterns += i18n_patterns(
    path("accounts/", include("typ_site.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("networks/", include("typ_site.networks.urls")),
    path("", include("typ_site.app_urls")),
    # Wagtail's front-end sign-in form (for pages open to signed-in people or groups) checks
    # a password only, as the admin's does: it sends on to the site's sign-in in the same way.
    path("_util/login/", site_sign_in, name="frontend_sign_in"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = "typ_site.core.views.bad_request"
handler500 = "typ_site.core.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
