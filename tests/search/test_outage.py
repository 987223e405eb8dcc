"""Elasticsearch unreachable: the search page still answers, the rest of the site works."""

import pytest
from django.db import connection
from django.urls import reverse

pytestmark = pytest.mark.django_db

# Nothing listens on this loopback port, so the cluster is really unreachable.
CLOSED_PORT = "http://127.0.0.1:9"


def test_the_search_page_answers_with_a_clear_message(client, settings):
    settings.ELASTICSEARCH_URL = CLOSED_PORT

    response = client.get(reverse("search:search"), {"q": "työkokeilu"})

    assert response.status_code == 200
    assert response.context["unavailable"] is True
    assert 'role="alert"' in response.text


def test_search_as_you_type_says_it_is_unavailable(client, settings):
    settings.ELASTICSEARCH_URL = CLOSED_PORT

    response = client.get(reverse("search:suggest"), {"q": "työkok"})

    assert response.status_code == 503
    assert response.json() == {"results": [], "unavailable": True}


def test_the_rest_of_the_site_keeps_working(client, settings, home_page):
    settings.ELASTICSEARCH_URL = CLOSED_PORT

    assert client.get(home_page.url).status_code == 200


def test_healthz_names_the_search_as_the_failing_part(client, settings):
    settings.ELASTICSEARCH_URL = CLOSED_PORT

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "ok"
    assert response.json()["checks"]["search"].startswith("search: Elasticsearch unreachable")


def test_healthz_checks_the_embedded_index_table(client, db):

    assert client.get("/healthz").json()["checks"]["search"] == "ok"
    tables = {"sqlite": ["search_fts_vocab", "search_fts"], "postgresql": ["search_vector"]}
    with connection.cursor() as cursor:
        for table in tables[connection.vendor]:
            cursor.execute(f"DROP TABLE {table}")

    assert client.get("/healthz").json()["checks"]["search"].startswith("search: embedded")
