"""Is the search backend able to answer? Used by /healthz."""

from .backends import get_backend


def search_backend_problem() -> str | None:
    """None when the configured search backend works, otherwise what is wrong."""
    try:
        return get_backend().problem()
    except Exception as error:  # noqa: BLE001  (any failure means "not healthy")
        return f"search backend unavailable ({error.__class__.__name__})"
