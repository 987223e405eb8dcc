"""Pages kept for everyone of the same standing, with each person's own parts filled in
(`typ_site.core.member_pages`)."""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction

from knowledge.models import PageFollow
from tests.factories import make_keha_staff, make_member, make_network, make_user

from .conftest import make_guidance, make_practice, publish

HEADER = "X-Member-Page-Cache"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def satakunta(db):
    return make_network("Satakunnan TYP", slug="satakunta")


@pytest.fixture
def guidance(tree):
    return make_guidance(tree, title="Asiakkaan polku", intro="Ohje kaikille jäsenille.")


def client_of(user, **extra) -> Client:
    client = Client(**extra)
    client.force_login(user)
    return client


def test_a_second_member_of_the_same_standing_gets_the_kept_page_with_their_own_parts(guidance, satakunta):
    first = make_member(satakunta, first_name="Aino", last_name="Ensimmäinen")
    second = make_member(satakunta, first_name="Bertta", last_name="Toinen")
    PageFollow.objects.create(user=second, page=guidance)

    kept = client_of(first).get(guidance.url)
    assert kept[HEADER] == "miss"
    assert "Aino Ensimmäinen" in kept.content.decode()
    assert reverse("knowledge:follow", args=[guidance.pk]) in kept.content.decode()

    client = client_of(second)
    served = client.get(guidance.url)
    html = served.content.decode()
    assert served[HEADER] == "hit"
    assert "Bertta Toinen" in html and "Aino" not in html
    assert reverse("knowledge:unfollow", args=[guidance.pk]) in html
    assert reverse("knowledge:follow", args=[guidance.pk]) not in html
    assert html.count("csrfmiddlewaretoken") == 2
    # The tokens are the second person's: signing out with one works.
    token = TOKEN.search(html).group(1)
    client_with_checks = client_of(second, enforce_csrf_checks=True)
    client_with_checks.cookies = client.cookies
    assert client_with_checks.post("/accounts/logout/", {"csrfmiddlewaretoken": token}).status_code == 302


def test_the_filled_page_is_the_page_the_person_would_get_rendered(guidance, satakunta, settings):
    person = make_member(satakunta)
    client_of(make_member(satakunta)).get(guidance.url)  # kept by someone else
    client = client_of(person)
    served = client.get(guidance.url)
    settings.PAGE_CACHE_SECONDS = 0
    rendered = client.get(guidance.url)
    assert served[HEADER] == "hit" and HEADER not in rendered
    assert TOKEN.sub("", served.content.decode()) == TOKEN.sub("", rendered.content.decode())


def test_the_follow_button_is_each_persons_own(guidance, satakunta):
    follower = make_member(satakunta)
    PageFollow.objects.create(user=follower, page=guidance)
    client_of(make_member(satakunta)).get(guidance.url)
    served = client_of(follower).get(guidance.url)
    assert served[HEADER] == "hit"
    assert reverse("knowledge:unfollow", args=[guidance.pk]) in served.content.decode()


def test_people_of_another_standing_never_get_the_kept_page(tree, satakunta):
    other = make_network("Kymenlaakson TYP", slug="kymenlaakso")
    practice = make_practice(tree.practices, networks=[satakunta], title="Satakunnan käytäntö")
    member, outsider, partner = make_member(satakunta), make_member(other), make_user(role="partner")
    client_of(member).get(practice.url)
    assert client_of(member).get(practice.url)[HEADER] == "hit"
    assert client_of(outsider).get(practice.url).get(HEADER) != "hit"
    assert client_of(partner).get(practice.url).get(HEADER) != "hit"


def test_a_page_open_to_a_group_is_not_found_for_others_after_a_member_of_it_kept_it(guidance, satakunta):
    restriction = PageViewRestriction.objects.create(
        page=guidance, restriction_type=PageViewRestriction.GROUPS
    )
    group = Group.objects.create(name="Lukijat")
    restriction.groups.add(group)
    reader, outsider = make_member(satakunta), make_member(satakunta)
    reader.groups.add(group)
    assert client_of(reader).get(guidance.url).status_code == 200
    assert client_of(reader).get(guidance.url)[HEADER] == "hit"
    assert client_of(outsider).get(guidance.url).status_code == 404


