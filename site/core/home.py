"""Sections of the home page that the apps contribute (continue induction, next events...).

An app registers a function that takes the request and returns a `HomeSection`, or None when
it has nothing to show to this person.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class HomeSection:
    template: str
    context: dict = field(default_factory=dict)
    order: int = 50


_providers: dict[str, Callable] = {}


def register_home_section(name: str, provider: Callable) -> None:
    _providers[name] = provider


def home_sections(request) -> list[HomeSection]:
    sections = [provider(request) for provider in _providers.values()]
    return sorted((s for s in sections if s is not None), key=lambda s: s.order)
