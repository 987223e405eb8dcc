from django.core.management.base import BaseCommand

from forums.notifications import send_daily_digests


class Command(BaseCommand):
    help = (
        "E-mails the daily forum digest to everyone who chose it. Safe to run again: a "
        "notification is never e-mailed twice. Run once a day (cron or a scheduled task)."
    )

    def handle(self, *args, **options):
        sent = send_daily_digests()
        self.stdout.write(self.style.SUCCESS(f"Sent {sent} digest e-mail(s)."))
