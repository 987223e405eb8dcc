"""The blocks an induction path is built of.

Every step is a StreamField block and every checklist task an item of a ListBlock: Wagtail
gives both a stable `id` that editing keeps, and progress is stored against those ids.
"""

import uuid

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("step"), max_length=200)
    goal = blocks.TextBlock(
        label=_("goal"), help_text=_("What the new employee knows or can do after the step.")
    )
    reading = blocks.ListBlock(
        blocks.PageChooserBlock(label=_("page")),
        label=_("what to read"),
        help_text=_("Guidance, interpretations, practices or network pages."),
        default=[],
        min_num=0,
    )
    tasks = blocks.ListBlock(
        blocks.CharBlock(label=_("task"), max_length=300),
        label=_("checklist"),
        help_text=_("One task per item, e.g. meet your network's health-care nurse."),
        min_num=1,
    )
    estimated_minutes = blocks.IntegerBlock(
        label=_("estimated time in minutes"), min_value=5, max_value=60 * 40, required=False
    )

    class Meta:
        label = _("Step")
        icon = "list-ol"


class PathStepsBlock(blocks.StreamBlock):
    step = StepBlock()

    class Meta:
        min_num = 1


def step_data(
    title: str,
    goal: str,
    tasks,
    *,
    reading=(),
    minutes: int | None = None,
    step_id: str | None = None,
    task_ids=None,
) -> dict:
    """One step as raw StreamField data with ids, for code that builds paths (demo, tests)."""
    task_ids = list(task_ids or [])
    return {
        "type": "step",
        "id": step_id or str(uuid.uuid4()),
        "value": {
            "title": title,
            "goal": goal,
            "reading": [{"type": "item", "value": page_id, "id": str(uuid.uuid4())} for page_id in reading],
            "tasks": [
                {
                    "type": "item",
                    "value": text,
                    "id": task_ids[number] if number < len(task_ids) else str(uuid.uuid4()),
                }
                for number, text in enumerate(tasks)
            ],
            "estimated_minutes": minutes,
        },
    }
