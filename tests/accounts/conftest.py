import pytest


@pytest.fixture(autouse=True)
def _database(db):
    """Every accounts test uses the database."""
