"""Helpers shared by the tests of several apps: query counts, demo steps, simultaneous calls."""

import io
import threading
from collections.abc import Callable

from django.db import connection
from django.test.utils import CaptureQueriesContext

from typ_site.core.demo import demo_steps


def queries_for(client, url: str) -> int:
    """The number of queries of a GET of `url`, which must answer 200: the second of two, so
    that the per-process caches (content types, site root paths) and a first visit's writes
    (read marks) are not counted."""
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def load_demo_steps(*names: str) -> None:
    """Load the demo steps of these names, in the demo's own order (every step without names)."""
    for step in demo_steps():
        if not names or step.name in names:
            step.load(io.StringIO())


def run_at_once(functions: list[Callable]) -> list:
    """Call the functions at the same moment, each in a thread of its own with its own database
    connection. Returns what each returned, or the exception it raised, in the order they
    finished."""
    barrier = threading.Barrier(len(functions))
    outcomes = []
    lock = threading.Lock()

    def runner(function):
        try:
            barrier.wait()
            try:
                outcome = function()
            except Exception as error:  # noqa: BLE001  (returned to the test to assert on)
                outcome = error
            with lock:
                outcomes.append(outcome)
        finally:
            connection.close()

    threads = [threading.Thread(target=runner, args=(function,)) for function in functions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def errors_among(outcomes: list) -> list[Exception]:
    """The exceptions among the outcomes of `run_at_once`."""
    return [outcome for outcome in outcomes if isinstance(outcome, Exception)]
