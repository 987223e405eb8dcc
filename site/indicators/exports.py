"""The CSV export: the same shown figures as the pages (small counts as "< 5")."""

from django.utils.translation import gettext as _

from typ_site.core.spreadsheets import csv_response, safe_cell

from . import disclosure
from .models import IndicatorFigure
from .periods import Period
from .selectors import Indicators


def entered_figures_section(user) -> list[dict]:
    """The own-data export: the figures the person entered (their name is on them), shown as
    everywhere else (a small count as "< 5")."""
    figures = IndicatorFigure.objects.filter(entered_by=user).select_related("definition", "network")
    return [
        {
            "network": figure.network.name,
            "indicator": figure.definition.key,
            "period": Period(figure.year, figure.number, figure.definition.period_type).code,
            "value": disclosure.show(figure.definition.unit, figure.value).text,
            "entered_at": figure.entered_at.isoformat(),
        }
        for figure in figures
    ]


def indicators_csv(data: Indicators, *, with_networks: bool):
    response, writer = csv_response("verkostojen-mittarit.csv")
    writer.writerow(
        [_("indicator"), _("name"), _("unit"), _("period"), _("network"), _("value"), _("demo data")]
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
                writer.writerow(
                    [
                        definition.key,
                        safe_cell(definition.name),
                        definition.get_unit_display(),
                        period.code,
                        safe_cell(name),
                        safe_cell(shown.text),
                        demo,
                    ]
                )
    return response
