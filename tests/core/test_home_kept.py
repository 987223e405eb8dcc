"""A member's home page kept for their session (`typ_site.core.member_pages`, PER_SESSION): the
next view is the kept page, and whatever the page shows retires it at once.

The page is the person's own (their network's new topics with their read marks, their next
events, their open polls, their notifications), so it is never served to anyone else, and a
change of any of those is on the next view.
"""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from calendar_app.models import Event, Registration
from forums import services as forum_services
from forums.notifications import create_post_notifications
from forums.participation import services as participation_services
from forums.participation.engine import Selection
from forums.participation.models import PollOption
from tests.calendar_app.helpers import make_event
from tests.factories import make_keha_staff, make_member
from tests.participation.conftest import make_round
from typ_site.networks.services import leave_network

from .test_home_page import OUR_EVENT, OUR_TOPIC, section_of, world  # noqa: F401  (the world fixture)

HEADER = "X-Member-Page-Cache"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def home(client: Client):
    response = client.get("/")
    assert response.status_code == 200
    return response


def kept_home(person) -> Client:
    """A session of `person` whose home page has been kept."""
    client = signed_in(person)
    assert home(client)[HEADER] == "miss"
    assert home(client)[HEADER] == "hit"
    return client


def test_the_next_view_is_the_kept_page_as_it_was_rendered(world):  # noqa: F811
    client = signed_in(world.member)
    rendered = home(client)
    kept = home(client)

    assert (rendered[HEADER], kept[HEADER]) == ("miss", "hit")
    assert TOKEN.sub("", kept.content.decode()) == TOKEN.sub("", rendered.content.decode())
    assert OUR_TOPIC in section_of(kept.content.decode(), "home-topics-heading")


def test_it_is_kept_for_one_session_of_one_person(world):  # noqa: F811
    kept_home(world.member)
    same_role = make_member(world.ours, first_name="Toinen")

    assert home(signed_in(same_role))[HEADER] == "miss"
    assert home(signed_in(world.member))[HEADER] == "miss"  # a new session


def test_a_new_topic_in_the_network_is_on_the_next_view(world):  # noqa: F811
    client = kept_home(world.member)

    forum_services.start_topic(world.admin, world.our_forum, title="Uusi aihe verkostossa", body="Hei.")

    response = home(client)
    assert response[HEADER] == "miss"
    assert "Uusi aihe verkostossa" in section_of(response.content.decode(), "home-topics-heading")


def test_reading_the_topic_takes_off_its_new_mark(world):  # noqa: F811
    client = kept_home(world.member)
    assert "forum-unread" in section_of(home(client).content.decode(), "home-topics-heading")

    topic = world.our_forum.topics.get()
    assert client.get(topic.get_absolute_url()).status_code == 200

    topics = section_of(home(client).content.decode(), "home-topics-heading")
    assert OUR_TOPIC in topics and "forum-unread" not in topics


def test_a_read_mark_moved_on_by_a_bulk_write_retires_the_page(world):  # noqa: F811
    topic = world.our_forum.topics.get()
    forum_services.mark_topic_read(world.member, topic, up_to=topic.created_at.replace(year=2000))
    client = kept_home(world.member)

    forum_services.mark_topic_read(world.member, topic)  # an update: no signal

    assert "forum-unread" not in section_of(home(client).content.decode(), "home-topics-heading")


def test_another_persons_reading_leaves_the_page_kept(world):  # noqa: F811
    client = kept_home(world.member)

    forum_services.mark_topic_read(world.newcomer, world.our_forum.topics.get())

    assert home(client)[HEADER] == "hit"


def test_a_notification_is_on_the_next_view_and_goes_when_read(world):  # noqa: F811
    forum_services.follow_forum(world.member, world.our_forum)
    client = kept_home(world.member)
    post = forum_services.start_topic(world.admin, world.our_forum, title="Seurattu aihe", body="Hei.")
    home(client)
    assert "home-notifications-heading" not in home(client).content.decode()

    create_post_notifications(post.pk)  # a bulk write: no signal

    assert "Seurattu aihe" in section_of(home(client).content.decode(), "home-notifications-heading")

    forum_services.mark_notifications_read(world.member)  # an update: no signal

    assert "home-notifications-heading" not in home(client).content.decode()


def test_a_registration_is_on_the_next_view(world):  # noqa: F811
    client = kept_home(world.member)
    event = Event.objects.get(title=OUR_EVENT)

    Registration.objects.create(
        event=event, occurrence_start=event.start, user=world.member, status=Registration.Status.CONFIRMED
    )

    assert home(client)[HEADER] == "miss"


def test_a_new_event_is_on_the_next_view(world):  # noqa: F811
    client = kept_home(world.member)

    make_event(title="Uusi verkostotapaaminen", level=Event.Level.NETWORK, network=world.ours)

    assert "Uusi verkostotapaaminen" in home(client).content.decode()


def test_an_answered_poll_leaves_the_page(world):  # noqa: F811
    poll = make_round(title="Kevään priorisointi")
    client = kept_home(world.member)
    assert "Kevään priorisointi" in home(client).content.decode()

    option = PollOption.objects.filter(poll=poll).first()
    participation_services.submit_ballot(world.member, poll, [Selection(option.pk, 1)])

    assert "Kevään priorisointi" not in home(client).content.decode()


def test_a_removed_member_is_not_served_the_kept_page(world):  # noqa: F811
    client = kept_home(world.member)

    leave_network(world.member, world.ours)

    response = home(client)
    assert HEADER not in response or response[HEADER] == "miss"
    assert OUR_TOPIC not in response.content.decode()


def test_editors_are_served_as_before(world):  # noqa: F811
    client = signed_in(make_keha_staff("Editors"))
    home(client)

    assert HEADER not in home(client)


@pytest.mark.parametrize("prefix", ["/sv/", "/en/"])
def test_each_language_is_kept_apart(world, prefix):  # noqa: F811
    client = kept_home(world.member)

    response = client.get(prefix)

    assert response.status_code == 200 and response[HEADER] == "miss"
    assert f'lang="{prefix.strip("/")}"' in response.content.decode()


def test_the_kept_page_costs_three_queries(world):  # noqa: F811
    client = kept_home(world.member)

    with CaptureQueriesContext(connection) as queries:
        assert home(client)[HEADER] == "hit"

    # The session, the person and their standing; the kept page and the header's counts come
    # from the local-memory cache here (with the database cache: one more query for both).
    assert len(queries.captured_queries) == 3
