import pytest

from tests.factories import make_network, make_user


@pytest.fixture
def user(db):
    return make_user()


@pytest.fixture
def network(db):
    return make_network()


@pytest.fixture
def signed_in_client(client, user):
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def _finnish_by_default(settings):
    settings.LANGUAGE_CODE = "fi"
