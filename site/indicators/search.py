"""The indicators in the site search. Each definition is a public document with what it
counts and the latest national figure; each network's figures are a document for that
network's members. The figures come through `selectors`, so a hidden count reads "< 5" here
as everywhere."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from search.contracts import SearchDocument, SearchSource
from search.registry import register_source
from typ_site.core.access import PUBLIC, network_key
from typ_site.networks.models import Network

from . import selectors
from .models import IndicatorDefinition, IndicatorFigure


def _latest(comparison: selectors.Comparison, series: selectors.Series) -> str:
    latest = comparison.latest
    if latest is None:
        return ""
    return f"{latest.label}: {series.values.get(latest, selectors.disclosure.MISSING).text}"


def definition_document(definition: IndicatorDefinition) -> SearchDocument | None:
    if not definition.is_active:
        return None
    with override("fi"):
        data = selectors.indicators(definition_key=definition.key)
        comparison = data.comparisons[0]
        return SearchDocument(
            key=f"indicator:{definition.pk}",
            kind="indicator",
            title=definition.name_fi,
            body="\n".join(
                [
                    definition.counted_fi,
                    definition.method_fi,
                    str(definition.get_source_display()),
                    f"Koko maa {_latest(comparison, comparison.national)}",
                ]
            ),
            url=reverse("indicators:indicator", kwargs={"key": definition.key}),
            access_key=PUBLIC,
            language="fi",
        )


def network_document(network: Network) -> SearchDocument | None:
    if not network.is_active:
        return None
    with override("fi"):
        data = selectors.indicators(networks=[network])
        lines = [
            f"{comparison.definition.name_fi} {_latest(comparison, comparison.networks[0][1])}"
            for comparison in data.comparisons
            if comparison.latest is not None
        ]
        if not lines:
            return None
        return SearchDocument(
            key=f"network_indicators:{network.pk}",
            kind="indicator",
            title=f"Mittarit – {network.name}",
            body="\n".join(lines),
            url=reverse("indicators:network", kwargs={"slug": network.slug}),
            access_key=network_key(network.pk),
            network=network.name,
            language="fi",
        )


def register_indicator_search() -> None:
    register_source(
        SearchSource(
            name="indicator",
            label=_("Network indicators"),
            model=IndicatorDefinition,
            document_for=definition_document,
            kinds={"indicator": _("Network indicator")},
            dependants=[(IndicatorFigure, lambda figure: [IndicatorDefinition(pk=figure.definition_id)])],
        )
    )
    register_source(
        SearchSource(
            name="network_indicators",
            label=_("Network indicators by network"),
            model=Network,
            document_for=network_document,
            dependants=[(IndicatorFigure, lambda figure: [Network(pk=figure.network_id)])],
        )
    )
