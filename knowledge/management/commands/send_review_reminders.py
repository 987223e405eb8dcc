from django.core.management.base import BaseCommand

from knowledge.tasks import send_review_reminders


class Command(BaseCommand):
    help = (
        "E-mails the editors of guidance whose review date has passed. Safe to run again: each "
        "page's editors are reminded once per review date. Run once a day (cron or a timer)."
    )

    def handle(self, *args, **options):
        sent = send_review_reminders()
        self.stdout.write(self.style.SUCCESS(f"Sent {sent} review reminder(s)."))
