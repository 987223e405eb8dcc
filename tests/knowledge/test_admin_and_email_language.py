"""The admin and its e-mails speak the reader's language, and their links lead to SITE_URL.

A person's `preferred_language` is the one setting: Wagtail's user profile follows it, so the
admin is Finnish for a Finnish editor whatever their browser asks for, and each workflow e-mail
is written in its recipient's language. Strings that Wagtail's own Finnish catalogue lacks come
from site/wagtail_locale.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.utils import translation
from wagtail.users.models import UserProfile

from tests.factories import make_keha_staff, make_member

from .conftest import make_guidance

SITE_URL = "https://typ.example.fi"
ADDRESS = re.compile(r"https?://[^\s\"'<>]+")


@pytest.fixture(autouse=True)
def _public_address(settings):
    settings.SITE_URL = SITE_URL
    settings.WAGTAILADMIN_BASE_URL = SITE_URL


@pytest.fixture
def editor(db):
    return make_keha_staff("Editors", email="toimittaja@keha.example")


@pytest.fixture
def finnish_reviewer(db):
    return make_keha_staff("Editors", email="tarkastaja@keha.example")


@pytest.fixture
def swedish_reviewer(db):
    return make_keha_staff("Editors", email="granskare@keha.example", preferred_language="sv")


# A guidance page's admin form with no title.
EMPTY_GUIDANCE_FORM = {
    "title": "",
    "slug": "",
    "publisher": "KEHA-keskus",
    "status": "valid",
    "intro": "",
    "body-count": "0",
    "attachments-count": "0",
    "tags": "",
    **{
        f"{formset}-{part}": "0"
        for formset in ("change_notes", "comments")
        for part in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS")
    },
    "change_notes-MAX_NUM_FORMS": "1000",
    "comments-MAX_NUM_FORMS": "1000",
}


def hosts_in(text: str) -> set[str]:
    return {urlsplit(address).netloc for address in ADDRESS.findall(text)}


def submit(page, user, capture):
    with capture(execute=True):
        page.save_revision(user=user)
        page.get_workflow().start(page, user)


def approve_current_task(page, user, capture):
    state = page.current_workflow_state
    with capture(execute=True):
        state.current_task_state.task.specific.on_action(state.current_task_state, user, "approve")


# --- The admin --------------------------------------------------------------------------------


def test_the_wagtail_profile_follows_the_preferred_language(editor):
    assert UserProfile.get_for_user(editor).preferred_language == "fi"

    editor.preferred_language = "sv"
    editor.save()

    assert UserProfile.get_for_user(editor).preferred_language == "sv"


def test_a_language_chosen_in_the_admin_becomes_the_preferred_language(editor):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "sv"
    profile.save()

    editor.refresh_from_db()
    assert editor.preferred_language == "sv"


def test_a_finnish_editor_gets_a_finnish_admin_whatever_the_browser_asks(tree, editor, client):
    client.force_login(editor)

    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en")

    content = response.content.decode()
    assert '<html lang="fi"' in content
    assert "Hae kaikilta sivuilta…" in content  # "Search all pages…", missing from Wagtail's catalogue
    assert "Search all pages" not in content


def test_a_swedish_editor_gets_a_swedish_admin(tree, swedish_reviewer, client):
    client.force_login(swedish_reviewer)

    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="fi")

    assert '<html lang="sv"' in response.content.decode()


def test_the_dashboard_tells_a_reviewer_in_finnish_who_submitted_the_task(
    tree, editor, finnish_reviewer, client, django_capture_on_commit_callbacks
):
    submit(make_guidance(tree, live=False, title="Kirjaamisohje"), editor, django_capture_on_commit_callbacks)
    client.force_login(finnish_reviewer)

    content = client.get("/admin/").content.decode()

    assert "Kirjaamisohje" in content
    assert "Tehtävän lähettäjä" in content  # "Task submitted by"
    assert "Task submitted by" not in content


def test_a_page_sent_back_with_errors_says_so_in_finnish(tree, editor, client):
    client.force_login(editor)

    response = client.post(
        f"/admin/pages/add/knowledge/guidancepage/{tree.guidance.pk}/", EMPTY_GUIDANCE_FORM
    )

    content = response.content.decode()
    assert "Sivua ei voitu luoda, koska lomakkeessa on virheitä." in content
    assert "could not be created" not in content


def test_every_wagtail_string_of_the_site_catalogue_is_translated():
    """Each string in site/wagtail_locale reads in Finnish and in Swedish (the .mo is built)."""
    for msgid, finnish, swedish in [
        ("Task submitted by", "Tehtävän lähettäjä", None),
        ("The page could not be saved due to validation errors.", "Sivua ei voitu tallentaa", None),
        ("Schedule to publish", "Ajasta julkaisu", "Schemalägg publicering"),
    ]:
        with translation.override("fi"):
            assert translation.gettext(msgid).startswith(finnish)
        with translation.override("sv"):
            assert translation.gettext(msgid) != msgid
            if swedish:
                assert translation.gettext(msgid) == swedish


# --- Workflow e-mails -------------------------------------------------------------------------


def test_a_submission_e_mails_each_reviewer_in_their_language_with_links_to_site_url(
    tree, editor, finnish_reviewer, swedish_reviewer, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    submit(make_guidance(tree, live=False, title="Kirjaamisohje"), editor, django_capture_on_commit_callbacks)

    messages = {message.to[0]: message for message in mail.outbox}
    finnish = messages[finnish_reviewer.email]
    swedish = messages[swedish_reviewer.email]
    assert finnish.subject.startswith('Sivu "Kirjaamisohje" on lähetetty')
    assert "Voit muokata sivua täältä" in finnish.body
    assert swedish.subject.startswith('Sidan "Kirjaamisohje"')
    assert "Du kan redigera sidan här" in swedish.body
    for message in (finnish, swedish):
        assert hosts_in(message.body) == {"typ.example.fi"}


def test_a_member_hears_of_an_approval_in_their_language_without_admin_links(
    tree, network, editor, finnish_reviewer, django_capture_on_commit_callbacks
):
    approver = make_keha_staff("Moderators", email="hyvaksyja@keha.example")
    member = make_member(network, email="jasen@example.fi", preferred_language="sv")
    page = make_guidance(tree, live=False, title="Kirjaamisohje")
    submit(page, member, django_capture_on_commit_callbacks)
    approve_current_task(page, finnish_reviewer, django_capture_on_commit_callbacks)
    mail.outbox.clear()

    approve_current_task(page, approver, django_capture_on_commit_callbacks)

    [message] = [message for message in mail.outbox if message.to == [member.email]]
    assert message.subject.startswith("Objektet") or message.subject.startswith('Sidan "Kirjaamisohje"')
    assert "Kirjaamisohje" in message.body
    assert hosts_in(message.body) == {"typ.example.fi"}
    assert "/admin/" not in message.body


def test_an_editor_still_gets_the_link_to_their_notification_settings(
    tree, editor, finnish_reviewer, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    submit(make_guidance(tree, live=False, title="Kirjaamisohje"), editor, django_capture_on_commit_callbacks)

    [message] = [message for message in mail.outbox if message.to == [finnish_reviewer.email]]
    assert f"{SITE_URL}/admin/account/#tab-notifications" in message.body
