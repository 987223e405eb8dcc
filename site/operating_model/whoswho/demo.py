"""Demo content of who's who: the johtoryhmä, counterpart pairs, contacts by area and a
vacancy or two for each of the four demo networks.

Written for the demo in our own words. Satakunta's entries follow its written operating model
(a health-care nurse named for each sote-centre area, Pori's own nurse for the work, named
contacts of the psychosocial services for those under and over 23, the employment authority's
expert and the social instructor meeting the client together). The three regions' entries
follow what the report on the division of work says of each: Pohjois-Karjala's shared
process for clarifying work ability, Pohjois-Pohjanmaa's health check-ups for the unemployed,
Kymenlaakso's cooperation agreement between the wellbeing services county and the
municipalities. Every person is fictional; people with a demo account are linked to it.
Re-running adds entries only to a network that has none.
"""

import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from typ_site.core.demo import demo_email
from typ_site.networks.models import Network

from ..models import Party
from .models import EntryKind, WhosWhoEntry, WhosWhoSettings

BOARD, PAIR, AREA = EntryKind.BOARD, EntryKind.PAIR, EntryKind.AREA

# Per network: (kind, role, area, (demo account key or "", name, organisation),
#   counterpart (role, account key or "", name, organisation) or None, note, public, months since confirmed)
ENTRIES: dict[str, list[tuple[Any, ...]]] = {
    "satakunta": [
        (BOARD, "Puheenjohtaja", "", ("", "Kari Kuntala", "Satakunnan työllisyysalue"), None, "", True, 3),
        (
            BOARD,
            "Jäsen",
            "",
            ("", "Hanna Hyvönen", "Satakunnan hyvinvointialue, sosiaalipalvelut"),
            None,
            "",
            True,
            3,
        ),
        (
            BOARD,
            "Jäsen",
            "",
            ("", "Terhi Terveinen", "Satakunnan hyvinvointialue, terveyspalvelut"),
            None,
            "",
            True,
            3,
        ),
        (BOARD, "Jäsen", "", ("", "Kaija Kelanen", "Kela"), None, "", True, 3),
        (
            BOARD,
            "Sihteeri, TYP-johtaja",
            "",
            ("typjohtaja.satakunta", "", "Satakunnan työllisyysalue"),
            None,
            "",
            True,
            3,
        ),
        (
            PAIR,
            "Työvoimaviranomaisen asiantuntija",
            "Pori",
            ("asiantuntija.satakunta", "", "Satakunnan työllisyysalue"),
            ("Sosiaaliohjaaja", "sosiaaliohjaaja.satakunta", "", "Satakunnan hyvinvointialue"),
            "Tapaavat asiakkaan palvelutarpeen arvioinnissa yhdessä tai erikseen.",
            False,
            2,
        ),
        (
            AREA,
            "TYM-työhön osoitettu terveydenhoitaja",
            "Pori",
            ("", "Tiina Toimela", "Satakunnan hyvinvointialue"),
            None,
            "Toimii Porin toimipisteessä.",
            True,
            14,
        ),
        (
            AREA,
            "Nimetty terveydenhoitaja",
            "Kankaanpää",
            ("", "Sari Sydänmaa", "Satakunnan hyvinvointialue"),
            None,
            "Seuraa asiakkaan etenemistä terveydenhuollossa.",
            True,
            5,
        ),
        (
            AREA,
            "Nimetty terveydenhoitaja",
            "Harjavalta",
            ("", "", ""),
            None,
            "Paikka täytetään; sillä välin yhteys Porin terveydenhoitajaan.",
            True,
            1,
        ),
        (
            AREA,
            "Psykososiaalisten palvelujen yhteyshenkilö, alle 23-vuotiaat",
            "Pori",
            ("", "Niina Nuortila", "Satakunnan hyvinvointialue"),
            None,
            "Konsultoi asiakkaan tilanteen selvittämisessä.",
            False,
            4,
        ),
        (
            AREA,
            "Psykososiaalisten palvelujen yhteyshenkilö, yli 23-vuotiaat",
            "Pori",
            ("", "Aki Aikuinen", "Satakunnan hyvinvointialue"),
            None,
            "Konsultoi asiakkaan tilanteen selvittämisessä.",
            False,
            15,
        ),
    ],
    "pohjois-karjala": [
        (
            BOARD,
            "Puheenjohtaja",
            "",
            ("esihenkilo.karjala", "", "Joensuun työllisyysalue"),
            None,
            "",
            True,
            2,
        ),
        (BOARD, "Jäsen", "", ("", "Mirja Metsälä", "Pohjois-Karjalan hyvinvointialue"), None, "", True, 2),
        (
            BOARD,
            "Jäsen",
            "",
            ("", "", "Kela"),
            None,
            "Kelan edustaja nimetään seuraavaan kokoukseen.",
            True,
            2,
        ),
        (
            PAIR,
            "Työllisyysalueen asiantuntija",
            "",
            ("", "Jussi Järvelä", "Joensuun työllisyysalue"),
            ("Sosiaaliohjaaja", "", "Liisa Lehtonen-Esimerkki", "Pohjois-Karjalan hyvinvointialue"),
            "Työkyvyn selvittämisen yhteisen prosessikuvauksen yhdyshenkilöt.",
            False,
            6,
        ),
        (
            AREA,
            "Terveydenhoitaja, työkyvyn selvittäminen",
            "Joensuu",
            ("terveydenhoitaja.karjala", "", "Pohjois-Karjalan hyvinvointialue"),
            None,
            "",
            True,
            13,
        ),
    ],
    "kymenlaakso": [
        (
            BOARD,
            "Jäsen",
            "",
            ("johtoryhma.kymenlaakso", "", "Kymenlaakson hyvinvointialue"),
            None,
            "",
            True,
            4,
        ),
        (BOARD, "Jäsen", "", ("", "Veikko Vaarama", "Kotkan työllisyysalue"), None, "", True, 4),
        (
            PAIR,
            "Kuntouttavan työtoiminnan yhteyshenkilö",
            "",
            ("", "Raili Rantanen", "Kymenlaakson hyvinvointialue"),
            ("Kunnan työympäristöjen yhteyshenkilö", "", "Tero Työmaa", "Kotkan kaupunki"),
            "Yhteistyösopimuksen mukaan kunta tarjoaa työympäristön ja hyvinvointialue asiakkaan tuen.",
            False,
            3,
        ),
        (
            PAIR,
            "Kelan asiantuntija",
            "",
            ("kela.kymenlaakso", "", "Kela, Kymenlaakson palvelupiste"),
            ("Työllisyysalueen asiantuntija", "", "", ""),
            "Pari täydennetään, kun työllisyysalueen asiantuntija on nimetty.",
            False,
            1,
        ),
    ],
    "pohjois-pohjanmaa": [
        (BOARD, "Jäsen", "", ("johtoryhma.pohjanmaa", "", "Oulun työllisyysalue"), None, "", True, 5),
        (BOARD, "Jäsen", "", ("", "Eila Erkkilä", "Pohjois-Pohjanmaan hyvinvointialue"), None, "", True, 5),
        (
            AREA,
            "Työttömien terveystarkastusten terveydenhoitaja",
            "Oulu",
            ("", "Helmi Heikkilä-Malli", "Pohjois-Pohjanmaan hyvinvointialue"),
            None,
            "Terveystarkastuksessa tunnistetaan myös monialaisen tuen tarve.",
            True,
            2,
        ),
        (
            AREA,
            "Monialaisen tuen yhteyshenkilö",
            "Oulu",
            ("asiantuntija.pohjanmaa", "", "Oulun työllisyysalue"),
            None,
            "",
            False,
            16,
        ),
    ],
}


