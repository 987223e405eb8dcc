from django.core.management.base import BaseCommand

from knowledge.editorial import setup_editorial_workflow


class Command(BaseCommand):
    help = (
        "Sets up the editors' and approvers' permissions, the two-step approval workflow of "
        "guidance and interpretations (four-eyes: nobody approves their own submission; plain "
        "group approval tasks of an older setup are converted), and each network admin "
        "group's rights on its network page. Safe to run again."
    )

    def handle(self, *args, **options):
        setup_editorial_workflow()
        self.stdout.write(self.style.SUCCESS("Knowledge base permissions and workflows are set."))
