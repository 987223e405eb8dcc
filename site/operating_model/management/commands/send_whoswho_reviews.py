from django.core.management.base import BaseCommand

from typ_site.operating_model.whoswho.reminders import notify_stale_entries


class Command(BaseCommand):
    help = (
        "Tells each network's admins (in the site's notifications) of who's who entries not "
        "confirmed within the network's review interval, at most once per interval. Safe to run "
        "again. Run once a day (cron or a timer)."
    )

    def handle(self, *args, **options):
        told = notify_stale_entries()
        self.stdout.write(
            self.style.SUCCESS(f"Told the admins of {told} network(s) of who's who entries to review.")
        )
