"""The site shell's demo content: networks, people in every role, the home page."""

from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Locale, Page, Site

from typ_site.accounts.roles import holds_powers
from typ_site.networks.models import Membership, Network, Region, ServicePoint
from typ_site.networks.services import add_member

from .demo import DEMO_PASSWORD, DEMO_PEOPLE, DEMO_TOTP_SECRET, demo_email
from .models import HomePage

DEMO_NETWORKS = [
    {
        "slug": "satakunta",
        "name": "Satakunnan TYM-verkosto",
        "region": Region.SATAKUNTA,
        "municipalities": (
            "Pori, Kankaanpää, Harjavalta, Kokemäki, Nakkila, Ulvila, Merikarvia, "
            "Pomarkku, Siikainen, Karvia, Jämijärvi"
        ),
        "description": (
            "Satakunnan työllisyysalueen, hyvinvointialueen ja Kelan yhteinen verkosto. "
            "Asiakkaita palvellaan kolmessa toimipisteessä ja kahdeksassa asiointipisteessä; "
            "terveydenhuollon selvitykset tehdään TYM-työhön nimetyn terveydenhoitajan kanssa."
        ),
        "service_points": [
            ("Porin toimipiste", "office", "Pori", "Avoinna arkipäivisin"),
            ("Kankaanpään toimipiste", "office", "Kankaanpää", "Avoinna arkipäivisin"),
            ("Harjavallan toimipiste", "office", "Harjavalta", "Avoinna arkipäivisin"),
            ("Kokemäen asiointipiste", "drop_in", "Kokemäki", "Sovitusti"),
            ("Nakkilan asiointipiste", "drop_in", "Nakkila", "Sovitusti"),
            ("Ulvilan asiointipiste", "drop_in", "Ulvila", "Sovitusti"),
            ("Merikarvian asiointipiste", "drop_in", "Merikarvia", "Sovitusti"),
            ("Pomarkun asiointipiste", "drop_in", "Pomarkku", "Sovitusti"),
            ("Siikaisten asiointipiste", "drop_in", "Siikainen", "Sovitusti"),
            ("Karvian asiointipiste", "drop_in", "Karvia", "Sovitusti"),
            ("Jämijärven asiointipiste", "drop_in", "Jämijärvi", "Sovitusti"),
        ],
    },
    {
        "slug": "pohjois-karjala",
        "name": "Pohjois-Karjalan TYP-verkosto",
        "region": Region.POHJOIS_KARJALA,
        "municipalities": "Joensuu, Kitee, Lieksa, Nurmes, Outokumpu, Kontiolahti, Liperi",
        "description": (
            "Maakunnan verkosto, jossa työkyvyn selvittämisen prosessit on kuvattu yhdessä kaavioiksi."
        ),
        "service_points": [
            ("Joensuun TYP-piste", "office", "Joensuu", "Ma–pe 8–16"),
            ("Kiteen asiointipiste", "drop_in", "Kitee", "Tiistaisin"),
            ("Lieksan asiointipiste", "drop_in", "Lieksa", "Torstaisin"),
        ],
    },
    {
        "slug": "kymenlaakso",
        "name": "Kymenlaakson TYP-verkosto",
        "region": Region.KYMENLAAKSO,
        "municipalities": "Kouvola, Kotka, Hamina, Pyhtää, Virolahti, Miehikkälä",
        "description": (
            "Verkosto, jossa hyvinvointialue ja kunnat ovat tehneet monialaisen "
            "työelämäpalvelun yhteistyösopimuksen."
        ),
        "service_points": [
            ("Kouvolan palvelupiste", "office", "Kouvola", "Ma–to 9–15"),
            ("Kotkan palvelupiste", "office", "Kotka", "Ma–to 9–15"),
        ],
    },
    {
        "slug": "pohjois-pohjanmaa",
        "name": "Pohjois-Pohjanmaan TYP-verkosto",
        "region": Region.POHJOIS_POHJANMAA,
        "municipalities": "Oulu, Raahe, Ylivieska, Kuusamo, Nivala",
        "description": (
            "Laajan alueen verkosto, jossa työllistymisen tuen polku on kuvattu kaavioksi ja "
            "työttömien terveystarkastus on osa palveluintegraatiota."
        ),
        "service_points": [
            ("Oulun TYP-keskus", "office", "Oulu", "Ma–pe 8–16"),
            ("Raahen asiointipiste", "drop_in", "Raahe", "Keskiviikkoisin"),
            ("Etävastaanotto", "remote", "", "Ajanvarauksella"),
        ],
    },
]


def _say(stdout, message: str) -> None:
    if stdout is not None:
        stdout.write(message)


