"""Following pages, and the change notes already announced to followers."""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Value
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from typ_site.accounts.roles import is_verified_member
from typ_site.core import member_pages


class PageFollow(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="page_follows",
        verbose_name=_("user"),
    )
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="followers", verbose_name=_("page"))
    created_at = models.DateTimeField(_("followed since"), auto_now_add=True)

    class Meta:
        verbose_name = _("page follow")
        verbose_name_plural = _("page follows")
        constraints = [models.UniqueConstraint(fields=["user", "page"], name="one_follow_per_page")]

    def __str__(self):
        return f"{self.user} → {self.page}"


class AnnouncedChangeNote(models.Model):
    """A change note whose publication has been told to the page's followers."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    fingerprint = models.CharField(max_length=64)
    announced_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "fingerprint"], name="announce_note_once")]

    def __str__(self):
        return f"{self.page_id}: {self.fingerprint[:12]}"


def reader_follows(user) -> dict:
    """Annotations of a page's row: whether `user` follows it, and who asked."""
    if not is_verified_member(user):
        return {}
    follows = PageFollow.objects.filter(user=user, page_id=OuterRef("pk"))
    return {"followed_by_reader": Exists(follows), "follow_reader_id": Value(user.pk)}


def is_following(user, page) -> bool:
    if not is_verified_member(user):
        return False
    if getattr(page, "follow_reader_id", None) == user.pk:  # read with the page (`reader_follows`)
        return page.followed_by_reader
    return follows_page_id(user, page.pk)


def follows_page_id(user, page_id: int) -> bool:
    if not is_verified_member(user):
        return False
    return PageFollow.objects.filter(user=user, page_id=page_id).exists()


def follow_state(user, page) -> dict:
    """What a page's follow button shows the person."""
    return _button(user, is_following(user, page))


def _button(user, following: bool) -> dict:
    return {"can_follow": is_verified_member(user), "following": following}


def follow_part_values(request, args: tuple[int, ...], context) -> dict | None:
    """The follow button as a personal part (`typ_site.core.member_pages`): from the page's
    context while it renders, else read for the person."""
    (page_id,) = args
    if context is not None:
        follow = context.get("follow")
    else:
        follow = _button(request.user, page_id in followed_page_ids(request))
    return {"follow": follow, "page_id": page_id} if follow else None


def followed_page_ids(request) -> frozenset[int]:
    """The pages the person follows, kept with their own rows (`member_pages.person_value`)."""
    user = request.user
    if not is_verified_member(user):
        return frozenset()
    return member_pages.person_value(
        request,
        "followed_pages",
        lambda: frozenset(PageFollow.objects.filter(user=user).values_list("page_id", flat=True)),
    )
