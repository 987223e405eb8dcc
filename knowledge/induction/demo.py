from django.db import transaction

from .demo_content import create_induction_demo


@transaction.atomic
def load_induction_demo(stdout=None) -> None:
    create_induction_demo(stdout)
