"""Knowledge pages show the discussion, the network's forum and its events to those who may see them."""

import html
import re

from django.urls import reverse

from calendar_app.models import Event
from forums import services as forum_services
from forums.models import Forum
from tests.calendar_app.helpers import make_event
from tests.factories import make_member, make_network, make_user

from .conftest import make_interpretation, make_network_page


def test_interpretation_page_lists_its_discussion_topics_for_members(client, tree):
    page = make_interpretation(tree, title="Tietojen luovuttaminen verkostossa")
    forum = Forum.objects.create(name="Lain tulkinta", slug="lain-tulkinta", kind="national")
    topic = forum_services.start_topic(
        make_user(), forum, title="Mitä 11 § sallii?", body="Saako tietoja kysyä puhelimessa?"
    ).topic
    topic.related_pages.add(page)
    client.force_login(make_user())

    content = client.get(page.url).content.decode()

    assert "Mitä 11 § sallii?" in content
    assert topic.get_absolute_url() in content


def test_network_page_shows_the_forum_to_members_only(client, tree):
    network = make_network()
    page = make_network_page(tree, network)
    Forum.objects.create(
        name="Verkoston oma keskustelu", slug="oma", kind=Forum.Kind.NETWORK, network=network
    )

    client.force_login(make_member(network))
    assert "Verkoston oma keskustelu" in client.get(page.url).content.decode()

    client.force_login(make_user())
    assert "Verkoston oma keskustelu" not in client.get(page.url).content.decode()


def test_network_page_lists_the_networks_upcoming_events(client, tree):
    network = make_network()
    page = make_network_page(tree, network)
    make_event(
        title="Yhteiskehittämisen maanantai",
        level=Event.Level.NETWORK,
        network=network,
        visibility=Event.Visibility.PUBLIC,
    )
    make_event(
        title="Toisen verkoston kokous",
        level=Event.Level.NETWORK,
        network=make_network(),
        visibility=Event.Visibility.PUBLIC,
    )

    content = client.get(page.url).content.decode()

    assert "Yhteiskehittämisen maanantai" in content
    assert "Toisen verkoston kokous" not in content


def test_the_network_pages_calendar_link_filters_the_calendar_to_that_network(client, tree):
    network = make_network()
    page = make_network_page(tree, network)
    make_event(title="Oma tapahtuma", level=Event.Level.NETWORK, network=network)
    make_event(title="Toisen tapahtuma", level=Event.Level.NETWORK, network=make_network())
    content = client.get(page.url).content.decode()
    agenda = reverse("calendar_app:agenda")
    link = re.search(rf'href="({re.escape(agenda)}\?[^"]+)"', content).group(1)

    calendar = client.get(html.unescape(link)).content.decode()

    assert f"network={network.slug}" in link
    assert "Oma tapahtuma" in calendar
    assert "Toisen tapahtuma" not in calendar
