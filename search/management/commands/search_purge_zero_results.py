"""Delete the counts of searches that found nothing older than 90 days. Safe to run again."""

from django.core.management.base import BaseCommand

from ...zero_results import KEEP_DAYS, purge


class Command(BaseCommand):
    help = f"Deletes the counts of searches that found nothing older than {KEEP_DAYS} days (daily timer)."

    def handle(self, *args, **options):
        deleted = purge()
        if options["verbosity"] > 1:
            self.stdout.write(f"{deleted} rows deleted")