def create_networks() -> dict[str, Network]:
    networks = {}
    for data in DEMO_NETWORKS:
        network, _created = Network.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "name": data["name"],
                "region": data["region"],
                "municipalities": data["municipalities"],
                "description": data["description"],
            },
        )
        for name, kind, municipality, hours in data["service_points"]:
            ServicePoint.objects.update_or_create(
                network=network,
                name=name,
                defaults={"kind": kind, "municipality": municipality, "opening_hours": hours},
            )
        networks[network.slug] = network
    return networks


# Demo accounts renamed in a later version of the demo: old key -> new key.
RENAMED_PEOPLE = {"ohjausryhma.pohjanmaa": "johtoryhma.pohjanmaa"}


def _rename_old_demo_accounts() -> None:
    """An installation that loaded an older demo keeps the account under its new address."""
    User = get_user_model()
    for old_key, new_key in RENAMED_PEOPLE.items():
        old = User.objects.filter(email=demo_email(old_key)).first()
        if old is None or User.objects.filter(email=demo_email(new_key)).exists():
            continue
        old.email = demo_email(new_key)
        old.save(update_fields=["email"])
        EmailAddress.objects.filter(user=old).delete()


def create_people(networks: dict[str, Network]) -> None:
    User = get_user_model()
    _rename_old_demo_accounts()
    for key, first, last, org_type, org_name, role, groups, memberships, superuser in DEMO_PEOPLE:
        email = demo_email(key)
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User(email=email)
            user.set_password(DEMO_PASSWORD)
        user.first_name, user.last_name = first, last
        user.organisation_type, user.organisation_name, user.role = org_type, org_name, role
        user.is_superuser = superuser
        user.is_staff = superuser
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        user.groups.set([Group.objects.get_or_create(name=name)[0] for name in groups])
        for slug, network_role in memberships:
            add_member(user, networks[slug], role=network_role)
        if holds_powers(user):
            _give_demo_authenticator(user)


# A request waiting for the Satakunta network's admins (their home page shows it): the nurse
# of Pohjois-Karjala also covers the Satakunta network's health checks for a while.
PENDING_REQUEST = (
    "terveydenhoitaja.karjala",
    "satakunta",
    "Hoidan keväällä myös Satakunnan verkoston terveystarkastusten sijaisuuksia.",
)


def create_pending_request(networks: dict[str, Network]) -> None:
    """The demo's membership request; a request already decided is left as it is."""
    key, slug, message = PENDING_REQUEST
    user = get_user_model().objects.filter(email=demo_email(key)).first()
    if user is not None and slug in networks:
        Membership.objects.get_or_create(
            user=user,
            network=networks[slug],
            defaults={"status": Membership.Status.PENDING, "message": message},
        )


def _give_demo_authenticator(user) -> None:
    """Everyone with powers must use MFA; the demo gives them a known TOTP secret."""
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, DEMO_TOTP_SECRET)


def site_address() -> tuple[str, int]:
    """(host name, port) of SITE_URL, for the Wagtail Site record."""
    address = urlsplit(settings.SITE_URL)
    return address.hostname or "localhost", address.port or (443 if address.scheme == "https" else 80)


def ensure_page_tree_root() -> Page:
    """Wagtail's root node and the content languages' locales (a database flush removes what
    migrations made)."""
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    return root


def create_home_page() -> HomePage:
    root = ensure_page_tree_root()
    locale = Locale.get_default()
    home = HomePage.objects.filter(locale=locale).first()
    if home is None:
        welcome = Page.objects.filter(depth=2, slug="home").exclude(content_type__model="homepage").first()
        home = HomePage(
            title="TYP-yhteistyöalusta",
            slug="etusivu",
            locale=locale,
            intro=(
                "<p>Yhteinen paikka TYP- ja TYM-verkostoille: valtakunnalliset ohjeet ja "
                "lain tulkinnat, perehdytyspolut uusille työntekijöille, verkostojen hyvät "
                "käytännöt ja sudenkuopat, keskustelualueet ja yhteinen kehittämiskalenteri.</p>"
            ),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        # The site's address is SITE_URL's: page links in e-mails (Wagtail's `full_url`) lead
        # where the site is served, not to Wagtail's default http://localhost.
        site.hostname, site.port = site_address()
        site.root_page = home
        site.site_name = "TYP-yhteistyöalusta"
        site.save()
        if welcome is not None:
            welcome.delete()
    return home


@transaction.atomic
def load_core_demo(stdout=None) -> None:
    networks = create_networks()
    _say(stdout, f"  networks: {len(networks)}")
    create_people(networks)
    _say(stdout, f"  people: {len(DEMO_PEOPLE)}")
    create_pending_request(networks)
    create_home_page()
    _say(stdout, "  home page")
