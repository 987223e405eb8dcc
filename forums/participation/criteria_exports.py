"""The criteria part of a person's own data export: the statements and customer stories they
proposed. Their answers are ballots, exported with participation's own section."""

from typ_site.accounts.exports import ExportRows, Rows

from .criteria_models import CriterionStatement, StoryProposal

STATEMENT_FIELDS = ("column", "text", "explanation", "status", "created_at")
STORY_FIELDS = (
    "title",
    "persona_name",
    "age",
    "situation",
    "belongs_in_typ",
    "deciding_factors",
    "status",
    "review_note",
    "created_at",
)


def criteria_export_rows(user) -> dict[str, ExportRows]:
    return {
        "statements": ExportRows(
            CriterionStatement.objects.filter(proposed_by=user), {name: name for name in STATEMENT_FIELDS}
        ),
        "stories": ExportRows(
            StoryProposal.objects.filter(proposed_by=user), {name: name for name in STORY_FIELDS}
        ),
    }


def criteria_export_section(user, rows: Rows) -> dict:
    return {
        "proposed_statements": [
            {**statement, "created_at": statement["created_at"].isoformat()}
            for statement in rows["statements"]
        ],
        "proposed_stories": [
            {**story, "created_at": story["created_at"].isoformat()} for story in rows["stories"]
        ],
    }
