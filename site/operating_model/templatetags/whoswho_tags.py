from django import template

from ..selectors import active_networks

register = template.Library()


@register.inclusion_tag("operating_model/whoswho/network_links.html")
def whoswho_network_links():
    """Every active network's who's who (its public entries are open to all): one query."""
    return {"networks": list(active_networks())}
