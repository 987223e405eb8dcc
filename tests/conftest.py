import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import translation

from tests.factories import make_network, make_user
from typ_site.core.demo_content import create_home_page


@pytest.fixture
def user(db):
    return make_user()


@pytest.fixture
def network(db):
    return make_network()


@pytest.fixture
def home(db):
    """The site's home page (and the default site pointing at it)."""
    return create_home_page()


@pytest.fixture
def signed_in_client(client, user):
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def _finnish_by_default(settings):
    """Every test starts in Finnish: a request in another language earlier on the same thread
    leaves that language active (LocaleMiddleware activates it and nothing resets it)."""
    settings.LANGUAGE_CODE = "fi"
    translation.activate("fi")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache: what an earlier test kept there (the menu,
    Wagtail's site roots, rate limits) belongs to a database that has been rolled back."""
    cache.clear()


@pytest.fixture
def database_cache(settings, db):
    """The embedded default: Django's database cache, where every read is one SQL query.
    Afterwards the tests' own cache is back before the database closes (a fixture that
    empties the cache at its end then empties that one)."""
    tests_caches = settings.CACHES
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "typ_cache"}
    }
    call_command("createcachetable", verbosity=0)
    cache.clear()
    yield
    settings.CACHES = tests_caches


@pytest.fixture
def back_to_latest_migrations():
    """A test that migrates an app back leaves every app at its latest migration afterwards,
    whatever it asserts: later tests on the same database need the whole schema."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
