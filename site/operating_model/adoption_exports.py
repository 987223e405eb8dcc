"""CSV of the adoption matrix: one row per decision and network, for spreadsheets."""

from django.http import HttpResponse
from django.utils.translation import gettext as _

from typ_site.accounts.exports import ExportRows, Rows
from typ_site.core.spreadsheets import csv_response, safe_cell

from .adoption_models import AdoptionStatus, AdoptionStatusChange
from .adoption_selectors import Cell, Matrix


def _row(cell: Cell) -> list:
    status = cell.status
    return [
        safe_cell(cell.decision.kind),
        safe_cell(cell.decision.title),
        safe_cell(cell.network.name),
        cell.label,
        status.handled_on.isoformat() if status and status.handled_on else "",
        safe_cell(status.deviation_reason) if status else "",
        status.updated_at.date().isoformat() if isinstance(status, AdoptionStatus) else "",
    ]


def _headings() -> list[str]:
    return [
        _("Kind"),
        _("Decision"),
        _("Network"),
        _("Status"),
        _("Handled by the johtoryhmä on"),
        _("Reason for the deviation"),
        _("Updated"),
    ]


def matrix_csv(matrix: Matrix) -> HttpResponse:
    response, writer = csv_response("kansalliset-paatokset-verkostoissa.csv")
    writer.writerow(_headings())
    for row in matrix.rows:
        for cell in row.cells:
            writer.writerow(_row(cell))
    return response


def network_csv(cells: list[Cell], slug: str) -> HttpResponse:
    response, writer = csv_response(f"kansalliset-paatokset-{slug}.csv")
    writer.writerow(_headings())
    for cell in cells:
        writer.writerow(_row(cell))
    return response


def recorded_statuses_rows(user) -> dict[str, ExportRows]:
    return {
        "changes": ExportRows(
            AdoptionStatusChange.objects.filter(changed_by=user),
            {
                "network": "network__name",
                "page": "page_id",
                "decision": "page__title",
                "state": "state",
                "handled_on": "handled_on",
                "deviation_reason": "deviation_reason",
                "changed_at": "changed_at",
            },
            order_by=("-changed_at", "-pk"),  # the model's own order
        )
    }


def recorded_statuses_section(user, rows: Rows) -> list[dict]:
    """The own-data export: the status changes the person saved (their name is on them)."""
    return [
        {
            "network": change["network"],
            "decision": change["decision"] if change["page"] is not None else "baseline",
            "status": change["state"],
            "handled_on": change["handled_on"].isoformat() if change["handled_on"] else "",
            "deviation_reason": change["deviation_reason"],
            "changed_at": change["changed_at"].isoformat(),
        }
        for change in rows["changes"]
    ]
