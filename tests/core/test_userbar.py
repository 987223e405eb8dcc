"""The editing bar on the site's pages: Wagtail's own, without a read of the editor's profile."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask
from wagtail.users.models import UserProfile

from tests.factories import make_keha_staff
from typ_site.accounts.backends import load_signed_in_user
from typ_site.core.demo_content import create_home_page


def render(tag: str, request, page) -> str:
    library = "wagtailuserbar" if tag == "wagtailuserbar" else "typ_tags"
    return Template(f"{{% load {library} %}}{{% {tag} %}}").render(
        Context({"request": request, "page": page})
    )


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_bar_is_wagtails_own_in_the_editors_language(db, language):
    home = create_home_page()
    editor = make_keha_staff("Editors")
    UserProfile.objects.update_or_create(user=editor, defaults={"preferred_language": language})
    request = RequestFactory().get("/")
    request.user = load_signed_in_user(editor.pk)
    with translation.override("fi"):
        ours = render("typ_userbar", request, home)
        wagtails = render("wagtailuserbar", request, home)
    assert ours == wagtails
    assert "w-userbar" in ours


def test_the_bar_reads_no_profile_of_its_own(db):
    home = create_home_page()
    editor = make_keha_staff("Editors")
    UserProfile.get_for_user(editor)
    request = RequestFactory().get("/")
    request.user = load_signed_in_user(editor.pk)
    with CaptureQueriesContext(connection) as ours:
        render("typ_userbar", request, home)
    request.user = load_signed_in_user(editor.pk)
    with CaptureQueriesContext(connection) as wagtails:
        render("wagtailuserbar", request, home)
    assert len(ours) == len(wagtails) - 1
    assert not any("wagtailusers_userprofile" in query["sql"] for query in ours.captured_queries)


def test_a_person_without_a_profile_gets_one_as_with_wagtails_bar(db):
    home = create_home_page()
    editor = make_keha_staff("Editors")
    UserProfile.objects.filter(user=editor).delete()
    request = RequestFactory().get("/")
    request.user = load_signed_in_user(editor.pk)
    assert "w-userbar" in render("typ_userbar", request, home)
    assert UserProfile.objects.filter(user=editor).exists()


def edit_link_on_the_home_page(client, editor, home) -> bool:
    client.force_login(editor)
    return f'href="//testserver/admin/pages/{home.pk}/edit/"' in client.get("/").content.decode()


def test_on_the_home_page_in_review_the_bar_offers_its_reviewers_the_editor(db, client):
    """The home page tells the bar whether it is in a workflow (typ_site.core.home): a
    reviewer of its current step, who may not otherwise edit it, is offered the editor, as
    Wagtail's bar offers it."""
    home = create_home_page()
    reviewers = Group.objects.create(name="Etusivun tarkastajat")
    reviewers.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    reviewer = make_keha_staff()
    reviewer.groups.add(reviewers)
    assert not edit_link_on_the_home_page(client, reviewer, home)
    assert 'href="//testserver/admin/"' in client.get("/").content.decode()  # the bar, less the item

    task = GroupApprovalTask.objects.create(name="Etusivun tarkastus")
    task.groups.set([reviewers])
    workflow = Workflow.objects.create(name="Etusivu")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=home)
    submitter = make_keha_staff()
    home.save_revision(user=submitter)
    workflow.start(home, submitter)

    assert edit_link_on_the_home_page(client, reviewer, home)
