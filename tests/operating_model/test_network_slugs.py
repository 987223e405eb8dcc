"""A network's slug may not be a word that names a national address under /operating-model/,
where the networks' own pages live beside the national ones."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import resolve
from django.utils.translation import override

from tests.factories import make_network
from typ_site.core.demo_content import load_core_demo
from typ_site.networks.models import RESERVED_SLUGS, Network, Region
from typ_site.operating_model.urls import urlpatterns

SLUG = re.compile(r"[-a-zA-Z0-9_]+")


def national_words() -> set[str]:
    """The first part of every operating-model address that is not a network's and could be
    read as a network's slug."""
    words = set()
    for pattern in urlpatterns:
        first = str(pattern.pattern).split("/")[0]
        if first and "<" not in first and SLUG.fullmatch(first):
            words.add(first)
    return words


def test_every_national_address_beside_the_networks_is_reserved():
    assert national_words() == {"adoption", "compare", "services"}
    assert national_words() <= RESERVED_SLUGS


@pytest.mark.parametrize("word", sorted(RESERVED_SLUGS))
def test_a_network_cannot_take_a_reserved_slug(db, word):
    network = Network(name=f"Verkosto {word}", slug=word, region=Region.SATAKUNTA)
    with override("fi"):
        with pytest.raises(ValidationError) as raised:
            network.full_clean()
        assert raised.value.message_dict["slug"] == [
            f"”{word}” on sivuston valtakunnallisen sivun nimi. Valitse verkostolle toinen lyhytnimi."
        ]
    with override("sv"):
        with pytest.raises(ValidationError) as raised:
            Network(name="Nätverk", slug=word.upper(), region=Region.SATAKUNTA).full_clean()
        assert "nationell sida" in raised.value.message_dict["slug"][0]


def test_an_ordinary_slug_is_fine_and_the_national_page_stays_reachable(db):
    Network(name="Satakunnan TYP", slug="satakunta", region=Region.SATAKUNTA).full_clean()
    assert resolve("/operating-model/services/").url_name == "services"
    assert resolve("/operating-model/satakunta/").url_name == "agreement"


def test_the_demo_networks_use_no_reserved_slug(db, home):
    load_core_demo()
    make_network("Testiverkosto")
    slugs = set(Network.objects.values_list("slug", flat=True))
    assert len(slugs) >= 4
    assert not slugs & RESERVED_SLUGS
