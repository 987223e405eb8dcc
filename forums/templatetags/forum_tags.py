from django import template

from forums.models import Forum
from forums.selectors import (
    header_counts_of,
    topics_for_page,
    unread_notification_count_of,
    visible_forums_for,
)

register = template.Library()


@register.simple_tag(takes_context=True)
def forum_unread_count(context) -> int:
    """Unread forum notifications of the signed-in person (for the header)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    return unread_notification_count_of(request)


@register.simple_tag(takes_context=True)
def forum_moderation_count(context) -> int | None:
    """Open reports waiting for the signed-in moderator (for the header's moderation link), or
    None for people who moderate nothing (read with the unread count, `header_counts`)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return header_counts_of(request).open_reports


@register.simple_tag(takes_context=True)
def discussion_topics_for(context, page, limit: int = 5) -> list:
    """Topics linked to a page that the person may see:
    `{% load forum_tags %}{% discussion_topics_for page as topics %}`."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or page is None or not getattr(page, "pk", None):
        return []
    return list(topics_for_page(user, page)[:limit])


@register.simple_tag(takes_context=True)
def network_forum_for(context, network):
    """The network's own forum when the person may see it, else None:
    `{% network_forum_for network as forum %}`."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or network is None or not user.is_authenticated:
        return None
    return visible_forums_for(user).filter(network=network).first()


@register.simple_tag(takes_context=True)
def discussion_forums_for(context) -> list:
    """Where the person may start a discussion of a page: the national forums and their own
    networks' forums: `{% discussion_forums_for as forums %}`."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    return list(
        visible_forums_for(user)
        .filter(kind__in=[Forum.Kind.NATIONAL, Forum.Kind.NETWORK])
        .order_by("kind", "position", "name")
    )
