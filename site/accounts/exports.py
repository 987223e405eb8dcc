"""A person's own data, as one JSON document.

Each app registers a section with `register_export_section`; the export gathers them.
Every section receives the user and returns only that user's data.
"""

from collections.abc import Callable

_sections: dict[str, Callable] = {}


def register_export_section(name: str, build: Callable) -> None:
    _sections[name] = build


def build_user_export(user) -> dict:
    return {name: build(user) for name, build in sorted(_sections.items())}


def _account_section(user) -> dict:
    from allauth.account.models import EmailAddress

    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "organisation_type": user.organisation_type,
        "organisation_name": user.organisation_name,
        "role": user.role,
        "requested_role": user.requested_role,
        "preferred_language": user.preferred_language,
        "notification_frequency": user.notification_frequency,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("email")
        ],
    }


register_export_section("account", _account_section)
