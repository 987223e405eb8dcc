"""Who may write, approve and publish knowledge pages: groups, page permissions, workflows.

Everything here is idempotent and runs from `manage.py setup_knowledge_editorial` (also run by
the demo step, so `make run` sets it up) and from signals when an index or network page is
created, so nobody has to click permissions together by hand.

- KEHA's editors (group "Editors") write guidance and interpretations but cannot publish.
- KEHA's approvers (group "Moderators") publish, through the workflow's tasks only.
  Guidance and interpretations go through a two-step workflow: a content review (editors or
  approvers), then approval (approvers). Both steps are four-eyes tasks: whoever submitted
  the page cannot approve it, and the second step needs someone other than the first's
  approver.
- Each network's admin group edits and publishes its own network page and approves the
  practices written under it, and nothing else.
- The tables below (PAGE_PERMISSION_TABLE and the others) are the one statement of these
  rights: the setup writes them, the tests read them.
- Practices submitted without a network are approved by the approvers.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
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
from typ_site.core.access import MEMBERS, PUBLIC
from typ_site.networks.admin_groups import GROUP_NAME_PREFIX, admin_group_for

from .models import (
    CaseStoryIndexPage,
    FourEyesApprovalTask,
    GuidanceIndexPage,
    LawInterpretationIndexPage,
    NetworkPage,
    PracticeIndexPage,
    PracticePage,
)
from .visibility import page_access_key
from .workflow_names import (
    APPROVAL_TASK,
    NETWORK_TASK_PREFIX,
    NETWORK_WORKFLOW_PREFIX,
    PRACTICE_TASK,
    PRACTICE_WORKFLOW,
    REVIEW_TASK,
    TWO_STEP_WORKFLOW,
)

SUBMISSION_COLLECTION = "Käytäntöehdotusten liitteet"

SHARED_COLLECTION = "Yhteiset tiedostot"
PENDING_SUBMISSIONS_COLLECTION = "Käsittelyssä olevien käytäntöjen liitteet"
PUBLIC_SUBMISSIONS_COLLECTION = "Julkaistujen käytäntöjen liitteet"
NATIONAL_SUBMISSIONS = "KEHA"

# Every network's admin group, in the table below (each gets its own network's rows).
NETWORK_ADMINS = "network admins"

EDITOR_PAGE_PERMISSIONS = ("add", "change")
# Approvers publish through the workflow's tasks only (WAGTAIL_FINISH_WORKFLOW_ACTION), never
# with a plain "publish" permission that would let them skip the review.
APPROVER_PAGE_PERMISSIONS = ("add", "change", "lock", "unlock")
NETWORK_ADMIN_PAGE_PERMISSIONS = ("add", "change", "publish")
DOCUMENTS_AND_IMAGES = (
    "add_document",
    "change_document",
    "choose_document",
    "add_image",
    "change_image",
    "choose_image",
)
REVIEWER_DOCUMENTS = ("change_document", "choose_document")

# THE table of who may do what in the Wagtail admin's page tree and collections, derived
# from the site's roles. `setup_editorial_workflow` writes exactly these rows (and removes
# any other row of these groups, such as Wagtail's default permissions on the root page);
# the tests compare the database with `planned_permissions()`, which reads this table.
#
# Pages: (group, page type) -> page permissions on every page of that type (for
# NETWORK_ADMINS: each network's admin group on its own network's page, so its subtree).
PAGE_PERMISSION_TABLE: dict[tuple[str, type[Page]], tuple[str, ...]] = {
    (EDITORS_GROUP, GuidanceIndexPage): EDITOR_PAGE_PERMISSIONS,
    (EDITORS_GROUP, LawInterpretationIndexPage): EDITOR_PAGE_PERMISSIONS,
    (EDITORS_GROUP, CaseStoryIndexPage): EDITOR_PAGE_PERMISSIONS,
    (APPROVERS_GROUP, GuidanceIndexPage): APPROVER_PAGE_PERMISSIONS,
    (APPROVERS_GROUP, LawInterpretationIndexPage): APPROVER_PAGE_PERMISSIONS,
    (APPROVERS_GROUP, CaseStoryIndexPage): APPROVER_PAGE_PERMISSIONS,
    (APPROVERS_GROUP, PracticeIndexPage): APPROVER_PAGE_PERMISSIONS,
    (NETWORK_ADMINS, NetworkPage): NETWORK_ADMIN_PAGE_PERMISSIONS,
}
# Collections: (group, collection) -> collection permissions. SHARED_COLLECTION holds the
# documents and images pages use; files submitted with a practice wait in
# PENDING_SUBMISSIONS_COLLECTION's child for their network (or NATIONAL_SUBMISSIONS), seen by
# the practice's reviewers only. For NETWORK_ADMINS, the network's own child.
COLLECTION_PERMISSION_TABLE: dict[tuple[str, str], tuple[str, ...]] = {
    (EDITORS_GROUP, SHARED_COLLECTION): DOCUMENTS_AND_IMAGES,
    (APPROVERS_GROUP, SHARED_COLLECTION): DOCUMENTS_AND_IMAGES,
    (APPROVERS_GROUP, PENDING_SUBMISSIONS_COLLECTION): REVIEWER_DOCUMENTS,
    (NETWORK_ADMINS, SHARED_COLLECTION): ("choose_document",),
    (NETWORK_ADMINS, PENDING_SUBMISSIONS_COLLECTION): REVIEWER_DOCUMENTS,
}
# Model permissions (statutes and law sections are snippets).
MODEL_PERMISSION_TABLE: dict[str, tuple[str, ...]] = {
    EDITORS_GROUP: ("add_statute", "change_statute", "view_statute")
    + ("add_lawsection", "change_lawsection", "view_lawsection"),
    APPROVERS_GROUP: ("add_statute", "change_statute", "view_statute", "delete_statute")
    + ("add_lawsection", "change_lawsection", "view_lawsection", "delete_lawsection"),
    NETWORK_ADMINS: ("view_lawsection",),
}


def _page_permission(permission_type: str) -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{permission_type}_page")


def shared_collection() -> Collection:
    """The documents and images KEHA's editors use on pages (no view restriction)."""
    return _child_collection(Collection.get_first_root_node(), SHARED_COLLECTION)


