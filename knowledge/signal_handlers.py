"""Signal handlers: announcements on publish, rejection notices, permissions for new pages."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import WorkflowState
from wagtail.signals import page_published, workflow_rejected

from typ_site.accounts.signals import account_removed

from . import editorial, services, tasks
from .models import (
    CaseStoryIndexPage,
    GuidanceChangeNote,
    GuidanceIndexPage,
    LawInterpretationIndexPage,
    NetworkIndexPage,
    NetworkPage,
    PracticeIndexPage,
    PracticePage,
    ThemeIndexPage,
)


@receiver(page_published, sender=PracticePage)
def let_published_practice_files_follow_the_page(sender, instance, **kwargs):
    editorial.file_practice_documents(instance)


@receiver(page_published)
def announce_new_change_note(sender, instance, revision, **kwargs):
    if not getattr(instance, "followable", False) or not hasattr(instance, "change_notes"):
        return
    note = services.new_change_note(instance)
    if note is None:
        return
    page_id, note_date, text = instance.pk, note.date.isoformat(), note.note
    transaction.on_commit(lambda: tasks.send_change_notifications.enqueue(page_id, note_date, text))


def tell_why_it_was_sent_back(sender, instance, user=None, **kwargs):
    """On rejection, the requester and the earlier reviewers hear why (one e-mail each)."""
    task_state_id = instance.current_task_state_id
    user_id = user.pk if user is not None else None
    if task_state_id is not None:
        transaction.on_commit(lambda: tasks.send_rejection_notices.enqueue(task_state_id, user_id))


# Wagtail's admin e-mails only the requester on rejection. This handler takes the same
# dispatch_uid before wagtail.admin (later in INSTALLED_APPS) registers its own, so each
# person gets one message that also reaches the earlier reviewers.
workflow_rejected.connect(
    tell_why_it_was_sent_back,
    sender=WorkflowState,
    dispatch_uid="workflow_state_rejected_email_notification",
)


@receiver([post_save, post_delete], sender=GuidanceChangeNote)
def keep_the_guidance_change_day(sender, instance, raw=False, **kwargs):
    if not raw:
        services.keep_change_day(instance.page_id)


@receiver(account_removed)
def drop_follows_of_removed_account(sender, user, **kwargs):
    services.forget_follows_of(user)


@receiver(post_save, sender=NetworkPage)
def give_network_admins_their_page(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    editorial.setup_network_page_permissions(instance)


def _set_up_section(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        editorial.setup_editorial_workflow()


for _index_model in (
    GuidanceIndexPage,
    LawInterpretationIndexPage,
    PracticeIndexPage,
    NetworkIndexPage,
    ThemeIndexPage,
    CaseStoryIndexPage,
    GuidanceChangeNote,
):
    post_save.connect(
        _set_up_section, sender=_index_model, dispatch_uid=f"knowledge_setup_{_index_model.__name__}"
    )
