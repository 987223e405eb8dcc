"""Readiness of the parts the site cannot work without: the database and the search.

Part of the project shell (beside the root URLs), as it asks the search app about its backend."""

import logging

from django.contrib.auth import get_user_model
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from search.health import search_backend_problem

logger = logging.getLogger(__name__)


def check_database() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        get_user_model().objects.exists()
    except Exception as error:  # noqa: BLE001  (any failure means "not healthy")
        logger.warning("Health check: database failed: %s", error)
        return f"database: {error.__class__.__name__}"
    return None


def check_search() -> str | None:
    problem = search_backend_problem()
    if problem:
        logger.warning("Health check: search failed: %s", problem)
        return f"search: {problem}"
    return None


@never_cache
def healthz(request):
    checks = {"database": check_database, "search": check_search}
    failures = {name: problem for name, check in checks.items() if (problem := check())}
    status = 503 if failures else 200
    return JsonResponse(
        {
            "status": "fail" if failures else "ok",
            "checks": {name: failures.get(name, "ok") for name in checks},
        },
        status=status,
    )