def _child_collection(parent: Collection, name: str) -> Collection:
    collection = parent.get_children().filter(name=name).first()
    if collection is None:
        collection = parent.add_child(name=name)
    return collection


def pending_submissions_collection(network=None) -> Collection:
    """Where a submitted practice's files wait for its reviewers: one child per network.

    A group restriction keeps them out of search and away from everyone but the reviewers
    (the submitter downloads theirs through `knowledge.wagtail_hooks`).
    """
    root = Collection.get_first_root_node()
    parent = _child_collection(root, PENDING_SUBMISSIONS_COLLECTION)
    if network is None:
        collection = _child_collection(parent, NATIONAL_SUBMISSIONS)
        reviewers = [editorial_groups()[1]]
    else:
        collection = _child_collection(parent, network.slug)
        reviewers = [editorial_groups()[1], admin_group_for(network)]
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    restriction.groups.set(reviewers)
    return collection


def published_submissions_collection(access_key: str) -> Collection | None:
    """Where a published practice's files go: public, or behind a login like the page."""
    root = Collection.get_first_root_node()
    if access_key == PUBLIC:
        return _child_collection(root, PUBLIC_SUBMISSIONS_COLLECTION)
    if access_key == MEMBERS:
        return submission_collection()
    return None


def _planned_rows(network_pages) -> tuple[set, set, set]:
    """(group id, page id, permission id), (group id, collection id, permission id) and
    (group id, permission id) rows that the tables call for."""
    editors, approvers = editorial_groups()
    named = {EDITORS_GROUP: editors, APPROVERS_GROUP: approvers}
    page_permissions = {
        permission.codename.removesuffix("_page"): permission.pk
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__endswith="_page"
        )
    }
    collection_permissions = dict(
        Permission.objects.filter(content_type__app_label__in=["wagtaildocs", "wagtailimages"]).values_list(
            "codename", "pk"
        )
    )
    model_permissions = dict(
        Permission.objects.filter(content_type__app_label="knowledge").values_list("codename", "pk")
    )
    pages: set[tuple[int, int, int]] = set()
    collections: set[tuple[int, int, int]] = set()
    models: set[tuple[int, int]] = set()
    shared = shared_collection()
    for (group_name, page_type), permission_types in PAGE_PERMISSION_TABLE.items():
        if group_name == NETWORK_ADMINS:
            targets = [(admin_group_for(page.network), page) for page in network_pages]
        else:
            targets = [(named[group_name], page) for page in page_type.objects.all()]
        for group, page in targets:
            pages.update((group.pk, page.pk, page_permissions[name]) for name in permission_types)
    for (group_name, collection_name), codenames in COLLECTION_PERMISSION_TABLE.items():
        if group_name == NETWORK_ADMINS:
            if collection_name == SHARED_COLLECTION:
                targets = [(admin_group_for(page.network), shared) for page in network_pages]
            else:
                targets = [
                    (admin_group_for(page.network), pending_submissions_collection(page.network))
                    for page in network_pages
                ]
        elif collection_name == SHARED_COLLECTION:
            targets = [(named[group_name], shared)]
        else:
            pending_submissions_collection()
            parent = Collection.get_first_root_node().get_children().get(name=PENDING_SUBMISSIONS_COLLECTION)
            targets = [(named[group_name], parent)]
        for group, collection in targets:
            collections.update((group.pk, collection.pk, collection_permissions[name]) for name in codenames)
    for group_name, codenames in MODEL_PERMISSION_TABLE.items():
        groups = (
            [admin_group_for(page.network) for page in network_pages]
            if group_name == NETWORK_ADMINS
            else [named[group_name]]
        )
        for group in groups:
            models.update((group.pk, model_permissions[name]) for name in codenames)
    return pages, collections, models


