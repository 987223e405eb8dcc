"""Writing topics and replies: bad input gets a clear message and nothing is half-saved."""

import uuid

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from forums import services
from forums.models import Post, PostRevision, Topic
from forums.templatetags.forum_tags import discussion_topics_for

HETU = "130585-234W"


def _new_topic(client, forum, **data):
    data.setdefault("token", str(uuid.uuid4()))
    return client.post(reverse("forums:new_topic", args=[forum.slug]), data)


def _reply(client, topic, **data):
    data.setdefault("token", str(uuid.uuid4()))
    return client.post(reverse("forums:reply", args=[topic.pk]), data)


def test_a_member_starts_a_topic_and_follows_it(client, member, network_forum):
    client.force_login(member)

    response = _new_topic(
        client,
        network_forum,
        title="Alkukartoituksen kesto",
        body="Kuinka pitkään alkukartoitus teillä kestää?",
    )

    topic = Topic.objects.get()
    assert response.status_code == 302
    assert topic.title == "Alkukartoituksen kesto"
    assert topic.posts.get().author == member
    assert topic.follows.filter(user=member).exists()


def test_a_personal_identity_code_in_a_post_is_refused_and_nothing_is_saved(client, member, network_forum):
    client.force_login(member)

    response = _new_topic(
        client, network_forum, title="Asiakastapaus", body=f"Asiakas {HETU} tarvitsee apua."
    )

    assert response.status_code == 200
    assert "henkilötunnus" in response.content.decode()
    assert not Topic.objects.exists() and not Post.objects.exists()


def test_a_personal_identity_code_in_a_title_is_refused(client, member, network_forum):
    client.force_login(member)

    response = _new_topic(client, network_forum, title=f"Asiakas {HETU}", body="Kysymys.")

    assert "henkilötunnus" in response.content.decode()
    assert not Topic.objects.exists()


def test_a_personal_identity_code_in_a_reply_or_edit_is_refused(client, member, network_topic):
    client.force_login(member)
    post = network_topic.posts.get()

    reply = _reply(client, network_topic, body=f"Tunnus on {HETU.lower()}")
    edit = client.post(
        reverse("forums:edit_post", args=[post.pk]), {"title": network_topic.title, "body": f"Lisäys: {HETU}"}
    )

    assert "henkilötunnus" in reply.content.decode()
    assert "henkilötunnus" in edit.content.decode()
    assert network_topic.posts.count() == 1
    post.refresh_from_db()
    assert HETU not in post.body and not post.revisions.exists()


def test_the_service_refuses_a_code_even_without_the_form(member, network_forum):

    with pytest.raises(ValidationError):
        services.start_topic(member, network_forum, title="Otsikko", body=f"Tunnus {HETU}")
    assert not Topic.objects.exists()


def test_the_draft_is_kept_when_the_form_has_an_error(client, member, network_forum):
    client.force_login(member)
    draft = "Pitkä ja huolella kirjoitettu viesti, jota ei saa menettää."

    response = _new_topic(client, network_forum, title="Lyh", body=draft)

    assert response.status_code == 200
    assert draft in response.content.decode()


@pytest.mark.parametrize("body", ["", "   ", "x"])
def test_an_empty_or_too_short_post_is_refused(client, member, network_topic, body):
    client.force_login(member)

    response = _reply(client, network_topic, body=body)

    assert response.status_code == 200
    assert network_topic.posts.count() == 1


def test_an_oversized_post_is_refused(client, member, network_topic):
    client.force_login(member)

    response = _reply(client, network_topic, body="a" * 20_001)

    assert response.status_code == 200
    assert "20000" in response.content.decode().replace("\xa0", "").replace(" ", "")
    assert network_topic.posts.count() == 1


def test_a_reply_to_a_locked_topic_is_refused(client, member, network_admin, network_topic):
    services.moderate_topic(network_admin, network_topic, "lock")
    client.force_login(member)

    response = _reply(client, network_topic, body="Vielä yksi kommentti.")

    assert response.status_code == 302
    assert network_topic.posts.count() == 1
    page = client.get(response["Location"]).content.decode()
    assert "locked" in page or "lukittu" in page


def test_a_reply_quoting_a_hidden_post_is_refused(
    client, member, second_member, network_admin, network_topic
):
    hidden = services.reply(second_member, network_topic, body="Asiaton viesti.")
    services.set_post_hidden(network_admin, hidden, True)
    client.force_login(member)

    response = _reply(client, network_topic, body="Lainaan tätä.", reply_to=hidden.pk)

    assert response.status_code == 200
    assert network_topic.posts.count() == 2


def test_a_double_submit_makes_one_post(client, member, network_topic):
    client.force_login(member)
    token = str(uuid.uuid4())

    first = _reply(client, network_topic, body="Tämä lähti kahdesti.", token=token)
    second = _reply(client, network_topic, body="Tämä lähti kahdesti.", token=token)

    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert network_topic.posts.count() == 2


