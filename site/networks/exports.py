from .models import Membership


def memberships_section(user) -> list[dict]:
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
