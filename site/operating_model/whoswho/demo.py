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
from typing import Any, NamedTuple

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from typ_site.core.demo import demo_email
from typ_site.networks.models import Network

from ..models import Party
from .models import EntryKind, WhosWhoEntry, WhosWhoSettings


class Counterpart(NamedTuple):
    role: str
    organisation: str
    name: str = ""
    account: str = ""  # the key of a demo account; its holder's name is used


class Entry(NamedTuple):
    kind: str
    role: str
    organisation: str
    name: str = ""
    account: str = ""  # the key of a demo account; its holder's name is used
    area: str = ""
    counterpart: Counterpart | None = None
    note: str = ""
    public: bool = True
    months: int = 3  # since the entry was last confirmed


def board(role: str, organisation: str, name: str = "", **more) -> Entry:
    return Entry(EntryKind.BOARD, role, organisation, name, **more)


def pair(role: str, organisation: str, counterpart: Counterpart, **more) -> Entry:
    return Entry(EntryKind.PAIR, role, organisation, counterpart=counterpart, public=False, **more)


def area(area: str, role: str, organisation: str, name: str = "", **more) -> Entry:
    return Entry(EntryKind.AREA, role, organisation, name, area=area, **more)


SATAKUNTA_HVA = "Satakunnan hyvinvointialue"
CONSULTS = "Konsultoi asiakkaan tilanteen selvittämisessä."

