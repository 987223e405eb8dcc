"""Signed-in readers follow a page and hear about new versions that carry a change note."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from knowledge.models import GuidanceChangeNote, PageFollow
from knowledge.selectors import followed_pages
from tests.factories import make_user
from typ_site.accounts.exports import build_user_export
from typ_site.accounts.signals import account_removed

from .conftest import make_guidance, publish


@pytest.fixture
def page(tree):
    page = make_guidance(tree, title="Asiakasprosessi")
    page.change_notes.add(GuidanceChangeNote(date=datetime.date(2025, 1, 1), note="Ensimmäinen."))
    return publish(page)


@pytest.fixture
def reader(db):
    return make_user(email="lukija@example.fi")


def follow(client, page):
    return client.post(f"/knowledge/seuraa/{page.pk}/")


def test_a_signed_in_reader_can_follow_a_page(page, reader, client):
    client.force_login(reader)

    response = follow(client, page)

    assert response.status_code == 302
    assert PageFollow.objects.filter(user=reader, page=page).exists()
    assert client.get(page.url).context["follow"]["following"]


def test_an_anonymous_visitor_cannot_follow(page, client):
    response = follow(client, page)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not PageFollow.objects.exists()


def test_following_twice_keeps_one_follow(page, reader, client):
    client.force_login(reader)
    follow(client, page)
    follow(client, page)

    assert PageFollow.objects.filter(user=reader).count() == 1


def test_a_new_version_with_a_change_note_is_emailed_to_followers(
    page, reader, client, django_capture_on_commit_callbacks
):
    client.force_login(reader)
    follow(client, page)
    mail.outbox.clear()

    page.change_notes.add(
        GuidanceChangeNote(date=datetime.date(2025, 6, 1), note="Lisätty etätapaamisten ohje.")
    )
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)

    [message] = mail.outbox
    assert message.to == [reader.email]
    assert "Asiakasprosessi" in message.subject
    assert "Lisätty etätapaamisten ohje." in message.body
    assert "Ensimmäinen." not in message.body


def test_a_minor_correction_without_a_change_note_notifies_no_one(
    page, reader, client, django_capture_on_commit_callbacks
):
    client.force_login(reader)
    follow(client, page)
    mail.outbox.clear()

    page.intro = "Korjattu kirjoitusvirhe."
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)

    assert mail.outbox == []


def test_republishing_the_same_note_notifies_only_once(
    page, reader, client, django_capture_on_commit_callbacks
):
    client.force_login(reader)
    follow(client, page)
    page.change_notes.add(GuidanceChangeNote(date=datetime.date(2025, 6, 1), note="Uusi osio."))
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)
    mail.outbox.clear()

    page.title = "Asiakasprosessi (päivitetty)"
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)

    assert mail.outbox == []


def test_readers_who_want_no_email_are_not_emailed(page, client, django_capture_on_commit_callbacks):
    quiet = make_user(notification_frequency="none")
    client.force_login(quiet)
    follow(client, page)
    mail.outbox.clear()

    page.change_notes.add(GuidanceChangeNote(date=datetime.date(2025, 6, 1), note="Muutos."))
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)

    assert mail.outbox == []


def test_unfollowing_stops_the_follow(page, reader, client):
    client.force_login(reader)
    follow(client, page)

    client.post(f"/knowledge/lopeta-seuraaminen/{page.pk}/")

    assert not PageFollow.objects.exists()


def test_followed_pages_are_listed_and_exported(page, reader, client):
    client.force_login(reader)
    follow(client, page)

    assert list(followed_pages(reader)) == [page.page_ptr]
    assert "Asiakasprosessi" in client.get("/knowledge/seuratut/").content.decode()
    exported = build_user_export(reader)["knowledge"]["followed_pages"]
    assert [item["title"] for item in exported] == ["Asiakasprosessi"]


def test_removing_an_account_drops_its_follows(page, reader, client):
    client.force_login(reader)
    follow(client, page)

    account_removed.send(sender=type(reader), user=reader)

    assert not PageFollow.objects.exists()


def test_the_follow_state_is_read_with_the_page_for_each_reader(page, reader, client, settings):
    # When the page is rendered; a kept page reads it for its part (tests/knowledge/test_member_pages.py).
    settings.PAGE_CACHE_SECONDS = 0
    other = make_user(email="toinen@example.fi")
    PageFollow.objects.create(user=reader, page=page)
    for person, follows in ((reader, True), (other, False), (reader, True)):
        client.force_login(person)
        client.get(page.url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.url)
        assert response.context["follow"]["following"] is follows
        asked_apart = [
            query["sql"]
            for query in queries.captured_queries
            if "knowledge_pagefollow" in query["sql"] and "wagtailcore_page" not in query["sql"]
        ]
        assert asked_apart == []
