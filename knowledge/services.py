"""Writes of the knowledge base. Each runs in one transaction: nothing is saved half."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.db.models.fields.files import FieldFile
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import Page

from typ_site.accounts.roles import is_verified_member
from typ_site.networks.selectors import is_network_member

from .change_notes import change_day
from .editorial import pending_submissions_collection
from .models import (
    AnnouncedChangeNote,
    GuidancePage,
    NetworkPage,
    PageFollow,
    PracticeIndexPage,
    PracticeOrganisation,
    PracticePage,
)
from .visibility import can_see_page

# --- Submitting a practice -------------------------------------------------------------------


def _paragraphs(text: str) -> str:
    """Plain text typed in a form, as safe rich-text paragraphs."""
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n")]
    return "".join("<p>{}</p>".format(escape(part).replace("\n", "<br/>")) for part in paragraphs if part)


def _unique_slug(parent: Page, title: str) -> str:
    base = slugify(title)[:70] or "kaytanto"
    existing = set(parent.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in existing:
        slug, number = f"{base}-{number}", number + 1
    return slug


def practice_parent_for(network) -> Page:
    """A practice from a network goes under its network page; otherwise under the index."""
    if network is not None:
        network_page = NetworkPage.objects.filter(network=network).first()
        if network_page is not None:
            return network_page
    index = PracticeIndexPage.objects.first()
    if index is None:
        raise ValidationError(_("Practices cannot be submitted right now."))
    return index


def submit_practice(user, data: dict, attachment=None) -> PracticePage:
    """Create a draft practice from the site's form and send it to moderation.

    `data` is a validated SubmitPracticeForm's cleaned_data. The page stays a draft until the
    network's admins (or KEHA's approvers) approve it. All or nothing: when any step fails,
    the database is rolled back and the stored attachment file is removed too.
    """
    stored_files: list[FieldFile] = []
    try:
        with transaction.atomic():
            return _create_practice(user, data, attachment, stored_files)
    except BaseException:
        for file in stored_files:
            if file.name:
                file.storage.delete(file.name)
        raise


def _create_practice(user, data: dict, attachment, stored_files: list[FieldFile]) -> PracticePage:
    if not is_verified_member(user):
        raise PermissionDenied
    network = data.get("network")
    if network is not None and not is_network_member(user, network):
        raise ValidationError(_("You can submit practices only for your own networks."))
    parent = practice_parent_for(network)
    page = PracticePage(
        title=data["title"],
        slug=_unique_slug(parent, data["title"]),
        kind=data["kind"],
        region=data.get("region") or (network.region if network else ""),
        intro=data.get("summary", ""),
        problem=_paragraphs(data["problem"]),
        solution=_paragraphs(data["solution"]),
        results=_paragraphs(data.get("results", "")),
        contact_name=data.get("contact_name", ""),
        contact_details=data.get("contact_details", ""),
        live=False,
        owner=user,
        submitted_by=user,
    )
    for place, organisation_type in enumerate(data.get("organisation_types", [])):
        page.organisations.add(PracticeOrganisation(organisation_type=organisation_type, sort_order=place))
    if network is not None:
        page.networks.set([network])
    page.tags.add(*data.get("tags", []))
    if attachment is not None:
        document = get_document_model()(
            title=data.get("attachment_title") or attachment.name,
            file=attachment,
            collection=pending_submissions_collection(network),
            uploaded_by_user=user,
        )
        document.save()
        stored_files.append(document.file)
        page.attachments = [("document", document)]
    sections = data.get("law_sections", [])
    if sections:
        block = PracticePage.body.field.stream_block.child_blocks["law_section"]
        page.body = [
            ("law_section", block.to_python({"section": section.pk, "note": ""})) for section in sections
        ]
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    workflow = page.get_workflow()
    if workflow is None:
        raise ValidationError(_("Practices cannot be submitted right now."))
    workflow.start(page, user)
    return page


# --- Following -------------------------------------------------------------------------------


def follow_page(user, page: Page) -> PageFollow:
    page = page.specific
    if not is_verified_member(user) or not getattr(page, "followable", False):
        raise PermissionDenied
    if not can_see_page(page, user):
        raise PermissionDenied
    try:
        with transaction.atomic():
            follow, _created = PageFollow.objects.get_or_create(user=user, page=page)
    except IntegrityError:  # two clicks at once
        follow = PageFollow.objects.get(user=user, page=page)
    return follow


def unfollow_page(user, page: Page) -> None:
    PageFollow.objects.filter(user=user, page_id=page.pk).delete()


def forget_follows_of(user) -> None:
    PageFollow.objects.filter(user=user).delete()


# --- Announcing change notes -----------------------------------------------------------------


def new_change_note(page):
    """The newest change note published for the first time now, or None.

    Every note of the page is remembered once announced, so publishing a correction that
    adds no note finds nothing new and tells no one.
    """
    notes = list(page.change_notes.all())
    if not notes:
        return None
    announced = set(AnnouncedChangeNote.objects.filter(page_id=page.pk).values_list("fingerprint", flat=True))
    new_notes = [note for note in notes if note.fingerprint not in announced]
    AnnouncedChangeNote.objects.bulk_create(
        [AnnouncedChangeNote(page_id=page.pk, fingerprint=note.fingerprint) for note in new_notes],
        ignore_conflicts=True,
    )
    if not new_notes or not announced and page.first_published_at == page.last_published_at:
        # The first publication of a page announces nothing: nobody could follow it yet.
        return None
    return max(new_notes, key=lambda note: (note.date, note.pk or 0))


def keep_change_day(page_id: int) -> None:
    """Set the guidance page's `changed_on` from its stored notes, after a note was saved or
    deleted on its own (a page's own save sets it from the notes it saves)."""
    row = (
        GuidancePage.objects.filter(pk=page_id)
        .annotate(newest_note=Max("change_notes__date"))
        .values("newest_note", "last_published_at")
        .first()
    )
    if row is not None:
        GuidancePage.objects.filter(pk=page_id).update(
            changed_on=change_day(row["newest_note"], row["last_published_at"])
        )
