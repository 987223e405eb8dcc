"""Demo content: each app adds a step; `manage.py load_demo` runs them in order.

An app adds its step with the Wagtail hook `typ_demo_steps`, in its `wagtail_hooks.py`: a
function that returns a `DemoStep`. Steps run by their `order` (then name).

    @hooks.register("typ_demo_steps")
    def calendar_demo_step():
        return DemoStep("calendar", load_calendar_demo, order=40)

Every step must be idempotent (get_or_create / update_or_create by a natural key), so the
command can be re-run on a database that already has the demo content.
"""

from collections.abc import Callable
from dataclasses import dataclass

from wagtail import hooks

DEMO_STEPS_HOOK = "typ_demo_steps"

DEMO_PASSWORD = "demo-Salasana-2026"  # noqa: S105  (printed for the local demo only)
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPTYPDEMO2"  # noqa: S105  (demo editors' authenticator)
DEMO_EMAIL_DOMAIN = "demo.typ.example"


@dataclass(frozen=True)
class DemoStep:
    name: str
    load: Callable
    order: int = 50


def demo_steps() -> list[DemoStep]:
    steps = [make_step() for make_step in hooks.get_hooks(DEMO_STEPS_HOOK)]
    return sorted(steps, key=lambda step: (step.order, step.name))


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
