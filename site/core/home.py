"""Sections of the home page that the apps contribute (continue induction, next events...).

An app adds a section with the Wagtail hook `typ_home_sections`, in its `wagtail_hooks.py`:
a function that takes the request and returns a `HomeSection`, or None when it has nothing
to show to this person. The sections are shown in the order of their `order`.

    @hooks.register("typ_home_sections")
    def next_events_section(request): ...
"""

from dataclasses import dataclass, field

from wagtail import hooks

HOME_SECTIONS_HOOK = "typ_home_sections"


@dataclass
class HomeSection:
    template: str
    context: dict = field(default_factory=dict)
    order: int = 50


def home_sections(request) -> list[HomeSection]:
    sections = [provider(request) for provider in hooks.get_hooks(HOME_SECTIONS_HOOK)]
    return sorted((s for s in sections if s is not None), key=lambda s: s.order)
