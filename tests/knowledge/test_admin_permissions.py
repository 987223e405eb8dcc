"""Wagtail's page and collection permissions follow from the site's roles, as one table says."""

import io

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from knowledge.editorial import planned_permissions
from tests.factories import make_keha_staff, make_member, make_network, make_network_admin
from typ_site.accounts.roles import APPROVERS_GROUP, EDITORS_GROUP

from .conftest import make_guidance, make_network_page, make_practice


def actual_permissions():
    pages = set(GroupPagePermission.objects.values_list("group_id", "page_id", "permission_id"))
    collections = set(
        GroupCollectionPermission.objects.values_list("group_id", "collection_id", "permission_id")
    )
    return pages, collections


def test_every_groups_page_and_collection_permissions_are_those_of_the_table(tree, network):
    make_network_page(tree, network)
    make_network_page(tree, make_network())

    planned_pages, planned_collections, _models = planned_permissions()

    assert actual_permissions() == (planned_pages, planned_collections)


def test_the_setup_removes_wagtails_default_permissions_on_the_root(tree, network):
    editors = Group.objects.get(name=EDITORS_GROUP)
    approvers = Group.objects.get(name=APPROVERS_GROUP)
    root = Page.get_first_root_node()
    publish = Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")
    GroupPagePermission.objects.create(group=approvers, page=root, permission=publish)
    GroupCollectionPermission.objects.create(
        group=editors,
        collection=Collection.get_first_root_node(),
        permission=Permission.objects.get(codename="choose_document"),
    )

    call_command("setup_knowledge_editorial", stdout=io.StringIO())
    call_command("setup_knowledge_editorial", stdout=io.StringIO())

    planned_pages, planned_collections, _models = planned_permissions()
    assert actual_permissions() == (planned_pages, planned_collections)
    assert not GroupPagePermission.objects.filter(page=root).exists()
    assert not GroupCollectionPermission.objects.filter(collection__depth=1).exists()


def test_an_approver_is_not_offered_publish_anywhere(tree, network):
    approver = make_keha_staff(APPROVERS_GROUP)
    editor = make_keha_staff(EDITORS_GROUP)
    network_page = make_network_page(tree, network)
    guidance = make_guidance(tree, live=False)
    guidance.save_revision(user=editor)
    guidance.get_workflow().start(guidance, editor)
    practice = make_practice(network_page, live=False)
    submitter = make_member(network)
    practice.save_revision(user=submitter)
    practice.get_workflow().start(practice, submitter)

    for page in (tree.guidance, guidance, practice, network_page, tree.practices, tree.home):
        assert not page.permissions_for_user(approver).can_publish(), page.title


def test_an_editor_edits_guidance_and_interpretations_only(tree, network):
    editor = make_keha_staff(EDITORS_GROUP)
    network_page = make_network_page(tree, network)

    assert make_guidance(tree).permissions_for_user(editor).can_edit()
    assert tree.interpretations.permissions_for_user(editor).can_add_subpage()
    for page in (tree.home, tree.networks, network_page, tree.theme_index):
        assert not page.permissions_for_user(editor).can_edit(), page.title


def test_a_network_admin_has_rights_under_their_own_network_page_only(tree, network):
    admin = make_network_admin(network)
    own = make_network_page(tree, network)
    other = make_network_page(tree, make_network())

    assert make_practice(own).permissions_for_user(admin).can_publish()
    assert not make_practice(other).permissions_for_user(admin).can_edit()
    assert not tree.home.permissions_for_user(admin).can_edit()


def test_the_last_approval_publishes_without_a_publish_permission(tree, client):
    editor = make_keha_staff(EDITORS_GROUP)
    reviewer = make_keha_staff(EDITORS_GROUP)
    approver = make_keha_staff(APPROVERS_GROUP)
    guidance = make_guidance(tree, live=False)
    guidance.save_revision(user=editor)
    state = guidance.get_workflow().start(guidance, editor)
    state.current_task_state.task.specific.on_action(state.current_task_state, reviewer, "approve")
    state.refresh_from_db()

    state.current_task_state.task.specific.on_action(state.current_task_state, approver, "approve")

    guidance.refresh_from_db()
    assert guidance.live
