"""Who's who in the site search: each entry is a document that the people who may see it on
the network's page may find. A public entry has the public key; the others the network's key
(its members). KEHA staff read the networks' full who's who on their pages; in the search
they find the entries of the networks they belong to, like any member."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from search.contracts import SearchDocument, SearchSource
from search.registry import register_source
from typ_site.core.access import PUBLIC, network_key
from typ_site.networks.models import Network

from .models import EntryKind, WhosWhoEntry


def entry_document(entry: WhosWhoEntry) -> SearchDocument | None:
    network = entry.network
    if not network.is_active:
        return None
    with override("fi"):
        kind = str(EntryKind(entry.kind).label)
        url = reverse("operating_model:whoswho", kwargs={"slug": network.slug}) + f"#entry-{entry.pk}"
    person = entry.person_name or "avoin"
    title = f"{entry.role}: {person}" + (f" ({entry.area})" if entry.area else "")
    lines = [kind, entry.organisation, entry.note]
    if entry.kind == EntryKind.PAIR:
        lines.insert(
            1, f"{entry.counterpart_role}: {entry.counterpart_person_name} {entry.counterpart_organisation}"
        )
    return SearchDocument(
        key=f"whoswho:{entry.pk}",
        kind="whoswho",
        title=title,
        body="\n".join(line for line in lines if line),
        url=url,
        access_key=PUBLIC if entry.is_public else network_key(network.pk),
        network=network.name,
        organisation=entry.organisation,
        language="fi",
    )


def entries_for_index():
    return WhosWhoEntry.objects.select_related("network", "user", "counterpart_user")


def register_whoswho_search() -> None:
    register_source(
        SearchSource(
            name="whoswho",
            label=_("Who's who"),
            model=WhosWhoEntry,
            document_for=entry_document,
            queryset=entries_for_index,
            kinds={"whoswho": _("Who's who")},
            dependants=[(Network, lambda network: network.whoswho_entries.all())],
        )
    )
