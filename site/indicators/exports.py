"""The CSV export: the same shown figures as the pages (small counts as "< 5")."""

from django.utils.translation import gettext as _

from typ_site.core.spreadsheets import csv_response, safe_cell

from .selectors import Indicators


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
