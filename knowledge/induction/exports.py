"""The induction part of a person's data export."""

from .models import CompletedTask, Enrolment
from .selectors import summarise


def induction_export(user) -> list[dict]:
    ticks: dict[int, dict] = {}
    for path_id, task_id, done_at in CompletedTask.objects.filter(user=user).values_list(
        "path_id", "task_id", "completed_at"
    ):
        ticks.setdefault(path_id, {})[task_id] = done_at
    result = []
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
