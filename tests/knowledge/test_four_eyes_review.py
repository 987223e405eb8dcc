"""Someone other than the person who submitted guidance or an interpretation approves it."""

import io

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Task,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from knowledge.demo import load_knowledge_demo
from knowledge.editorial import APPROVAL_TASK, REVIEW_TASK, TWO_STEP_WORKFLOW
from knowledge.models import FourEyesApprovalTask
from tests.factories import make_keha_staff, make_user
from tests.helpers import load_demo_steps
from typ_site.accounts.roles import APPROVERS_GROUP, EDITORS_GROUP
from typ_site.core.demo import demo_email
from typ_site.core.demo_content import load_core_demo

from .conftest import make_guidance, make_interpretation

DECISIONS = {"approve", "reject"}


@pytest.fixture
def editor(db):
    return make_keha_staff(EDITORS_GROUP, email="author@keha.example")


@pytest.fixture
def second_editor(db):
    return make_keha_staff(EDITORS_GROUP, email="reviewer@keha.example")


@pytest.fixture
def approver(db):
    return make_keha_staff(APPROVERS_GROUP, email="approver@keha.example")


@pytest.fixture
def second_approver(db):
    return make_keha_staff(APPROVERS_GROUP, email="approver2@keha.example")


def submit(page, user):
    page.save_revision(user=user)
    return page.get_workflow().start(page, user)


def fresh(page):
    return Page.objects.get(pk=page.pk).specific


def offered_decisions(page, user):
    page = fresh(page)
    return {name for name, _label, _modal in page.current_workflow_task.get_actions(page, user)}


def current_task_name(page):
    return fresh(page).current_workflow_task.name


def workflow_action_url(page, action):
    task_state = fresh(page).current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))


def post_decision(client, user, page, action, comment=""):
    client.force_login(user)
    return client.post(workflow_action_url(page, action), {"comment": comment})


def assert_refused(response):
    # Wagtail's admin answers a PermissionDenied with a redirect to the dashboard and an
    # error message; an accepted decision would return to the page editor instead.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def editor_footer_html(client, user, page):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200
    return response.content.decode()


# --- Who is offered the decision ---------------------------------------------------------------


def test_both_steps_of_guidance_and_interpretations_are_four_eyes_tasks(tree):
    for page in (make_guidance(tree, live=False), make_interpretation(tree, live=False)):
        tasks = [task.specific for task in page.get_workflow().tasks]
        assert [task.name for task in tasks] == [REVIEW_TASK, APPROVAL_TASK]
        assert all(isinstance(task, FourEyesApprovalTask) for task in tasks)


def test_the_submitter_is_not_offered_approve_or_reject_on_the_content_review(tree, editor, second_editor):
    page = make_guidance(tree, live=False)
    submit(page, editor)

    assert offered_decisions(page, editor) == set()
    assert offered_decisions(page, second_editor) == DECISIONS


def test_the_page_editor_shows_the_review_buttons_to_a_colleague_but_not_to_the_submitter(
    tree, editor, second_editor, client
):
    page = make_guidance(tree, live=False)
    submit(page, editor)

    assert 'data-workflow-action-name="approve"' not in editor_footer_html(client, editor, page)
    assert 'data-workflow-action-name="approve"' in editor_footer_html(client, second_editor, page)


def test_the_submitter_is_not_offered_approve_or_reject_on_the_final_approval(
    tree, approver, second_approver, second_editor, client
):
    page = make_interpretation(tree, live=False)
    submit(page, approver)  # an approver can also write, and then someone else approves
    post_decision(client, second_editor, page, "approve")
    assert current_task_name(page) == APPROVAL_TASK

    assert offered_decisions(page, approver) == set()
    assert offered_decisions(page, second_approver) == DECISIONS


def test_the_submitters_own_page_is_not_awaiting_their_review(tree, approver, second_approver):
    page = make_guidance(tree, live=False)
    submit(page, approver)  # in both groups of the content review

    awaiting_submitter = TaskState.objects.reviewable_by(approver)
    awaiting_colleague = TaskState.objects.reviewable_by(second_approver)

    assert not awaiting_submitter.filter(workflow_state__object_id=str(page.pk)).exists()
    assert awaiting_colleague.filter(workflow_state__object_id=str(page.pk)).exists()


def test_the_submitter_still_sees_the_page_and_where_it_stands(tree, editor, client):
    page = make_guidance(tree, live=False, title="Kirjaamisen periaatteet")
    submit(page, editor)

    html = editor_footer_html(client, editor, page)

    assert "Kirjaamisen periaatteet" in html
    assert REVIEW_TASK in html


