"""Writing the service catalogue: a network's admins add, change and remove its services."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from .service_catalogue_models import Municipality, NetworkService
from .service_catalogue_permissions import can_edit_services


def save_network_service(user, service: NetworkService, municipalities: list[Municipality]) -> NetworkService:
    """Save a service of `service.network` and the municipalities it covers, whole or not at all."""
    if not can_edit_services(user, service.network_id):
        raise PermissionDenied
    with transaction.atomic():
        # save() (not update()): the client-data guard checks every text before writing.
        service.save()
        service.municipalities.set(municipalities)
    return service


def remove_network_service(user, service: NetworkService) -> None:
    if not can_edit_services(user, service.network_id):
        raise PermissionDenied
    service.delete()
