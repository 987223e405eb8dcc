import os
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENVIRONMENT = {
    "DEBUG": "0",
    "SECRET_KEY": "x9!b2kq8v#d7m1p4z6t3w0r5y8u2i7o9a1s4d6f8g0h2j4k6l8zxcvbnmq",
    "ALLOWED_HOSTS": "typ.example.fi",
    "DJANGO_SETTINGS_MODULE": "typ_site.settings",
}


# Test-only relaxations that settings_test put into this process's environment.
TEST_ONLY_VARIABLES = {"SECURE_SSL_REDIRECT", "PLAIN_STATIC_STORAGE", "ALLOWED_HOSTS", "VAR_DIR"}


def production_environment(tmp_path, **overrides) -> dict:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key not in TEST_ONLY_VARIABLES
    }
    environment.update(PRODUCTION_ENVIRONMENT, VAR_DIR=str(tmp_path), **overrides)
    return environment


def test_check_deploy_passes_with_production_settings(tmp_path):
    environment = production_environment(tmp_path)

    result = subprocess.run(  # noqa: S603  (our own manage.py with a fixed argument list)
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key(tmp_path):
    environment = production_environment(tmp_path, SECRET_KEY="")

    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check"],
        cwd=PROJECT_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
