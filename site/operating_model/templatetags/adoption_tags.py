"""The adoption of national decisions in templates: a badge variant per state, and on a
guidance or interpretation page the status of the reader's own networks."""

from django import template

from typ_site.accounts.roles import is_verified_member
from typ_site.networks.selectors import admin_network_ids, member_network_ids

from ..adoption_models import AdoptionState
from ..adoption_selectors import is_decision_page, original_page_id, page_statuses

register = template.Library()

VARIANTS: dict[str, str] = {
    AdoptionState.NOT_HANDLED: "warning",
    AdoptionState.HANDLED: "neutral",
    AdoptionState.IN_USE: "success",
    AdoptionState.DEVIATION: "warning",
}


@register.filter
def adoption_variant(state: str) -> str:
    return VARIANTS.get(state, "neutral")


@register.inclusion_tag("operating_model/includes/adoption_on_page.html", takes_context=True)
def adoption_on_page(context, page):
    """The reader's networks' status of this decision (members only; one query, two for a translation)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not is_verified_member(user) or not is_decision_page(page):
        return {"cells": []}
    network_ids = member_network_ids(user)
    if not network_ids:
        return {"cells": []}
    page_id = original_page_id(page)
    if page_id is None:
        return {"cells": []}
    administered = admin_network_ids(user)
    cells = page_statuses(page_id, network_ids)
    for cell in cells:
        cell.can_set = user.is_superuser or cell.network.pk in administered
    return {"cells": cells, "decision_key": str(page_id)}
