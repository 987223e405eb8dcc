"""The who's who as a CSV file (the entries the person may see, with the client-process party
of a place in the reader's language), and the own-data export's section: every entry that
names the person, as a site user."""

from django.http import HttpResponse
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from typ_site.accounts.exports import ExportRows, Rows
from typ_site.core.spreadsheets import csv_response, safe_cell

from .models import WhosWhoEntry
from .selectors import WhosWho, entries_naming


def whoswho_csv(whoswho: WhosWho, *, whole: bool) -> HttpResponse:
    suffix = "" if whole else "-julkiset"
    response, writer = csv_response(f"kuka-kukin-{whoswho.network.slug}{suffix}.csv")
    writer.writerow(
        [
            _("Kind"),
            _("Role"),
            _("Area"),
            _("Name"),
            _("Organisation"),
            capfirst(WhosWhoEntry._meta.get_field("party").verbose_name),
            _("Contact details"),
            _("Counterpart's role"),
            _("Counterpart's name"),
            _("Counterpart's organisation"),
            _("Vacant"),
            _("Public"),
            _("Last confirmed"),
            _("Due for review"),
            _("Note"),
        ]
    )
    for entry in whoswho.entries:
        writer.writerow(
            [
                entry.get_kind_display(),
                safe_cell(entry.role),
                safe_cell(entry.area),
                safe_cell(entry.person_name),
                safe_cell(entry.organisation),
                safe_cell(entry.party.name) if entry.party else "",
                safe_cell(entry.contact),
                safe_cell(entry.counterpart_role),
                safe_cell(entry.counterpart_person_name),
                safe_cell(entry.counterpart_organisation),
                _("yes") if entry.is_vacant else "",
                _("yes") if entry.is_public else "",
                entry.confirmed_at.date().isoformat(),
                _("yes") if entry.pk in whoswho.stale_ids else "",
                safe_cell(entry.note),
            ]
        )
    return response


def entries_naming_rows(user) -> dict[str, ExportRows]:
    return {
        "entries": ExportRows(
            entries_naming(user),
            {
                "network": "network__name",
                "user": "user_id",
                "kind": "kind",
                "role": "role",
                "counterpart_role": "counterpart_role",
                "area": "area",
                "name": "name",
                "counterpart_name": "counterpart_name",
                "organisation": "organisation",
                "counterpart_organisation": "counterpart_organisation",
                "contact": "contact",
                "note": "note",
                "is_public": "is_public",
                "confirmed_at": "confirmed_at",
            },
            # The model's own order: the network (by name), then the entry's kind and place.
            order_by=("network__name", "kind", "sort_order", "area", "role", "pk"),
        )
    }


def entries_naming_section(user, rows: Rows) -> list[dict]:
    """The own-data export: the who's who entries that name the person."""
    return [
        {
            "network": entry["network"],
            "kind": entry["kind"],
            "role": entry["role"] if entry["user"] == user.pk else entry["counterpart_role"],
            "area": entry["area"],
            "name": entry["name"] if entry["user"] == user.pk else entry["counterpart_name"],
            "organisation": entry["organisation"]
            if entry["user"] == user.pk
            else entry["counterpart_organisation"],
            "contact": entry["contact"] if entry["user"] == user.pk else "",
            "note": entry["note"],
            "public": entry["is_public"],
            "confirmed_at": entry["confirmed_at"].isoformat(),
        }
        for entry in rows["entries"]
    ]
