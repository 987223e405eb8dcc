"""Tags are written in Finnish and Swedish: ä, ö, å, spaces and capitals never take a page down."""

import pytest

from knowledge.models import PracticePage
from tests.factories import make_member

from .conftest import make_network_page, make_practice, publish
from .test_submission import URL as SUBMIT_URL
from .test_submission import form_data

FREE_TAGS = "kävelytesti, Åbo Työ, MÖKKI-päivä"


@pytest.fixture
def submitted_practice(tree, network, client):
    """A member's practice with free tags, approved (published) as its network admin would."""
    make_network_page(tree, network)
    client.force_login(make_member(network))
    response = client.post(SUBMIT_URL, form_data(network, free_tags=FREE_TAGS))
    assert response.status_code == 302
    page = PracticePage.objects.get(title="Yhteinen tapaamisaika")
    page.get_latest_revision().publish(skip_permission_checks=True)
    page.refresh_from_db()
    client.logout()
    return page


def test_member_made_tags_keep_their_letters_in_the_slug(submitted_practice):
    slugs = {tag.slug for tag in submitted_practice.tags.all()}

    assert {"kävelytesti", "åbo-työ", "mökki-päivä"} <= slugs


@pytest.mark.parametrize("address", ["/kaytannot/", "/teemat/", "/en/kaytannot/", "/sv/teemat/"])
def test_listings_with_such_tags_answer(submitted_practice, client, address):
    response = client.get(address)

    assert response.status_code == 200


def test_the_practice_page_links_each_tag_to_its_own_page(submitted_practice, client):
    page_response = client.get(submitted_practice.url)
    assert page_response.status_code == 200

    for slug in ("kävelytesti", "åbo-työ", "mökki-päivä"):
        tag_page = client.get(f"/teemat/{slug}/")
        assert tag_page.status_code == 200, slug
        assert "Yhteinen tapaamisaika" in tag_page.content.decode()


def test_an_editor_made_tag_with_capitals_and_spaces_has_a_page(tree, client):
    practice = make_practice(tree.practices, title="Kotikäynnit yhdessä")
    practice.tags.add("Yhteistyö Ålands kanssa")
    publish(practice)

    listing = client.get("/kaytannot/")
    tag_page = client.get("/teemat/yhteistyö-ålands-kanssa/")

    assert listing.status_code == 200
    assert "/teemat/yhteisty%C3%B6-%C3%A5lands-kanssa/" in listing.content.decode()
    assert tag_page.status_code == 200
    assert "Kotikäynnit yhdessä" in tag_page.content.decode()
