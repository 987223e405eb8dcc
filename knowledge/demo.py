from django.db import transaction

from .demo_content import create_knowledge_demo


@transaction.atomic
def load_knowledge_demo(stdout=None) -> None:
    create_knowledge_demo(stdout)
