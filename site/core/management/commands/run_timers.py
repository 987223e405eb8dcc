"""What production runs on timers, in one process for the development server (`make run`).

Production runs the same commands from cron or systemd timers (see the README); this loop only
spares a developer from running them by hand, so a page with a go-live time appears on time.
"""

import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone


class Command(BaseCommand):
    help = (
        "Runs the timed jobs in a loop: scheduled publishing every minute, the daily forum "
        "digests, guidance review reminders, who's who review notices and the purge of old "
        "zero-result search counts once a day, and the background worker's queue when "
        "TASK_BACKEND is 'database'. Every job is safe to run again. --once runs each job once and stops."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run each job once and stop.")
        parser.add_argument(
            "--interval", type=int, default=60, help="Seconds between scheduled-publishing runs."
        )

    def handle(self, *args, once=False, interval=60, **options):
        digest_day = None
        while True:
            call_command("publish_scheduled", verbosity=0)
            today = timezone.localdate()
            if digest_day != today:
                call_command("send_forum_digests", stdout=self.stdout)
                call_command("search_purge_zero_results", verbosity=0)
                call_command("send_review_reminders", stdout=self.stdout)
                call_command("send_whoswho_reviews", stdout=self.stdout)
                digest_day = today
            if _queue_in_database():
                call_command("db_worker", "--batch", "--no-reload", "--no-startup-delay", verbosity=0)
            if once:
                return
            time.sleep(max(interval, 1))


def _queue_in_database() -> bool:
    backend = settings.TASKS["default"]["BACKEND"]
    return backend.startswith("django_tasks_db.")