def test_a_superuser_keeps_wagtails_default_and_may_decide(tree):
    superuser = make_user(email="admin@keha.example", is_superuser=True, is_staff=True)
    page = make_guidance(tree, live=False)
    submit(page, superuser)

    assert offered_decisions(page, superuser) == DECISIONS


# --- Crafted requests --------------------------------------------------------------------------


@pytest.mark.parametrize("action", ["approve", "reject"])
def test_a_crafted_post_by_the_submitter_does_not_advance_the_workflow(tree, editor, client, action):
    page = make_guidance(tree, live=False)
    state = submit(page, editor)

    response = post_decision(client, editor, page, action, comment="Hyvä, hyväksyn itse.")

    assert_refused(response)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.status == TaskState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == REVIEW_TASK
    assert not fresh(page).live


def test_a_crafted_approval_by_the_submitter_on_the_final_step_is_refused(
    tree, approver, second_editor, client
):
    page = make_guidance(tree, live=False)
    state = submit(page, approver)
    post_decision(client, second_editor, page, "approve")

    response = post_decision(client, approver, page, "approve")

    assert_refused(response)
    state.refresh_from_db()
    assert state.current_task_state.task.name == APPROVAL_TASK
    assert state.current_task_state.status == TaskState.STATUS_IN_PROGRESS
    assert not fresh(page).live


