"""Who sees which event: one rule, applied by pages, feeds, registration and the admin."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from calendar_app.models import Event
from calendar_app.selectors import events_for_search_index, search_document, visible_events_for
from calendar_app.services import create_feed_token
from tests.factories import make_member, make_network, make_user
from typ_site.core.access import MEMBERS, PUBLIC, network_key
from typ_site.core.themes import ensure_theme_tags
from typ_site.networks.models import Membership

from .helpers import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_network():
    return make_network(name="Satakunnan verkosto", slug="satakunta-testi")


@pytest.fixture
def private_event(own_network):
    return make_event(
        title="Satakunnan ohjausryhmän syyskokous",
        network=own_network,
        level=Event.Level.NETWORK,
        event_type=Event.Type.STEERING_GROUP,
        visibility=Event.Visibility.NETWORK,
    )


@pytest.fixture
def outsider():
    return make_member(make_network(name="Toinen verkosto", slug="toinen"))


def test_each_event_carries_its_access_key(own_network):
    public = make_event(visibility=Event.Visibility.PUBLIC)
    members = make_event(visibility=Event.Visibility.MEMBERS)
    private = make_event(visibility=Event.Visibility.NETWORK, network=own_network)

    assert [public.access_key, members.access_key, private.access_key] == [
        PUBLIC,
        MEMBERS,
        network_key(own_network.pk),
    ]


def test_anonymous_visitors_see_only_public_events(private_event):
    public = make_event(title="Avoin webinaari")
    make_event(title="Jäsenten koulutus", visibility=Event.Visibility.MEMBERS)

    assert list(visible_events_for(AnonymousUser())) == [public]


def test_network_members_see_their_networks_private_events(own_network, private_event):
    member = make_member(own_network)

    assert private_event in visible_events_for(member)


def test_other_users_do_not_see_a_networks_private_events(private_event, outsider):
    assert private_event not in visible_events_for(outsider)
    assert private_event not in visible_events_for(make_user())


def test_pending_membership_does_not_open_private_events(own_network, private_event):
    applicant = make_user()
    Membership.objects.create(user=applicant, network=own_network, status=Membership.Status.PENDING)

    assert private_event not in visible_events_for(applicant)


def test_private_event_page_is_a_404_for_others(client, private_event, outsider):
    client.force_login(outsider)

    assert client.get(reverse("calendar_app:event", args=[private_event.pk])).status_code == 404
    assert client.get(reverse("calendar_app:event_ics", args=[private_event.pk])).status_code == 404


def test_private_event_page_opens_for_members(client, own_network, private_event):
    client.force_login(make_member(own_network))

    response = client.get(reverse("calendar_app:event", args=[private_event.pk]))

    assert response.status_code == 200
    assert "Satakunnan ohjausryhmän syyskokous" in response.content.decode()


def test_private_event_is_absent_from_month_agenda_and_wheel_of_others(client, private_event, outsider):
    client.force_login(outsider)
    start = private_event.start
    pages = [
        reverse("calendar_app:month_of", args=[start.year, start.month]),
        reverse("calendar_app:agenda") + f"?from={start.date().isoformat()}",
        reverse("calendar_app:wheel_of", args=[start.year]),
    ]

    for page in pages:
        assert "Satakunnan ohjausryhmän syyskokous" not in client.get(page).content.decode(), page


def test_private_event_shows_in_the_members_month_view(client, own_network, private_event):
    client.force_login(make_member(own_network))
    start = private_event.start

    response = client.get(reverse("calendar_app:month_of", args=[start.year, start.month]))

    assert "Satakunnan ohjausryhmän syyskokous" in response.content.decode()


def test_private_event_is_absent_from_public_and_other_users_feeds(client, private_event, outsider):
    token = create_feed_token(outsider)

    public_feed = client.get(reverse("calendar_app:feed_public")).content.decode()
    own_feed = client.get(reverse("calendar_app:feed_private", args=[token.token])).content

    assert "Satakunnan ohjausryhmän syyskokous" not in public_feed
    assert "Satakunnan ohjausryhmän syyskokous" not in own_feed.decode()


def test_leaving_the_network_removes_its_events_from_the_private_feed(client, own_network, private_event):
    member = make_member(own_network)
    token = create_feed_token(member)
    url = reverse("calendar_app:feed_private", args=[token.token])
    assert "Satakunnan ohjausryhmän syyskokous" in client.get(url).content.decode()

    Membership.objects.filter(user=member, network=own_network).delete()

    assert "Satakunnan ohjausryhmän syyskokous" not in client.get(url).content.decode()


def test_network_feed_is_a_404_for_a_network_the_user_does_not_belong_to(client, own_network, outsider):
    token = create_feed_token(outsider)

    response = client.get(reverse("calendar_app:feed_network", args=[token.token, own_network.slug]))

    assert response.status_code == 404


def test_registration_for_an_invisible_event_is_a_404(client, outsider, own_network):
    event = make_event(visibility=Event.Visibility.NETWORK, network=own_network, registration_enabled=True)
    client.force_login(outsider)

    response = client.post(
        reverse("calendar_app:register", args=[event.pk]), {"occurrence": "2030-01-01T07:00:00Z"}
    )

    assert response.status_code == 404
    assert not event.registrations.exists()


def test_search_index_receives_every_event_with_its_access_key(private_event):
    public = make_event(title="Avoin webinaari")

    keys = {event.pk: event.access_key for event in events_for_search_index()}

    assert keys == {private_event.pk: network_key(private_event.network_id), public.pk: PUBLIC}


def test_search_document_carries_the_events_access_key_and_themes(private_event):

    private_event.themes.set([ensure_theme_tags()["asiakasprosessi"]])
    private_event.save()

    document = search_document(private_event)

    assert document["access_key"] == network_key(private_event.network_id)
    assert document["themes"] == ["Asiakasprosessi"]
    assert document["url"] == reverse("calendar_app:event", args=[private_event.pk])
