import pytest
from django.db import connection


@pytest.mark.django_db
def test_healthz_reports_ok_when_database_and_search_work(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "search": "ok"}}


@pytest.mark.django_db
def test_healthz_answers_503_and_names_the_database_when_it_fails(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise connection.OperationalError("disk I/O error")

    monkeypatch.setattr(connection, "cursor", broken_cursor)

    response = client.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail"
    assert body["checks"]["database"].startswith("database: ")


@pytest.mark.django_db
def test_healthz_names_search_when_elasticsearch_is_unreachable(client, settings):
    # Nothing listens on this loopback port, so the cluster is really unreachable.
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"] == {
        "database": "ok",
        "search": "search: Elasticsearch unreachable (ConnectionError)",
    }