def _account(key: str):
    if not key:
        return None
    return get_user_model().objects.filter(email=demo_email(key)).first()


# The party of a demo entry, read from its organisation's name (the first word found wins):
# the johtoryhmä's make-up in the network indicators is counted from the parties.
PARTY_WORDS = [
    ("sosiaali", "social-work"),
    ("terveys", "health-care"),
    ("hyvinvointialue", "social-work"),
    ("työllisyysalue", "employment-authority"),
    ("kela", "kela"),
    ("kunta", "municipality"),
    ("kaupunki", "municipality"),
]


def demo_party_key(organisation: str) -> str | None:
    lowered = organisation.lower()
    return next((key for word, key in PARTY_WORDS if word in lowered), None)


def assign_demo_parties() -> int:
    """Give the demo networks' entries without a party the party their organisation names
    (run again, it leaves a party set by a network's admins as it is)."""
    parties = {party.key: party for party in Party.objects.all()}
    assigned = 0
    for entry in WhosWhoEntry.objects.filter(network__slug__in=ENTRIES, party__isnull=True):
        party = parties.get(demo_party_key(entry.organisation) or "")
        if party is not None:
            entry.party = party
            entry.save(update_fields=["party"])
            assigned += 1
    return assigned


@transaction.atomic
def load_whoswho_demo(stdout=None) -> None:
    now = timezone.now()
    added = 0
    for network in Network.objects.filter(slug__in=ENTRIES):
        WhosWhoSettings.objects.get_or_create(network=network, defaults={"review_interval_months": 12})
        if network.whoswho_entries.exists():
            continue
        for order, (kind, role, area, person, counterpart, note, public, months) in enumerate(
            ENTRIES[network.slug]
        ):
            account_key, name, organisation = person
            user = _account(account_key)
            entry = WhosWhoEntry(
                network=network,
                kind=kind,
                role=role,
                area=area,
                user=user,
                name=name or (user.get_full_name() if user else ""),
                organisation=organisation,
                note=note,
                is_public=public,
                sort_order=order,
                confirmed_at=now - datetime.timedelta(days=30 * months + 1),
            )
            if counterpart is not None:
                role_b, key_b, name_b, organisation_b = counterpart
                user_b = _account(key_b)
                entry.counterpart_role = role_b
                entry.counterpart_user = user_b
                entry.counterpart_name = name_b or (user_b.get_full_name() if user_b else "")
                entry.counterpart_organisation = organisation_b
            entry.save()
            added += 1
    assigned = assign_demo_parties()
    if stdout is not None:
        stdout.write(f"  who's who entries added: {added}, parties given: {assigned}")
