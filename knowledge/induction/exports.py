"""The induction part of a person's data export."""

from typ_site.accounts.exports import ExportRows, Rows

from .models import CompletedTask, Enrolment
from .selectors import summarise


def induction_export_rows(user) -> dict[str, ExportRows]:
    return {
        "ticks": ExportRows(
            CompletedTask.objects.filter(user=user),
            {"path": "path_id", "task": "task_id", "done_at": "completed_at"},
        )
    }


def induction_export(user, rows: Rows) -> list[dict]:
    ticks: dict[int, dict] = {}
    for tick in rows["ticks"]:
        ticks.setdefault(tick["path"], {})[tick["task"]] = tick["done_at"]
    result = []
    # The paths with their steps (a page's stream of blocks), in one query of their own.
    for enrolment in Enrolment.objects.filter(user=user).select_related("path").order_by("started_at"):
        path_ticks = ticks.get(enrolment.path_id, {})
        summary = summarise(enrolment.path, enrolment, path_ticks)
        tasks_done = [
            {"step": step.title, "task": task.text, "done_at": path_ticks[task.id].isoformat()}
            for step, _count in summary.step_rows()
            for task in step.tasks
            if task.id in path_ticks
        ]
        result.append(
            {
                "path": enrolment.path.title,
                "started_at": enrolment.started_at.isoformat(),
                "last_activity_at": enrolment.last_activity_at.isoformat(),
                "finished_at": enrolment.finished_at.isoformat() if enrolment.finished_at else None,
                "percent_done": summary.percent,
                "tasks_done": tasks_done,
            }
        )
    return result
