"""The pages a path tells you to read are linked in the reader's language.

A page that has not been translated is served in Finnish under /sv/ too, so a Swedish reader
stays under /sv/ in the Swedish interface when opening what a step links to.
"""

import re

from .conftest import make_path

LINK = re.compile(r'<a href="([^"]*)"[^>]*>([^<]+)</a>')


def reading_links(client, url: str) -> list[str]:
    content = client.get(url).content.decode()
    links = []
    for part in content.split('<ul class="induction-reading">')[1:]:
        links += [href for href, _label in LINK.findall(part.split("</ul>", 1)[0])]
    return links


def test_in_swedish_the_pages_to_read_keep_the_swedish_prefix(tree, signed_in_client):
    path = make_path(tree, step_count=1, reading=tree.guidance[:2])

    assert reading_links(signed_in_client, "/sv" + path.url) == [
        "/sv/ohjeet/ohje-1/",
        "/sv/ohjeet/ohje-2/",
    ]


def test_in_finnish_the_pages_to_read_carry_no_prefix(tree, signed_in_client):
    path = make_path(tree, step_count=1, reading=tree.guidance[:2])

    assert reading_links(signed_in_client, path.url) == ["/ohjeet/ohje-1/", "/ohjeet/ohje-2/"]