ENTRIES: dict[str, list[Entry]] = {
    "satakunta": [
        board("Puheenjohtaja", "Satakunnan työllisyysalue", "Kari Kuntala"),
        board("Jäsen", "Satakunnan hyvinvointialue, sosiaalipalvelut", "Hanna Hyvönen"),
        board("Jäsen", "Satakunnan hyvinvointialue, terveyspalvelut", "Terhi Terveinen"),
        board("Jäsen", "Kela", "Kaija Kelanen"),
        board("Sihteeri, TYP-johtaja", "Satakunnan työllisyysalue", account="typjohtaja.satakunta"),
        pair(
            "Työvoimaviranomaisen asiantuntija",
            "Satakunnan työllisyysalue",
            Counterpart("Sosiaaliohjaaja", SATAKUNTA_HVA, account="sosiaaliohjaaja.satakunta"),
            account="asiantuntija.satakunta",
            area="Pori",
            note="Tapaavat asiakkaan palvelutarpeen arvioinnissa yhdessä tai erikseen.",
            months=2,
        ),
        area(
            "Pori",
            "TYM-työhön osoitettu terveydenhoitaja",
            SATAKUNTA_HVA,
            "Tiina Toimela",
            note="Toimii Porin toimipisteessä.",
            months=14,
        ),
        area(
            "Kankaanpää",
            "Nimetty terveydenhoitaja",
            SATAKUNTA_HVA,
            "Sari Sydänmaa",
            note="Seuraa asiakkaan etenemistä terveydenhuollossa.",
            months=5,
        ),
        area(
            "Harjavalta",
            "Nimetty terveydenhoitaja",
            "",
            note="Paikka täytetään; sillä välin yhteys Porin terveydenhoitajaan.",
            months=1,
        ),
        area(
            "Pori",
            "Psykososiaalisten palvelujen yhteyshenkilö, alle 23-vuotiaat",
            SATAKUNTA_HVA,
            "Niina Nuortila",
            note=CONSULTS,
            public=False,
            months=4,
        ),
        area(
            "Pori",
            "Psykososiaalisten palvelujen yhteyshenkilö, yli 23-vuotiaat",
            SATAKUNTA_HVA,
            "Aki Aikuinen",
            note=CONSULTS,
            public=False,
            months=15,
        ),
    ],
    "pohjois-karjala": [
        board("Puheenjohtaja", "Joensuun työllisyysalue", account="esihenkilo.karjala", months=2),
        board("Jäsen", "Pohjois-Karjalan hyvinvointialue", "Mirja Metsälä", months=2),
        board("Jäsen", "Kela", note="Kelan edustaja nimetään seuraavaan kokoukseen.", months=2),
        pair(
            "Työllisyysalueen asiantuntija",
            "Joensuun työllisyysalue",
            Counterpart("Sosiaaliohjaaja", "Pohjois-Karjalan hyvinvointialue", "Liisa Lehtonen-Esimerkki"),
            name="Jussi Järvelä",
            note="Työkyvyn selvittämisen yhteisen prosessikuvauksen yhdyshenkilöt.",
            months=6,
        ),
        area(
            "Joensuu",
            "Terveydenhoitaja, työkyvyn selvittäminen",
            "Pohjois-Karjalan hyvinvointialue",
            account="terveydenhoitaja.karjala",
            months=13,
        ),
    ],
    "kymenlaakso": [
        board("Jäsen", "Kymenlaakson hyvinvointialue", account="johtoryhma.kymenlaakso", months=4),
        board("Jäsen", "Kotkan työllisyysalue", "Veikko Vaarama", months=4),
        pair(
            "Kuntouttavan työtoiminnan yhteyshenkilö",
            "Kymenlaakson hyvinvointialue",
            Counterpart("Kunnan työympäristöjen yhteyshenkilö", "Kotkan kaupunki", "Tero Työmaa"),
            name="Raili Rantanen",
            note="Yhteistyösopimuksen mukaan kunta tarjoaa työympäristön ja hyvinvointialue asiakkaan tuen.",
        ),
        pair(
            "Kelan asiantuntija",
            "Kela, Kymenlaakson palvelupiste",
            Counterpart("Työllisyysalueen asiantuntija", ""),
            account="kela.kymenlaakso",
            note="Pari täydennetään, kun työllisyysalueen asiantuntija on nimetty.",
            months=1,
        ),
    ],
    "pohjois-pohjanmaa": [
        board("Jäsen", "Oulun työllisyysalue", account="johtoryhma.pohjanmaa", months=5),
        board("Jäsen", "Pohjois-Pohjanmaan hyvinvointialue", "Eila Erkkilä", months=5),
        area(
            "Oulu",
            "Työttömien terveystarkastusten terveydenhoitaja",
            "Pohjois-Pohjanmaan hyvinvointialue",
            "Helmi Heikkilä-Malli",
            note="Terveystarkastuksessa tunnistetaan myös monialaisen tuen tarve.",
            months=2,
        ),
        area(
            "Oulu",
            "Monialaisen tuen yhteyshenkilö",
            "Oulun työllisyysalue",
            account="asiantuntija.pohjanmaa",
            public=False,
            months=16,
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


def _name(name: str, account_key: str) -> tuple[Any, str]:
    """The account (or None) and the name to show: the given one, else the account holder's."""
    user = _account(account_key)
    return user, name or (user.get_full_name() if user else "")


@transaction.atomic
def load_whoswho_demo(stdout=None) -> None:
    now = timezone.now()
    added = 0
    for network in Network.objects.filter(slug__in=ENTRIES):
        WhosWhoSettings.objects.get_or_create(network=network, defaults={"review_interval_months": 12})
        if network.whoswho_entries.exists():
            continue
        for order, item in enumerate(ENTRIES[network.slug]):
            user, name = _name(item.name, item.account)
            entry = WhosWhoEntry(
                network=network,
                kind=item.kind,
                role=item.role,
                area=item.area,
                user=user,
                name=name,
                organisation=item.organisation,
                note=item.note,
                is_public=item.public,
                sort_order=order,
                confirmed_at=now - datetime.timedelta(days=30 * item.months + 1),
            )
            if item.counterpart is not None:
                entry.counterpart_user, entry.counterpart_name = _name(
                    item.counterpart.name, item.counterpart.account
                )
                entry.counterpart_role = item.counterpart.role
                entry.counterpart_organisation = item.counterpart.organisation
            entry.save()
            added += 1
    assigned = assign_demo_parties()
    if stdout is not None:
        stdout.write(f"  who's who entries added: {added}, parties given: {assigned}")
