"""Who's who on the site. `permissions` decides, `selectors` reads, `services` writes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from typ_site.networks.models import Network

from . import exports, selectors, services
from .forms import EntryForm, ReviewIntervalForm
from .models import WhosWhoEntry, WhosWhoSettings
from .permissions import can_edit_whoswho, can_view_whole_whoswho


def _network(slug: str) -> Network:
    return get_object_or_404(
        Network.objects.filter(is_active=True).select_related("whoswho_settings"), slug=slug
    )


def _editable_network(user, slug: str) -> Network:
    network = _network(slug)
    if not can_edit_whoswho(user, network):
        raise PermissionDenied(_("Only the network's admins keep its who's who."))
    return network


def whoswho(request, slug):
    """The network's who's who: everything for its members and KEHA, the public entries for
    everyone else."""
    network = _network(slug)
    whole = can_view_whole_whoswho(request.user, network)
    return render(
        request,
        "operating_model/whoswho/whoswho.html",
        {
            "network": network,
            "whoswho": selectors.whoswho_of(request.user, network, whole=whole),
            "whole": whole,
            "can_edit": can_edit_whoswho(request.user, network),
        },
    )


def whoswho_csv(request, slug):
    network = _network(slug)
    whole = can_view_whole_whoswho(request.user, network)
    return exports.whoswho_csv(selectors.whoswho_of(request.user, network, whole=whole), whole=whole)


@login_required
def add_entry(request, slug):
    network = _editable_network(request.user, slug)
    return _entry_form(request, network, WhosWhoEntry(network=network))


@login_required
def edit_entry(request, slug, pk):
    network = _editable_network(request.user, slug)
    entry = get_object_or_404(WhosWhoEntry.objects.filter(network=network), pk=pk)
    return _entry_form(request, network, entry)


def _entry_form(request, network, entry):
    form = EntryForm(request.POST or None, instance=entry, network=network)
    if request.method == "POST" and form.is_valid():
        services.save_entry(request.user, form.save(commit=False))
        messages.success(request, _("The entry is saved and marked as confirmed today."))
        return redirect("operating_model:whoswho", slug=network.slug)
    return render(
        request,
        "operating_model/whoswho/entry_form.html",
        {"network": network, "form": form, "entry": entry if entry.pk else None},
    )


@login_required
@require_POST
def delete_entry(request, slug, pk):
    network = _editable_network(request.user, slug)
    entry = get_object_or_404(WhosWhoEntry.objects.filter(network=network), pk=pk)
    services.delete_entry(request.user, entry)
    messages.success(request, _("The entry is removed."))
    return redirect("operating_model:whoswho", slug=network.slug)


@login_required
@require_POST
def confirm_entry(request, slug, pk):
    network = _editable_network(request.user, slug)
    entry = get_object_or_404(WhosWhoEntry.objects.filter(network=network), pk=pk)
    services.confirm_entries(request.user, network, [entry.pk])
    messages.success(request, _("The entry is marked as still correct."))
    return redirect(reverse("operating_model:whoswho", kwargs={"slug": network.slug}) + f"#entry-{entry.pk}")


@login_required
@require_POST
def confirm_all(request, slug):
    network = _editable_network(request.user, slug)
    count = services.confirm_entries(request.user, network)
    messages.success(request, _("%(count)s entries are marked as still correct.") % {"count": count})
    return redirect("operating_model:whoswho", slug=network.slug)


@login_required
def review_settings(request, slug):
    network = _editable_network(request.user, slug)
    own = WhosWhoSettings.objects.filter(network=network).first() or WhosWhoSettings(network=network)
    form = ReviewIntervalForm(request.POST or None, instance=own)
    if request.method == "POST" and form.is_valid():
        services.set_review_interval(request.user, network, form.cleaned_data["review_interval_months"])
        messages.success(request, _("The review interval is saved."))
        return redirect("operating_model:whoswho", slug=network.slug)
    return render(request, "operating_model/whoswho/settings.html", {"network": network, "form": form})
