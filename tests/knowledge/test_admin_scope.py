"""The admin's page chooser and network listings show a network admin nothing of another network."""

from tests.factories import make_member, make_network, make_network_admin

from .conftest import make_network_page, make_practice


def shown(response) -> str:
    """The text of an admin answer; the choosers answer JSON with the HTML inside."""
    if response.get("Content-Type", "").startswith("application/json"):
        return response.json().get("html", "")
    return response.content.decode()


def practice_in_moderation(tree, network, title):
    practice = make_practice(make_network_page(tree, network), live=False, title=title)
    submitter = make_member(network)
    practice.save_revision(user=submitter)
    practice.get_workflow().start(practice, submitter)
    return practice


def test_the_page_chooser_does_not_show_another_networks_practice_in_moderation(tree, network, client):
    make_network_page(tree, network)
    other = practice_in_moderation(tree, make_network(), "Vieraan verkoston keskeneräinen käytäntö")
    client.force_login(make_network_admin(network))

    listing = client.get(f"/admin/choose-page/{other.get_parent().pk}/")
    browsed = client.get(f"/admin/choose-page/{other.pk}/")
    searched = client.get("/admin/choose-page/search/", {"q": "keskeneräinen"})

    assert listing.status_code == 200
    assert other.title not in shown(listing)
    assert browsed.status_code == 404
    assert other.title not in shown(browsed)
    assert other.title not in shown(searched)


def test_the_page_chooser_shows_the_own_networks_practice_in_moderation(tree, network, client):
    own = practice_in_moderation(tree, network, "Oman verkoston keskeneräinen käytäntö")
    client.force_login(make_network_admin(network))

    response = client.get(f"/admin/choose-page/{own.get_parent().pk}/")

    assert own.title in shown(response)


def test_memberships_are_not_in_the_admin(tree, network, client):
    make_member(make_network(), first_name="Salainen", last_name="Jäsen")
    client.force_login(make_network_admin(network))

    for url in (
        "/admin/snippets/choose/networks/membership/",
        "/admin/snippets/choose/networks/membership/results/",
        "/admin/snippets/networks/membership/",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Salainen" not in response.content.decode()
