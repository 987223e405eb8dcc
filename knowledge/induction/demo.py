from django.db import transaction


@transaction.atomic
def load_induction_demo(stdout=None) -> None:
    from .demo_content import create_induction_demo

    create_induction_demo(stdout)
