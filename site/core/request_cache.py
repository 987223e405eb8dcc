"""Answers kept for the length of one request.

Permission rules ask the same questions many times per page (which networks is this person
in, which groups, which forums may they see). `per_request(owner, key, compute)` keeps the
answer on the object the request carries, the signed-in user or the request itself: Django
builds both anew for every request, so an answer lives exactly as long as its request and
never leaks into the next one. Keys are named by the module that owns them
("networks.roles", ("forums.access", ...)).

The one invalidation: a write that changes an answer while the same objects are still in use
(a membership approved, a role changed, a person leaving a network) calls
`forget_per_request(owner)`, which drops every answer kept on that object; the next question
reads afresh. An answer that depends on something else changing meanwhile puts that in its
key (see `forums.selectors`).
"""

from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")

# One attribute on the owner holds every answer; getattr/setattr reach through the lazy
# `request.user` to the user object itself.
_ATTRIBUTE = "_typ_per_request"


def per_request(owner, key: Hashable, compute: Callable[[], T]) -> T:
    """The answer kept on `owner` under `key`, computed on first use in this request."""
    answers = getattr(owner, _ATTRIBUTE, None)
    if answers is None:
        answers = {}
        setattr(owner, _ATTRIBUTE, answers)
    if key not in answers:
        answers[key] = compute()
    return answers[key]


def forget_per_request(owner) -> None:
    """Drop every answer kept on `owner`: the next question reads afresh."""
    if getattr(owner, _ATTRIBUTE, None) is not None:
        setattr(owner, _ATTRIBUTE, None)
