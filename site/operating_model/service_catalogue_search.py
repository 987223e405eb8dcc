"""The networks' services in the site search, each under the access key its visibility gives
(`service_catalogue_permissions.service_access_key`), so that the search shows a service to
exactly the people its pages show it to."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from search.contracts import SearchDocument, SearchSource
from search.registry import register_source
from typ_site.networks.models import Network

from .service_catalogue_models import Municipality, NetworkService, ServiceCategory
from .service_catalogue_permissions import service_access_key


def service_document(service: NetworkService) -> SearchDocument | None:
    if not service.network.is_active:
        return None
    municipalities = ", ".join(municipality.name_fi for municipality in service.municipalities.all())
    return SearchDocument(
        key=f"service:{service.pk}",
        kind="service",
        title=f"{service.name} – {service.category.name_fi}",
        body="\n".join(
            part
            for part in [
                service.description,
                f"Palveluntuottaja: {service.provider}",
                f"Näin ohjaat: {service.how_to_refer}",
                f"Kunnat: {municipalities}",
                service.availability,
                f"Yhteystiedot: {service.contact}",
            ]
            if part
        ),
        url=reverse("operating_model:network_services", kwargs={"slug": service.network.slug})
        + f"#service-{service.pk}",
        access_key=service_access_key(service),
        network=service.network.name,
        organisation=service.provider,
        date=service.updated_at.date() if service.updated_at else None,
        language="fi",
    )


def services_for_index():
    return NetworkService.objects.select_related("network", "category").prefetch_related("municipalities")


def register_service_catalogue_search() -> None:
    register_source(
        SearchSource(
            name="service",
            label=_("Service catalogue"),
            model=NetworkService,
            document_for=service_document,
            queryset=services_for_index,
            kinds={"service": _("Service")},
            dependants=[
                (ServiceCategory, lambda category: category.services.only("pk")),
                (Municipality, lambda municipality: municipality.services.only("pk")),
                (Network, lambda network: network.catalogue_services.only("pk")),
            ],
        )
    )
