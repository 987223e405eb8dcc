"""A person's own data, as one JSON document.

An app adds a section with the Wagtail hook `typ_export_sections`, in its `wagtail_hooks.py`:
a function that returns an `ExportSection`, whose `build(user)` returns only that user's data.

    @hooks.register("typ_export_sections")
    def calendar_export():
        return ExportSection("calendar", calendar_export_section)
"""

from collections.abc import Callable
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from wagtail import hooks

EXPORT_SECTIONS_HOOK = "typ_export_sections"


@dataclass(frozen=True)
class ExportSection:
    name: str
    build: Callable


def build_user_export(user) -> dict:
    sections = [make_section() for make_section in hooks.get_hooks(EXPORT_SECTIONS_HOOK)]
    return {section.name: section.build(user) for section in sorted(sections, key=lambda s: s.name)}


def account_section(user) -> dict:
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
