"""CSV exports of the service catalogue (semicolons, a byte-order mark for Excel, and no cell
that a spreadsheet would run as a formula)."""

from django.http import HttpResponse
from django.utils.translation import gettext as _

from typ_site.core.spreadsheets import csv_response, safe_cell

from .service_catalogue_selectors import NationalMatrix


def services_csv(services, filename: str = "palvelut.csv") -> HttpResponse:
    response, writer = csv_response(filename)
    writer.writerow(
        [
            _("Network"),
            _("Kind of service"),
            _("Service"),
            _("Provider"),
            _("How to refer a client"),
            _("Municipalities covered"),
            _("Availability"),
            _("Contact"),
            _("Description"),
        ]
    )
    for service in services:
        writer.writerow(
            [
                safe_cell(service.network.name),
                safe_cell(service.category.name),
                safe_cell(service.name),
                safe_cell(service.provider),
                safe_cell(service.how_to_refer),
                safe_cell(", ".join(municipality.name for municipality in service.municipalities.all())),
                safe_cell(service.availability),
                safe_cell(service.contact),
                safe_cell(service.description),
            ]
        )
    return response


def matrix_csv(matrix: NationalMatrix) -> HttpResponse:
    response, writer = csv_response("palvelut-verkostoittain.csv")
    writer.writerow(
        [_("Kind of service"), *(safe_cell(network.name) for network in matrix.networks), _("Not offered by")]
    )
    for row in matrix.rows:
        writer.writerow(
            [
                safe_cell(row.category.name),
                *(cell.count for cell in row.cells),
                safe_cell(", ".join(network.name for network in row.gap_networks)),
            ]
        )
    return response
