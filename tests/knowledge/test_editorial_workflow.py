"""Guidance and interpretations are published only through two-step approval."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import WorkflowState

from knowledge.editorial import APPROVAL_TASK, REVIEW_TASK, TWO_STEP_WORKFLOW
from tests.factories import make_keha_staff, make_member

from .conftest import make_guidance, make_interpretation


@pytest.fixture
def editor(db):
    return make_keha_staff("Editors", email="editor@keha.example")


@pytest.fixture
def second_editor(db):
    return make_keha_staff("Editors", email="editor2@keha.example")


@pytest.fixture
def approver(db):
    return make_keha_staff("Moderators", email="approver@keha.example")


def submit(page, user):
    page.save_revision(user=user)
    return page.get_workflow().start(page, user)


def approve_current_task(page, user, comment=""):
    state = page.current_workflow_state
    state.current_task_state.task.specific.on_action(
        state.current_task_state, user, "approve", comment=comment
    )


def reject_current_task(page, user, comment):
    state = page.current_workflow_state
    state.current_task_state.task.specific.on_action(
        state.current_task_state, user, "reject", comment=comment
    )


def test_guidance_and_interpretations_use_the_two_step_workflow(tree):
    guidance = make_guidance(tree, live=False)
    interpretation = make_interpretation(tree, live=False)

    for page in (guidance, interpretation):
        workflow = page.get_workflow()
        assert workflow.name == TWO_STEP_WORKFLOW
        assert [task.name for task in workflow.tasks] == [REVIEW_TASK, APPROVAL_TASK]


def test_a_guidance_page_goes_live_only_after_both_approvals(tree, editor, second_editor, approver):
    page = make_guidance(tree, live=False)
    submit(page, editor)
    page.refresh_from_db()
    assert not page.live

    approve_current_task(page, second_editor)
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.current_task_state.task.name == APPROVAL_TASK

    approve_current_task(page, approver)
    page.refresh_from_db()
    assert page.live


def test_an_editor_cannot_approve_the_final_step(tree, editor, second_editor):
    page = make_guidance(tree, live=False)
    submit(page, editor)
    approve_current_task(page, second_editor)
    page.refresh_from_db()
    task_state = page.current_workflow_state.current_task_state

    actions = [name for name, _label, _modal in task_state.task.specific.get_actions(page, second_editor)]
    assert "approve" not in actions


def test_an_editor_cannot_publish_from_the_admin(tree, editor, client):
    page = make_guidance(tree, live=False, title="Luonnos")
    client.force_login(editor)

    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        {
            "title": "Luonnos julkaistavaksi",
            "slug": page.slug,
            "action-publish": "publish",
            "publisher": "KEHA-keskus",
            "status": "valid",
            "intro": "",
            "body-count": "0",
            "attachments-count": "0",
            "tags": "",
            "change_notes-TOTAL_FORMS": "0",
            "change_notes-INITIAL_FORMS": "0",
            "change_notes-MIN_NUM_FORMS": "0",
            "change_notes-MAX_NUM_FORMS": "1000",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
        },
    )

    page.refresh_from_db()
    assert response.status_code in (200, 302, 403)
    assert not page.live
    assert not page.permissions_for_user(editor).can_publish()


def test_an_editor_can_edit_but_a_member_cannot_publish(tree, editor, network):
    member = make_member(network)
    page = make_guidance(tree)

    assert page.permissions_for_user(editor).can_edit()
    assert not page.permissions_for_user(member).can_edit()
    assert not page.permissions_for_user(member).can_publish()


def test_a_member_cannot_open_the_admin(tree, client, network):
    client.force_login(make_member(network))

    response = client.get("/admin/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_approval_with_a_future_go_live_date_publishes_on_schedule(tree, editor, second_editor, approver):
    page = make_guidance(tree, live=False)
    page.go_live_at = timezone.now() + datetime.timedelta(days=1)
    submit(page, editor)
    approve_current_task(page, second_editor)
    approve_current_task(page, approver)
    page.refresh_from_db()
    assert not page.live

    call_command("publish_scheduled")  # not yet due
    page.refresh_from_db()
    assert not page.live

    # The clock is the one thing a test cannot wait for: run the scheduler two days later.
    two_days_later = timezone.now() + datetime.timedelta(days=2)
    with mock.patch("django.utils.timezone.now", return_value=two_days_later):
        call_command("publish_scheduled")

    page.refresh_from_db()
    assert page.live


def test_a_rejection_tells_the_submitter_and_earlier_reviewers_why(
    tree, editor, second_editor, approver, django_capture_on_commit_callbacks
):
    page = make_guidance(tree, live=False, title="Kirjaamisohje")
    submit(page, editor)
    approve_current_task(page, second_editor)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        reject_current_task(page, approver, comment="Lähteet puuttuvat.")

    notices = {message.to[0]: message for message in mail.outbox}
    assert set(notices) == {editor.email, second_editor.email}
    for message in notices.values():
        assert "Kirjaamisohje" in message.subject
        assert "Lähteet puuttuvat." in message.body
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES


def test_the_setup_command_can_be_run_again(tree):
    call_command("setup_knowledge_editorial")
    call_command("setup_knowledge_editorial")

    page = make_guidance(tree, live=False)
    assert [task.name for task in page.get_workflow().tasks] == [REVIEW_TASK, APPROVAL_TASK]
