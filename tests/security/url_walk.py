"""Every URL pattern of the site, read from the URLconf, and a concrete address for each.

Reading the patterns from the resolver (not from a list kept by hand) is the point: a view
added to any urls.py shows up here, and the access table must then say who may open it.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.converters import IntConverter, UUIDConverter
from django.urls.exceptions import Resolver404
from django.urls.resolvers import LocalePrefixPattern, RoutePattern
from django.utils.regex_helper import normalize


@dataclass(frozen=True)
class Route:
    """One URL pattern, with the chain of patterns (prefixes, includes) that leads to it."""

    name: str | None  # namespaced, as reverse() takes it: "networks:join"
    route: str  # readable: "networks/<slug:slug>/join/"
    parts: tuple  # the pattern objects from the root down to the view's own pattern
    callback: Callable

    @property
    def key(self) -> str:
        """How the access table refers to the route: its URL name, or its route if unnamed."""
        return self.name or self.route

    @property
    def language_prefixed(self) -> bool:
        return any(isinstance(part, LocalePrefixPattern) for part in self.parts)

    @property
    def view_name(self) -> str:
        view = getattr(self.callback, "view_class", None) or self.callback
        return f"{view.__module__}.{view.__qualname__}"


def walk_urlconf() -> list[Route]:
    return list(_walk(get_resolver().url_patterns, (), None))


def _walk(patterns, parts: tuple, namespace: str | None) -> Iterator[Route]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry.url_patterns, (*parts, entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            name = entry.name and (f"{namespace}:{entry.name}" if namespace else entry.name)
            chain = (*parts, entry.pattern)
            yield Route(
                name=name,
                route="".join(str(part) for part in chain),
                parts=chain,
                callback=entry.callback,
            )


# Values tried for a parameter nobody gave a sample for, by converter. The first one with
# which the address resolves back to the same pattern is used.
FALLBACK_VALUES = {
    IntConverter: ["999999"],
    UUIDConverter: ["00000000-0000-0000-0000-000000000000"],
}
GENERIC_VALUES = ["999999", "x", "x/y", "x/"]


def build_path(route: Route, samples: dict[str, str] | None = None) -> str | None:
    """A concrete path for the route, with `samples` for named parameters where given.

    Returns None when no combination of values resolves back to the route itself.
    """
    samples = samples or {}
    pieces = [[""]]
    for part in route.parts:
        if isinstance(part, LocalePrefixPattern):
            pieces.append([part.language_prefix])
            continue
        pieces.append(_part_candidates(part, samples))
    for path in _combinations(pieces):
        full = "/" + path
        if _resolves_to(full, route):
            return full
    return None


def _part_candidates(pattern, samples: dict[str, str]) -> list[str]:
    format_string, parameters = normalize(pattern.regex.pattern)[0]
    if not parameters:
        return [format_string]
    converters = pattern.converters if isinstance(pattern, RoutePattern) else {}
    options_per_parameter = []
    for parameter in parameters:
        if parameter in samples:
            options_per_parameter.append([str(samples[parameter])])
        else:
            converter = type(converters.get(parameter))
            options_per_parameter.append(FALLBACK_VALUES.get(converter, GENERIC_VALUES))
    candidates = []
    for values in _product(options_per_parameter):
        candidates.append(format_string % dict(zip(parameters, values, strict=True)))
    return candidates


def _product(options: list[list[str]]) -> Iterator[list[str]]:
    if not options:
        yield []
        return
    for first in options[0]:
        for rest in _product(options[1:]):
            yield [first, *rest]


def _combinations(pieces: list[list[str]]) -> Iterator[str]:
    for values in _product(pieces):
        yield "".join(values)


def _resolves_to(path: str, route: Route) -> bool:
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return match.func == route.callback and (match.view_name == route.name or route.name is None)
