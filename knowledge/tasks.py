"""E-mails of the knowledge base, sent in the background (django-tasks).

Callers enqueue these with `transaction.on_commit`, so nothing is sent for a change that was
rolled back.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task
from wagtail.models import Page, TaskState
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import GuidanceReviewReminder
from .selectors import followers_of, guidance_past_review


def _absolute(url: str) -> str:
    if url.startswith("http"):
        return url
    return settings.SITE_URL.rstrip("/") + url


def _language_of(user) -> str:
    language = getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _send(user, template: str, context: dict) -> None:
    with translation.override(_language_of(user)):
        subject = render_to_string(f"knowledge/emails/{template}_subject.txt", context).strip()
        body = render_to_string(f"knowledge/emails/{template}.txt", context)
    send_mail(
        settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split()),
        body,
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
    )


@task()
def send_change_notifications(page_id: int, note_date: str, note: str) -> int:
    """Tell the page's followers that a new version with a change note was published."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None or not page.live:
        return 0
    page = page.specific
    sent = 0
    for user in followers_of(page):
        with translation.override(_language_of(user)):
            url = _absolute(page.get_url() or "/")
            unfollow_url = _absolute(reverse("knowledge:following"))
        _send(
            user,
            "change_notification",
            {
                "user": user,
                "page": page,
                "url": url,
                "note": note,
                "note_date": note_date,
                "unfollow_url": unfollow_url,
            },
        )
        sent += 1
    return sent


@task()
def send_rejection_notices(task_state_id: int, rejected_by_id: int | None) -> int:
    """Tell the person who asked for approval, and the earlier reviewers, why it was sent back."""
    task_state = (
        TaskState.objects.filter(pk=task_state_id)
        .select_related("workflow_state__requested_by", "task", "finished_by")
        .first()
    )
    if task_state is None:
        return 0
    workflow_state = task_state.workflow_state
    content_object = workflow_state.content_object
    recipients = {}
    if workflow_state.requested_by is not None:
        recipients[workflow_state.requested_by.pk] = workflow_state.requested_by
    earlier = (
        TaskState.objects.filter(workflow_state=workflow_state, status=TaskState.STATUS_APPROVED)
        .exclude(finished_by=None)
        .select_related("finished_by")
    )
    for earlier_state in earlier:
        recipients[earlier_state.finished_by.pk] = earlier_state.finished_by
    recipients.pop(rejected_by_id, None)
    rejected_by = (
        get_user_model().objects.filter(pk=rejected_by_id).first() if rejected_by_id is not None else None
    )
    sent = 0
    for user in recipients.values():
        if not user.is_active or getattr(user, "is_removed", False) or not user.email:
            continue
        with translation.override(_language_of(user)):
            if not user.has_perm("wagtailadmin.access_admin"):
                url = _absolute(reverse("knowledge:my_submissions"))
            elif isinstance(content_object, Page):
                url = _absolute(reverse("wagtailadmin_pages:edit", args=[content_object.pk]))
            else:
                url = _absolute(reverse("wagtailadmin_home"))
        _send(
            user,
            "rejection_notice",
            {
                "user": user,
                "title": str(content_object),
                "task": task_state.task.name,
                "comment": task_state.comment,
                "rejected_by": rejected_by.display_name if rejected_by else "",
                "is_requester": user == workflow_state.requested_by,
                "url": url,
            },
        )
        sent += 1
    return sent


# --- Review reminders (run daily by `manage.py send_review_reminders`) -------------------------


def review_reminder_recipients(page) -> list:
    """Who is reminded of a page's review: its owner and everyone who may edit it, except
    superusers (who may edit everything) and removed or inactive accounts."""
    editors = {
        user.pk: user
        for user in PagePermissionPolicy().users_with_permission_for_instance(
            "change", page, include_superusers=False
        )
    }
    owner = page.owner
    if owner is not None and owner.pk not in editors and owner.has_perm("wagtailadmin.access_admin"):
        editors[owner.pk] = owner
    return [
        user
        for user in editors.values()
        if user.is_active and not getattr(user, "is_removed", False) and user.email
    ]


def send_review_reminders(today=None) -> int:
    """E-mail the editors of each live guidance page whose review date has passed, once per
    page and review date (a later run, or a second process, sends nothing again). Returns the
    number of e-mails sent."""
    sent = 0
    for page in guidance_past_review(today).select_related("owner"):
        due_date = page.next_review_date
        if due_date is None:  # the query leaves these out
            continue
        with transaction.atomic():
            _reminder, created = GuidanceReviewReminder.objects.get_or_create(page=page, due_date=due_date)
            if not created:
                continue
            url = _absolute(reverse("wagtailadmin_pages:edit", args=[page.pk]))
            for user in review_reminder_recipients(page):
                context = {"user": user, "page": page, "due_date": due_date, "url": url}
                _send(user, "review_reminder", context)
                sent += 1
    return sent
