from typ_site.accounts.exports import register_export_section

from .models import Membership


def _memberships_section(user) -> list[dict]:
    return [
        {
            "network": membership.network.name,
            "role": membership.role,
            "status": membership.status,
            "requested_at": membership.requested_at.isoformat(),
            "message": membership.message,
        }
        for membership in Membership.objects.filter(user=user).select_related("network")
    ]


register_export_section("network_memberships", _memberships_section)
