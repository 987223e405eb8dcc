"""The participation part of a person's own data export: their own ballots and answers.

These are the person's own choices, so they are included; nobody else's ever are. Barometer
answers are secret from everybody else in the same way as ballots, but not from the person who
gave them: their own answers, with the network, role and organisation type recorded with them,
are listed under "barometer_answers".
"""

from .barometer_selectors import own_answers
from .models import Poll
from .selectors import ballots_of


def participation_export_section(user) -> dict:
    ballots = list(ballots_of(user))
    return {
        "proposed_needs": [
            {
                "title": need.title,
                "themes": need.theme_slugs,
                "status": need.status,
                "description": need.description,
                "created_at": need.created_at.isoformat(),
            }
            for need in user.proposed_development_needs.prefetch_related("themes").order_by("pk")
        ],
        "ballots": [
            {
                "poll": ballot.poll.title,
                "kind": ballot.poll.kind,
                "cast_at": ballot.cast_at.isoformat(),
                "changed_at": ballot.changed_at.isoformat() if ballot.changed_at else None,
                "choices": [
                    {
                        "option": choice.option.label,
                        "points": choice.points,
                        "level": choice.level,
                        "timing": choice.timing,
                    }
                    for choice in ballot.choices.all()
                ],
            }
            for ballot in ballots
            if ballot.poll.kind != Poll.Kind.BAROMETER
        ],
        "barometer_answers": own_answers(ballots),
    }
