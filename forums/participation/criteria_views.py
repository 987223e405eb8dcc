"""Criteria workspace pages. Thin: reads in `criteria_selectors`, rules in
`criteria_permissions` (and the engine), writes in `criteria_services`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import criteria_permissions as rules
from . import criteria_selectors as selectors
from . import criteria_services as services
from . import engine
from .criteria_forms import (
    AdoptForm,
    AnswerForm,
    OpenValidationForm,
    ReviewForm,
    StatementForm,
    StoryProposalForm,
)
from .criteria_models import CriterionStatement, StoryProposal


def _say_errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def workspace(request):
    user = request.user
    if not rules.can_see_criteria(user):
        return render(request, "participation/criteria/workspace.html", {"needs_sign_in": True})
    query = request.GET.get("q", "")[:200]
    rows = selectors.statements_for(user, query)
    return render(
        request,
        "participation/criteria/workspace.html",
        {
            "columns": selectors.columns_of(rows),
            "query": query,
            "found": len(rows),
            "rules": selectors.recording_rules(),
            "can_propose": rules.can_propose(user),
            "can_manage": rules.can_manage_criteria(user),
            "min_answers": engine.story_min_answers(),
            "agree_percent": round(engine.story_agree_share() * 100),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def statement_detail(request, pk):
    user = request.user
    statement = selectors.statement_or_404(user, pk)
    now = timezone.now()
    ballot_id, answer = selectors.my_answer(statement)
    may_answer = rules.can_answer(user, statement, now)
    form = AnswerForm(request.POST or None, initial={"answer": answer, "ballot": ballot_id})
    if request.method == "POST":
        if not may_answer:
            raise PermissionDenied
        if not form.is_valid():
            messages.error(request, _("Choose agree, disagree or can't say."))
        else:
            try:
                services.answer_statement(
                    user, statement, form.cleaned_data["answer"], ballot_id=form.cleaned_data.get("ballot")
                )
            except ValidationError as error:
                _say_errors(request, error)
            else:
                messages.success(request, _("Thank you, your answer was saved."))
                return redirect(statement)
    summary = selectors.summary_for(user, statement, now)
    stage = selectors.stage_of(statement, summary)
    context = {
        "statement": statement,
        "stage": stage,
        "stage_label": selectors.stage_label(stage),
        "summary": summary,
        "state": selectors.visible_engine_state(statement, now),
        "may_answer": may_answer,
        "answer": answer,
        "ballot_id": ballot_id,
        "form": form,
        "min_answers": engine.story_min_answers(),
        "agree_percent": round(engine.story_agree_share() * 100),
        "min_group": engine.min_group_size(),
        "open_form": OpenValidationForm() if rules.can_open_validation(user, statement) else None,
        "adopt_form": AdoptForm() if stage == selectors.AGREED and rules.can_adopt(user, statement) else None,
        "can_decline": rules.can_open_validation(user, statement),
    }
    return render(request, "participation/criteria/statement.html", context)


@login_required
def statement_of_poll(request, poll_id):
    statement = CriterionStatement.objects.filter(poll_id=poll_id).only("pk").first()
    if statement is None:
        raise Http404
    return redirect("participation:criterion", pk=statement.pk)


@login_required
@require_http_methods(["GET", "POST"])
def propose_statement(request):
    if not rules.can_propose(request.user):
        raise PermissionDenied
    form = StatementForm(request.user, request.POST or None, initial={"column": request.GET.get("column")})
    if request.method == "POST" and form.is_valid():
        try:
            statement = services.propose_statement(request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you! Your statement was saved as a proposal."))
            return redirect(statement)
    return render(request, "participation/criteria/propose.html", {"form": form})


def _statement_for_staff(request, pk) -> CriterionStatement:
    if not rules.can_manage_criteria(request.user):
        raise PermissionDenied
    return selectors.statement_or_404(request.user, pk)


@login_required
@require_POST
def open_validation(request, pk):
    statement = _statement_for_staff(request, pk)
    form = OpenValidationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the criteria round."))
    else:
        try:
            services.open_validation(request.user, statement, form.cleaned_data["round"])
        except ValidationError as error:
            _say_errors(request, error)
        else:
            messages.success(request, _("The statement is now under validation."))
    return redirect(statement)


@login_required
@require_POST
def adopt_statement(request, pk):
    statement = _statement_for_staff(request, pk)
    form = AdoptForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the guidance page."))
    else:
        try:
            services.adopt_statement(request.user, statement, form.cleaned_data["guidance_page"])
        except ValidationError as error:
            _say_errors(request, error)
        else:
            messages.success(request, _("The statement was adopted into national guidance."))
    return redirect(statement)


@login_required
@require_POST
def decline_statement(request, pk):
    statement = _statement_for_staff(request, pk)
    try:
        services.decline_statement(request.user, statement)
    except ValidationError as error:
        _say_errors(request, error)
    else:
        messages.success(request, _("The statement was left out."))
    return redirect("participation:criteria")


# --- Customer story proposals -----------------------------------------------------------------


@login_required
def story_proposals(request):
    user = request.user
    if not rules.can_see_criteria(user):
        raise PermissionDenied
    proposals = list(selectors.story_proposals_for(user))
    for proposal in proposals:
        proposal.may_review = rules.can_review_story(user, proposal)
    return render(
        request,
        "participation/criteria/story_proposals.html",
        {
            "proposals": proposals,
            "can_propose": rules.can_propose(user),
            "can_manage": rules.can_manage_criteria(user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def propose_story(request):
    if not rules.can_propose(request.user):
        raise PermissionDenied
    form = StoryProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.propose_story(request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Thank you! KEHA Centre reviews your story before its validation opens.")
            )
            return redirect("participation:story_proposals")
    return render(request, "participation/criteria/propose_story.html", {"form": form})


@login_required
@require_POST
def review_story(request, pk):
    if not rules.can_manage_criteria(request.user):
        raise PermissionDenied
    proposal = get_object_or_404(StoryProposal, pk=pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose accept or decline."))
        return redirect("participation:story_proposals")
    try:
        services.review_story(
            request.user,
            proposal,
            accept=form.cleaned_data["decision"] == "accept",
            note=form.cleaned_data["note"],
        )
    except ValidationError as error:
        _say_errors(request, error)
    else:
        messages.success(request, _("The review was saved."))
    return redirect("participation:story_proposals")
