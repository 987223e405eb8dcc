"""Demo statuses of the national decisions in the four demo networks.

Each network's status of the national baseline follows its local agreement (the dates and the
deviations of `demo.AGREEMENTS`, in other words). The guidance pages and agreed
interpretations get a mix that shows every state: Satakunta has put them all to use, the
others are at different stages, so the dashboard has something to remind of. Re-running it
adds statuses only where a network has none for the decision.
"""

import datetime

from django.contrib.auth.models import AnonymousUser

from typ_site.networks.models import Membership, Network

from .adoption_models import AdoptionState, AdoptionStatus
from .adoption_selectors import national_decisions
from .adoption_services import set_adoption_status

# slug: (the date the johtoryhmä handled the baseline, the reason for the local deviation)
BASELINE = {
    "satakunta": (
        datetime.date(2025, 9, 9),
        "Terveydenhoitaja seuraa monialaisen suunnitelman toteutumista omalla sote-keskusalueellaan.",
    ),
    "pohjois-karjala": (
        datetime.date(2025, 3, 18),
        "Työllisyysalueen asiantuntija osallistuu työkyvyn arviointiin yhteisen prosessikuvauksen mukaan.",
    ),
    "kymenlaakso": (
        datetime.date(2025, 4, 2),
        "Kunnat tarjoavat kuntouttavan työtoiminnan työympäristöt yhteistyösopimuksen mukaan.",
    ),
    "pohjois-pohjanmaa": (
        datetime.date(2025, 5, 20),
        "Monialaisen tuen tarve tunnistetaan myös työttömien terveystarkastuksessa.",
    ),
}

# slug: the state of the n-th decision page (in the order of the dashboard), cycling.
PATTERNS = {
    "satakunta": [AdoptionState.IN_USE],
    "pohjois-karjala": [AdoptionState.IN_USE, AdoptionState.HANDLED],
    "kymenlaakso": [AdoptionState.NOT_HANDLED, AdoptionState.IN_USE, AdoptionState.HANDLED],
    "pohjois-pohjanmaa": [AdoptionState.HANDLED, AdoptionState.NOT_HANDLED],
}


def load_adoption_demo(stdout=None) -> int:
    decisions = national_decisions(AnonymousUser())
    saved = 0
    for network in Network.objects.filter(slug__in=BASELINE):
        admin = (
            Membership.objects.filter(
                network=network, role=Membership.Role.ADMIN, status=Membership.Status.APPROVED
            )
            .select_related("user")
            .first()
        )
        if admin is None:
            continue
        existing = set(AdoptionStatus.objects.filter(network=network).values_list("page_id", flat=True))
        handled_on, reason = BASELINE[network.slug]
        pattern = PATTERNS[network.slug]
        pages = [decision for decision in decisions if decision.page_id]
        for decision in decisions:
            if decision.page_id in existing:
                continue
            if decision.page_id is None:
                state, deviation = AdoptionState.DEVIATION, reason
            else:
                state, deviation = pattern[pages.index(decision) % len(pattern)], ""
            if state == AdoptionState.NOT_HANDLED:
                continue
            set_adoption_status(
                admin.user,
                network,
                decision,
                state=state,
                handled_on=handled_on,
                deviation_reason=deviation,
            )
            saved += 1
    if stdout is not None:
        stdout.write(f"  adoption statuses saved: {saved}")
    return saved
