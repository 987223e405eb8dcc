"""Mentions: people have no usernames, so a mention is the full name in brackets.

`@[Sanna Asiantuntija]` mentions everyone whose first and last name are exactly that, among
the people who may see the post. A mention of someone who cannot see the forum notifies
nobody and reveals nothing.
"""

from django.contrib.auth import get_user_model
from django.db.models import Value
from django.db.models.functions import Concat

from .rendering import MENTION_PATTERN
from .selectors import can_see_post

MAX_MENTIONS_PER_POST = 10


def mentioned_names(text: str) -> list[str]:
    names = []
    for match in MENTION_PATTERN.finditer(text or ""):
        name = " ".join(match.group(1).split())
        if name and name not in names:
            names.append(name)
    return names[:MAX_MENTIONS_PER_POST]


def mentioned_users(post) -> list:
    """People mentioned in the post who may see it."""
    names = mentioned_names(post.body)
    if not names:
        return []
    candidates = (
        get_user_model()
        .objects.filter(is_active=True, is_removed=False)
        .annotate(full_name=Concat("first_name", Value(" "), "last_name"))
        .filter(full_name__in=names)
    )
    return [person for person in candidates if can_see_post(person, post)]