def planned_permissions() -> tuple[set, set, set]:
    """What the permission tables call for in this database (see PAGE_PERMISSION_TABLE)."""
    return _planned_rows(list(NetworkPage.objects.select_related("network")))


def managed_groups():
    """The groups whose page, collection and knowledge permissions the tables decide."""
    return Group.objects.filter(
        Q(name__in=[EDITORS_GROUP, APPROVERS_GROUP, KEHA_GROUP]) | Q(name__startswith=GROUP_NAME_PREFIX)
    )


def _sync_rows(model, target_field: str, planned: set, group_ids: set) -> None:
    """Make the (group, page or collection, permission) rows of `model` for these groups
    exactly the planned ones."""
    existing = set(
        model.objects.filter(group_id__in=group_ids).values_list("group_id", target_field, "permission_id")
    )
    wanted = {row for row in planned if row[0] in group_ids}
    for group_id, target_id, permission_id in existing - wanted:
        row = {"group_id": group_id, target_field: target_id, "permission_id": permission_id}
        model.objects.filter(**row).delete()
    model.objects.bulk_create(
        model(**{"group_id": group_id, target_field: target_id, "permission_id": permission_id})
        for group_id, target_id, permission_id in wanted - existing
    )


def _apply_permission_tables(network_pages, groups) -> None:
    """Make the rows of `groups` exactly what the tables say: add the missing, remove the rest."""
    pages, collections, models = _planned_rows(network_pages)
    group_ids = {group.pk for group in groups}
    _sync_rows(GroupPagePermission, "page_id", pages, group_ids)
    _sync_rows(GroupCollectionPermission, "collection_id", collections, group_ids)
    knowledge_permissions = set(
        Permission.objects.filter(content_type__app_label="knowledge").values_list("pk", flat=True)
    )
    for group in groups:
        wanted = {permission_id for group_id, permission_id in models if group_id == group.pk}
        current = set(group.permissions.filter(pk__in=knowledge_permissions).values_list("pk", flat=True))
        group.permissions.remove(*(current - wanted))
        group.permissions.add(*(wanted - current))


def _grant_model_permissions(group: Group, app_label: str, codenames) -> None:
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    )


