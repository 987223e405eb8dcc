from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.core.management.base import BaseCommand

from typ_site.core.demo import DEMO_TOTP_SECRET


class Command(BaseCommand):
    help = "Prints the current two-step verification code of the demo editors and admins."

    def handle(self, *args, **options):
        counter = next(iter(yield_hotp_counters_from_time()))
        code = format_hotp_value(hotp_value(DEMO_TOTP_SECRET, counter))
        self.stdout.write(f"Current demo code: {code} (valid for about 30 seconds)")
