"""The national baseline in the site search: each task of the client process is a public
document (its name, description, law sections and who does what). The networks' local
agreements are not indexed yet: they are read on the networks' own pages."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from search.contracts import SearchDocument, SearchSource
from search.registry import register_source
from typ_site.core.access import PUBLIC

from .models import BaselineCell, ClientProcessTask, Involvement, Party


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
