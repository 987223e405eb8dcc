import pytest
from django.core.cache import cache

from forums import services
from forums.models import Forum
from tests.factories import (
    make_keha_staff,
    make_member,
    make_network,
    make_network_admin,
    make_user,
)


@pytest.fixture(autouse=True)
def _forum_settings(settings, tmp_path):
    settings.FORUM_ATTACHMENTS_ROOT = tmp_path / "forum-attachments"
    settings.FORUM_POSTS_PER_MINUTE = 1000
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "https://typ.example.fi"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_network(db):
    return make_network("Satakunnan TYM-verkosto", slug="satakunta")


@pytest.fixture
def other_network(db):
    return make_network("Kymenlaakson TYP-verkosto", slug="kymenlaakso")


@pytest.fixture
def network_forum(home_network):
    return Forum.objects.create(
        name="Satakunnan oma alue",
        slug="satakunta",
        kind=Forum.Kind.NETWORK,
        network=home_network,
    )


@pytest.fixture
def other_network_forum(other_network):
    return Forum.objects.create(
        name="Kymenlaakson oma alue",
        slug="kymenlaakso",
        kind=Forum.Kind.NETWORK,
        network=other_network,
    )


@pytest.fixture
def national_forum(db):
    return Forum.objects.create(name="Lain tulkinta", slug="lain-tulkinta", kind=Forum.Kind.NATIONAL)


@pytest.fixture
def theme_forum(db):
    return Forum.objects.create(name="Perehdytys", slug="perehdytys", kind=Forum.Kind.THEME)


@pytest.fixture
def member(home_network):
    return make_member(home_network, first_name="Sanna", last_name="Asiantuntija")


@pytest.fixture
def second_member(home_network):
    return make_member(home_network, first_name="Oona", last_name="Ohjaaja")


@pytest.fixture
def outsider(other_network):
    """A member of another network."""
    return make_member(other_network, first_name="Kalle", last_name="Kelalainen")


@pytest.fixture
def network_admin(home_network):
    return make_network_admin(home_network, first_name="Tuomas", last_name="Johtaja")


@pytest.fixture
def keha_moderator(db):
    return make_keha_staff("Moderators", first_name="Helka", last_name="Hyväksyjä")


@pytest.fixture
def superuser(db):
    return make_user(first_name="Aino", last_name="Ylläpitäjä", is_superuser=True, is_staff=True)


def start_topic(forum, author, title="Kysymys alkukartoituksesta", body="Miten teette tämän?", **kwargs):
    return services.start_topic(author, forum, title=title, body=body, **kwargs).topic


@pytest.fixture
def network_topic(network_forum, member):
    return start_topic(
        network_forum, member, title="Verkoston oma keskustelu", body="Sovitaanko ensi viikon palaverin aika?"
    )


@pytest.fixture
def national_topic(national_forum, member):
    return start_topic(national_forum, member, title="Kansallinen kysymys", body="Miten tulkitsette 11 §:n?")
