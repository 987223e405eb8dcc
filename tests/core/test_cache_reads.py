"""A request's reads of the shared cache are made together (`typ_site.core.cache_reads`): the
first read asks for every key the apps will read, later reads of them ask nothing, and a
generation renewed during the request makes them read anew.

With the database cache (the embedded default), where every read is one SQL query."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from typ_site.core import cache_reads


@pytest.fixture
def reader_of_b():
    """An app that reads "b" in every request."""
    cache_reads.read_with_every_request("test.b", lambda request: ["b"])
    yield
    del cache_reads._READERS["test.b"]


def in_a_request(view):
    """What `view()` returns, called inside a request as the middleware makes it."""
    answers = []

    def get_response(request):
        answers.append(view())
        return HttpResponse()

    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    cache_reads.CacheReadsMiddleware(get_response)(request)
    return answers[0]


def cache_queries(context) -> int:
    return sum('"typ_cache"' in query["sql"] for query in context.captured_queries)


def test_the_first_read_asks_for_the_keys_the_apps_will_read(database_cache, reader_of_b):
    cache.set_many({"a": 1, "b": 2}, None)

    def view():
        with CaptureQueriesContext(connection) as context:
            first = cache_reads.get_many(["a"])
            second = cache_reads.get_many(["b"])
            third = cache_reads.get_many(["a", "b", "missing"])
        return first, second, third, cache_queries(context)

    assert in_a_request(view) == ({"a": 1}, {"b": 2}, {"a": 1, "b": 2}, 2)


def test_a_key_read_once_is_not_asked_again(database_cache, reader_of_b):
    cache.set("a", 1, None)

    def view():
        cache_reads.get_many(["a", "missing"])
        with CaptureQueriesContext(connection) as context:
            again = cache_reads.get_many(["a", "b", "missing"])
        return again, cache_queries(context)

    assert in_a_request(view) == ({"a": 1}, 0)


def test_after_a_new_generation_the_request_reads_anew(database_cache):
    cache.set("a", "old", None)

    def view():
        before = cache_reads.get_many(["a"])
        cache.set("a", "new", None)  # as another process would write it
        cache_reads.set_generation("typ:test:generation", "2", None)
        return before, cache_reads.get_many(["a"])

    assert in_a_request(view) == ({"a": "old"}, {"a": "new"})


def test_a_value_written_in_the_request_is_read_back_without_asking(database_cache):
    def view():
        cache_reads.get_many(["a"])
        cache_reads.set("a", "written", None)
        with CaptureQueriesContext(connection) as context:
            read = cache_reads.get_many(["a"])
        return read, cache_queries(context)

    assert in_a_request(view) == ({"a": "written"}, 0)


def test_outside_a_request_every_read_asks_the_cache(database_cache, reader_of_b):
    cache.set("a", 1, None)
    cache_reads.get_many(["a"])
    cache.set("a", 2, None)

    with CaptureQueriesContext(connection) as context:
        assert cache_reads.get_many(["a"]) == {"a": 2}
    assert cache_queries(context) == 1
    assert "b" not in str(context.captured_queries)
