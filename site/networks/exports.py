from typ_site.accounts.exports import ExportRows, Rows

from .models import Membership


def memberships_rows(user) -> dict[str, ExportRows]:
    return {
        "memberships": ExportRows(
            Membership.objects.filter(user=user),
            {
                "network": "network__name",
                "role": "role",
                "status": "status",
                "requested_at": "requested_at",
                "message": "message",
            },
            # The model's own order: its network (by name), the latest request first.
            order_by=("network__name", "-requested_at"),
        )
    }


def memberships_section(user, rows: Rows) -> list[dict]:
    return [
        {
            "network": membership["network"],
            "role": membership["role"],
            "status": membership["status"],
            "requested_at": membership["requested_at"].isoformat(),
            "message": membership["message"],
        }
        for membership in rows["memberships"]
    ]