def test_an_approval_posted_through_the_page_editor_by_the_submitter_only_saves_a_draft(tree, editor, client):
    page = make_guidance(tree, live=False, title="Luonnos")
    state = submit(page, editor)
    client.force_login(editor)

    client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        {
            "title": "Luonnos",
            "slug": page.slug,
            "action-workflow-action": "true",
            "workflow-action-name": "approve",
            "workflow-action-extra-data": "{}",
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

    state.refresh_from_db()
    assert state.current_task_state.task.name == REVIEW_TASK
    assert state.current_task_state.status == TaskState.STATUS_IN_PROGRESS


def test_the_model_refuses_a_decision_by_the_submitter(tree, editor):
    page = make_guidance(tree, live=False)
    state = submit(page, editor)
    task_state = state.current_task_state

    with pytest.raises(PermissionDenied):
        task_state.task.specific.on_action(task_state, editor, "approve")

    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS


# --- Colleagues decide -------------------------------------------------------------------------


def test_another_editor_approves_the_review_and_a_moderator_publishes(
    tree, editor, second_editor, approver, client
):
    page = make_guidance(tree, live=False)
    submit(page, editor)

    response = post_decision(client, second_editor, page, "approve")
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert current_task_name(page) == APPROVAL_TASK
    assert not fresh(page).live

    response = post_decision(client, approver, page, "approve", comment="Julkaistaan.")
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert fresh(page).live


def test_another_editor_can_ask_the_submitter_for_changes(tree, editor, second_editor, client):
    page = make_guidance(tree, live=False)
    state = submit(page, editor)

    post_decision(client, second_editor, page, "reject", comment="Lähteet puuttuvat.")

    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES


# --- The setup command -------------------------------------------------------------------------


def editorial_setup_snapshot():
    """Everything `setup_knowledge_editorial` writes, with ids, so a rewrite would show."""
    return {
        "tasks": sorted(Task.objects.values_list("pk", "name", "content_type_id", "active")),
        "four_eyes": sorted(FourEyesApprovalTask.objects.values_list("pk", flat=True)),
        "task_groups": sorted(
            GroupApprovalTask.groups.through.objects.values_list("pk", "groupapprovaltask_id", "group_id")
        ),
        "workflows": sorted(Workflow.objects.values_list("pk", "name", "active")),
        "workflow_tasks": sorted(
            WorkflowTask.objects.values_list("pk", "workflow_id", "task_id", "sort_order")
        ),
        "workflow_pages": sorted(WorkflowPage.objects.values_list("page_id", "workflow_id")),
        "page_permissions": sorted(
            GroupPagePermission.objects.values_list("pk", "group_id", "page_id", "permission_id")
        ),
        "group_permissions": sorted(
            Group.permissions.through.objects.values_list("pk", "group_id", "permission_id")
        ),
    }


def test_running_the_setup_command_twice_changes_nothing(tree):
    call_command("setup_knowledge_editorial", stdout=io.StringIO())
    after_first_run = editorial_setup_snapshot()

    call_command("setup_knowledge_editorial", stdout=io.StringIO())

    assert editorial_setup_snapshot() == after_first_run
    assert FourEyesApprovalTask.objects.filter(name__in=[REVIEW_TASK, APPROVAL_TASK]).count() == 2


def install_plain_group_approval_tasks():
    """The two-step workflow as it was before the four-eyes rule: plain group approval."""
    editors = Group.objects.get(name=EDITORS_GROUP)
    approvers = Group.objects.get(name=APPROVERS_GROUP)
    FourEyesApprovalTask.objects.all().delete()
    review = GroupApprovalTask.objects.create(name=REVIEW_TASK)
    review.groups.set([editors, approvers])
    approval = GroupApprovalTask.objects.create(name=APPROVAL_TASK)
    approval.groups.set([approvers])
    workflow = Workflow.objects.get(name=TWO_STEP_WORKFLOW)
    workflow.workflow_tasks.all().delete()
    WorkflowTask.objects.create(workflow=workflow, task=review, sort_order=0)
    WorkflowTask.objects.create(workflow=workflow, task=approval, sort_order=1)
    return review, approval


def test_the_command_converts_an_old_plain_group_approval_setup(tree, editor, second_editor):
    review, approval = install_plain_group_approval_tasks()
    page = make_guidance(tree, live=False)
    submit(page, editor)
    assert offered_decisions(page, editor) == DECISIONS  # the old loophole
    task_count = Task.objects.count()

    call_command("setup_knowledge_editorial", stdout=io.StringIO())

    tasks = [task.specific for task in Workflow.objects.get(name=TWO_STEP_WORKFLOW).tasks]
    assert [task.pk for task in tasks] == [review.pk, approval.pk]
    assert all(isinstance(task, FourEyesApprovalTask) for task in tasks)
    assert {group.name for group in tasks[0].groups.all()} == {EDITORS_GROUP, APPROVERS_GROUP}
    assert {group.name for group in tasks[1].groups.all()} == {APPROVERS_GROUP}
    assert Task.objects.count() == task_count
    # The review already under way continues under the new rule.
    assert offered_decisions(page, editor) == set()
    assert offered_decisions(page, second_editor) == DECISIONS


def test_converting_the_old_setup_is_idempotent(tree):
    install_plain_group_approval_tasks()
    call_command("setup_knowledge_editorial", stdout=io.StringIO())
    after_conversion = editorial_setup_snapshot()

    call_command("setup_knowledge_editorial", stdout=io.StringIO())

    assert editorial_setup_snapshot() == after_conversion


def test_the_demo_guidance_in_review_waits_for_someone_other_than_its_editor(db):
    load_demo_steps("core", "knowledge")
    load_knowledge_demo()
    page = Page.objects.get(slug="kirjaamisen-periaatteet")
    users = get_user_model().objects
    submitter = users.get(email=demo_email("toimittaja"))
    approver = users.get(email=demo_email("hyvaksyja"))

    assert isinstance(fresh(page).current_workflow_task, FourEyesApprovalTask)
    assert offered_decisions(page, submitter) == set()
    assert offered_decisions(page, approver) == DECISIONS


def test_the_approver_of_the_first_step_cannot_approve_the_second(
    tree, editor, approver, second_approver, client
):
    page = make_guidance(tree, live=False)
    submit(page, editor)
    state = fresh(page).current_workflow_task_state
    state.task.specific.on_action(state, approver, "approve")
    assert current_task_name(page) == APPROVAL_TASK

    assert offered_decisions(page, approver) == set()
    assert_refused(post_decision(client, approver, page, "approve"))
    assert not fresh(page).live
    assert offered_decisions(page, second_approver) >= DECISIONS


def test_the_second_step_does_not_await_the_first_steps_approver(tree, editor, approver):
    page = make_guidance(tree, live=False)
    submit(page, editor)
    state = fresh(page).current_workflow_task_state
    state.task.specific.on_action(state, approver, "approve")

    approval = FourEyesApprovalTask.objects.get(name=APPROVAL_TASK)
    assert not approval.get_task_states_user_can_moderate(approver).exists()


def test_the_demo_has_a_second_approver_with_an_authenticator(db):
    load_core_demo()
    second = get_user_model().objects.get(email=demo_email("hyvaksyja2"))

    assert second.groups.filter(name=APPROVERS_GROUP).exists()
    assert Authenticator.objects.filter(user=second, type=Authenticator.Type.TOTP).exists()
