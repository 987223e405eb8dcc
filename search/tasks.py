from django_tasks import task

from .indexing import update_with_retries


@task()
def update_search_documents(keys: list[str]) -> bool:
    """Index or delete these documents ("page:12", ...) to match the database."""
    return update_with_retries(keys)
