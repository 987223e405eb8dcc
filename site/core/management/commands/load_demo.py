from django.core.management.base import BaseCommand

from typ_site.core.demo import DEMO_PASSWORD, DEMO_PEOPLE, demo_email, demo_steps


class Command(BaseCommand):
    help = "Loads the demo content of every app. Safe to run again: nothing is duplicated."

    def add_arguments(self, parser):
        parser.add_argument("--quiet-sign-ins", action="store_true", help="Do not print the demo sign-ins.")

    def handle(self, *args, **options):
        steps = demo_steps()
        for number, step in enumerate(steps, start=1):
            self.stdout.write(f"[{number}/{len(steps)}] {step.name}")
            step.load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        if not options["quiet_sign_ins"]:
            self.print_sign_ins()

    def print_sign_ins(self):
        self.stdout.write("")
        self.stdout.write(f"Demo sign-ins (password for all: {DEMO_PASSWORD})")
        for key, first, last, _org_type, org_name, role, groups, memberships, superuser in DEMO_PEOPLE:
            details = [org_name, role]
            if groups:
                details.append("groups: " + ", ".join(groups))
            if memberships:
                details.append("networks: " + ", ".join(f"{slug} ({r})" for slug, r in memberships))
            if superuser:
                details.append("superuser")
            self.stdout.write(f"  {demo_email(key):45} {first} {last}: " + "; ".join(details))
        self.stdout.write(
            "Editors, approvers and admins (also network admins) sign in with two-step "
            "verification: "
            "`make totp` prints their current code."
        )
