"""Is the search backend able to answer? Used by /healthz."""

from django.conf import settings
from django.db import connection


def search_backend_problem() -> str | None:
    """None when the configured search backend works, otherwise what is wrong."""
    if settings.ELASTICSEARCH_URL:
        return _elasticsearch_problem()
    return _embedded_problem()


def _elasticsearch_problem() -> str | None:
    from elasticsearch import Elasticsearch

    hosts = [host.strip() for host in settings.ELASTICSEARCH_URL.split(",") if host.strip()]
    try:
        client = Elasticsearch(hosts, request_timeout=3, max_retries=0)
        health = client.options(request_timeout=3).cluster.health()
    except Exception as error:  # noqa: BLE001
        return f"Elasticsearch unreachable ({error.__class__.__name__})"
    if health.get("status") == "red":
        return "Elasticsearch cluster status is red"
    return None


def _embedded_problem() -> str | None:
    """The embedded backend needs full-text support in the database."""
    try:
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute("SELECT sqlite_compileoption_used('ENABLE_FTS5')")
                if not cursor.fetchone()[0]:
                    return "SQLite has no FTS5"
            elif connection.vendor == "postgresql":
                cursor.execute("SELECT to_tsvector('simple', 'ok')")
    except Exception as error:  # noqa: BLE001
        return f"embedded search unavailable ({error.__class__.__name__})"
    return None
