"""Every write of participation, each in one transaction: nothing is saved half.

Bad input raises ValidationError (or PermissionDenied) with a message for the person, before
anything is written or with the transaction rolled back.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import engine, permissions
from .engine import Selection
from .models import Ballot, BallotChoice, DevelopmentNeed, Poll, PollOption, StoryAnswer

ALREADY_VOTED = gettext_lazy(
    "You have already cast a ballot in this round. Your ballot is shown below; you can change "
    "it while the round is open."
)


# --- Ballots ----------------------------------------------------------------------------------


def submit_ballot(
    user, poll: Poll, selections: list[Selection], *, ballot_id: int | None = None, now=None
) -> Ballot:
    """Cast a new ballot (ballot_id None) or change the person's ballot (its id).

    A new ballot when one already exists is refused, as is changing a ballot that is not the
    person's own: the database holds one ballot per member and poll.
    """
    engine.check_can_vote(user, poll, now)
    option_ids = set(poll.options.values_list("pk", flat=True))
    stored = engine.check_selections(poll, option_ids, selections)
    try:
        with transaction.atomic():
            if ballot_id is None:
                ballot = _new_ballot(user, poll, now)
            else:
                ballot = _own_ballot(user, poll, ballot_id, now)
            BallotChoice.objects.bulk_create(
                [
                    BallotChoice(
                        ballot=ballot,
                        option_id=selection.option_id,
                        points=selection.points,
                        level=selection.level,
                        timing=selection.timing,
                    )
                    for selection in stored
                ]
            )
    except IntegrityError:
        raise ValidationError(ALREADY_VOTED, code="already_voted") from None
    return ballot


def _new_ballot(user, poll: Poll, now) -> Ballot:
    if Ballot.objects.filter(poll=poll, voter=user).exists():
        raise ValidationError(ALREADY_VOTED, code="already_voted")
    return Ballot.objects.create(
        poll=poll,
        voter=user,
        voter_role=user.role or "",
        voter_organisation_type=user.organisation_type or "",
        cast_at=now or timezone.now(),
    )


def _own_ballot(user, poll: Poll, ballot_id: int, now) -> Ballot:
    ballot = Ballot.objects.filter(pk=ballot_id, poll=poll, voter=user).first()
    if ballot is None:
        raise ValidationError(
            _("That ballot is not yours to change. Reload the page and try again."),
            code="not_own_ballot",
        )
    ballot.choices.all().delete()
    ballot.voter_role = user.role or ""
    ballot.voter_organisation_type = user.organisation_type or ""
    ballot.changed_at = now or timezone.now()
    ballot.save(update_fields=["voter_role", "voter_organisation_type", "changed_at"])
    return ballot


# --- Customer stories -------------------------------------------------------------------------


def ensure_story_poll(page) -> Poll:
    """The page's agree / disagree / can't say poll, created on the first answer."""
    poll, created = Poll.objects.get_or_create(
        subject_page_id=page.pk,
        defaults={
            "kind": Poll.Kind.STORY,
            "title": page.title[:200],
            "method": Poll.Method.SINGLE,
            "max_choices": 1,
            "results_visibility": Poll.ResultsVisibility.LIVE,
            "opens_at": page.first_published_at or timezone.now(),
        },
    )
    if created or poll.options.count() != len(StoryAnswer.values):
        for position, key in enumerate(StoryAnswer.values):
            PollOption.objects.get_or_create(poll=poll, key=key, defaults={"position": position})
    return poll


def answer_story(user, page, answer: str, *, ballot_id: int | None = None, now=None) -> Ballot:
    """Agree, disagree or can't say; the same engine and rules as a priority ballot."""
    if answer not in StoryAnswer.values:
        raise ValidationError(_("Choose agree, disagree or can't say."), code="empty")
    with transaction.atomic():
        poll = ensure_story_poll(page)
    option_id = poll.options.filter(key=answer).values_list("pk", flat=True).get()
    return submit_ballot(user, poll, [Selection(option_id=option_id, points=1)], ballot_id=ballot_id, now=now)


# --- Development needs ------------------------------------------------------------------------


def propose_need(user, *, title: str, description: str, themes=()) -> DevelopmentNeed:
    """A member proposes a development need; KEHA staff take it into a round or merge it."""
    if not permissions.can_propose_need(user):
        raise PermissionDenied
    title, description = title.strip(), description.strip()
    if not title:
        raise ValidationError(_("Give the need a title."), code="empty")
    need = DevelopmentNeed(
        title=title,
        description=description,
        status=DevelopmentNeed.Status.PROPOSED,
        proposed_by=user,
    )
    need.full_clean()
    need.save()
    need.set_themes(themes)
    return need


@transaction.atomic
def merge_needs(user, duplicate: DevelopmentNeed, target: DevelopmentNeed) -> DevelopmentNeed:
    """Merge a duplicate into the target: votes, the forum topic and events move along.

    In a round that has both needs, a ballot that chose both keeps one choice for the target:
    an approval pick stays one pick, points are added up (the voter spent them on the same
    thing), and the target's level and timing answers win over the duplicate's.
    """
    if not permissions.can_manage_participation(user):
        raise PermissionDenied
    if duplicate.pk == target.pk:
        raise ValidationError(_("A need cannot be merged into itself."), code="same")
    if target.merged_into_id is not None or duplicate.merged_into_id is not None:
        raise ValidationError(_("That need has already been merged into another."), code="merged")
    for option in PollOption.objects.filter(need=duplicate).select_related("poll"):
        kept = PollOption.objects.filter(poll=option.poll, need=target).first()
        if kept is None:
            option.need = target
            option.save(update_fields=["need"])
            continue
        _move_choices(option, kept)
        option.delete()
    if target.topic_id is None and duplicate.topic_id is not None:
        target.topic_id = duplicate.topic_id
        target.save(update_fields=["topic"])
    target.events.add(*duplicate.events.all())
    DevelopmentNeed.objects.filter(merged_into=duplicate).update(merged_into=target)
    duplicate.merged_into = target
    duplicate.save(update_fields=["merged_into"])
    return target


def _move_choices(source: PollOption, target: PollOption) -> None:
    approval = source.poll.method != Poll.Method.POINTS
    existing = {choice.ballot_id: choice for choice in BallotChoice.objects.filter(option=target)}
    for choice in BallotChoice.objects.filter(option=source):
        kept = existing.get(choice.ballot_id)
        if kept is None:
            choice.option = target
            choice.save(update_fields=["option"])
            continue
        if approval:
            kept.points = max(kept.points, choice.points)
        else:
            kept.points += choice.points
        kept.level = kept.level or choice.level
        kept.timing = kept.timing or choice.timing
        kept.save(update_fields=["points", "level", "timing"])
        choice.delete()


# --- Accounts ---------------------------------------------------------------------------------


def forget_voter(user) -> int:
    """On account removal the ballots stay (the totals must not change) but lose the person."""
    return Ballot.objects.filter(voter=user).update(voter=None)
