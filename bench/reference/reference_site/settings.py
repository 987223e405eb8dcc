"""The bare reference page of the speed benchmark: a minimal Django project.

One view renders a 48-line template with exactly three queries, served by the same gunicorn
as the site in the same run; its requests per second are what the site's pages are compared
with. Production-like: DEBUG off, kept database connections (as the site keeps them).
"""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
SECRET_KEY = os.environ.get("REFERENCE_SECRET_KEY", "reference-page-of-a-throwaway-benchmark")
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
INSTALLED_APPS = ["reference_site"]
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
ROOT_URLCONF = "reference_site.urls"
WSGI_APPLICATION = "reference_site.wsgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": []},
    }
]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("REFERENCE_DB", str(BASE_DIR / "reference.sqlite3")),
        "CONN_MAX_AGE": 60,
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True
TIME_ZONE = "Europe/Helsinki"
LANGUAGE_CODE = "fi"
