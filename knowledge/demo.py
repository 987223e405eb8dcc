from django.db import transaction


@transaction.atomic
def load_knowledge_demo(stdout=None) -> None:
    from .demo_content import create_knowledge_demo

    create_knowledge_demo(stdout)
