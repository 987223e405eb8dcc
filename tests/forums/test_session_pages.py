"""A forum topic kept for the reader's session (`typ_site.core.member_pages.kept_for_session`):
the next view is the kept page with fresh tokens, and whatever the page shows retires it.

The page is the reader's own (their read marks, their reactions, their edit links), so it is
never served to anyone else, and a new post, a reaction or a moderator's action is on the next
view.
"""

import re

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forums import services
from forums.models import Post, Reaction
from tests.factories import make_member
from typ_site.networks.services import leave_network

HEADER = "X-Member-Page-Cache"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ONE_TIME = re.compile(r'name="token" value="([^"]+)"')


def signed_in(person, **extra) -> Client:
    client = Client(**extra)
    client.force_login(person)
    return client


def view(client: Client, topic):
    response = client.get(topic.get_absolute_url())
    assert response.status_code == 200
    return response


def kept_topic(person, topic) -> Client:
    """A session of `person` whose topic page is kept. The first view marks the topic read,
    which retires what it kept; the second is kept."""
    client = signed_in(person)
    assert view(client, topic)[HEADER] == "miss"
    assert view(client, topic)[HEADER] == "miss"
    assert view(client, topic)[HEADER] == "hit"
    return client


def test_the_next_view_is_the_kept_page_with_fresh_tokens(network_topic, second_member):
    client = signed_in(second_member)
    view(client, network_topic)  # marks the topic read
    rendered = view(client, network_topic)
    kept = view(client, network_topic)
    assert (rendered[HEADER], kept[HEADER]) == ("miss", "hit")
    rendered, kept = rendered.content.decode(), kept.content.decode()

    def without_tokens(html: str) -> str:
        return ONE_TIME.sub("", CSRF.sub("", html))

    assert without_tokens(kept) == without_tokens(rendered)
    assert ONE_TIME.search(kept).group(1) != ONE_TIME.search(rendered).group(1)
    assert "\x00" not in kept


def test_two_replies_from_two_views_of_the_kept_page_are_both_published(network_topic, second_member):
    client = kept_topic(second_member, network_topic)
    pages = [view(client, network_topic) for _ in range(2)]  # two tabs
    assert [page[HEADER] for page in pages] == ["hit", "hit"]
    checked = signed_in(second_member, enforce_csrf_checks=True)
    checked.cookies = client.cookies

    for number, page in enumerate(pages, start=1):
        html = page.content.decode()
        form = {
            "csrfmiddlewaretoken": CSRF.search(html).group(1),
            "token": ONE_TIME.search(html).group(1),
            "body": f"Vastaus numero {number} tähän kysymykseen.",
        }
        assert checked.post(reverse("forums:reply", args=[network_topic.pk]), form).status_code == 302

    assert network_topic.posts.filter(author=second_member).count() == 2


def test_it_is_kept_for_one_session_of_one_person(network_topic, second_member, home_network):
    same_standing = make_member(home_network)
    kept_topic(second_member, network_topic)

    assert view(signed_in(same_standing), network_topic)[HEADER] == "miss"
    assert view(signed_in(second_member), network_topic)[HEADER] == "miss"


def test_a_new_reply_is_on_the_next_view_and_marked_read(network_topic, member, second_member):
    client = kept_topic(second_member, network_topic)

    services.reply(member, network_topic, body="Uusi vastaus keskusteluun.")

    response = view(client, network_topic)
    assert response[HEADER] == "miss"
    assert "Uusi vastaus keskusteluun." in response.content.decode()
    network_topic.refresh_from_db()
    assert network_topic.read_states.get(user=second_member).last_read_at == network_topic.last_post_at


def test_a_reaction_is_on_the_next_view(network_topic, second_member):
    client = kept_topic(second_member, network_topic)
    post = Post.objects.get(topic=network_topic)

    services.toggle_reaction(second_member, post, Reaction.Kind.THANKS)

    assert view(client, network_topic)[HEADER] == "miss"


def test_a_hidden_topic_is_gone_from_the_next_view(network_topic, second_member, network_admin):
    client = kept_topic(second_member, network_topic)

    services.moderate_topic(network_admin, network_topic, "hide")

    assert client.get(network_topic.get_absolute_url()).status_code == 404


def test_a_removed_member_is_not_served_the_kept_page(network_topic, second_member, home_network):
    client = kept_topic(second_member, network_topic)

    leave_network(second_member, home_network)

    assert client.get(network_topic.get_absolute_url()).status_code == 404


def test_the_kept_page_costs_three_queries(network_topic, second_member):
    client = kept_topic(second_member, network_topic)

    with CaptureQueriesContext(connection) as queries:
        assert view(client, network_topic)[HEADER] == "hit"

    # The session, the person and their standing; the kept page and the header's counts come
    # from the local-memory cache here (with the database cache: one more query for both).
    assert len(queries.captured_queries) == 3
