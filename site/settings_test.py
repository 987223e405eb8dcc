"""Settings for the test suite: the production settings with test-only defaults.

The tests run with DEBUG off, like production; only the secrets, the HTTPS redirect and the
hashed static manifest (which needs collectstatic) are relaxed.
"""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-3f9c1a7e5b2d4c6a8e0f1b3d5a7c9e1f")
os.environ.setdefault("PLAIN_STATIC_STORAGE", "1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("VAR_DIR", os.path.join(os.path.dirname(os.path.dirname(__file__)), "var", "test"))

from .settings import *  # noqa: E402,F403
from .settings import DATABASES, VAR_DIR  # noqa: E402

# Fast hashing: password security is not what the tests measure.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory: concurrency tests need real SQLite locking between connections.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-db-{os.getpid()}.sqlite3")}

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}}
