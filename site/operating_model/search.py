"""The register in the site search.

- The national baseline: each task of the client process is a public document (its name,
  description, law sections and who does what).
- A network's local agreement: the current version of each active network's agreement is one
  document (its cells, notes, deviations and their reasons), found by the people who may open
  it (`permissions.can_view_agreement`: the network's members, KEHA staff and a superuser),
  through the access key `network_and_staff_key` (`core.access.search_access_keys_for`).
  Earlier versions are not indexed: a new version replaces the network's document.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from search.contracts import SearchDocument, SearchSource
from search.registry import register_source
from typ_site.core.access import PUBLIC, network_and_staff_key
from typ_site.networks.models import Network

from .models import AgreementCell, BaselineCell, ClientProcessTask, Involvement, LocalAgreement, Party


def task_document(task: ClientProcessTask) -> SearchDocument:
    with override("fi"):
        cells = [
            f"{cell.party.name_fi}: {Involvement(cell.involvement).label}. {cell.note}".strip()
            for cell in task.baseline_cells.all()
        ]
        url = reverse("operating_model:baseline") + f"#baseline-{task.key}"
    sections = [
        f"{section.statute.number} {section.number} § {section.title}" for section in task.law_sections.all()
    ]
    return SearchDocument(
        key=f"responsibility:{task.pk}",
        kind="responsibility",
        title=task.name_fi,
        body="\n".join([task.description_fi, *cells, *sections]),
        url=url,
        access_key=PUBLIC,
        language="fi",
    )


def agreement_document(network: Network) -> SearchDocument | None:
    """The network's current agreement, or None (no agreement yet, or the network is closed)."""
    if not network.is_active:
        return None
    agreement = network.responsibility_agreements.order_by("-version").first()
    if agreement is None:
        return None
    cells = AgreementCell.objects.filter(agreement=agreement).select_related("task", "party")
    with override("fi"):
        lines = []
        for cell in cells.order_by("task__sort_order", "task__pk", "party__sort_order", "party__pk"):
            if not (cell.note or cell.deviates):
                continue
            line = f"{cell.task.name_fi} – {cell.party.name_fi}: {Involvement(cell.involvement).label}."
            if cell.deviates:
                line += f" {_('National baseline')}: {Involvement(cell.baseline_involvement).label}."
            lines.append(" ".join(part for part in [line, cell.note, cell.deviation_reason] if part))
        title = f"{network.name}: {_('division of responsibilities')}"
        url = reverse("operating_model:agreement", args=[network.slug])
    return SearchDocument(
        key=f"agreement:{network.pk}",
        kind="agreement",
        title=title,
        body="\n".join([agreement.change_note, *lines]).strip(),
        url=url,
        access_key=network_and_staff_key(network.pk),
        network=network.name,
        date=agreement.confirmed_on,
        language="fi",
    )


def tasks_for_index():
    return ClientProcessTask.objects.prefetch_related("law_sections__statute", "baseline_cells__party")


def register_operating_model_search() -> None:
    register_source(
        SearchSource(
            name="responsibility",
            label=_("Division of responsibilities"),
            model=ClientProcessTask,
            document_for=task_document,
            queryset=tasks_for_index,
            kinds={"responsibility": _("Division of responsibilities")},
            dependants=[
                (BaselineCell, lambda cell: [ClientProcessTask(pk=cell.task_id)]),
                (Party, lambda party: ClientProcessTask.objects.only("pk")),
            ],
        )
    )
    register_source(
        SearchSource(
            name="agreement",
            label=_("Local agreements"),
            model=Network,
            document_for=agreement_document,
            kinds={"agreement": _("Local agreement")},
            dependants=[(LocalAgreement, lambda agreement: [Network(pk=agreement.network_id)])],
        )
    )
