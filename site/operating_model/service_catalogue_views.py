"""The service catalogue on the site. `service_catalogue_permissions` decides who may do what,
`service_catalogue_selectors` reads, `service_catalogue_services` writes; the views only join
them to the templates."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from typ_site.networks.models import Network

from . import service_catalogue_exports as exports
from . import service_catalogue_selectors as selectors
from .service_catalogue_forms import LookupForm, NetworkServiceForm
from .service_catalogue_models import NetworkService
from .service_catalogue_permissions import can_edit_services
from .service_catalogue_services import remove_network_service, save_network_service


def _lookup(request):
    all_categories = selectors.categories()
    form = LookupForm(
        request.GET or None, municipalities=selectors.municipalities(), categories=all_categories
    )
    municipality, category = form.chosen()
    return form, all_categories, municipality, category


def catalogue(request):
    """The look-up: what a client can get in a municipality, and whom to call."""
    form, all_categories, municipality, category = _lookup(request)
    groups = []
    if municipality is not None or category is not None:
        services = selectors.services_in(request.user, municipality=municipality, category=category)
        groups = selectors.group_by_category(services, all_categories)
    return render(
        request,
        "operating_model/services/catalogue.html",
        {
            "form": form,
            "categories": all_categories,
            "municipality": municipality,
            "category": category,
            "groups": groups,
            "searched": municipality is not None or category is not None,
            # The networks' own lists only on the empty look-up (the results link to them).
            "networks": [] if groups else selectors.active_networks(),
        },
    )


def catalogue_csv(request):
    _form, _categories, municipality, category = _lookup(request)
    services = selectors.services_in(request.user, municipality=municipality, category=category)
    return exports.services_csv(services)


def national(request):
    """Which networks offer which kinds of service, and the gaps."""
    return render(request, "operating_model/services/national.html", {"matrix": selectors.national_matrix()})


def national_csv(request):
    return exports.matrix_csv(selectors.national_matrix())


def _active_network(slug: str) -> Network:
    return get_object_or_404(Network.objects.filter(is_active=True), slug=slug)


def network_catalogue(request, slug):
    network = _active_network(slug)
    services = selectors.network_services(request.user, network)
    return render(
        request,
        "operating_model/services/network.html",
        {
            "network": network,
            "groups": selectors.group_by_category(services, selectors.categories()),
            "can_edit": can_edit_services(request.user, network),
        },
    )


def network_catalogue_csv(request, slug):
    network = _active_network(slug)
    return exports.services_csv(
        selectors.network_services(request.user, network), filename=f"palvelut-{network.slug}.csv"
    )


def _editable_network(request, slug) -> Network:
    network = _active_network(slug)
    if not can_edit_services(request.user, network):
        raise PermissionDenied(_("Only the network's admins keep its services."))
    return network


def _edit(request, network, service=None):
    form = NetworkServiceForm(request.POST or None, instance=service, network=network)
    if request.method == "POST" and form.is_valid():
        saved = save_network_service(
            request.user, form.save(commit=False), list(form.cleaned_data["municipalities"])
        )
        messages.success(request, _("The service “%(name)s” is saved.") % {"name": saved.name})
        return redirect("operating_model:network_services", slug=network.slug)
    return render(
        request,
        "operating_model/services/edit.html",
        {"network": network, "form": form, "service": service},
    )


@login_required
def add_service(request, slug):
    return _edit(request, _editable_network(request, slug))


def _editable_service(request, slug, pk) -> NetworkService:
    """The service of the active network, read with its network and municipalities (two
    queries); a 404 when there is none, and a 403 for anyone but the network's admins."""
    service = get_object_or_404(
        NetworkService.objects.select_related("network")
        .prefetch_related("municipalities")
        .filter(network__slug=slug, network__is_active=True),
        pk=pk,
    )
    if not can_edit_services(request.user, service.network):
        raise PermissionDenied(_("Only the network's admins keep its services."))
    return service


@login_required
def edit_service(request, slug, pk):
    service = _editable_service(request, slug, pk)
    return _edit(request, service.network, service)


@login_required
def delete_service(request, slug, pk):
    service = _editable_service(request, slug, pk)
    network = service.network
    if request.method == "POST":
        remove_network_service(request.user, service)
        messages.success(request, _("The service “%(name)s” is removed.") % {"name": service.name})
        return redirect("operating_model:network_services", slug=network.slug)
    return render(request, "operating_model/services/delete.html", {"network": network, "service": service})
