from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .forms import JoinRequestForm, MembershipDecisionForm, RoleDecisionForm
from .models import Membership, Network, ServicePoint
from .permissions import (
    can_confirm_any_role,
    can_confirm_role,
    can_decide_membership,
    can_open_membership_management,
)
from .selectors import (
    administered_networks,
    memberships_of,
    pending_requests_for_admin,
    people_awaiting_role_confirmation,
)
from .services import approve_membership, decide_role_change, decline_membership, request_membership


def network_list(request):
    networks = (
        Network.objects.filter(is_active=True)
        .annotate(member_count=Count("memberships", filter=Q(memberships__status="approved")))
        .prefetch_related(Prefetch("service_points", queryset=ServicePoint.objects.order_by("name")))
    )
    own = {}
    if request.user.is_authenticated:
        own = {membership.network_id: membership for membership in memberships_of(request.user)}
    rows = [(network, own.get(network.pk)) for network in networks]
    return render(
        request,
        "networks/network_list.html",
        {
            "rows": rows,
            "join_form": JoinRequestForm(),
            "can_manage": can_open_membership_management(request.user),
        },
    )


@login_required
@require_POST
def join_network(request, slug):
    network = Network.objects.filter(slug=slug, is_active=True).first()
    if network is None:
        messages.error(request, _("That network does not exist."))
        return redirect("networks:list")
    form = JoinRequestForm(request.POST)
    if not form.is_valid():
        for message in form.errors.get("message", []):
            messages.error(request, message)
        return redirect("networks:list")
    try:
        request_membership(request.user, network, form.cleaned_data["message"])
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            _("Your request to join %(network)s was sent to its admins.") % {"network": network.name},
        )
    return redirect("networks:list")


@login_required
def manage_memberships(request):
    if not can_open_membership_management(request.user):
        raise Http404
    networks = list(administered_networks(request.user))
    members = (
        Membership.objects.filter(network__in=networks, status=Membership.Status.APPROVED)
        .select_related("user", "network")
        .order_by("network__name", "user__last_name", "user__first_name")
    )
    return render(
        request,
        "networks/manage_memberships.html",
        {
            "networks": networks,
            "pending": pending_requests_for_admin(request.user),
            "members": members,
            "decision_form": MembershipDecisionForm(),
            "role_changes": people_awaiting_role_confirmation(
                request.user, everyone=can_confirm_any_role(request.user)
            ),
        },
    )


@login_required
@require_POST
def decide_membership(request, pk):
    membership = get_object_or_404(Membership.objects.select_related("network", "user"), pk=pk)
    if not can_decide_membership(request.user, membership):
        raise Http404
    form = MembershipDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose approve or decline."))
        return redirect("networks:manage")
    decide = approve_membership if form.cleaned_data["decision"] == "approve" else decline_membership
    try:
        decide(membership, request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The decision was saved."))
    return redirect("networks:manage")


@login_required
@require_POST
def decide_role(request, pk):
    person = get_object_or_404(get_user_model(), pk=pk, is_active=True)
    if not can_confirm_role(request.user, person):
        raise Http404
    form = RoleDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose confirm or decline."))
        return redirect("networks:manage")
    try:
        decide_role_change(
            person,
            request.user,
            requested_role=form.cleaned_data["role"],
            confirm=form.cleaned_data["decision"] == "approve",
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The decision was saved."))
    return redirect("networks:manage")
