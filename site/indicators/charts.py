"""Server-drawn SVG charts: geometry from the shown figures only (a hidden count has no
number here, so it cannot leak into a bar's length or a line's height). The templates draw
the shapes and follow every chart with its data table."""

from dataclasses import dataclass, field
from decimal import Decimal

from .disclosure import Shown
from .periods import Period

WIDTH = 640
HEIGHT = 260
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 40


def _nice_max(largest: Decimal) -> Decimal:
    if largest <= 0:
        return Decimal(1)
    magnitude = Decimal(10) ** (len(str(int(largest))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        ceiling = magnitude * Decimal(str(step))
        if ceiling >= largest:
            return ceiling
    return largest


@dataclass
class Point:
    x: float
    y: float
    label: str
    text: str
    anchor: str = "middle"  # text-anchor of an axis label


@dataclass
class Tick:
    y: float
    text: str


@dataclass
class LineChart:
    width: int
    height: int
    paths: list[str] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    hidden: list[Point] = field(default_factory=list)  # periods whose figure is hidden
    x_labels: list[Point] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    axis_y: float = 0


def line_chart(
    periods: list[Period], values: list[Shown], format_tick, notes: list[str] | None = None
) -> LineChart:
    """`notes`, by period, are added to a point's title (e.g. how many networks reported)."""
    chart = LineChart(WIDTH, HEIGHT, axis_y=HEIGHT - BOTTOM)
    numbers = [shown.number for shown in values if shown.number is not None]
    top = _nice_max(max(numbers, default=Decimal(0)))
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM
    step = plot_width / max(len(periods) - 1, 1)
    for fraction in (0, 0.5, 1):
        chart.ticks.append(
            Tick(round(TOP + plot_height * (1 - fraction), 1), format_tick(top * Decimal(str(fraction))))
        )
    label_every = max(1, len(periods) // 8)
    segment: list[str] = []
    for index, (period, shown) in enumerate(zip(periods, values, strict=True)):
        x = round(LEFT + step * index if len(periods) > 1 else LEFT + plot_width / 2, 1)
        if index % label_every == 0 or index == len(periods) - 1:
            # the last label ends at its point: centred, it would run past the chart's right edge
            anchor = "end" if len(periods) > 1 and index == len(periods) - 1 else "middle"
            chart.x_labels.append(Point(x, HEIGHT - BOTTOM + 18, period.label, period.label, anchor))
        if shown.number is None:
            if segment:
                chart.paths.append(" ".join(segment))
            segment = []
            if shown.hidden:
                chart.hidden.append(Point(x, HEIGHT - BOTTOM - 10, period.label, shown.text))
            continue
        y = round(TOP + plot_height * float(1 - shown.number / top), 1)
        segment.append(f"{'M' if not segment else 'L'}{x},{y}")
        note = notes[index] if notes else ""
        chart.points.append(Point(x, y, period.label, f"{shown.text} ({note})" if note else shown.text))
    if segment:
        chart.paths.append(" ".join(segment))
    return chart


@dataclass
class Bar:
    y: float
    width: float
    label: str
    text: str
    hidden: bool
    text_x: float


@dataclass
class BarChart:
    width: int
    height: int
    label_width: int
    bar_height: int
    bars: list[Bar] = field(default_factory=list)


def bar_chart(rows: list[tuple[str, Shown]]) -> BarChart:
    label_width, bar_height, gap = 200, 22, 10
    chart = BarChart(WIDTH, TOP + len(rows) * (bar_height + gap) + 8, label_width, bar_height)
    numbers = [shown.number for _label, shown in rows if shown.number is not None]
    top = max(numbers, default=Decimal(1)) or Decimal(1)
    plot_width = WIDTH - label_width - 80
    for index, (label, shown) in enumerate(rows):
        width = round(plot_width * float(shown.number / top), 1) if shown.number is not None else 0
        chart.bars.append(
            Bar(
                y=TOP + index * (bar_height + gap),
                width=width,
                label=label,
                text=shown.text,
                hidden=shown.hidden,
                text_x=round(label_width + width + 6, 1),
            )
        )
    return chart


@dataclass
class Segment:
    x: float
    width: float
    series: int  # the column's position: its fill and its place in the legend
    label: str
    text: str


@dataclass
class StackedBar:
    y: float
    label: str
    text: str  # the total
    text_x: float
    segments: list[Segment] = field(default_factory=list)


@dataclass
class StackedBarChart:
    width: int
    height: int
    label_width: int
    bar_height: int
    bars: list[StackedBar] = field(default_factory=list)


def stacked_bar_chart(rows: list[tuple[str, list[int]]], names: list[str]) -> StackedBarChart:
    """One bar per row, a segment per column (`names`) in the same scale for every bar, so that
    both the parts and the totals compare. Every segment has a title with its number."""
    label_width, bar_height, gap = 200, 22, 10
    chart = StackedBarChart(WIDTH, TOP + len(rows) * (bar_height + gap) + 8, label_width, bar_height)
    top = max((sum(counts) for _label, counts in rows), default=0) or 1
    plot_width = WIDTH - label_width - 80
    for index, (label, counts) in enumerate(rows):
        bar = StackedBar(y=TOP + index * (bar_height + gap), label=label, text=str(sum(counts)), text_x=0)
        x = float(label_width)
        for series, (name, number) in enumerate(zip(names, counts, strict=True)):
            if not number:
                continue
            width = round(plot_width * number / top, 1)
            bar.segments.append(Segment(round(x, 1), width, series % 8, f"{label}: {name}", str(number)))
            x += width
        bar.text_x = round(x + 6, 1)
        chart.bars.append(bar)
    return chart
