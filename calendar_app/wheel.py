"""The annual wheel (vuosikello): twelve month sectors around the year, with a ring per theme.

Only geometry and counting live here; the template draws the SVG. A mark in a theme's ring
shows that the month has events on that theme; its size grows with their number.
"""

import math
from collections import defaultdict
from datetime import date

from django.utils import formats

from typ_site.core.themes import THEMES

from .recurrence import Occurrence

OUTER_RADIUS = 300
LABEL_RADIUS = 282
RING_OUTER = 258
RING_INNER = 88
RING_WIDTH = (RING_OUTER - RING_INNER) / len(THEMES)


def polar(radius: float, angle: float) -> tuple[float, float]:
    """A point at `angle` degrees clockwise from twelve o'clock."""
    radians = math.radians(angle - 90)
    return round(radius * math.cos(radians), 2), round(radius * math.sin(radians), 2)


def svg_number(value: float) -> str:
    """A coordinate for an SVG attribute: always a dot, whatever the page's language."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def sector_path(inner: float, outer: float, start_angle: float, end_angle: float) -> str:
    x0, y0, x1, y1, x2, y2, x3, y3 = (
        svg_number(value)
        for point in (
            polar(outer, start_angle),
            polar(outer, end_angle),
            polar(inner, end_angle),
            polar(inner, start_angle),
        )
        for value in point
    )
    large = 1 if end_angle - start_angle > 180 else 0
    inner_radius, outer_radius = svg_number(inner), svg_number(outer)
    return (
        f"M{x0} {y0} A{outer_radius} {outer_radius} 0 {large} 1 {x1} {y1} "
        f"L{x2} {y2} A{inner_radius} {inner_radius} 0 {large} 0 {x3} {y3} Z"
    )


def build_wheel(year: int, occurrences: list[Occurrence], today: date) -> dict:
    events_by_month: dict[int, dict[int, dict]] = defaultdict(dict)
    for occurrence in occurrences:
        day = occurrence.local_date
        if day.year != year:
            continue
        month_events = events_by_month[day.month]
        entry = month_events.get(occurrence.event.pk)
        if entry is None:
            month_events[occurrence.event.pk] = {
                "event": occurrence.event,
                "first": occurrence,
                "count": 1,
                "themes": {tag.slug for tag in occurrence.event.themes.all()},
            }
        else:
            entry["count"] += 1

    months = []
    for month in range(1, 13):
        start_angle, end_angle = (month - 1) * 30, month * 30
        middle = start_angle + 15
        entries = sorted(events_by_month[month].values(), key=lambda entry: entry["first"].start)
        theme_counts = [sum(1 for entry in entries if theme.slug in entry["themes"]) for theme in THEMES]
        marks = []
        for index, (theme, count) in enumerate(zip(THEMES, theme_counts, strict=True)):
            if not count:
                continue
            x, y = polar(RING_INNER + (index + 0.5) * RING_WIDTH, middle)
            marks.append(
                {
                    "theme": theme.label,
                    "slug": theme.slug,
                    "number": index + 1,
                    "count": count,
                    "x": svg_number(x),
                    "y": svg_number(y),
                    "r": svg_number(min(5 + 3 * math.sqrt(count), RING_WIDTH / 2 - 2)),
                }
            )
        label_x, label_y = polar(LABEL_RADIUS, middle)
        first_day = date(year, month, 1)
        months.append(
            {
                "number": month,
                "name": formats.date_format(first_day, "F"),
                "first_day": first_day,
                "path": sector_path(RING_INNER - 8, OUTER_RADIUS, start_angle, end_angle),
                "label_x": svg_number(label_x),
                "label_y": svg_number(label_y + 5),
                "entries": entries,
                "event_count": len(entries),
                "theme_counts": [
                    (theme.label, count) for theme, count in zip(THEMES, theme_counts, strict=True)
                ],
                "marks": marks,
                "is_current": today.year == year and today.month == month,
            }
        )
    rings = [
        {"theme": theme.label, "number": index + 1, "r": svg_number(RING_INNER + (index + 0.5) * RING_WIDTH)}
        for index, theme in enumerate(THEMES)
    ]
    dividers = []
    for angle in range(0, 360, 30):
        x1, y1 = polar(RING_INNER - 8, angle)
        x2, y2 = polar(OUTER_RADIUS, angle)
        dividers.append(
            {"x1": svg_number(x1), "y1": svg_number(y1), "x2": svg_number(x2), "y2": svg_number(y2)}
        )
    return {
        "year": year,
        "months": months,
        "rings": rings,
        "dividers": dividers,
        "outer_radius": OUTER_RADIUS,
        "inner_radius": RING_INNER - 8,
        "label_ring": LABEL_RADIUS,
    }
