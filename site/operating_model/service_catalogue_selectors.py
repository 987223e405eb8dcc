"""Reading the service catalogue: what a person may see, the look-up by municipality, a
network's catalogue and the national view of who offers what.

Each function costs a fixed number of queries, however many networks, services and
municipalities there are; the views, the exports and the search use them.
"""

from dataclasses import dataclass, field

from django.db.models import QuerySet

from typ_site.networks.models import Network

from .service_catalogue_models import Municipality, NetworkService, ServiceCategory
from .service_catalogue_permissions import visible_services_filter
from .shared_cache import KeptList

# The categories and the municipality list, which KEHA keeps and every page of the catalogue
# shows, from the shared cache (read again after a change: `apps.ready` connects it).
# (v1: CatalogueLists, pickled.)
CATALOGUE_LISTS = KeptList("catalogue-lists", 1)


@dataclass
class CatalogueLists:
    categories: list[ServiceCategory]
    municipalities: list[Municipality]


def _read_lists() -> CatalogueLists:
    return CatalogueLists(list(ServiceCategory.objects.all()), list(Municipality.objects.all()))


def categories() -> list[ServiceCategory]:
    return CATALOGUE_LISTS.kept_or_read(_read_lists).categories


def municipalities() -> list[Municipality]:
    return CATALOGUE_LISTS.kept_or_read(_read_lists).municipalities


def visible_services(user) -> QuerySet[NetworkService]:
    """The services of active networks that the person may see, with what a list shows
    (two queries when evaluated: the services and their municipalities)."""
    return (
        NetworkService.objects.filter(network__is_active=True)
        .filter(visible_services_filter(user))
        .select_related("network", "category")
        .prefetch_related("municipalities")
        .order_by("category__sort_order", "category_id", "network__name", "name")
    )


@dataclass
class CategoryGroup:
    category: ServiceCategory
    services: list[NetworkService] = field(default_factory=list)


def group_by_category(services, all_categories: list[ServiceCategory]) -> list[CategoryGroup]:
    """The services under their categories, in the categories' order; empty categories left out."""
    groups = {category.pk: CategoryGroup(category) for category in all_categories}
    for service in services:
        group = groups.get(service.category_id)
        if group is None:  # a category added since the list was read
            group = groups[service.category_id] = CategoryGroup(service.category)
        group.services.append(service)
    return [group for group in groups.values() if group.services]


def services_in(user, *, municipality: Municipality | None = None, category: ServiceCategory | None = None):
    services = visible_services(user)
    if municipality is not None:
        services = services.filter(municipalities=municipality)
    if category is not None:
        services = services.filter(category=category)
    return services


def network_services(user, network: Network) -> QuerySet[NetworkService]:
    return visible_services(user).filter(network=network)


def active_networks() -> QuerySet[Network]:
    return Network.objects.filter(is_active=True).only("pk", "name", "slug", "region")


@dataclass
class MatrixCell:
    network: Network
    count: int

    @property
    def offered(self) -> bool:
        return self.count > 0


@dataclass
class MatrixRow:
    category: ServiceCategory
    cells: list[MatrixCell]
    uncovered_municipalities: list[Municipality]

    @property
    def offering_networks(self) -> list[Network]:
        return [cell.network for cell in self.cells if cell.offered]

    @property
    def gap_networks(self) -> list[Network]:
        return [cell.network for cell in self.cells if not cell.offered]


@dataclass
class NationalMatrix:
    networks: list[Network]
    rows: list[MatrixRow]
    municipality_count: int

    @property
    def gap_count(self) -> int:
        return sum(len(row.gap_networks) for row in self.rows)


def national_matrix() -> NationalMatrix:
    """Which active networks offer which categories (a count of services in each cell), and the
    municipalities of the list where no network offers a category: two queries (the categories
    and municipalities come from the shared cache). Every service
    counts, whoever may read it (see `service_catalogue_permissions`)."""
    networks = list(active_networks())
    all_categories = categories()
    all_municipalities = municipalities()
    # One read for both the counts and the coverage: a row per service and municipality.
    services: dict[tuple[int, int], set[int]] = {}
    covered: dict[int, set[int]] = {}
    for service_id, network_id, category_id, municipality_id in NetworkService.objects.filter(
        network__is_active=True
    ).values_list("pk", "network_id", "category_id", "municipalities__id"):
        services.setdefault((network_id, category_id), set()).add(service_id)
        if municipality_id is not None:
            covered.setdefault(category_id, set()).add(municipality_id)
    counts = {key: len(ids) for key, ids in services.items()}
    rows = [
        MatrixRow(
            category,
            [MatrixCell(network, counts.get((network.pk, category.pk), 0)) for network in networks],
            [
                municipality
                for municipality in all_municipalities
                if municipality.pk not in covered.get(category.pk, set())
            ],
        )
        for category in all_categories
    ]
    return NationalMatrix(networks, rows, len(all_municipalities))
