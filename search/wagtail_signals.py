"""Wagtail's page life cycle → search index updates (after the transaction commits)."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .pages import PAGE_SOURCE
from .tasks import schedule_objects


def page_and_descendants(page) -> list[int]:
    return [page.pk, *Page.objects.descendant_of(page).values_list("pk", flat=True)]


def page_changed(sender, instance, **kwargs):
    schedule_objects(PAGE_SOURCE, page_and_descendants(instance))


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        schedule_objects(PAGE_SOURCE, [instance.pk])


def restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        schedule_objects(PAGE_SOURCE, page_and_descendants(page))


def connect() -> None:
    page_published.connect(page_changed, dispatch_uid="search:page_published")
    page_unpublished.connect(page_changed, dispatch_uid="search:page_unpublished")
    post_page_move.connect(page_changed, dispatch_uid="search:post_page_move")
    post_delete.connect(page_deleted, dispatch_uid="search:page_deleted")
    post_save.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid="search:restriction_saved"
    )
    post_delete.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid="search:restriction_deleted"
    )
