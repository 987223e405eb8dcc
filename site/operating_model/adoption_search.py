"""The networks' adoption statuses in the site search.

Each network's current status of a national decision (`AdoptionStatus`) is one document: the
decision's title, the network, the status in Finnish ("Käytössä poikkeamin"), the johtoryhmä's
date and the reason for a deviation. It is found by exactly the people who may open the
network's statuses (`adoption_permissions.can_view_adoption`), through the access key
`adoption_permissions.adoption_access_key`. The history (`AdoptionStatusChange`) is not
indexed: a new status replaces the network's document of that decision.

A status is left out while its network is closed, and while its decision page is no decision
(unpublished, deleted, no longer valid or agreed) or is restricted beyond signing in
(`adoption_selectors.decision_for_index`). A page's publishing, unpublishing, move and view
restrictions re-index the statuses of the page (and of the pages below it).
"""

from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search.contracts import SearchDocument, SearchSource
from search.registry import register_source
from search.tasks import schedule_objects
from typ_site.networks.models import Network

from .adoption_models import AdoptionState, AdoptionStatus
from .adoption_permissions import adoption_access_key
from .adoption_selectors import decision_for_index

SOURCE = "adoption"


def status_document(status: AdoptionStatus) -> SearchDocument | None:
    network = status.network
    if not network.is_active:
        return None
    with override("fi"):
        decision = decision_for_index(status.page_id)
        if decision is None:
            return None
        state = str(AdoptionState(status.state).label)
        lines = [f"{_('Status')}: {state}", decision.kind]
        if status.handled_on:
            lines.append(
                _("Handled by the johtoryhmä on %(date)s") % {"date": date_format(status.handled_on)}
            )
        if status.deviation_reason:
            lines.append(f"{_('Reason for the deviation')}: {status.deviation_reason}")
        url = reverse("operating_model:adoption_decision", args=[network.slug, decision.key])
    return SearchDocument(
        key=f"{SOURCE}:{status.pk}",
        kind="adoption",
        title=f"{decision.title} – {network.name}: {state}",
        body="\n".join(lines),
        url=url,
        access_key=adoption_access_key(network),
        network=network.name,
        date=status.handled_on or (status.updated_at.date() if status.updated_at else None),
        language="fi",
    )


def statuses_for_index():
    return AdoptionStatus.objects.select_related("network")


def _statuses_of_pages(page_ids) -> list[int]:
    return list(AdoptionStatus.objects.filter(page_id__in=list(page_ids)).values_list("pk", flat=True))


def _page_and_below(page: Page) -> list[int]:
    return [page.pk, *Page.objects.descendant_of(page).values_list("pk", flat=True)]


def _page_changed(sender, instance, **kwargs) -> None:
    """Published (a new title, a status no longer valid), unpublished or moved."""
    schedule_objects(SOURCE, _statuses_of_pages(_page_and_below(instance)))


def _restriction_changed(sender, instance, **kwargs) -> None:
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        schedule_objects(SOURCE, _statuses_of_pages(_page_and_below(page)))


def register_adoption_search() -> None:
    register_source(
        SearchSource(
            name=SOURCE,
            label=gettext_lazy("Adoption of national decisions"),
            model=AdoptionStatus,
            document_for=status_document,
            queryset=statuses_for_index,
            kinds={"adoption": gettext_lazy("Adoption of a national decision")},
            dependants=[(Network, lambda network: AdoptionStatus.objects.filter(network=network).only("pk"))],
        )
    )
    # A deleted page takes its statuses with it (on_delete=CASCADE): their own post_delete
    # removes their documents.
    page_published.connect(_page_changed, dispatch_uid="operating_model:adoption_page_published")
    page_unpublished.connect(_page_changed, dispatch_uid="operating_model:adoption_page_unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="operating_model:adoption_page_moved")
    post_save.connect(
        _restriction_changed,
        sender=PageViewRestriction,
        dispatch_uid="operating_model:adoption_restriction_saved",
    )
    post_delete.connect(
        _restriction_changed,
        sender=PageViewRestriction,
        dispatch_uid="operating_model:adoption_restriction_deleted",
    )
