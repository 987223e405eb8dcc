"""The induction pages' own views (served as routes of the Wagtail pages)."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from typ_site.accounts.roles import is_verified_member
from typ_site.core.languages import in_current_language

from . import selectors, services
from .structure import find_step
from .templatetags.induction_tags import progress_text


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _page_address(request, path) -> str:
    return in_current_language(path.get_url(request=request))


def _sign_in_first(request, path):
    return redirect_to_login(_page_address(request, path))


def start_path(request, path):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not is_verified_member(request.user):
        return _sign_in_first(request, path)
    services.start_path(request.user, path)
    messages.success(request, _("You started the path. Your ticks are saved as you go."))
    return redirect(_page_address(request, path))


def save_checklist(request, path):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not is_verified_member(request.user):
        return _sign_in_first(request, path)
    step_id = request.POST.get("step", "")
    try:
        summary = services.save_step_checklist(request.user, path, step_id, request.POST.getlist("done"))
    except services.UnknownTask:
        raise Http404(_("That task is not part of this path.")) from None
    step = find_step(path, step_id)
    step_done = sum(1 for task in step.tasks if task.id in request.POST.getlist("done"))
    if _wants_json(request):
        return JsonResponse(_saved_answer(summary, step_done == len(step.tasks)))
    if summary.complete:
        messages.success(request, _("Well done: you have finished the whole path."))
    else:
        messages.success(request, _("Saved. %(percent)s %% of the path done.") % {"percent": summary.percent})
    return redirect(f"{_page_address(request, path)}#step-{step.number}")


def _saved_answer(summary, step_complete: bool) -> dict:
    """What the page's script updates after a tick without a reload: the percentage, the "Next"
    link and every step's state (rendered by the same templates as the page)."""
    steps = []
    for state in selectors.step_states(summary):
        steps.append(
            {
                "number": state["step"].number,
                "complete": state["complete"],
                "is_next": state["is_next"],
                "state_html": render_to_string(
                    "induction/includes/step_state.html", {**state, "started": summary.started}
                ),
            }
        )
    if summary.complete:
        message = _("Saved. Well done: you have finished the whole path.")
    else:
        message = _("Saved. %(percent)s %% of the path done.") % {"percent": summary.percent}
    return {
        "percent": summary.percent,
        "done": summary.done_count,
        "total": summary.total,
        "complete": summary.complete,
        "step_complete": step_complete,
        "label": progress_text(summary.percent, summary.done_count, summary.total),
        "message": message,
        "next_html": render_to_string(
            "induction/includes/next_step.html",
            {"next_step": summary.next_step, "complete": summary.complete},
        ),
        "steps": steps,
    }


def _follower_or_404(request):
    if not selectors.followed_network_ids(request.user):
        raise Http404
    return request.user


def follow_up(request, index):
    viewer = _follower_or_404(request)
    try:
        network_id = int(request.GET.get("verkosto", ""))
    except ValueError:
        network_id = None
    context = {"page": index, "self": index, "request": request}
    context.update(selectors.follow_up_for(viewer, network_id))
    for person in context["people"]:
        person.url = index.person_url(person.user.pk, request=request)
    return TemplateResponse(request, "induction/follow_up.html", context)


def person_progress(request, index, user_id):
    viewer = _follower_or_404(request)
    person = selectors.followed_person(viewer, user_id)
    if person is None:
        raise Http404
    return TemplateResponse(
        request,
        "induction/person_progress.html",
        {
            "page": index,
            "self": index,
            "request": request,
            "person": person,
            "follow_up_url": index.follow_up_url(request=request),
        },
    )