def _grant_translation(group: Group) -> None:
    """Translating pages (wagtail.contrib.simple_translation): the view also asks whether the
    person may edit the page, so editors translate the national sections and a network's
    admins their own network's pages; the copy lands where the page tables give them rights."""
    _grant_model_permissions(group, "simple_translation", ["submit_translation"])


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
    """Groups, permissions and workflows of the national sections (idempotent).

    The page, collection and model permissions of the editorial and network admin groups
    become exactly what the permission tables say; rows the tables do not name (Wagtail's
    default permissions on the root page and collection among them) are removed.
    """
    editors, approvers = editorial_groups()
    Group.objects.get_or_create(name=KEHA_GROUP)
    for group in (editors, approvers):
        _grant_model_permissions(group, "wagtailadmin", ["access_admin"])
        _grant_translation(group)
    for group in Group.objects.filter(name__startswith=GROUP_NAME_PREFIX):
        _grant_translation(group)
    _move_root_files_to_shared_collection()
    network_pages = list(NetworkPage.objects.select_related("network"))
    _apply_permission_tables(network_pages, list(managed_groups()))

    review = _four_eyes_task(REVIEW_TASK, [editors, approvers])
    approval = _four_eyes_task(APPROVAL_TASK, [approvers])
    two_step = _workflow(TWO_STEP_WORKFLOW, [review, approval])
    practice_task = _approval_task(PRACTICE_TASK, [approvers])
    practice_workflow = _workflow(PRACTICE_WORKFLOW, [practice_task])

    for model in (GuidanceIndexPage, LawInterpretationIndexPage, CaseStoryIndexPage):
        for index in model.objects.all():
            assign_workflow(two_step, index)
    for index in PracticeIndexPage.objects.all():
        assign_workflow(practice_workflow, index)
    for network_page in network_pages:
        _setup_network_workflow(network_page, approvers)
    for practice in PracticePage.objects.filter(submitted_by__isnull=False):
        file_practice_documents(practice)


def _move_root_files_to_shared_collection() -> None:
    """Files of an older installation lie in the root collection, where only superusers are
    granted anything now; they move to the shared collection the editors work in."""
    root = Collection.get_first_root_node()
    shared = shared_collection()
    get_document_model().objects.filter(collection=root).update(collection=shared)
    get_image_model().objects.filter(collection=root).update(collection=shared)


@transaction.atomic
def setup_network_page_permissions(network_page: NetworkPage) -> None:
    """The network's admins edit its page and approve the practices under it (idempotent)."""
    admins = admin_group_for(network_page.network)
    _grant_translation(admins)
    network_pages = list(NetworkPage.objects.select_related("network"))
    _apply_permission_tables(network_pages, [admins])
    _setup_network_workflow(network_page, editorial_groups()[1])


def _setup_network_workflow(network_page: NetworkPage, approvers: Group) -> None:
    network = network_page.network
    task = _approval_task(f"{NETWORK_TASK_PREFIX}{network.slug}", [admin_group_for(network), approvers])
    workflow = _workflow(f"{NETWORK_WORKFLOW_PREFIX}{network.slug}", [task])
    assign_workflow(workflow, network_page)


def submission_collection() -> Collection:
    """Where the files of a published practice for signed-in members go (behind a login)."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=SUBMISSION_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=SUBMISSION_COLLECTION)
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    return collection


# --- Files submitted with practices ----------------------------------------------------------


def is_pending_submission_file(document) -> bool:
    """Whether the file waits, with its practice, for the practice's reviewers."""
    parent = (
        Collection.get_first_root_node().get_children().filter(name=PENDING_SUBMISSIONS_COLLECTION).first()
    )
    return parent is not None and document.collection.path.startswith(parent.path)


def practice_documents(page) -> list:
    return [block.value for block in page.attachments if block.block_type == "document" and block.value]


def _network_of_practice(page):
    parent = page.get_parent().specific
    return parent.network if isinstance(parent, NetworkPage) else None


@transaction.atomic
def file_practice_documents(page) -> None:
    """Put a practice's submitted files where its state says (idempotent).

    Until the practice is published they wait in its network's pending collection (its
    reviewers see them); once it is live they follow the page: public, behind a login, or
    kept with the reviewers when the page is restricted more narrowly.
    """
    if page.live:
        target = published_submissions_collection(page_access_key(page))
    else:
        target = pending_submissions_collection(_network_of_practice(page))
    if target is None:
        return
    for document in practice_documents(page):
        if document.collection_id != target.pk and (
            is_pending_submission_file(document) or document.collection.name == SUBMISSION_COLLECTION
        ):
            document.collection = target
            document.save(update_fields=["collection"])
