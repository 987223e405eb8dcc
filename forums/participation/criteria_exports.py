"""The criteria part of a person's own data export: the statements and customer stories they
proposed. Their answers are ballots, exported with participation's own section."""


def criteria_export_section(user) -> dict:
    return {
        "proposed_statements": [
            {
                "column": statement.column,
                "text": statement.text,
                "explanation": statement.explanation,
                "status": statement.status,
                "created_at": statement.created_at.isoformat(),
            }
            for statement in user.proposed_criteria.order_by("pk")
        ],
        "proposed_stories": [
            {
                "title": proposal.title,
                "persona_name": proposal.persona_name,
                "age": proposal.age,
                "situation": proposal.situation,
                "belongs_in_typ": proposal.belongs_in_typ,
                "deciding_factors": proposal.deciding_factors,
                "status": proposal.status,
                "review_note": proposal.review_note,
                "created_at": proposal.created_at.isoformat(),
            }
            for proposal in user.proposed_stories.order_by("pk")
        ],
    }
