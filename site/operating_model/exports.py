"""CSV exports of the register: one row per task and party, for spreadsheets (semicolons, a
byte-order mark for Excel, and no cell that a spreadsheet would run as a formula)."""

from django.http import HttpResponse
from django.utils.translation import gettext as _

from typ_site.accounts.exports import ExportRows, Rows
from typ_site.core.spreadsheets import csv_response, safe_cell

from .models import LocalAgreement
from .selectors import Comparison, Register


def recorded_agreements_rows(user) -> dict[str, ExportRows]:
    return {
        "agreements": ExportRows(
            LocalAgreement.objects.filter(recorded_by=user),
            {
                "network": "network__name",
                "version": "version",
                "confirmed_on": "confirmed_on",
                "change_note": "change_note",
                "recorded_at": "recorded_at",
            },
            # The model's own order: the network (by name), the latest version first.
            order_by=("network__name", "-version"),
        )
    }


def recorded_agreements_section(user, rows: Rows) -> list[dict]:
    """The own-data export: the agreement versions the person recorded (their name is on them)."""
    return [
        {
            "network": agreement["network"],
            "version": agreement["version"],
            "confirmed_on": agreement["confirmed_on"].isoformat(),
            "change_note": agreement["change_note"],
            "recorded_at": agreement["recorded_at"].isoformat(),
        }
        for agreement in rows["agreements"]
    ]


def _yes(value: bool) -> str:
    return _("yes") if value else ""


def baseline_csv(register: Register) -> HttpResponse:
    response, writer = csv_response("vastuunjako-valtakunnallinen.csv")
    writer.writerow([_("Order"), _("Task"), _("Law sections"), _("Party"), _("Involvement"), _("Note")])
    for order, row in enumerate(register.rows, start=1):
        sections = ", ".join(str(section) for section in row.task.law_sections.all())
        for cell in row.cells:
            writer.writerow(
                [
                    order,
                    safe_cell(row.task.name),
                    sections,
                    safe_cell(cell.party.name),
                    cell.label,
                    safe_cell(cell.note),
                ]
            )
    return response


def agreement_csv(agreement: LocalAgreement, register: Register) -> HttpResponse:
    response, writer = csv_response(f"vastuunjako-{agreement.network.slug}-v{agreement.version}.csv")
    writer.writerow([_("Network"), safe_cell(agreement.network.name)])
    writer.writerow([_("Version"), agreement.version])
    writer.writerow([_("Confirmed by the johtoryhmä on"), agreement.confirmed_on.isoformat()])
    writer.writerow([])
    writer.writerow(
        [
            _("Order"),
            _("Task"),
            _("Party"),
            _("Involvement"),
            _("National baseline"),
            _("Deviates"),
            _("Reason for the deviation"),
            _("Note"),
        ]
    )
    for order, row in enumerate(register.rows, start=1):
        for cell in row.cells:
            writer.writerow(
                [
                    order,
                    safe_cell(row.task.name),
                    safe_cell(cell.party.name),
                    cell.label,
                    cell.baseline_label,
                    _yes(cell.deviates),
                    safe_cell(cell.deviation_reason),
                    safe_cell(cell.note),
                ]
            )
    return response


def comparison_csv(comparison: Comparison) -> HttpResponse:
    response, writer = csv_response("vastuunjako-verkostot.csv")
    writer.writerow(
        [
            _("Network"),
            _("Version"),
            _("Confirmed by the johtoryhmä on"),
            _("Task"),
            _("Party"),
            _("Involvement"),
            _("National baseline"),
            _("Deviates"),
            _("Reason for the deviation"),
        ]
    )
    for row in comparison.rows:
        baseline = {cell.party.pk: cell for cell in row.baseline}
        for column, cells in row.networks:
            agreement = column.agreement
            for cell in cells:
                writer.writerow(
                    [
                        safe_cell(column.network.name),
                        agreement.version if agreement else "",
                        agreement.confirmed_on.isoformat() if agreement else "",
                        safe_cell(row.task.name),
                        safe_cell(cell.party.name),
                        cell.label,
                        baseline[cell.party.pk].label,
                        _yes(cell.deviates),
                        safe_cell(cell.deviation_reason),
                    ]
                )
    return response
