"""Participation pages. Thin: reads through `selectors`, rules in `engine`, writes in `services`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from calendar_app.selectors import visible_events_for
from forums.selectors import visible_topics_for
from knowledge.models import CaseStoryIndexPage, CaseStoryPage
from knowledge.selectors import visible_pages
from typ_site.accounts.models import Role
from typ_site.accounts.roles import is_verified_member
from typ_site.core.member_pages import kept_for_session
from typ_site.core.spreadsheets import csv_response, safe_cell

from . import engine, permissions, selectors, services
from .forms import BallotForm, MergeForm, ProposalForm, StoryAnswerForm
from .models import THEME_CHOICES, Level, Timing

# What is wrong with the ballot itself (over the budget of picks or points, nothing chosen...):
# said on the form, next to the choices, rather than only in the message area.
BALLOT_CONTENT_ERRORS = {
    "too_many_points",
    "too_many_picks",
    "points_not_allowed",
    "empty",
    "duplicate",
    "negative",
    "level",
    "timing",
    "foreign_option",
}


def _messages_from(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _story_index_url():
    index = CaseStoryIndexPage.objects.live().public().first()
    return index.url if index else None


def index(request):
    if not is_verified_member(request.user):
        return render(request, "participation/index.html", {"needs_sign_in": True})
    now = timezone.now()
    groups = {engine.OPEN: [], engine.UPCOMING: [], engine.CLOSED: []}
    for poll in selectors.rounds_for(request.user):
        poll.state = engine.voting_state(poll, now)
        poll.may_vote = engine.is_eligible(request.user, poll)
        poll.results_visible = permissions.can_see_results(request.user, poll, now)
        groups[poll.state].append(poll)
    return render(
        request,
        "participation/index.html",
        {
            "open_rounds": groups[engine.OPEN],
            "upcoming_rounds": groups[engine.UPCOMING],
            "closed_rounds": groups[engine.CLOSED],
            "story_index_url": _story_index_url(),
            "can_manage": permissions.can_manage_participation(request.user),
        },
    )


def _role_names(poll) -> str:
    labels = dict(Role.choices)
    return ", ".join(str(labels.get(role, role)) for role in poll.eligible_roles or [])


@kept_for_session
@login_required
@require_http_methods(["GET", "POST"])
def round_detail(request, pk):
    user = request.user
    poll = selectors.round_for_user_or_404(user, pk)
    now = timezone.now()
    state = engine.voting_state(poll, now)
    eligible = engine.is_eligible(user, poll)
    ballot = selectors.ballot_of(user, poll)
    poll.has_voted = ballot is not None
    options = list(selectors.options_of(poll))
    form = BallotForm(poll, options, data=request.POST or None, ballot=ballot)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.submit_ballot(
                    user, poll, form.selections(), ballot_id=form.cleaned_data.get("ballot")
                )
            except ValidationError as error:
                code = getattr(error, "code", None)
                if code in BALLOT_CONTENT_ERRORS:  # shown on the ballot form, by its fields
                    form.add_error(None, error)
                else:
                    _messages_from(request, error)
                if code == "already_voted":
                    ballot = selectors.ballot_of(user, poll)
                    poll.has_voted = ballot is not None
                    form = BallotForm(poll, options, ballot=ballot)
            else:
                if ballot is None:
                    messages.success(request, _("Your ballot was saved. Thank you for voting!"))
                else:
                    messages.success(request, _("Your ballot was changed."))
                return redirect("participation:round", pk=poll.pk)
        else:
            messages.error(request, _("Check the ballot: some answers were not accepted."))
    return render(
        request,
        "participation/round.html",
        {
            "poll": poll,
            "state": state,
            "eligible": eligible,
            "role_names": _role_names(poll),
            "can_vote": eligible and state == engine.OPEN,
            "ballot": ballot,
            "form": form,
            "results_visible": permissions.can_see_results(user, poll, now),
            "can_manage": permissions.can_manage_participation(user),
        },
    )


@login_required
def results(request, pk):
    user = request.user
    poll = selectors.round_for_user_or_404(user, pk)
    if not permissions.can_see_results(user, poll):
        raise Http404
    outcome = selectors.results_of(poll)
    return render(
        request,
        "participation/results.html",
        {
            "poll": poll,
            "results": outcome,
            "levels": Level.choices,
            "timings": Timing.choices,
            "min_group": engine.min_group_size(),
            "can_export": permissions.can_export_results(user, poll),
            "chart_height": 32 * len(outcome.options) + 8,
        },
    )


@login_required
def results_csv(request, pk):
    user = request.user
    poll = selectors.round_for_user_or_404(user, pk)
    if not permissions.can_export_results(user, poll):
        raise Http404
    outcome = selectors.results_of(poll, dimensions=())
    response, writer = csv_response(f"{slugify(poll.title) or 'round'}-{poll.pk}.csv")
    themes = dict(THEME_CHOICES)
    header = [_("Rank"), _("Tied"), _("Development need"), _("Themes"), _("Points"), _("Voters who chose it")]
    header += [_("Level: %(level)s") % {"level": label} for _key, label in Level.choices]
    header += [_("Timing: %(timing)s") % {"timing": label} for _key, label in Timing.choices]
    writer.writerow(header)
    for option in outcome.options:
        writer.writerow(
            [
                option.rank,
                _("yes") if option.tied else "",
                safe_cell(option.label),
                ", ".join(str(themes.get(slug, slug)) for slug in option.themes),
                option.total,
                option.voters,
            ]
            + [option.levels[key] for key in Level.values]
            + [option.timings[key] for key in Timing.values]
        )
    writer.writerow([])
    writer.writerow([_("Ballots"), outcome.ballot_count])
    if not outcome.totals_shown:
        writer.writerow(
            [
                _("To keep ballots secret, the results appear once at least %(size)s members have voted.")
                % {"size": engine.min_group_size()}
            ]
        )
    return response


# --- Development needs ------------------------------------------------------------------------


@login_required
def needs(request):
    if not is_verified_member(request.user):
        raise PermissionDenied
    # A need with several themes is listed under each of them; one with none comes last.
    by_theme = {slug: [] for slug, _label in THEME_CHOICES}
    without_theme = []
    for need in selectors.needs_list():
        for slug in need.theme_slugs:
            by_theme[slug].append(need)
        if not need.theme_slugs:
            without_theme.append(need)
    groups = [(label, by_theme[slug]) for slug, label in THEME_CHOICES if by_theme[slug]]
    if without_theme:
        groups.append((_("Not under any theme"), without_theme))
    return render(
        request,
        "participation/needs.html",
        {
            "themes": groups,
            "can_propose": permissions.can_propose_need(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def propose_need(request):
    if not permissions.can_propose_need(request.user):
        raise PermissionDenied
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            need = services.propose_need(request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you! Your proposal was saved."))
            return redirect(need)
    return render(request, "participation/propose.html", {"form": form})


@login_required
def need_detail(request, pk):
    if not is_verified_member(request.user):
        raise PermissionDenied
    need = selectors.need_or_404(pk)
    if need.merged_into_id:
        return redirect(need.merged_into)
    topic = None
    if need.topic_id:
        topic = visible_topics_for(request.user).filter(pk=need.topic_id).first()
    events = visible_events_for(request.user).filter(development_needs=need).order_by("start")
    staff = permissions.can_manage_participation(request.user)
    return render(
        request,
        "participation/need.html",
        {
            "need": need,
            "topic": topic,
            "events": events,
            "rounds": selectors.rounds_of_need(request.user, need),
            "merge_form": MergeForm(need) if staff else None,
        },
    )


@login_required
@require_POST
def merge_need(request, pk):
    if not permissions.can_manage_participation(request.user):
        raise PermissionDenied
    need = selectors.need_or_404(pk)
    form = MergeForm(need, request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the need to merge into."))
        return redirect(need)
    try:
        target = services.merge_needs(request.user, need, form.cleaned_data["target"])
    except ValidationError as error:
        _messages_from(request, error)
        return redirect(need)
    messages.success(
        request,
        _("“%(duplicate)s” was merged into “%(target)s”.")
        % {"duplicate": need.title, "target": target.title},
    )
    return redirect(target)


# --- Customer stories -------------------------------------------------------------------------


@login_required
@require_POST
def answer_story(request, page_id):
    page = visible_pages(CaseStoryPage.objects.filter(pk=page_id), request.user).first()
    if page is None:
        raise Http404
    form = StoryAnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose agree, disagree or can't say."))
    else:
        try:
            services.answer_story(
                request.user, page, form.cleaned_data["answer"], ballot_id=form.cleaned_data.get("ballot")
            )
        except ValidationError as error:
            _messages_from(request, error)
        else:
            messages.success(request, _("Thank you, your answer was saved."))
    return redirect(page.url + "#story-answers")
