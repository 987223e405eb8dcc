"""Forum posts kept rendered (`forums.post_fragments`): shared by readers who see them alike,
never by readers who may do other things with them."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from forums import services
from forums.models import Reaction
from tests.factories import make_member

from .conftest import start_topic

pytestmark = pytest.mark.django_db

POST_TEMPLATE = "forums/includes/post.html"


@pytest.fixture(autouse=True)
def _rendered(settings):
    """Each view renders the page (the page kept for a session is `test_session_pages.py`)."""
    settings.PAGE_CACHE_SECONDS = 0


def _page(client, topic):
    response = client.get(reverse("forums:topic", args=[topic.pk]))
    assert response.status_code == 200
    return response


def _rendered_posts(response) -> int:
    return sum(1 for template in response.templates if template.name == POST_TEMPLATE)


def _post_html(response, post) -> str:
    html = response.content.decode()
    start = html.index(f'<article id="post-{post.pk}"')
    return html[start : html.index("</article>", start)]


def test_a_second_reader_who_sees_the_posts_alike_gets_them_kept(
    network_forum, member, second_member, client
):
    topic = start_topic(network_forum, member, title="Jaettu", body="Ensimmäinen viesti.")
    services.reply(member, topic, body="Toinen viesti.")
    client.force_login(second_member)
    assert _rendered_posts(_page(client, topic)) == 2

    again = _page(client, topic)

    assert _rendered_posts(again) == 0
    assert "Toinen viesti." in again.content.decode()


def test_the_author_and_another_reader_see_their_own_links(
    network_forum, member, second_member, network_admin
):
    topic = start_topic(network_forum, member, title="Omat linkit", body="Kirjoittajan viesti.")
    post = topic.posts.get()
    views = {}
    for person in (second_member, member, network_admin, second_member):
        client = Client()
        client.force_login(person)
        views[person.pk] = _post_html(_page(client, topic), post)

    edit_url = reverse("forums:edit_post", args=[post.pk])
    report_url = reverse("forums:report_post", args=[post.pk])
    hide_url = reverse("forums:moderate_post", args=[post.pk, "hide"])
    assert edit_url in views[member.pk] and report_url not in views[member.pk]
    assert edit_url not in views[second_member.pk] and report_url in views[second_member.pk]
    assert hide_url in views[network_admin.pk]
    assert hide_url not in views[member.pk] and hide_url not in views[second_member.pk]


def test_a_kept_post_carries_the_csrf_token_of_its_reader(home_network, network_forum, member, second_member):
    topic = start_topic(network_forum, member, title="Reaktio", body="Tykkää tästä.")
    post = topic.posts.get()
    first = Client(enforce_csrf_checks=True)
    first.force_login(make_member(home_network))
    _page(first, topic)
    reader = Client(enforce_csrf_checks=True)
    reader.force_login(second_member)
    response = _page(reader, topic)
    assert _rendered_posts(response) == 0  # the post came from the cache
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', _post_html(response, post)).group(1)

    reacted = reader.post(
        reverse("forums:react", args=[post.pk]), {"kind": Reaction.Kind.THANKS, "csrfmiddlewaretoken": token}
    )

    assert reacted.status_code in (200, 302)
    assert Reaction.objects.filter(post=post, user=second_member, kind=Reaction.Kind.THANKS).exists()


def test_edits_hiding_and_reactions_show_on_the_next_view(
    network_forum, member, second_member, network_admin, client
):
    topic = start_topic(network_forum, member, title="Muuttuva", body="Alkuperäinen teksti.")
    post = topic.posts.get()
    client.force_login(second_member)
    _page(client, topic)

    services.edit_post(member, post, body="Korjattu teksti.")
    assert "Korjattu teksti." in _post_html(_page(client, topic), post)

    services.toggle_reaction(member, post, Reaction.Kind.AGREE)
    html = _post_html(_page(client, topic), post)
    assert re.search(r'value="agree"[^>]*aria-pressed="false">[^<]*<span class="forum-count">1</span>', html)

    services.set_post_hidden(network_admin, post, True, reason="Testi")
    post.refresh_from_db()
    author = Client()
    author.force_login(member)
    assert "forum-post-hidden" in _post_html(_page(author, topic), post)


def test_a_post_citing_a_law_section_is_rendered_for_each_reading(national_forum, member, client):
    topic = start_topic(national_forum, member, title="Pykälä", body="Katso TYM-lain 3 §.")
    services.reply(member, topic, body="Ei pykälää tässä.")
    client.force_login(member)
    _page(client, topic)

    again = _page(client, topic)

    assert _rendered_posts(again) == 1
    assert 'class="law-link"' in again.content.decode()
