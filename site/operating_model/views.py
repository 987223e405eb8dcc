"""The responsibility register on the site. `permissions` decides who may do what,
`selectors` reads, `services` writes; the views only join them to the templates."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from typ_site.networks.models import Network

from . import exports, selectors
from .adoption_permissions import can_follow_adoption
from .forms import AgreementForm
from .permissions import can_edit_agreement, can_view_agreement, can_view_comparison
from .services import record_agreement


def _network_for(user, slug: str) -> Network:
    """The active network whose agreement the person may see; a 404 for everyone else, so
    that a private agreement's address says nothing about it."""
    network = get_object_or_404(Network.objects.filter(is_active=True), slug=slug)
    if not can_view_agreement(user, network):
        raise Http404
    return network


def baseline(request):
    """The national baseline (public), and the networks whose agreements the person may open."""
    national = selectors.national_baseline()
    networks = [
        network for network in selectors.active_networks() if can_view_agreement(request.user, network)
    ]
    return render(
        request,
        "operating_model/baseline.html",
        {
            "register": national.register(),
            "networks": networks,
            "can_compare": can_view_comparison(request.user),
            "can_follow_adoption": can_follow_adoption(request.user),
        },
    )


def baseline_csv(request):
    return exports.baseline_csv(selectors.national_baseline().register())


def _comparison_or_403(request) -> selectors.Comparison:
    if not can_view_comparison(request.user):
        raise PermissionDenied(_("The comparison is for the members of the networks and KEHA."))
    return selectors.national_comparison(selectors.national_baseline())


@login_required
def comparison(request):
    comparison = _comparison_or_403(request)
    return render(request, "operating_model/comparison.html", {"comparison": comparison})


@login_required
def comparison_csv(request):
    return exports.comparison_csv(_comparison_or_403(request))


def _agreement_context(request, network: Network, agreement):
    national = selectors.national_baseline()
    register = selectors.agreement_register(agreement, national) if agreement else national.register()
    return {
        "network": network,
        "agreement": agreement,
        "register": register,
        "can_edit": can_edit_agreement(request.user, network),
    }


@login_required
def agreement(request, slug):
    network = _network_for(request.user, slug)
    current = selectors.current_agreement(network)
    context = _agreement_context(request, network, current)
    context["is_current"] = True
    context["version_count"] = current.version if current else 0
    return render(request, "operating_model/agreement.html", context)


@login_required
def agreement_csv(request, slug):
    network = _network_for(request.user, slug)
    current = selectors.current_agreement(network)
    if current is None:
        raise Http404
    return exports.agreement_csv(
        current, selectors.agreement_register(current, selectors.national_baseline())
    )


@login_required
def versions(request, slug):
    network = _network_for(request.user, slug)
    return render(
        request,
        "operating_model/versions.html",
        {"network": network, "versions": list(selectors.agreement_versions(network))},
    )


@login_required
def version(request, slug, number):
    network = _network_for(request.user, slug)
    agreement = get_object_or_404(selectors.agreement_versions_marked(network), version=number)
    context = _agreement_context(request, network, agreement)
    context["is_current"] = agreement.is_current
    return render(request, "operating_model/agreement.html", context)


@login_required
def edit_agreement(request, slug):
    network = _network_for(request.user, slug)
    if not can_edit_agreement(request.user, network):
        raise PermissionDenied(_("Only the network's admins record its agreement."))
    national = selectors.national_baseline()
    current = selectors.current_agreement(network)
    filled = selectors.agreement_register(current, national) if current else national.register()
    form = AgreementForm(request.POST or None, baseline=national, current=filled)
    if request.method == "POST" and form.is_valid():
        try:
            saved = record_agreement(
                request.user,
                network,
                confirmed_on=form.cleaned_data["confirmed_on"],
                change_note=form.cleaned_data["change_note"],
                cells=form.agreed_cells(),
                baseline=national,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Version %(version)s of the agreement is saved.") % {"version": saved.version}
            )
            return redirect("operating_model:agreement", slug=network.slug)
    return render(
        request,
        "operating_model/edit_agreement.html",
        {"network": network, "form": form, "agreement": current},
    )
