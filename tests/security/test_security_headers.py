"""Security headers and upload limits of the PRODUCTION settings (DEBUG off, HTTPS).

The pages are requested in a separate process started with the production environment, as
tests/core/test_deploy_check does for `check --deploy`: the test settings of this process are
not what is measured. That process works on a copy of the migrated test database, where it
creates the home page before asking for the pages.
"""

import json
import sqlite3
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

from tests.core.test_deploy_check import PRODUCTION_ENVIRONMENT, PROJECT_ROOT, production_environment

# The marker makes pytest-django create the test database, which the fixture below copies.
pytestmark = pytest.mark.django_db

PUBLIC_PATHS = ["/", "/sv/", "/networks/", "/accounts/login/", "/accounts/signup/", "/healthz"]
# The admin page open before signing in (its sign-in address sends on to /accounts/login/).
ADMIN_PATHS = ["/admin/password_reset/"]

FETCH_HEADERS = """
import json, sys
import django
django.setup()
from django.core.management import call_command
from django.test import Client
from typ_site.core.demo_content import create_home_page

call_command("createcachetable")  # production caches in the database; the tests do not
create_home_page()
client = Client(HTTP_HOST="typ.example.fi")
answers = {}
for path in sys.argv[1:]:
    response = client.get(path, secure=True)
    answers[path] = {
        "status": response.status_code,
        "headers": dict(response.headers),
        "cookies": {name: dict(morsel) for name, morsel in response.cookies.items()},
    }
print(json.dumps(answers))
"""


@pytest.fixture(scope="module")
def production_responses(django_db_setup, django_db_blocker, tmp_path_factory) -> dict:
    if connection.vendor != "sqlite":
        pytest.skip("the production process works on a copy of the SQLite test database")
    folder = tmp_path_factory.mktemp("production")
    copy = folder / "db.sqlite3"
    with django_db_blocker.unblock():
        source = sqlite3.connect(connection.settings_dict["NAME"])
        with sqlite3.connect(copy) as target:
            source.backup(target)
        source.close()
    environment = production_environment(
        folder,
        DATABASE_URL=f"sqlite:///{copy}",
        # The hashed static manifest needs collectstatic; the storage does not affect headers.
        PLAIN_STATIC_STORAGE="1",
    )
    result = subprocess.run(  # noqa: S603  (our own interpreter with a fixed script)
        [sys.executable, "-c", FETCH_HEADERS, *PUBLIC_PATHS, *ADMIN_PATHS],
        cwd=PROJECT_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout.strip().splitlines()[-1])
    for path, answer in answers.items():
        assert answer["status"] in (200, 503), f"{path} answered {answer['status']}"
    return answers


def _directives(policy: str) -> dict[str, list[str]]:
    directives = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = [word.lower() for word in words[1:]]
    return directives


def test_public_pages_have_a_content_security_policy_without_inline_scripts(production_responses):
    for path in PUBLIC_PATHS:
        policy = _directives(production_responses[path]["headers"]["Content-Security-Policy"])
        scripts = policy.get("script-src", policy.get("default-src"))

        assert scripts is not None, path
        assert "'unsafe-inline'" not in scripts, path
        assert "'unsafe-eval'" not in scripts, path
        assert "*" not in scripts and "data:" not in scripts, path
        assert "'unsafe-inline'" not in policy.get("style-src", policy.get("default-src")), path
        assert policy.get("object-src") == ["'none'"], path
        assert policy.get("frame-ancestors") in (["'self'"], ["'none'"]), path
        assert "base-uri" in policy and "form-action" in policy, path


@pytest.mark.parametrize("path", PUBLIC_PATHS + ADMIN_PATHS)
def test_every_response_carries_the_transport_and_browser_security_headers(production_responses, path):
    headers = production_responses[path]["headers"]

    hsts = dict(
        (item.strip().split("=") + [""])[:2] for item in headers["Strict-Transport-Security"].split(";")
    )
    assert int(hsts["max-age"]) >= 365 * 24 * 60 * 60
    assert "includeSubDomains" in hsts
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] in {
        "same-origin",
        "strict-origin",
        "no-referrer",
        "strict-origin-when-cross-origin",
    }
    assert headers["X-Frame-Options"] in {"DENY", "SAMEORIGIN"}
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_the_csrf_cookie_is_sent_over_https_only_in_production(production_responses):
    cookies = production_responses["/accounts/login/"]["cookies"]

    assert cookies["csrftoken"]["secure"] is True
    assert cookies["csrftoken"]["samesite"] == "Lax"


def test_the_session_cookie_is_https_only_and_hidden_from_scripts_in_production():

    assert PRODUCTION_ENVIRONMENT["DEBUG"] == "0"
    assert settings.SESSION_COOKIE_HTTPONLY is True
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"


def test_uploads_are_limited_by_type_and_size():
    """Documents only of office and text types, images and request bodies with a size limit."""
    allowed = {extension.lower() for extension in settings.WAGTAILDOCS_EXTENSIONS}

    assert not allowed & {"html", "htm", "svg", "js", "xhtml", "xml", "exe", "php"}
    assert 0 < settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE <= 20 * 1024 * 1024
    assert 0 < settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 20 * 1024 * 1024
    assert 0 < settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= settings.DATA_UPLOAD_MAX_MEMORY_SIZE
