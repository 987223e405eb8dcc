"""Editors are e-mailed about guidance whose review date has passed (once per page and review
date, by the daily timers), and the guidance listing flags it for those who may edit it."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from knowledge.models import GuidanceReviewReminder
from knowledge.tasks import send_review_reminders
from tests.factories import make_user
from tests.helpers import queries_for
from typ_site.accounts.roles import EDITORS_GROUP

from .conftest import make_guidance, publish

PAST = timezone.localdate() - datetime.timedelta(days=2)


@pytest.fixture
def editor(db):
    return make_user(email="toimittaja@example.fi", groups=(EDITORS_GROUP,))


@pytest.fixture
def overdue(tree):
    return make_guidance(tree, title="Vanheneva ohje", next_review_date=PAST)


def reminders_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_the_editors_are_emailed_a_link_to_the_admin_edit_page(overdue, editor, settings):
    settings.SITE_URL = "https://typ.example.fi"

    sent = send_review_reminders()

    [message] = reminders_to(editor.email)
    assert sent == len(mail.outbox) >= 1
    assert "Vanheneva ohje" in message.subject
    assert f"https://typ.example.fi/admin/pages/{overdue.pk}/edit/" in message.body
    assert PAST.strftime("%-d.%-m.%Y") in message.body


def test_each_page_is_reminded_once_per_review_date(overdue, editor):
    send_review_reminders()
    send_review_reminders()

    assert len(reminders_to(editor.email)) == 1
    assert GuidanceReviewReminder.objects.filter(page=overdue).count() == 1


def test_a_new_review_date_that_passes_again_is_reminded_again(overdue, editor):
    send_review_reminders()
    overdue.next_review_date = PAST + datetime.timedelta(days=1)
    publish(overdue)

    send_review_reminders()

    assert len(reminders_to(editor.email)) == 2


def test_readers_and_pages_not_yet_due_get_no_reminder(tree, editor):
    reader = make_user(email="lukija@example.fi")
    make_guidance(tree, title="Tuore ohje")  # due in a month
    make_guidance(tree, title="Luonnos", next_review_date=PAST, live=False)

    send_review_reminders()

    assert mail.outbox == []
    assert reminders_to(reader.email) == []


def test_the_owner_who_may_edit_is_reminded_in_their_own_language(tree, editor):
    swedish = make_user(email="redaktor@example.fi", groups=(EDITORS_GROUP,), preferred_language="sv")
    make_guidance(tree, title="Ohje ruotsiksi", next_review_date=PAST, owner=swedish)

    send_review_reminders()

    [message] = reminders_to(swedish.email)
    assert "Granskning" in message.subject


def test_the_daily_timers_send_the_reminders(overdue, editor):
    call_command("run_timers", "--once")

    assert len(reminders_to(editor.email)) == 1


# --- The listing's badge ----------------------------------------------------------------------

BADGE = "Review overdue"


def test_an_editor_sees_the_overdue_badge_in_the_listing(overdue, editor, client, tree):
    client.force_login(editor)

    html = client.get("/en" + tree.guidance.url).content.decode()

    assert BADGE in html


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_readers_see_no_overdue_badge(overdue, client, tree, who):
    if who == "member":
        client.force_login(make_user())

    html = client.get("/en" + tree.guidance.url).content.decode()

    assert "Vanheneva ohje" in html
    assert BADGE not in html


def test_the_listing_costs_the_same_for_an_editor_with_one_or_many_overdue_pages(
    overdue, editor, client, tree
):
    client.force_login(editor)
    few = queries_for(client, tree.guidance.url)
    for number in range(8):
        make_guidance(tree, title=f"Vanha {number}", next_review_date=PAST)

    assert queries_for(client, tree.guidance.url) == few
