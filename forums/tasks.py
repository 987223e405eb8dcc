"""Background work of the forums, run by django-tasks (in the request with the immediate
backend, by `manage.py db_worker` with the database backend)."""

from django_tasks import task

from . import notifications


@task()
def deliver_post_notifications(post_id: int) -> int:
    """Notify followers, quoted and mentioned people of a new post; e-mail those who want."""
    event = notifications.create_post_notifications(post_id)
    return notifications.email_immediately(event)


@task()
def deliver_accepted_notification(post_id: int, actor_id: int | None) -> int:
    event = notifications.create_accepted_notification(post_id, actor_id)
    return notifications.email_immediately(event)


@task()
def send_daily_digests() -> int:
    return notifications.send_daily_digests()


@task()
def deliver_report_notifications(report_id: int) -> int:
    """Tell the forum's moderators of a report; e-mail those who want."""
    return notifications.email_immediately(notifications.create_report_notifications(report_id))


@task()
def deliver_hidden_notification(action_id: int) -> int:
    """Tell the author that their post was hidden, and why."""
    return notifications.email_immediately(notifications.create_hidden_notification(action_id))


@task()
def deliver_membership_request_notifications(membership_id: int) -> int:
    event = notifications.create_membership_request_notifications(membership_id)
    return notifications.email_immediately(event)


@task()
def deliver_membership_decision_notification(membership_id: int) -> int:
    event = notifications.create_membership_decision_notification(membership_id)
    return notifications.email_immediately(event)


@task()
def deliver_adoption_reminder_notifications(reminder_id: int) -> int:
    event = notifications.create_adoption_reminder_notifications(reminder_id)
    return notifications.email_immediately(event)
