"""The CSV export: the same shown figures as the pages (small counts as "< 5")."""

from django.utils.translation import gettext as _

from typ_site.accounts.exports import ExportRows, Rows
from typ_site.core.spreadsheets import csv_response, safe_cell

from . import board as board_module
from . import disclosure
from .models import IndicatorFigure
from .periods import Period
from .selectors import Indicators


def entered_figures_rows(user) -> dict[str, ExportRows]:
    return {
        "figures": ExportRows(
            IndicatorFigure.objects.filter(entered_by=user),
            {
                "network": "network__name",
                "indicator": "definition__key",
                "unit": "definition__unit",
                "period_type": "definition__period_type",
                "year": "year",
                "number": "number",
                "value": "value",
                "entered_at": "entered_at",
            },
            # The model's own order: the indicator's (kind, place), the network's name, the period.
            order_by=(
                "definition__kind",
                "definition__sort_order",
                "definition_id",
                "network__name",
                "year",
                "number",
            ),
        )
    }


def entered_figures_section(user, rows: Rows) -> list[dict]:
    """The own-data export: the figures the person entered (their name is on them), shown as
    everywhere else (a small count as "< 5")."""
    return [
        {
            "network": figure["network"],
            "indicator": figure["indicator"],
            "period": Period(figure["year"], figure["number"], figure["period_type"]).code,
            "value": disclosure.show(figure["unit"], figure["value"]).text,
            "entered_at": figure["entered_at"].isoformat(),
        }
        for figure in rows["figures"]
    ]


def indicators_csv(data: Indicators, *, with_networks: bool, board: board_module.BoardMakeup | None = None):
    response, writer = csv_response("verkostojen-mittarit.csv")
    writer.writerow(
        [
            _("indicator"),
            _("name"),
            _("unit"),
            _("period"),
            _("network"),
            _("value"),
            _("demo data"),
            _("networks reported"),
        ]
    )
    demo = _("yes") if data.has_demo else ""
    for comparison in data.comparisons:
        definition = comparison.definition
        series = [(_("All networks"), comparison.national)]
        if with_networks:
            series += [(network.name, network_series) for network, network_series in comparison.networks]
        for name, one in series:
            for period, shown in zip(comparison.periods, one.row(), strict=True):
                if shown.missing:
                    continue
                # a national figure says how many of the networks it covers, e.g. 3/4
                reported = (
                    f"{comparison.reported.get(period, 0)}/{comparison.network_count}"
                    if one is comparison.national
                    else ""
                )
                writer.writerow(
                    [
                        definition.key,
                        safe_cell(definition.name),
                        definition.get_unit_display(),
                        period.code,
                        safe_cell(name),
                        safe_cell(shown.text),
                        demo,
                        reported,
                    ]
                )
    if board is not None:
        _board_rows(writer, board, with_networks=with_networks)
    return response


def _board_rows(writer, board: board_module.BoardMakeup, *, with_networks: bool) -> None:
    """The johtoryhmä's seats by organisation type, as the pages show them: the day's state
    as the period, the networks only for those who may compare them."""
    rows = [(board.national.label, board.national)] if board.national is not None else []
    if with_networks:
        rows = [(row.label, row) for row in board.rows] + rows
    for name, row in rows:
        if not row.total:
            continue
        for column, number in zip(board.columns, row.counts, strict=True):
            writer.writerow(
                [
                    f"{board_module.KEY}-{column.key}",
                    safe_cell(f"{board_module.NAME}: {column.label}"),
                    str(board_module.UNIT),
                    board.date.isoformat(),
                    safe_cell(name),
                    number,
                    "",
                    f"{board.reported}/{len(board.rows)}" if row is board.national else "",
                ]
            )