def test_posting_is_rate_limited_with_a_clear_message(client, member, network_topic, settings):
    settings.FORUM_POSTS_PER_MINUTE = 3  # the topic's first post was the first this minute
    client.force_login(member)

    for number in range(2):
        assert _reply(client, network_topic, body=f"Viesti {number}").status_code == 302
    response = _reply(client, network_topic, body="Kolmas viesti liian nopeasti.")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Kolmas viesti liian nopeasti." in page  # the draft is kept
    assert "Odota minuutti" in page
    assert network_topic.posts.count() == 3


def test_quoting_prefills_the_reply(client, member, second_member, network_topic):
    quoted = services.reply(second_member, network_topic, body="Meillä kesto on kolme kuukautta.")
    client.force_login(member)

    response = client.get(reverse("forums:reply", args=[network_topic.pk]), {"quote": quoted.pk})

    page = response.content.decode()
    assert "&gt; Meillä kesto on kolme kuukautta." in page
    assert f'value="{quoted.pk}"' in page


def test_an_edit_keeps_the_history_for_the_author_and_moderators(
    client, member, network_admin, second_member, network_topic
):
    post = network_topic.posts.get()
    services.edit_post(member, post, body="Korjattu versio.", title="Uusi otsikko")
    history_url = reverse("forums:post_history", args=[post.pk])

    client.force_login(member)
    own = client.get(history_url)
    client.force_login(network_admin)
    moderator = client.get(history_url)
    client.force_login(second_member)
    other = client.get(history_url)

    assert PostRevision.objects.get().body == "Sovitaanko ensi viikon palaverin aika?"
    assert "<del>" in own.content.decode() and "palaverin" in own.content.decode()  # the edit's difference
    assert moderator.status_code == 200
    assert other.status_code == 404
    network_topic.refresh_from_db()
    assert network_topic.title == "Uusi otsikko"


def test_reactions_toggle(client, member, second_member, network_topic):
    post = network_topic.posts.get()
    client.force_login(second_member)

    client.post(reverse("forums:react", args=[post.pk]), {"kind": "thanks"})
    assert post.reactions.filter(user=second_member, kind="thanks").exists()
    client.post(reverse("forums:react", args=[post.pk]), {"kind": "thanks"})
    assert not post.reactions.exists()


def test_the_topic_author_accepts_an_answer(client, member, second_member, network_topic):
    answer = services.reply(second_member, network_topic, body="Tiistai sopii.")
    client.force_login(member)

    client.post(reverse("forums:accept_answer", args=[network_topic.pk]), {"post": answer.pk})

    network_topic.refresh_from_db()
    assert network_topic.accepted_post == answer


def test_another_member_cannot_accept_an_answer(client, member, second_member, network_topic):
    answer = services.reply(second_member, network_topic, body="Tiistai sopii.")
    client.force_login(second_member)

    response = client.post(reverse("forums:accept_answer", args=[network_topic.pk]), {"post": answer.pk})

    network_topic.refresh_from_db()
    assert response.status_code == 403
    assert network_topic.accepted_post is None


def test_unread_markers(client, member, second_member, network_topic):
    client.force_login(second_member)
    forum_url = reverse("forums:forum", args=["satakunta"])
    assert "forum-unread" in client.get(forum_url).content.decode()

    client.get(reverse("forums:topic", args=[network_topic.pk]))
    assert "forum-unread" not in client.get(forum_url).content.decode()

    services.reply(member, network_topic, body="Uusi vastaus.")
    assert "forum-unread" in client.get(forum_url).content.decode()
    topic_page = client.get(reverse("forums:topic", args=[network_topic.pk])).content.decode()
    assert "forum-unread-marker" in topic_page


def test_a_post_address_leads_to_its_page(client, member, network_topic):
    posts = [services.reply(member, network_topic, body=f"Vastaus {n}") for n in range(25)]
    client.force_login(member)

    response = client.get(reverse("forums:post", args=[posts[-1].pk]))

    assert response["Location"].endswith(f"?page=2#post-{posts[-1].pk}")


def test_a_topic_links_to_pages_and_pages_list_their_topics(client, member, network_forum, home):
    page = home
    post = services.start_topic(
        member, network_forum, title="Tulkinta 11 §", body="Keskustellaan tulkinnasta.", related_pages=[page]
    )
    request = RequestFactory().get("/")
    request.user = member

    rendered = Template(
        "{% load forum_tags %}{% discussion_topics_for page as topics %}"
        "{% for topic in topics %}{{ topic.title }}{% endfor %}"
    ).render(Context({"request": request, "page": page}))

    assert post.topic.related_pages.get().pk == page.pk
    assert "Tulkinta 11 §" in rendered


def test_page_topics_respect_visibility(outsider, member, network_forum, home):
    page = home
    services.start_topic(member, network_forum, title="Yksityinen", body="Vain meille.", related_pages=[page])
    request = RequestFactory().get("/")
    request.user = outsider

    assert discussion_topics_for({"request": request}, page) == []
