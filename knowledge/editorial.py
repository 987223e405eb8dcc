"""Who may write, approve and publish knowledge pages: groups, page permissions, workflows.

Everything here is idempotent and runs from `manage.py setup_knowledge_editorial` (also run by
the demo step, so `make run` sets it up) and from signals when an index or network page is
created, so nobody has to click permissions together by hand.

- KEHA's editors (group "Editors") write guidance and interpretations but cannot publish.
- KEHA's approvers (group "Moderators") publish. Guidance and interpretations go through a
  two-step workflow: a content review (editors or approvers), then approval (approvers).
  Both steps are four-eyes tasks: whoever submitted the page cannot approve it themselves.
- Each network's admin group edits and publishes its own network page and approves the
  practices written under it, and nothing else.
- Practices submitted without a network are approved by the approvers.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from typ_site.accounts.roles import APPROVERS_GROUP, EDITORS_GROUP, KEHA_GROUP
from typ_site.networks.admin_groups import admin_group_for

from .models import (
    CaseStoryIndexPage,
    FourEyesApprovalTask,
    GuidanceIndexPage,
    LawInterpretationIndexPage,
    NetworkIndexPage,
    NetworkPage,
    PracticeIndexPage,
    ThemeIndexPage,
)

TWO_STEP_WORKFLOW = "Ohjeiden ja tulkintojen kaksivaiheinen hyväksyntä"
REVIEW_TASK = "Asiasisällön tarkistus"
APPROVAL_TASK = "Julkaisun hyväksyntä"
PRACTICE_WORKFLOW = "Käytäntöjen hyväksyntä"
PRACTICE_TASK = "Käytännön hyväksyntä (KEHA)"
NETWORK_WORKFLOW_PREFIX = "Verkoston käytäntöjen hyväksyntä: "
NETWORK_TASK_PREFIX = "Verkoston ylläpitäjän hyväksyntä: "
SUBMISSION_COLLECTION = "Käytäntöehdotusten liitteet"

EDITOR_PAGE_PERMISSIONS = ("add", "change")
APPROVER_PAGE_PERMISSIONS = ("add", "change", "publish", "lock", "unlock")
NETWORK_ADMIN_PAGE_PERMISSIONS = ("add", "change", "publish")


def _page_permission(permission_type: str) -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{permission_type}_page")


def grant_page_permissions(group: Group, page: Page, permission_types) -> None:
    for permission_type in permission_types:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_page_permission(permission_type)
        )


def _grant_model_permissions(group: Group, app_label: str, codenames) -> None:
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    )


def _approval_task(name: str, groups) -> GroupApprovalTask:
    task = GroupApprovalTask.objects.filter(name=name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=name)
    return _activated_for(task, groups)


def _four_eyes_task(name: str, groups) -> FourEyesApprovalTask:
    """The named four-eyes task; a plain group approval task of that name is converted."""
    task = FourEyesApprovalTask.objects.filter(name=name).first()
    if task is None:
        plain = GroupApprovalTask.objects.filter(
            name=name, content_type=ContentType.objects.get_for_model(GroupApprovalTask)
        ).first()
        if plain is not None:
            task = _convert_to_four_eyes(plain)
        else:
            task = FourEyesApprovalTask.objects.create(name=name)
    return _activated_for(task, groups)


def _activated_for(task, groups):
    """The task, active and assigned to exactly these groups."""
    if not task.active:
        task.active = True
        task.save(update_fields=["active"])
    task.groups.set(groups)
    return task


def _convert_to_four_eyes(task: GroupApprovalTask) -> FourEyesApprovalTask:
    """Turn an existing group approval task into a four-eyes task in place.

    The task keeps its id, so its groups, the workflows using it and the reviews in progress
    on it stay as they are; only the rule of who may act changes.
    """
    FourEyesApprovalTask(groupapprovaltask_ptr=task).save_base(raw=True, force_insert=True)
    Task.objects.filter(pk=task.pk).update(
        content_type=ContentType.objects.get_for_model(FourEyesApprovalTask)
    )
    return FourEyesApprovalTask.objects.get(pk=task.pk)


def _workflow(name: str, tasks) -> Workflow:
    workflow, _created = Workflow.objects.get_or_create(name=name, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    current = list(workflow.workflow_tasks.order_by("sort_order").values_list("task_id", flat=True))
    if current != [task.pk for task in tasks]:
        workflow.workflow_tasks.all().delete()
        for order, task in enumerate(tasks):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    return workflow


def assign_workflow(workflow: Workflow, page: Page) -> None:
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


def editorial_groups() -> tuple[Group, Group]:
    editors, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    approvers, _ = Group.objects.get_or_create(name=APPROVERS_GROUP)
    return editors, approvers


@transaction.atomic
def setup_editorial_workflow() -> None:
    """Groups, permissions and workflows of the national sections (idempotent)."""
    editors, approvers = editorial_groups()
    Group.objects.get_or_create(name=KEHA_GROUP)
    for group in (editors, approvers):
        _grant_model_permissions(group, "wagtailadmin", ["access_admin"])
        _grant_model_permissions(
            group,
            "knowledge",
            [
                "add_statute",
                "change_statute",
                "view_statute",
                "add_lawsection",
                "change_lawsection",
                "view_lawsection",
            ],
        )
    _grant_model_permissions(approvers, "knowledge", ["delete_statute", "delete_lawsection"])

    root_collection = Collection.get_first_root_node()
    for group in (editors, approvers):
        for codename in ("add_document", "change_document", "choose_document"):
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=Permission.objects.get(content_type__app_label="wagtaildocs", codename=codename),
            )

    review = _four_eyes_task(REVIEW_TASK, [editors, approvers])
    approval = _four_eyes_task(APPROVAL_TASK, [approvers])
    two_step = _workflow(TWO_STEP_WORKFLOW, [review, approval])
    practice_task = _approval_task(PRACTICE_TASK, [approvers])
    practice_workflow = _workflow(PRACTICE_WORKFLOW, [practice_task])

    for index in GuidanceIndexPage.objects.all():
        _setup_national_section(index, editors, approvers, two_step)
    for index in LawInterpretationIndexPage.objects.all():
        _setup_national_section(index, editors, approvers, two_step)
    for index in CaseStoryIndexPage.objects.all():
        _setup_national_section(index, editors, approvers, two_step)
    for index in PracticeIndexPage.objects.all():
        _setup_national_section(index, editors, approvers, practice_workflow)
    for index in list(NetworkIndexPage.objects.all()) + list(ThemeIndexPage.objects.all()):
        grant_page_permissions(editors, index, EDITOR_PAGE_PERMISSIONS)
        grant_page_permissions(approvers, index, APPROVER_PAGE_PERMISSIONS)
    for network_page in NetworkPage.objects.select_related("network"):
        setup_network_page_permissions(network_page)


def _setup_national_section(index: Page, editors, approvers, workflow) -> None:
    grant_page_permissions(editors, index, EDITOR_PAGE_PERMISSIONS)
    grant_page_permissions(approvers, index, APPROVER_PAGE_PERMISSIONS)
    assign_workflow(workflow, index)


@transaction.atomic
def setup_network_page_permissions(network_page: NetworkPage) -> None:
    """The network's admins edit its page and approve the practices under it (idempotent)."""
    network = network_page.network
    admins = admin_group_for(network)
    _, approvers = editorial_groups()
    grant_page_permissions(admins, network_page, NETWORK_ADMIN_PAGE_PERMISSIONS)
    _grant_model_permissions(admins, "knowledge", ["view_lawsection"])
    root_collection = Collection.get_first_root_node()
    GroupCollectionPermission.objects.get_or_create(
        group=admins,
        collection=root_collection,
        permission=Permission.objects.get(content_type__app_label="wagtaildocs", codename="choose_document"),
    )
    task = _approval_task(f"{NETWORK_TASK_PREFIX}{network.slug}", [admins, approvers])
    workflow = _workflow(f"{NETWORK_WORKFLOW_PREFIX}{network.slug}", [task])
    assign_workflow(workflow, network_page)


def submission_collection() -> Collection:
    """Where files attached to submitted practices go: readable by signed-in members only."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=SUBMISSION_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=SUBMISSION_COLLECTION)
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    return collection
