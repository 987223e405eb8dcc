"""A KEHA editor submits guidance, approvers publish it, and a follower hears about it."""

import io
import re
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from knowledge.editorial import TWO_STEP_WORKFLOW
from tests.e2e import content
from tests.e2e.browser import sign_in
from tests.factories import make_keha_staff, make_member, make_network
from typ_site.accounts.roles import APPROVERS_GROUP, EDITORS_GROUP

pytestmark = pytest.mark.e2e

NEW_INTRO = "Suunnitelma tehdään nyt kahden viikon kuluessa ensitapaamisesta."
CHANGE_NOTE = "Määräaika lyheni kolmesta kuukaudesta kahteen viikkoon."


@pytest.fixture
def newsroom(site_ready):
    """KEHA's editorial workflow, one published guidance page and the people around it."""
    tree = content.knowledge_tree()
    call_command("setup_knowledge_editorial", stdout=io.StringIO())
    network = make_network("Satakunnan TYP")
    return SimpleNamespace(
        guidance=content.guidance_page(tree),
        follower=make_member(network, first_name="Fanni", last_name="Seuraaja"),
        bystander=make_member(network, first_name="Pekka", last_name="Sivullinen"),
        editor=make_keha_staff(EDITORS_GROUP, first_name="Eeva", last_name="Toimittaja"),
        reviewer=make_keha_staff(EDITORS_GROUP, first_name="Risto", last_name="Tarkastaja"),
        approver=make_keha_staff(APPROVERS_GROUP, first_name="Hanna", last_name="Hyväksyjä"),
    )


def _open_action_menu(admin_page):
    """The page editor's footer: the primary action, and the others behind this toggle."""
    admin_page.get_by_role("button", name="Lisää toimintoja").click()


def _change_notifications():
    return [message for message in mail.outbox if CHANGE_NOTE in message.body]


def test_editor_submits_guidance_approvers_publish_it_and_the_follower_gets_one_email(
    page, new_context, newsroom
):
    guidance = newsroom.guidance
    anonymous = new_context().new_page()

    # A member follows the guidance page with its follow button.
    sign_in(page, newsroom.follower.email)
    page.goto(guidance.url)
    page.get_by_role("button", name="Seuraa tätä sivua").click()
    expect(page.locator(".messages")).to_contain_text("seuraat nyt", ignore_case=True)
    expect(page.get_by_role("button", name="Lopeta seuraaminen")).to_be_visible()

    # The editor changes the summary, writes a change note and submits the page for approval.
    editor = new_context().new_page()
    sign_in(editor, newsroom.editor.email)  # answers the two-step code
    editor.goto(f"/admin/pages/{guidance.pk}/edit/")
    editor.get_by_role("textbox", name="Tiivistelmä").fill(NEW_INTRO)
    editor.get_by_role("button", name="Lisää Muutosmerkinnät").click()
    expect(editor.get_by_role("textbox", name="Päivämäärä")).not_to_have_value("")
    editor.get_by_role("textbox", name="Mikä muuttui").fill(CHANGE_NOTE)
    # A change with a note is a major one: the form says the followers are told by e-mail.
    expect(editor.locator("main")).to_contain_text("sähköpostilla sivun seuraajalle (1 henkilö)")
    editor.get_by_role("radio", name=re.compile("Merkittävä muutos")).check()
    _open_action_menu(editor)
    footer = editor.locator("footer")
    submit = footer.get_by_role("button", name=f"Lähetä työnkulkuun {TWO_STEP_WORKFLOW}")
    expect(submit).to_be_visible()
    expect(footer.get_by_role("button", name="Julkaise", exact=True)).to_have_count(0)
    submit.click()
    expect(editor.locator(".messages")).to_contain_text("lähetetty tarkastettavaksi")

    # Submitting publishes nothing: readers still see the old summary, and no one is told.
    anonymous.goto(guidance.url)
    expect(anonymous.locator("main")).to_contain_text(content.GUIDANCE_INTRO)
    expect(anonymous.locator("main")).not_to_contain_text(NEW_INTRO)

    # A second editor approves the content review from the page editor's footer.
    reviewer = new_context().new_page()
    sign_in(reviewer, newsroom.reviewer.email)
    reviewer.goto(f"/admin/pages/{guidance.pk}/edit/")
    _open_action_menu(reviewer)
    reviewer.get_by_role("button", name="Hyväksy", exact=True).click()
    expect(reviewer.locator(".messages")).to_contain_text(f"Sivu '{guidance.title}' päivitetty")

    anonymous.reload()
    expect(anonymous.locator("main")).not_to_contain_text(NEW_INTRO)
    assert _change_notifications() == []

    # An editor cannot approve the final step; the approver does, with a comment, from the
    # dashboard's "awaiting your review" panel.
    reviewer.goto("/admin/")
    expect(reviewer.get_by_role("region", name="Odottaa tarkastustasi")).to_have_count(0)
    approver = new_context().new_page()
    sign_in(approver, newsroom.approver.email)
    approver.goto("/admin/")
    awaiting = approver.get_by_role("region", name="Odottaa tarkastustasi")
    row = awaiting.get_by_role("row").filter(has_text=guidance.title)
    row.get_by_role("button", name="Toimet").click()
    row.get_by_role("button", name="Hyväksy kommentin kera").click()
    dialog = approver.get_by_role("dialog")
    dialog.get_by_role("textbox", name="Kommentti").fill("Selkeä muutos, julkaistaan.")
    dialog.get_by_role("button", name="Hyväksy kommentin kera").click()
    expect(awaiting.get_by_role("row").filter(has_text=guidance.title)).to_have_count(0)

    # The new version is live for everyone.
    anonymous.reload()
    expect(anonymous.locator("main")).to_contain_text(NEW_INTRO)
    expect(anonymous.locator("main")).to_contain_text(CHANGE_NOTE)
    guidance.refresh_from_db()
    assert guidance.live and not guidance.has_unpublished_changes

    # Exactly one change e-mail, to the follower, naming the page and the change note. (The
    # tests' task backend is "immediate": the e-mail went out within the approval request.)
    notifications = _change_notifications()
    assert len(notifications) == 1, [(m.to, m.subject) for m in mail.outbox]
    notification = notifications[0]
    assert notification.to == [newsroom.follower.email]
    assert guidance.title in notification.subject
    assert guidance.title in notification.body and CHANGE_NOTE in notification.body
    assert guidance.url in notification.body
    assert not any(newsroom.bystander.email in message.to for message in mail.outbox)
