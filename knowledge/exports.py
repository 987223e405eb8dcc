"""The knowledge base's part of a person's data export."""

from typ_site.accounts.exports import ExportRows, Rows

from .models import PageFollow, PracticePage


def knowledge_export_rows(user) -> dict[str, ExportRows]:
    return {
        "follows": ExportRows(
            PageFollow.objects.filter(user=user),
            {"title": "page__title", "url": "page__url_path", "created_at": "created_at"},
            order_by=("created_at",),
        ),
        "submissions": ExportRows(
            PracticePage.objects.filter(submitted_by=user),
            {"title": "title", "kind": "kind", "live": "live", "intro": "intro"},
        ),
    }


def knowledge_export(user, rows: Rows) -> dict:
    return {
        "followed_pages": [
            {
                "title": follow["title"],
                "url": follow["url"],
                "followed_since": follow["created_at"].isoformat(),
            }
            for follow in rows["follows"]
        ],
        "submitted_practices": [
            {
                "title": page["title"],
                "kind": page["kind"],
                "published": page["live"],
                "summary": page["intro"],
            }
            for page in rows["submissions"]
        ],
    }
