"""What a national guidance page (of the knowledge app) shows of the criteria adopted into it:
a link back to the evidence. Knowledge's template loads this; its Python never imports
participation."""

from django import template

from ..criteria_selectors import adopted_for_guidance

register = template.Library()


@register.inclusion_tag("participation/criteria/guidance_evidence.html")
def criteria_evidence(page):
    """`{% criteria_evidence page %}`: the statements adopted into the page, with their evidence."""
    return {"statements": adopted_for_guidance(page)}
