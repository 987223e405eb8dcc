"""Demo content: each app registers a step; `manage.py load_demo` runs them in order.

Every step must be idempotent (get_or_create / update_or_create by a natural key), so the
command can be re-run on a database that already has the demo content.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

DEMO_PASSWORD = "demo-Salasana-2026"  # noqa: S105  (printed for the local demo only)
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPTYPDEMO2"  # noqa: S105  (demo editors' authenticator)
DEMO_EMAIL_DOMAIN = "demo.typ.example"


@dataclass(frozen=True)
class DemoStep:
    name: str
    load: Callable
    order: int


_steps: dict[str, DemoStep] = {}


def register_demo_step(name: str, load: Callable, order: int = 50) -> None:
    _steps[name] = DemoStep(name=name, load=load, order=order)


def demo_steps() -> list[DemoStep]:
    return sorted(_steps.values(), key=lambda step: (step.order, step.name))


# (key, first name, last name, organisation type, organisation, role, groups, networks with role)
DEMO_PEOPLE = [
    ("admin", "Aino", "Ylläpitäjä", "keha", "KEHA-keskus", "expert", ["KEHA"], [], True),
    ("toimittaja", "Eero", "Toimittaja", "keha", "KEHA-keskus", "expert", ["KEHA", "Editors"], [], False),
    (
        "hyvaksyja",
        "Helka",
        "Hyväksyjä",
        "keha",
        "KEHA-keskus",
        "supervisor",
        ["KEHA", "Moderators"],
        [],
        False,
    ),
    # A second approver: the two steps of the review need two different approvers.
    (
        "hyvaksyja2",
        "Harri",
        "Hyväksyjä",
        "keha",
        "KEHA-keskus",
        "expert",
        ["KEHA", "Moderators"],
        [],
        False,
    ),
    (
        "typjohtaja.satakunta",
        "Tuomas",
        "Johtaja",
        "te",
        "Satakunnan työllisyysalue",
        "typ_director",
        [],
        [("satakunta", "admin")],
        False,
    ),
    (
        "asiantuntija.satakunta",
        "Sanna",
        "Asiantuntija",
        "te",
        "Satakunnan työllisyysalue",
        "expert",
        [],
        [("satakunta", "member")],
        False,
    ),
    (
        "sosiaaliohjaaja.satakunta",
        "Oona",
        "Ohjaaja",
        "hva",
        "Satakunnan hyvinvointialue",
        "expert",
        [],
        [("satakunta", "member")],
        False,
    ),
    (
        "uusi.satakunta",
        "Ville",
        "Vasta-Aloittanut",
        "te",
        "Satakunnan työllisyysalue",
        "expert",
        [],
        [("satakunta", "member")],
        False,
    ),
    (
        "terveydenhoitaja.karjala",
        "Kaisa",
        "Hoitaja",
        "hva",
        "Pohjois-Karjalan hyvinvointialue",
        "expert",
        [],
        [("pohjois-karjala", "member")],
        False,
    ),
    (
        "esihenkilo.karjala",
        "Pekka",
        "Esihenkilö",
        "municipality",
        "Joensuun työllisyysalue",
        "supervisor",
        [],
        [("pohjois-karjala", "admin")],
        False,
    ),
    (
        "kela.kymenlaakso",
        "Kalle",
        "Kelalainen",
        "kela",
        "Kela, Kymenlaakson palvelupiste",
        "expert",
        [],
        [("kymenlaakso", "member")],
        False,
    ),
    (
        "johtoryhma.kymenlaakso",
        "Jaana",
        "Johtoryhmä",
        "hva",
        "Kymenlaakson hyvinvointialue",
        "management_group",
        [],
        [("kymenlaakso", "admin")],
        False,
    ),
    (
        "johtoryhma.pohjanmaa",
        "Outi",
        "Ojala",
        "municipality",
        "Oulun työllisyysalue",
        "management_group",
        [],
        [("pohjois-pohjanmaa", "member")],
        False,
    ),
    (
        "asiantuntija.pohjanmaa",
        "Mikko",
        "Monialainen",
        "te",
        "Oulun työllisyysalue",
        "expert",
        [],
        [("pohjois-pohjanmaa", "admin")],
        False,
    ),
    ("kumppani", "Riikka", "Kumppani", "other", "Työpajayhdistys (kolmas sektori)", "partner", [], [], False),
]


def demo_email(key: str) -> str:
    return f"{key}@{DEMO_EMAIL_DOMAIN}"


@transaction.atomic
def load_core_demo(stdout=None) -> None:
    from .demo_content import create_core_demo

    create_core_demo(stdout)
