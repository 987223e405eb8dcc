"""The practice listing counts practices and writes each card's details without stray separators."""

import re

from knowledge.models import PracticeOrganisation
from tests.factories import make_network

from .conftest import make_practice


def meta_lines(content: str) -> list[str]:
    lines = re.findall(r'<p class="meta">(.*?)</p>', content, re.S)
    return [re.sub(r"\s+", " ", line).strip() for line in lines]


def test_the_listing_counts_practices_not_pages(tree, client):
    for _number in range(3):
        make_practice(tree.practices)

    content = client.get(tree.practices.url).content.decode()

    assert "3 käytäntöä" in content
    assert "3 sivua" not in content


def test_a_card_without_a_network_does_not_start_with_a_separator(tree, client):
    practice = make_practice(tree.practices, title="Ilman verkostoa")
    PracticeOrganisation.objects.create(page=practice, organisation_type="te", name="TE-palvelut Pirkanmaa")
    make_practice(tree.practices, title="Verkoston käytäntö", networks=[make_network(name="Tampereen TYP")])

    lines = meta_lines(client.get(tree.practices.url).content.decode())

    assert "TE-palvelut Pirkanmaa" in lines
    assert "Tampereen TYP" in lines
    assert not any(line.startswith("·") for line in lines)
