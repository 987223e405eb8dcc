"""Mentions: people have no usernames, so a mention is the full name in brackets.

`@[Sanna Asiantuntija]` mentions everyone whose first and last name are exactly that, among
the people who may see the post. A mention of someone who cannot see the forum notifies
nobody and reveals nothing.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q, Value
from django.db.models.functions import Concat

from typ_site.accounts.models import Role
from typ_site.accounts.roles import KEHA_GROUP
from typ_site.networks.models import Membership

from .permissions import can_see_forum, can_see_post
from .rendering import MENTION_PATTERN

MAX_MENTIONS_PER_POST = 10
MAX_SUGGESTIONS = 8


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


def people_to_mention(forum, text: str) -> list:
    """The people offered while typing a mention: a first, last or full name starting with the
    typed text, among those who may read the forum (`can_see_forum`, asked of each). A network
    or regional forum's candidates are first narrowed to its networks' members (and KEHA staff),
    the directors' forum's to directors and KEHA staff; the rule decides."""
    text = " ".join((text or "").split())[:60]
    if len(text) < 2:
        return []
    candidates = (
        get_user_model()
        .objects.filter(is_active=True, is_removed=False)
        .exclude(first_name="")
        .annotate(full_name=Concat("first_name", Value(" "), "last_name"))
        .filter(
            Q(first_name__istartswith=text) | Q(last_name__istartswith=text) | Q(full_name__istartswith=text)
        )
        .order_by("last_name", "first_name", "pk")
    )
    approved = Membership.objects.filter(status=Membership.Status.APPROVED)
    if forum.kind == forum.Kind.NETWORK:
        candidates = candidates.filter(pk__in=approved.filter(network_id=forum.network_id).values("user_id"))
    elif forum.kind == forum.Kind.REGIONAL:
        members = approved.filter(network__in=forum.networks.all()).values("user_id")
        candidates = candidates.filter(Q(pk__in=members) | Q(groups__name=KEHA_GROUP)).distinct()
    elif forum.kind == forum.Kind.DIRECTORS:
        candidates = candidates.filter(Q(role=Role.TYP_DIRECTOR) | Q(groups__name=KEHA_GROUP)).distinct()
    people = []
    for person in candidates[: MAX_SUGGESTIONS * 3]:
        if can_see_forum(person, forum):
            people.append(person)
            if len(people) == MAX_SUGGESTIONS:
                break
    return people