def test_a_page_behind_a_password_is_never_kept(guidance, satakunta):
    PageViewRestriction.objects.create(
        page=guidance, restriction_type=PageViewRestriction.PASSWORD, password="salasana-123"
    )
    client = client_of(make_member(satakunta))
    client.post(
        f"/_util/authenticate_with_password/{guidance.get_view_restrictions()[0].pk}/{guidance.pk}/",
        {"password": "salasana-123", "return_url": guidance.url},
    )
    assert "Asiakkaan polku" in client.get(guidance.url).content.decode()
    other = client_of(make_member(satakunta)).get(guidance.url)
    assert other.get(HEADER) != "hit"
    assert "Ohje kaikille jäsenille." not in other.content.decode()


def test_a_published_change_is_shown_at_once(guidance, satakunta):
    client = client_of(make_member(satakunta))
    client.get(guidance.url)
    assert client.get(guidance.url)[HEADER] == "hit"
    guidance.intro = "Uusi tiivistelmä."
    publish(guidance)
    response = client.get(guidance.url)
    assert response[HEADER] == "miss"
    assert "Uusi tiivistelmä." in response.content.decode()


def test_people_who_edit_are_served_as_before(guidance, satakunta):
    editor = make_keha_staff("Editors")
    for _ in range(2):
        response = client_of(editor).get(guidance.url)
        assert response.status_code == 200 and HEADER not in response


def test_a_removed_member_is_never_served_a_kept_page(guidance, satakunta):
    member, removed = make_member(satakunta), make_member(satakunta)
    removed.is_removed = True
    removed.save()
    client_of(member).get(guidance.url)
    assert client_of(member).get(guidance.url)[HEADER] == "hit"
    assert client_of(removed).get(guidance.url).get(HEADER) != "hit"


@pytest.mark.parametrize(
    "storage",
    [
        "django.contrib.messages.storage.fallback.FallbackStorage",
        "django.contrib.messages.storage.session.SessionStorage",
    ],
)
def test_waiting_messages_are_shown_not_a_kept_page(guidance, satakunta, settings, storage):
    settings.MESSAGE_STORAGE = storage
    first, second = make_member(satakunta), make_member(satakunta)
    client_of(first).get(guidance.url)
    client = client_of(second)
    client.post(reverse("knowledge:follow", args=[guidance.pk]), {"next": guidance.url})
    response = client.get(guidance.url)
    assert response.get(HEADER) != "hit"
    assert '<div class="messages" role="status">' in response.content.decode()
    assert reverse("knowledge:unfollow", args=[guidance.pk]) in response.content.decode()
    assert client.get(guidance.url)[HEADER] == "hit"


def test_each_language_is_kept_by_itself(guidance, satakunta):
    client = client_of(make_member(satakunta))
    client.get(guidance.url)
    swedish = client.get("/sv" + guidance.url)
    assert swedish.get(HEADER) != "hit"
    assert 'lang="sv"' in swedish.content.decode()


def test_a_kept_listing_shows_a_new_page(tree, satakunta):
    client = client_of(make_member(satakunta))
    client.get(tree.guidance.url)
    assert client.get(tree.guidance.url)[HEADER] == "hit"
    make_guidance(tree, title="Aivan uusi ohje")
    assert "Aivan uusi ohje" in client.get(tree.guidance.url).content.decode()


def test_a_kept_page_costs_the_signed_in_frame(guidance, satakunta, django_assert_num_queries):
    """Session, person and standing: no routing, no page rows (the tests' cache is local
    memory; with the database cache one more read). The person's header counts and the pages
    they follow were kept on their first page (`member_pages.person_value`)."""
    first, second = make_member(satakunta), make_member(satakunta)
    client_of(first).get(guidance.url)
    client = client_of(second)
    client.get(guidance.url)
    with django_assert_num_queries(3):
        assert client.get(guidance.url)[HEADER] == "hit"


def test_following_and_unfollowing_show_at_once_on_the_kept_page(guidance, satakunta):
    person = make_member(satakunta)
    client_of(make_member(satakunta)).get(guidance.url)
    client = client_of(person)
    assert reverse("knowledge:follow", args=[guidance.pk]) in client.get(guidance.url).content.decode()

    follow = PageFollow.objects.create(user=person, page=guidance)
    served = client.get(guidance.url)
    assert served[HEADER] == "hit"
    assert reverse("knowledge:unfollow", args=[guidance.pk]) in served.content.decode()

    follow.delete()
    assert reverse("knowledge:follow", args=[guidance.pk]) in client.get(guidance.url).content.decode()
