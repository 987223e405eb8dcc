"""The participation part of a person's own data export: their own ballots and answers.

These are the person's own choices, so they are included; nobody else's ever are. Barometer
answers are secret from everybody else in the same way as ballots, but not from the person who
gave them: their own answers, with the network, role and organisation type recorded with them,
are listed under "barometer_answers".
"""

from typ_site.accounts.exports import ExportRows, Rows

from .barometer_selectors import own_answers
from .models import Ballot, BallotChoice, DevelopmentNeed, Poll, PollOption, ordered_theme_slugs


def participation_export_rows(user) -> dict[str, ExportRows]:
    return {
        "needs": ExportRows(
            DevelopmentNeed.objects.filter(proposed_by=user),
            {
                "id": "pk",
                "title": "title",
                "status": "status",
                "description": "description",
                "created_at": "created_at",
            },
        ),
        "need_themes": ExportRows(
            DevelopmentNeed.themes.through.objects.filter(developmentneed__proposed_by=user),
            {"need": "developmentneed_id", "slug": "tag__slug"},
        ),
        # Only the person's own ballots; a barometer answer's year and network with them.
        "ballots": ExportRows(
            Ballot.objects.filter(voter=user),
            {
                "id": "pk",
                "poll": "poll__title",
                "kind": "poll__kind",
                "year": "poll__barometer_round__year",
                "network": "barometer_response__network__name",
                "voter_role": "voter_role",
                "voter_organisation_type": "voter_organisation_type",
                "cast_at": "cast_at",
                "changed_at": "changed_at",
            },
            order_by=("cast_at", "pk"),
        ),
        "choices": ExportRows(
            BallotChoice.objects.filter(ballot__voter=user),
            {
                "ballot": "ballot_id",
                "need_title": "option__need__title",
                "key": "option__key",
                "statement": "option__barometer_item__statement__text_fi",
                "points": "points",
                "level": "level",
                "timing": "timing",
            },
            order_by=("option__position", "pk"),
        ),
    }


def participation_export_section(user, rows: Rows) -> dict:
    themes: dict[int, list[str]] = {}
    for theme in rows["need_themes"]:
        themes.setdefault(theme["need"], []).append(theme["slug"])
    choices_of: dict[int, list[dict]] = {}
    for choice in rows["choices"]:
        choices_of.setdefault(choice["ballot"], []).append(choice)
    return {
        "proposed_needs": [
            {
                "title": need["title"],
                "themes": ordered_theme_slugs(themes.get(need["id"], [])),
                "status": need["status"],
                "description": need["description"],
                "created_at": need["created_at"].isoformat(),
            }
            for need in rows["needs"]
        ],
        "ballots": [
            {
                "poll": ballot["poll"],
                "kind": ballot["kind"],
                "cast_at": ballot["cast_at"].isoformat(),
                "changed_at": ballot["changed_at"].isoformat() if ballot["changed_at"] else None,
                "choices": [
                    {
                        "option": PollOption.label_for(choice["need_title"], choice["key"]),
                        "points": choice["points"],
                        "level": choice["level"],
                        "timing": choice["timing"],
                    }
                    for choice in choices_of.get(ballot["id"], [])
                ],
            }
            for ballot in rows["ballots"]
            if ballot["kind"] != Poll.Kind.BAROMETER
        ],
        "barometer_answers": own_answers(rows["ballots"], choices_of),
    }
