"""The network indicators on the site. `permissions` decides, `selectors` reads (hidden counts
already hidden), `services` and `uploads` write; the views join them to the templates."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from typ_site.networks.models import Network

from . import board, charts, disclosure, exports, selectors
from .forms import FiguresForm, UploadForm
from .models import PeriodType
from .periods import Period
from .permissions import can_enter_figures, can_view_networks
from .services import record_figures
from .uploads import read_figures


def _trend(series: selectors.Series, notes: list[str]) -> charts.LineChart:
    unit = series.definition.unit
    return charts.line_chart(
        series.periods, series.row(), lambda value: disclosure.format_number(unit, value), notes
    )


def _item(comparison: selectors.Comparison, series: selectors.Series) -> dict:
    """A trend and its table's rows (period, figure, note); the national series notes the
    periods that not every network has reported."""
    notes = comparison.reported_notes() if series is comparison.national else [""] * len(series.periods)
    return {
        "comparison": comparison,
        "series": series,
        "chart": _trend(series, notes),
        "rows": list(zip(series.periods, series.row(), notes, strict=True)),
    }


def _common(request) -> dict:
    return {
        "hidden_text": disclosure.hidden_text(),
        "can_view_networks": can_view_networks(request.user),
    }


def _board(makeup: board.BoardMakeup, *, with_networks: bool) -> dict:
    """The johtoryhmä's make-up for the template: the chart and the table's rows (the
    networks when the reader may compare them, and all networks together)."""
    rows: list[dict] = []
    if with_networks:
        rows = [
            {"label": row.label, "counts": row.counts, "total": row.total, "public_only": row.public_only}
            for row in makeup.rows
        ]
    national_row = makeup.national
    if national_row is not None and (not with_networks or len(makeup.rows) > 1):
        rows.append(
            {
                "label": national_row.label,
                "counts": national_row.counts,
                "total": national_row.total,
                "public_only": national_row.public_only and not with_networks,
                # the rows above say which networks; the total counts some of them in part
                "partly_public": national_row.public_only and with_networks,
                "reported_text": disclosure.reported_text(makeup.reported, len(makeup.rows))
                if makeup.reported < len(makeup.rows)
                else "",
            }
        )
    names = [column.label for column in makeup.columns]
    return {
        "board": makeup,
        "board_rows": rows,
        "board_chart": charts.stacked_bar_chart(
            [(str(row["label"]), list(row["counts"])) for row in rows], names
        ),
    }


def national(request):
    """Public: the definitions and the networks together, period by period."""
    # the networks are read with their johtoryhmä seats, in one query
    makeup = board.board_makeup(request.user, selectors.active_networks_queryset())
    data = selectors.indicators(networks=makeup.networks)
    context = _common(request)
    context.update(_board(makeup, with_networks=context["can_view_networks"]))
    context.update(
        {
            "data": data,
            "items": [_item(comparison, comparison.national) for comparison in data.comparisons],
            "entry_networks": [
                network for network in data.networks if can_enter_figures(request.user, network)
            ],
        }
    )
    return render(request, "indicators/national.html", context)


def indicator(request, key):
    """One indicator: its definition and national trend (public); the comparison between the
    networks for the people working in them."""
    data = selectors.indicators(definition_key=key)
    if not data.comparisons:
        raise Http404
    comparison = data.comparisons[0]
    context = _common(request)
    context.update(
        {
            "data": data,
            "comparison": comparison,
            "item": _item(comparison, comparison.national),
            "network_rows": [(network, series.row()) for network, series in comparison.networks],
            "national_row": list(zip(comparison.national.row(), comparison.reported_notes(), strict=True)),
        }
    )
    if context["can_view_networks"]:
        context["bars"] = charts.bar_chart(
            [(network.name, shown) for network, shown in comparison.latest_by_network()]
        )
    return render(request, "indicators/indicator.html", context)


def export_csv(request):
    makeup = board.board_makeup(request.user, selectors.active_networks_queryset())
    data = selectors.indicators(networks=makeup.networks)
    return exports.indicators_csv(data, with_networks=can_view_networks(request.user), board=makeup)


def _network_or_404(slug: str) -> Network:
    return get_object_or_404(Network.objects.filter(is_active=True), slug=slug)


@login_required
def network(request, slug):
    if not can_view_networks(request.user):
        raise PermissionDenied(_("The networks' own figures are for the members of the networks and KEHA."))
    # the network is read with its johtoryhmä seats, in one query
    makeup = board.board_makeup(request.user, selectors.active_networks_queryset().filter(slug=slug))
    if not makeup.networks:
        raise Http404
    chosen = makeup.networks[0]
    data = selectors.indicators(networks=[chosen])
    context = _common(request)
    context.update(_board(makeup, with_networks=True))
    context.update(
        {
            "network": chosen,
            "data": data,
            "items": [_item(comparison, comparison.networks[0][1]) for comparison in data.comparisons],
            "can_enter": can_enter_figures(request.user, chosen),
            "period_types": PeriodType.choices,
        }
    )
    return render(request, "indicators/network.html", context)


def _network_for_entry(request, slug) -> Network:
    chosen = _network_or_404(slug)
    if not can_enter_figures(request.user, chosen):
        raise PermissionDenied(_("Only the network's admins enter its figures."))
    return chosen


@login_required
def enter_figures(request, slug, period_type):
    chosen = _network_for_entry(request, slug)
    if period_type not in PeriodType.values:
        raise Http404
    definitions = [d for d in selectors.definitions() if d.period_type == period_type]
    form = FiguresForm(request.POST or None, period_type=period_type, definitions=definitions)
    if request.method == "GET" and request.GET.get("year", "").isdigit():
        period = Period(int(request.GET["year"]), int(request.GET.get("number", "1") or 1), period_type)
        form.initial["year"] = period.year
        form.initial["number"] = period.number
        for definition_id, value in selectors.network_figures(chosen, definitions, period).items():
            form.initial[f"value-{definition_id}"] = (
                value.quantize(Decimal(1)) if value == value.to_integral_value() else value
            )
    if request.method == "POST" and form.is_valid():
        try:
            record_figures(request.user, chosen, form.entries())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The figures for %(period)s are saved.") % {"period": form.period().label},  # type: ignore[union-attr]
            )
            return redirect("indicators:network", slug=chosen.slug)
    return render(
        request,
        "indicators/enter.html",
        {"network": chosen, "form": form, "period_type": PeriodType(period_type)},
    )


@login_required
def upload_figures(request, slug):
    chosen = _network_for_entry(request, slug)
    form = UploadForm(request.POST or None, request.FILES or None)
    errors = []
    definitions = selectors.definitions()
    if request.method == "POST" and form.is_valid():
        read = read_figures(form.cleaned_data["file"], definitions)
        errors = read.errors
        if not errors:
            try:
                saved = record_figures(request.user, chosen, read.entries)
            except ValidationError as error:
                errors = list(error.messages)
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(count)s figure is saved from the file.",
                        "%(count)s figures are saved from the file.",
                        saved,
                    )
                    % {"count": saved},
                )
                return redirect("indicators:network", slug=chosen.slug)
    return render(
        request,
        "indicators/upload.html",
        {"network": chosen, "form": form, "errors": errors, "definitions": definitions},
    )
