import pytest


@pytest.fixture(autouse=True)
def _database(db):
    """Every networks test uses the database."""
