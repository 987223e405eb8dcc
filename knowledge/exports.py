"""The knowledge base's part of a person's data export."""

from .models import PageFollow, PracticePage


def knowledge_export(user) -> dict:
    follows = PageFollow.objects.filter(user=user).select_related("page").order_by("created_at")
    submissions = PracticePage.objects.filter(submitted_by=user).order_by("pk")
    return {
        "followed_pages": [
            {
                "title": follow.page.title,
                "url": follow.page.url_path,
                "followed_since": follow.created_at.isoformat(),
            }
            for follow in follows
        ],
        "submitted_practices": [
            {"title": page.title, "kind": page.kind, "published": page.live, "summary": page.intro}
            for page in submissions
        ],
    }
