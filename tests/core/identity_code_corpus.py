"""A seeded corpus for measuring the client-data guard, both ways.

`positives()`: valid personal identity codes of every century sign, for fictitious birth
dates, written the ways people and tools write them (inside sentences, URLs, Markdown and
HTML, and the rewritings that still read as a code). `negatives()`: professional text
without a code that looks close to one (dates, phone numbers, case numbers, section
references, codes with a wrong check character, statistics, IBANs, business IDs).

Used by tests/core/test_identity_code_corpus.py and bench/identity_code_guard.py.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from typ_site.core.validators import CHECK_CHARACTERS

SEED = 20260513
SIGNS_BY_CENTURY = {1800: "+", 1900: "-YXWVU", 2000: "ABCDEF"}
EVERY_SIGN = "".join(SIGNS_BY_CENTURY.values())
DASH_LOOK_ALIKES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d\u2e3a\u2043\u02d7\u2796"
INVISIBLES = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e"]


@dataclass(frozen=True)
class Sample:
    text: str
    kind: str  # how it is written (positives) or what it is (negatives)


def _century_of(sign: str) -> int:
    return next(century for century, signs in SIGNS_BY_CENTURY.items() if sign in signs)


def make_code(rng: random.Random, sign: str) -> str:
    century = _century_of(sign)
    first, last = (1850, 1899) if century == 1800 else (1900, 1999) if century == 1900 else (2000, 2025)
    start = date(first, 1, 1)
    born = start + timedelta(days=rng.randrange((date(last, 12, 31) - start).days))
    individual = rng.randrange(2, 900)
    digits = f"{born:%d%m%y}{individual:03d}"
    return f"{born:%d%m%y}{sign}{individual:03d}{CHECK_CHARACTERS[int(digits) % 31]}"


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) - 0x30 + 0xFF10) if c.isdigit() else c for c in text)


def _entity(text: str, rng: random.Random) -> str:
    position = rng.randrange(len(text))
    character = text[position]
    entity = f"&#{ord(character)};" if rng.random() < 0.5 else f"&#x{ord(character):x};"
    return text[:position] + entity + text[position + 1 :]


def _insert(text: str, rng: random.Random, what: str) -> str:
    position = rng.randrange(1, len(text))
    return text[:position] + what + text[position:]


# Each writing takes the code and a random generator and returns how the code is written.
WRITINGS = {
    "plain": lambda c, r: c,
    "lowercase": lambda c, r: c.lower(),
    "url": lambda c, r: f"https://asiointi.example.fi/asiakas?hetu={c}&tila=1",
    "url path": lambda c, r: f"https://example.fi/asiakkaat/{c}/",
    "markdown bold": lambda c, r: f"**{c}**",
    "markdown code": lambda c, r: f"`{c}`",
    "markdown link": lambda c, r: f"[{c}](https://example.fi/)",
    "markdown quote": lambda c, r: f"\n> {c}\n",
    "markdown escape": lambda c, r: c[:6] + "\\" + c[6:],
    "emphasis splitting it": lambda c, r: f"**{c[:4]}**{c[4:]}",
    "underscores splitting it": lambda c, r: f"_{c[:6]}_{c[6:]}",
    "strike-through splitting it": lambda c, r: f"{c[:3]}~~{c[3:8]}~~{c[8:]}",
    "html entity": lambda c, r: _entity(c, r),
    "html tags": lambda c, r: f"<strong>{c[:6]}</strong>{c[6:]}",
    "html paragraph": lambda c, r: f"<p>Asiakas <em>{c}</em></p>",
    "zero-width character": lambda c, r: _insert(c, r, r.choice(INVISIBLES[:5])),
    "soft hyphen": lambda c, r: _insert(c, r, "\u00ad"),
    "two invisible characters": lambda c, r: _insert(
        _insert(c, r, r.choice(INVISIBLES)), r, r.choice(INVISIBLES)
    ),
    "dash look-alike (when the sign is -)": lambda c, r: (
        c[:6] + r.choice(DASH_LOOK_ALIKES) + c[7:] if c[6] == "-" else c
    ),
    "full-width digits": lambda c, r: _full_width(c),
    "full-width hyphen-minus": lambda c, r: _full_width(c).replace("-", "\uff0d"),
    "parts apart": lambda c, r: f"{c[:6]} {c[6]} {c[7:]}",
    "sign apart": lambda c, r: f"{c[:6]} {c[6:]}",
    "check apart": lambda c, r: f"{c[:10]} {c[10]}",
    "date pairs apart": lambda c, r: f"{c[:2]} {c[2:4]} {c[4:]}",
    "no-break spaces": lambda c, r: f"{c[:6]}\u00a0{c[6]}\u00a0{c[7:]}",
    "line break": lambda c, r: f"{c[:6]}\n{c[6:]}",
    "entity and zero-width": lambda c, r: _insert(_entity(c, r), r, "\u200b"),
}
SENTENCES = [
    "Asiakkaan henkilötunnus on {code}, ja hän tarvitsee palveluita.",
    "Kela-asia: {code} odottaa päätöstä.",
    "Tapasin asiakkaan ({code}) tänään klo 10.",
    "Hetu:{code}; yhteydenotto puhelimitse.",
    "Klientens personbeteckning {code} finns i ärendet.",
    "Client {code} was referred by the wellbeing services county.",
    "{code}",
    "Sosiaaliohjaaja kirjasi: {code} – palvelutarve arvioitu.",
    "- {code} (ohjattu TYP:hen)",
    "| Asiakas | {code} | kesken |",
]


def positives(count: int = 390, seed: int = SEED) -> list[Sample]:
    """`count` codes: every century sign the same number of times, every writing in turn."""
    rng = random.Random(seed)
    names = list(WRITINGS)
    samples = []
    for number in range(count):
        sign = EVERY_SIGN[number % len(EVERY_SIGN)]
        writing = names[(number * 7 + number // len(EVERY_SIGN)) % len(names)]
        written = WRITINGS[writing](make_code(rng, sign), rng)
        samples.append(Sample(rng.choice(SENTENCES).format(code=written), f"{writing} ({sign})"))
    return samples


def _iban(rng: random.Random) -> str:
    bban = f"{rng.randrange(10**13):014d}"
    check = 98 - int(bban + "151800") % 97
    iban = f"FI{check:02d}{bban}"
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4)) if rng.random() < 0.5 else iban


def _business_id(rng: random.Random) -> str:
    while True:
        digits = f"{rng.randrange(10**6, 10**7):07d}"
        remainder = sum(int(d) * w for d, w in zip(digits, (7, 9, 10, 5, 8, 4, 2), strict=True)) % 11
        if remainder != 1:
            return f"{digits}-{0 if remainder == 0 else 11 - remainder}"


def _wrong_check(rng: random.Random) -> str:
    code = make_code(rng, rng.choice(EVERY_SIGN))
    return code[:10] + rng.choice([c for c in CHECK_CHARACTERS if c != code[10]])


def _day(rng: random.Random) -> date:
    return date(2020, 1, 1) + timedelta(days=rng.randrange(2500))


NEGATIVES = {
    "date": lambda r: (
        f"Tapaaminen {_day(r):%d.%m.%Y} klo {r.randrange(8, 17)}.{r.choice(['00', '15', '30'])}."
    ),
    "iso date": lambda r: f"Päätös annettu {_day(r):%Y-%m-%d}, voimassa {_day(r):%Y-%m-%d} asti.",
    "date range": lambda r: f"Jakso {_day(r):%d%m%y}-{_day(r):%d%m%y}",
    "timestamp": lambda r: (
        f"Kirjattu {_day(r):%Y-%m-%d}T{r.randrange(24):02d}:{r.randrange(60):02d}:00+03:00"
    ),
    "phone": lambda r: (
        f"Soita numeroon 0{r.choice([40, 44, 45, 50])} {r.randrange(100, 999)} {r.randrange(1000, 9999)}."
    ),
    "phone with a dash": lambda r: f"Puh. 0{r.choice([40, 50])}-{r.randrange(10**6, 10**7)}",
    "international phone": lambda r: (
        f"Puhelin +358 {r.choice([40, 50])} {r.randrange(100, 999)} {r.randrange(1000, 9999)}"
    ),
    "landline": lambda r: f"Vaihde (0{r.randrange(2, 9)}) {r.randrange(100, 999)} {r.randrange(1000, 9999)}",
    "case number": lambda r: f"Asia KEHA/{r.randrange(100, 9999)}/{r.randrange(2020, 2027)} käsitellään.",
    "record number": lambda r: f"Dnro {r.randrange(10**5, 10**6)}/{r.randrange(2020, 2027)}",
    "ministry case": lambda r: f"VN/{r.randrange(1000, 40000)}/{r.randrange(2020, 2027)}",
    "section reference": lambda r: (
        f"Laki {r.choice(['381/2023', '1369/2022', '916/2012'])} {r.randrange(1, 40)} §"
    ),
    "inflected section": lambda r: (
        f"TYM-lain {r.randrange(1, 40)} §:n mukaan ja {r.randrange(1, 9)} momentin"
    ),
    "wrong check character": lambda r: f"Esimerkki väärästä tunnuksesta: {_wrong_check(r)}",
    "impossible date": lambda r: (
        f"Tunnus {r.randrange(32, 99)}{r.randrange(1, 12):02d}85-"
        f"{r.randrange(2, 899):03d}{r.choice(CHECK_CHARACTERS)}"
    ),
    "statistics": lambda r: (
        f"Asiakkaita {r.randrange(100, 5000)} (n={r.randrange(100, 999)}), {r.randrange(1, 99)} % työllistyi."
    ),
    "large number": lambda r: f"Määräraha {r.randrange(10**5, 10**7):,} euroa".replace(",", " "),
    "iban": lambda r: f"Tili {_iban(r)}",
    "business id": lambda r: f"Y-tunnus {_business_id(r)}",
    "markdown": lambda r: (
        f"**Huom!** Kokous {_day(r):%d.%m.} _klo {r.randrange(8, 16)}_ – katso [ohje](https://example.fi/{r.randrange(1000)})"
    ),
    "html": lambda r: (
        f"<p>Vuonna {r.randrange(2019, 2026)} <strong>{r.randrange(10, 99)} %</strong> asiakkaista</p>"
    ),
    "year range": lambda r: (
        f"Hanke {r.randrange(2019, 2024)}-{r.randrange(2024, 2030)}, vaihe {r.randrange(1, 5)}"
    ),
    "postal address": lambda r: (
        f"Käyntiosoite Yrjönkatu {r.randrange(1, 40)} A {r.randrange(1, 20)}, {r.randrange(10, 99)}100 Pori"
    ),
    "order number": lambda r: f"Tilausnumero {r.randrange(10**5, 10**6)}-{r.randrange(10, 99)}",
    "version": lambda r: f"Ohjeen versio {r.randrange(1, 9)}.{r.randrange(10)} julkaistu {_day(r):%d.%m.%Y}",
}


def negatives(count: int = 375, seed: int = SEED) -> list[Sample]:
    """`count` professional texts without a code, every kind in turn."""
    rng = random.Random(seed + 1)
    names = list(NEGATIVES)
    return [Sample(NEGATIVES[names[n % len(names)]](rng), names[n % len(names)]) for n in range(count)]
