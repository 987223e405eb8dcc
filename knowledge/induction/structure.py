"""The structure of an induction path: its steps and tasks, read from the raw StreamField data.

Reading the raw data costs no query, so listing many paths costs no query per path. This
module imports no models: the path page itself uses it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Task:
    id: str
    text: str


@dataclass(frozen=True)
class Step:
    id: str
    number: int
    title: str
    goal: str
    estimated_minutes: int | None
    reading_ids: tuple[int, ...]
    tasks: tuple[Task, ...]

    @property
    def task_ids(self) -> frozenset[str]:
        return frozenset(task.id for task in self.tasks)


def _list_items(raw) -> list[tuple[str | None, Any]]:
    """(id, value) pairs of a ListBlock's raw value, old (plain list) or new format."""
    items = []
    for item in raw or []:
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            items.append((item.get("id"), item["value"]))
        else:
            items.append((None, item))
    return items


def path_structure(path) -> list[Step]:
    """The path's steps and tasks, with their stable ids (cached on the page object)."""
    cached = getattr(path, "_induction_structure", None)
    if cached is not None:
        return cached
    steps: list[Step] = []
    for block in path.steps.raw_data:
        if block.get("type") != "step" or not block.get("id"):
            continue
        value = block.get("value") or {}
        tasks = tuple(
            Task(id=task_id, text=str(text))
            for task_id, text in _list_items(value.get("tasks"))
            if task_id and str(text).strip()
        )
        reading = tuple(int(page_id) for _id, page_id in _list_items(value.get("reading")) if page_id)
        minutes = value.get("estimated_minutes")
        steps.append(
            Step(
                id=block["id"],
                number=len(steps) + 1,
                title=value.get("title") or "",
                goal=value.get("goal") or "",
                estimated_minutes=int(minutes) if minutes else None,
                reading_ids=reading,
                tasks=tasks,
            )
        )
    path._induction_structure = steps
    return steps


def find_step(path, step_id: str) -> Step | None:
    return next((step for step in path_structure(path) if step.id == step_id), None)
