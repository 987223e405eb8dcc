"""The adoption of national decisions on the site. `adoption_permissions` decides who may do
what, `adoption_selectors` reads, `adoption_services` writes; the views only join them to the
templates."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from typ_site.networks.models import Network

from . import adoption_exports, adoption_selectors
from .adoption_forms import AdoptionStatusForm
from .adoption_models import AdoptionState
from .adoption_permissions import can_follow_adoption, can_set_adoption, can_view_adoption
from .adoption_services import remind_networks, set_adoption_status


def _network_for(user, slug: str) -> Network:
    """The active network whose statuses the person may see, with its status of the national
    baseline (`adoption_selectors.network_with_baseline_status`); a 404 for everyone else."""
    network = get_object_or_404(adoption_selectors.network_with_baseline_status(slug))
    if not can_view_adoption(user, network):
        raise Http404
    return network


def _follower_or_403(user) -> None:
    if not can_follow_adoption(user):
        raise PermissionDenied(_("The national follow-up of decisions is for KEHA."))


@login_required
def dashboard(request):
    _follower_or_403(request.user)
    matrix = adoption_selectors.national_matrix(request.user)
    return render(
        request,
        "operating_model/adoption_dashboard.html",
        {"matrix": matrix, "reminder_days": adoption_selectors.REMINDER_INTERVAL.days},
    )


@login_required
def dashboard_csv(request):
    _follower_or_403(request.user)
    return adoption_exports.matrix_csv(adoption_selectors.national_matrix(request.user))


@login_required
@require_POST
def remind(request, decision):
    _follower_or_403(request.user)
    found = adoption_selectors.decision_by_key(request.user, decision)
    if found is None:
        raise Http404
    reminders = remind_networks(request.user, found)
    if reminders:
        messages.success(
            request,
            _("%(count)d networks were reminded of “%(title)s”.")
            % {"count": len(reminders), "title": found.title},
        )
    else:
        messages.info(
            request,
            _(
                "No network was reminded: every network has handled it "
                "or was reminded in the last %(days)d days."
            )
            % {"days": adoption_selectors.REMINDER_INTERVAL.days},
        )
    return redirect("operating_model:adoption_dashboard")


@login_required
def network_adoption(request, slug):
    network = _network_for(request.user, slug)
    cells = adoption_selectors.network_adoption(request.user, network)
    return render(
        request,
        "operating_model/adoption_network.html",
        {
            "network": network,
            "awaiting": [cell for cell in cells if cell.awaits],
            "handled": [cell for cell in cells if not cell.awaits],
            "can_set": can_set_adoption(request.user, network),
            "can_follow": can_follow_adoption(request.user),
        },
    )


@login_required
def network_adoption_csv(request, slug):
    network = _network_for(request.user, slug)
    return adoption_exports.network_csv(
        adoption_selectors.network_adoption(request.user, network), network.slug
    )


@login_required
def decision_status(request, slug, decision):
    """A network's status of one decision and its history; the form for the network's admins."""
    network = _network_for(request.user, slug)
    found = adoption_selectors.decision_by_key(request.user, decision)
    if found is None:
        raise Http404
    can_set = can_set_adoption(request.user, network)
    if request.method == "POST" and not can_set:
        raise PermissionDenied(_("Only the network's admins set its statuses."))
    history = list(adoption_selectors.status_history(network, found)[:50])
    # The newest change is the current status (every change is saved with its history).
    current = history[0] if history else None
    initial = {
        "state": current.state if current else AdoptionState.NOT_HANDLED,
        "handled_on": current.handled_on if current else None,
        "deviation_reason": current.deviation_reason if current else "",
    }
    form = AdoptionStatusForm(request.POST or None, initial=initial) if can_set else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            set_adoption_status(
                request.user,
                network,
                found,
                state=form.cleaned_data["state"],
                handled_on=form.cleaned_data["handled_on"],
                deviation_reason=form.cleaned_data["deviation_reason"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The status is saved."))
            return redirect("operating_model:network_adoption", slug=network.slug)
    return render(
        request,
        "operating_model/adoption_decision.html",
        {
            "network": network,
            "decision": found,
            "cell": adoption_selectors.Cell(network, found, current),
            "history": history,
            "form": form,
        },
    )
