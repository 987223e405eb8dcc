"""`{% responsibility_link network %}`: the link from a network's page to its division of
responsibilities, for those who may open it, and to the national baseline for everyone else."""

from django import template

from ..permissions import can_view_agreement

register = template.Library()


@register.inclusion_tag("operating_model/includes/responsibility_link.html", takes_context=True)
def responsibility_link(context, network):
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"network": network, "can_view": user is not None and can_view_agreement(user, network)}
