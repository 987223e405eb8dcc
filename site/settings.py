"""Settings for the TYP platform.

Everything that differs between a laptop and production comes from the environment; the
defaults give a working local site on SQLite with the embedded search. The README has the
full table of variables.
"""

import os
from pathlib import Path

import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "dev-only-insecure-key-never-use-in-production-0123456789abcdefghijkl"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "typ_site.core",
    "typ_site.accounts",
    "typ_site.networks",
    "knowledge",
    "knowledge.induction",
    "forums",
    "forums.participation",
    "calendar_app",
    "typ_site.operating_model",
    "typ_site.indicators",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "typ_site.core.page_cache.PageCacheMiddleware",
    "typ_site.core.middleware.AdminPageAddressesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "typ_site.core.cache_reads.CacheReadsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "typ_site.accounts.middleware.RequireMFAMiddleware",
    "typ_site.core.middleware.SecurityHeadersMiddleware",
    "typ_site.core.member_pages.MemberPageCacheMiddleware",
    "typ_site.core.middleware.AdminViewGuardMiddleware",
    "typ_site.core.shared_rows.SharedRowsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "typ_site.urls"
WSGI_APPLICATION = "typ_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "typ_site.core.context_processors.navigation",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# SQLite by default. Concurrent web use needs WAL (readers never block the writer), immediate
# write transactions (a writer takes the lock at BEGIN instead of failing on upgrade) and a
# busy timeout (a second writer waits instead of raising "database is locked").
# Connections are kept between requests (CONN_MAX_AGE seconds) on both databases: a new SQLite
# connection re-reads the schema and starts with an empty page cache, which cost a page view
# 10-20 ms.
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")))
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL;"
            "PRAGMA synchronous=NORMAL;"
            "PRAGMA foreign_keys=ON;"
            "PRAGMA busy_timeout=20000;"
        ),
    }
else:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------
# Login rate limits live in the cache, so every server process must share it: the database
# cache by default, Redis when CACHE_URL says so.
CACHE_URL = os.environ.get("CACHE_URL", "")
CACHES: dict[str, dict[str, object]]
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}}
else:
    # Django's database cache keeps 300 entries unless told otherwise, and past that drops a
    # third of them at each write: too few for kept pages, search results and forum posts.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "typ_cache",
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("CACHE_MAX_ENTRIES", "100000"))},
        }
    }

# The shared page cache of public pages for anonymous visitors (typ_site.core.page_cache):
# how long a kept page lives, and how long browsers (max-age) may reuse it; shared caches
# such as a proxy may keep it for PAGE_CACHE_SECONDS (s-maxage).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
PAGE_CACHE_BROWSER_SECONDS = int(os.environ.get("PAGE_CACHE_BROWSER_SECONDS", "60"))

# --- Background tasks -----------------------------------------------------------------------
# "immediate" runs tasks inside the request (the embedded default); "database" queues them
# for `manage.py db_worker` (production).
TASK_BACKEND = os.environ.get("TASK_BACKEND", "immediate")
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
            "dummy": "django_tasks.backends.dummy.DummyBackend",
        }[TASK_BACKEND]
    }
}

# --- Authentication -------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Each loads the person of a session with their groups, permissions and memberships in two
    # queries per request (see the module). The first authenticates nobody; the others are
    # Django's ModelBackend and allauth's backend.
    "typ_site.accounts.backends.OneQueryPermissionsBackend",
    "typ_site.accounts.backends.EmailPasswordBackend",
    "typ_site.accounts.backends.AllauthBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
# A page open to signed-in people or some groups sends visitors to the site's sign-in, which
# asks for the two-step verification code; Wagtail's own form would check a password only.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

ACCOUNT_ADAPTER = "typ_site.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[TYP] "
# Reauthentication (before changing the password, e-mail or authenticators) asks for the
# password or the authenticator. allauth 65.22 also offers a code sent by e-mail by default:
# off, since whoever reads the mailbox could then turn off two-step verification.
ACCOUNT_REAUTHENTICATION_METHODS = ("password", "mfa")
ACCOUNT_SIGNUP_FORM_CLASS = "typ_site.accounts.forms.SignupProfileForm"
ACCOUNT_FORMS = {
    "signup": "typ_site.accounts.allauth_forms.SignupForm",
    "change_email": "typ_site.accounts.allauth_forms.ChangeEmailForm",
}
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/ip,5/5m/key",
    "signup": "20/h/ip",
    "reset_password": "5/h/ip,3/h/key",
    "confirm_email": "1/3m/key",
    # Not allauth's: the accessibility feedback form (typ_site.core.accessibility).
    "accessibility_feedback": "5/h/ip",
}
# The failed-sign-in limit counts the client's address. Behind reverse proxies every request
# comes from a proxy's address, so one attacker would lock everyone out: name how many proxies
# of ours append to X-Forwarded-For (the client address is read that many entries from its
# end), or the header a trusted proxy sets to the client's address. Unset: REMOTE_ADDR.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = os.environ.get("TRUSTED_CLIENT_IP_HEADER") or None
# Empty: anyone may sign up. Otherwise a comma-separated list such as "te-toimisto.fi,kela.fi".
ALLOWED_SIGNUP_EMAIL_DOMAINS = [d.lower() for d in env_list("ALLOWED_SIGNUP_EMAIL_DOMAINS")]

MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# Reads the kinds of a person's authenticators once per request (allauth asks kind by kind).
MFA_ADAPTER = "typ_site.accounts.mfa.MFAAdapter"
MFA_TOTP_ISSUER = "TYP-yhteistyöalusta"
# Editors and administrators must have an authenticator (see accounts.mfa.user_requires_mfa).
MFA_REQUIRED_FOR_STAFF = env_bool("MFA_REQUIRED_FOR_STAFF", True)

# --- Languages ------------------------------------------------------------------------------
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", "Suomi"), ("sv", "Svenska"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# site/wagtail_locale: Finnish and Swedish for the Wagtail admin strings that Wagtail lacks.
LOCALE_PATHS = [PROJECT_DIR / "locale", PROJECT_DIR / "wagtail_locale"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------------------------
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or env_bool("PLAIN_STATIC_STORAGE")
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Forum attachments are private: stored outside MEDIA_ROOT and served only through a view
# that checks who may read the post.
FORUM_ATTACHMENTS_ROOT = Path(
    os.environ.get("FORUM_ATTACHMENTS_ROOT", VAR_DIR / "private" / "forum-attachments")
)
FORUM_POSTS_PER_MINUTE = int(os.environ.get("FORUM_POSTS_PER_MINUTE", "6"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_URL = os.environ.get("EMAIL_URL", "console://")
vars().update(dj_email_url.parse(EMAIL_URL))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "TYP-alusta <noreply@typ.example.fi>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where accessibility feedback goes (KEHA's support, which answers it within 14 days).
ACCESSIBILITY_FEEDBACK_EMAIL = os.environ.get(
    "ACCESSIBILITY_FEEDBACK_EMAIL", "saavutettavuus@keha.example.fi"
)

# --- Search ---------------------------------------------------------------------------------
# Unset: the embedded search (SQLite FTS5 or PostgreSQL full-text search). Set: Elasticsearch,
# one URL or several comma-separated hosts of one cluster.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "typ")
ELASTICSEARCH_REPLICAS = int(os.environ.get("ELASTICSEARCH_REPLICAS", "1"))
# A default Elasticsearch 8 or 9 cluster has security on: an API key (base64 "id:key", as the
# create-API-key answer's "encoded") or a user and password, and the cluster's CA certificate
# (a file) or its SHA-256 fingerprint to trust its self-signed HTTPS certificate.
ELASTICSEARCH_API_KEY = os.environ.get("ELASTICSEARCH_API_KEY", "")
ELASTICSEARCH_USERNAME = os.environ.get("ELASTICSEARCH_USERNAME", "")
ELASTICSEARCH_PASSWORD = os.environ.get("ELASTICSEARCH_PASSWORD", "")
ELASTICSEARCH_CA_CERTS = os.environ.get("ELASTICSEARCH_CA_CERTS", "")
ELASTICSEARCH_SSL_FINGERPRINT = os.environ.get("ELASTICSEARCH_SSL_FINGERPRINT", "")
ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "5"))
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "TYP-yhteistyöalusta"
# Approvers publish through the workflow only: its last approval publishes without a plain
# publish permission (knowledge.editorial).
WAGTAIL_FINISH_WORKFLOW_ACTION = "knowledge.workflow_actions.publish_approved_revision"
WAGTAILADMIN_BASE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
SITE_URL = WAGTAILADMIN_BASE_URL
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "txt", "csv"]
# Uploaded file names and the text inside documents pass the client-data guard.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "typ_site.core.wagtail_upload_forms.GuardedDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "typ_site.core.wagtail_upload_forms.GuardedImageForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_USER_CUSTOM_FIELDS = ["organisation_type", "organisation_name", "role"]
WAGTAILADMIN_COMMENTS_ENABLED = True
# Admin avatars are uploaded or initials: no request to an outside service (Gravatar).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Security -------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "SAMEORIGIN"
CSRF_FAILURE_VIEW = "typ_site.core.views.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # Load balancers probe the health check over plain HTTP inside the network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")
SILENCED_SYSTEM_CHECKS = [
    # SAMEORIGIN, not DENY: Wagtail's live preview shows the page in a same-origin frame.
    # Other origins are still refused (and the CSP says frame-ancestors 'self').
    "security.W019",
    # HSTS preloading commits the whole domain for years: the domain owner opts in with
    # SECURE_HSTS_PRELOAD=true; everything else about HSTS is on by default.
    "security.W021",
]
# The public site is served with this policy; the Wagtail admin needs inline scripts and gets
# a looser one (see core.middleware).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'self'"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Personal identity codes are masked in every log record (typ_site.core.log_masking).
    "filters": {"mask_identity_codes": {"()": "typ_site.core.log_masking.MaskIdentityCodesFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["mask_identity_codes"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

SITE_TITLE = _("TYP co-development platform")
