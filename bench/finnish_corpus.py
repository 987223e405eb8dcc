"""Made-up Finnish documents for the search benchmark, with a realistic word distribution.

How the corpus is built (search/README.md repeats this):

- A vocabulary of about 40,000 word forms: ~330 Finnish words of the field and of everyday
  prose, written out here, in ~1,900 forms (regular nouns get their case endings by rule with
  vowel harmony, the others are listed form by form), ~600 compounds of two of those nouns
  (three forms each), 30,000 made-up rare words (the long tail of names, jargon and rare words
  every real collection has) and 1,000 made-up surnames and place names.
- Word frequencies follow Zipf's law (the word of rank r is drawn with weight 1 / (r + 2.7)):
  the function words ("ja", "on", "että", ...) take the first ranks, as in real text, then the
  300 commonest forms of the field; the other forms and the rare words share the long tail in
  a fixed pseudo-random order.
- Every document has one or two topics (a topic is 40 words of the vocabulary); a quarter of
  its words come from its topics, the rest from the whole vocabulary, so related words
  co-occur as in real documents and two-word queries narrow the results.
- Titles are 3–7 words, bodies 60–400 words in sentences of 6–14 words, plus a fictional
  contact name; kinds, themes, networks, organisations, dates and access keys are mixed
  (60 % public, 20 % members, 20 % one of 30 networks).

Everything is seeded, so every run generates the same documents.
"""

# ruff: noqa: SIM905  (word lists read better as text)
from __future__ import annotations

import bisect
import datetime
import itertools
import random

from search.contracts import SearchDocument
from typ_site.core.access import MEMBERS, PUBLIC, network_key

FUNCTION_WORDS = (
    "ja on että se ei ovat tai kun myös voi sekä jos mutta niin kuin joka mukaan tämä oli jotka "
    "kanssa vain vielä sitten nyt esimerkiksi aina usein kaikki paljon hyvin jo siis sen hänen "
    "heidän jossa joita mitä miten miksi lisäksi kuitenkin ennen jälkeen aikana kautta avulla "
    "yhdessä ensin lopuksi tarvittaessa erityisesti noin eri uusi oma muut"
).split()

# Regular nouns: vowel-final, no consonant gradation, so the case endings follow by rule.
REGULAR_NOUNS = (
    "palvelu kokeilu suunnitelma verkosto työ henkilö yhteistyö kumppani asiakirja neuvola "
    "koulu sairaala opiskelu ryhmä kysely esihenkilö koordinaattori ohjelma tilasto vastuu "
    "prosessi malli haastattelu ohjaaja sosiaaliohjaaja kuraattori psykologi lääkäri hoitaja "
    "työnantaja työntekijä elämä pykälä koulutusohjelma projekti strategia mittari kriteeri "
    "jakso päivä aamu sähköposti järjestelmä tietojärjestelmä tietosuoja motivaatio "
    "koulutustaso kuntoutuja toimeentulo sosiaaliturva valtio ministeriö kirjasto seminaari "
    "koulutuspäivä webinaari työpaja keskustelu ratkaisu ongelma resurssi aikataulu kalenteri "
    "tiimi johtaja johtoryhmä ohjausryhmä asiantuntija kouluttaja opiskelija harjoittelu "
    "harjoittelija kesätyö työkokeilu ansio terapia vapaaehtoistyö järjestö säätiö verkostotyö "
    "yhteispalvelu maahanmuuttaja perehdytysohjelma mentori kollega palaveri muistio "
    "pöytäkirja tiedosto terveydenhoitaja fysioterapia stressi työhönvalmentaja ohjaustyö "
    "palveluverkosto asiakasryhmä työllisyyspalvelu kuntoutusjakso tukihenkilö kehittäjä "
    "sihteeri puheenjohtaja kokousmuistio vuosikello palvelumalli toimintamalli työryhmä "
    "kartoitusjakso tulosmittari arviointimalli työmaa ravintola toimisto kylä asema viesti "
    "puhelu video kuva lista sivusto verkkosivu palautekysely kyselylomake hakulomake valtakirja"
).split()

# Other words, each with the forms that occur in text (listed by hand).
LISTED_FORMS = """
asiakas asiakkaan asiakasta asiakkaalle asiakkaat asiakkaiden asiakkaita asiakkaana
tuki tuen tukea tuesta tukeen tukena
tavoite tavoitteen tavoitteet tavoitteita tavoitteena
alue alueen alueella alueelle alueet alueiden
kunta kunnan kunnassa kunnat kuntien kuntaan
ohjaus ohjauksen ohjauksessa ohjausta ohjaukseen
koulutus koulutuksen koulutukseen koulutusta koulutuksessa
arviointi arvioinnin arvioinnissa arviointia arviointiin
hakemus hakemuksen hakemusta hakemukset hakemukseen
kuntoutus kuntoutuksen kuntoutusta kuntoutukseen
valmennus valmennuksen valmennukseen valmennusta
hoito hoidon hoitoa hoitoon hoidossa
tieto tiedon tietoa tiedot tietoja
selvitys selvityksen selvitystä selvitykset
päätös päätöksen päätöstä päätökset päätöksestä
kokous kokouksen kokousta kokouksessa kokoukseen
raportti raportin raporttia raportissa raportit
sopimus sopimuksen sopimusta sopimukseen sopimukset
kartoitus kartoituksen kartoitusta kartoituksessa
neuvonta neuvonnan neuvontaa neuvonnassa
yritys yrityksen yritystä yritykset yrityksiin
terveys terveyden terveyttä
ammatti ammatin ammattia ammatissa
työkyky työkyvyn työkykyä työkyvystä
perhe perheen perhettä perheessä perheet
nuori nuoren nuorta nuoret nuorten nuorille
aikuinen aikuisen aikuista aikuiset aikuisille
tapaaminen tapaamisen tapaamista tapaamisessa tapaamiset
verkostotapaaminen verkostotapaamisen verkostotapaamisessa
opas oppaan opasta oppaassa
ohje ohjeen ohjetta ohjeet ohjeita ohjeessa
laki lain lakia laissa lakiin
asetus asetuksen asetusta asetuksessa
tulkinta tulkinnan tulkintaa tulkinnassa tulkinnat
palaute palautteen palautetta palautteet
kehittäminen kehittämisen kehittämistä kehittämiseen
seuranta seurannan seurantaa seurannassa
rahoitus rahoituksen rahoitusta rahoitukseen
hanke hankkeen hanketta hankkeessa hankkeet hankkeiden
vaihe vaiheen vaihetta vaiheessa vaiheet
polku polun polkua polulla
vuosi vuoden vuotta vuonna vuosittain
viikko viikon viikkoa viikoittain
kirjaus kirjauksen kirjausta kirjaukset
kirjaaminen kirjaamisen kirjaamista
lomake lomakkeen lomaketta lomakkeella
suostumus suostumuksen suostumusta
luottamus luottamuksen luottamusta
osaaminen osaamisen osaamista
tutkinto tutkinnon tutkintoa tutkinnot
työpaikka työpaikan työpaikkaa työpaikalla työpaikat
palkkatuki palkkatuen palkkatukea palkkatuesta
työttömyys työttömyyden työttömyyttä työttömyydestä
mielenterveys mielenterveyden mielenterveyttä
päihde päihteiden päihteet päihdetyö
asunto asunnon asuntoa asunnossa
velka velan velkaa velat velkojen
talous talouden taloutta taloudessa
etuus etuuden etuutta etuudet etuuksien
vakuutus vakuutuksen vakuutusta
eläke eläkkeen eläkettä eläkkeellä
hyvinvointialue hyvinvointialueen hyvinvointialueella hyvinvointialueet
tilaisuus tilaisuuden tilaisuutta tilaisuudessa
kysymys kysymyksen kysymystä kysymykset
kokemus kokemuksen kokemusta kokemukset kokemuksia
esimerkki esimerkin esimerkkiä esimerkit
haaste haasteen haastetta haasteet haasteita
mahdollisuus mahdollisuuden mahdollisuutta mahdollisuudet
palkka palkan palkkaa palkat
vertaistuki vertaistuen vertaistukea
yhdistys yhdistyksen yhdistystä yhdistykset
kumppanuus kumppanuuden kumppanuutta
palveluohjaus palveluohjauksen palveluohjausta palveluohjauksessa
palvelutarve palvelutarpeen palvelutarvetta palvelutarpeet
monialaisuus monialaisuuden monialaisuutta
kotoutuminen kotoutumisen kotoutumista
kielitaito kielitaidon kielitaitoa
tulkki tulkin tulkkia tulkkaus
perehdytys perehdytyksen perehdytystä perehdytykseen
liite liitteen liitteenä liitteet
tilanne tilanteen tilannetta tilanteessa tilanteet
elämäntilanne elämäntilanteen elämäntilannetta
toimintakyky toimintakyvyn toimintakykyä
arki arjen arkea arjessa
liikunta liikunnan liikuntaa
jaksaminen jaksamisen jaksamista
työterveyshuolto työterveyshuollon työterveyshuoltoon
oppilaitos oppilaitoksen oppilaitoksessa oppilaitokset
opinto opinnot opintoja opintojen
työllistyminen työllistymisen työllistymistä työllistymiseen
työllistymissuunnitelma työllistymissuunnitelman työllistymissuunnitelmaa
monialainen monialaisen monialaista monialaisessa
ohjata ohjataan ohjattiin ohjaa ohjaavat ohjannut
laatia laaditaan laatii laadittu laativat
arvioida arvioidaan arvioi arvioitiin arvioivat
tukea tuetaan tukee tukivat tukemaan
hakea haetaan hakee haki hakemaan
sopia sovitaan sopii sovittiin sovittu
kehittää kehitetään kehittävät kehitettiin
selvittää selvitetään selvittää selvitettiin
kirjata kirjataan kirjattiin kirjattu
seurata seurataan seuraa seurattiin
järjestää järjestetään järjestettiin järjestää
osallistua osallistuu osallistuivat osallistumaan
työllistyä työllistyi työllistyy työllistyivät
kouluttaa koulutetaan koulutettiin
tavata tavataan tapasivat tapaamaan
kertoa kertoo kertoivat kerrotaan
ottaa otetaan otti ottamaan
antaa annetaan antoi antavat
tehdä tehdään tehtiin tekee tekevät
saada saadaan sai saavat
pitää pidetään piti pitävät
käyttää käytetään käytti käyttävät
toimia toimii toimivat toimittiin
auttaa auttaa autetaan auttoi
tarvita tarvitaan tarvitsee tarvitsivat
päättää päätetään päätti päättävät
valmistella valmistellaan valmisteli
keskustella keskustellaan keskusteli keskustelivat
ilmoittaa ilmoitetaan ilmoitti ilmoittavat
lähettää lähetetään lähetti
tärkeä tärkeän tärkeää tärkeät
hyvä hyvän hyvää hyvät parempi
selkeä selkeän selkeää selkeästi
nopea nopean nopeasti
pitkä pitkän pitkään pitkäaikainen pitkäaikaisen
lyhyt lyhyen lyhyesti
yhteinen yhteisen yhteistä yhteiset
sosiaalinen sosiaalisen sosiaalista
ammatillinen ammatillisen ammatillista
kuntouttava kuntouttavan kuntouttavaa
valtakunnallinen valtakunnallisen valtakunnallista
alueellinen alueellisen alueellista
paikallinen paikallisen paikallista
henkilökohtainen henkilökohtaisen henkilökohtaista
säännöllinen säännöllisen säännöllisesti
""".strip().splitlines()

SURNAME_PARTS = (
    "ahol alan ber ekl fors hak hein jok kal kar kos lah lind mak mus niem ojan pel rant salm sav tol vir"
).split()
SURNAME_ENDS = "anen inen ala ela nen lä mäki vaara korpi salo lahti järvi".split()
PLACE_ENDS = "järvi joki lahti salmi niemi koski vaara saari".split()

KINDS = ("guidance", "interpretation", "practice", "post", "forum_topic", "event", "document")
THEMES = ("Asiakasprosessi", "Laki", "Perehdytys", "Johtaminen", "Tietosuoja", "Yhteistyö")
NETWORKS = ("Satakunta", "Pohjois-Karjala", "Kymenlaakso", "Pohjois-Pohjanmaa", "")
ORGANISATIONS = ("Kela", "Hyvinvointialue", "Työllisyysalue", "Kunta", "")

TOPIC_SHARE = 0.25
RARE_WORDS = 30_000
SYLLABLES = "ka lo mi ne su ta vi ri ho pe tu ja ko ra li sa mo nu te va".split()
CODAS = ("", "", "n", "s", "t", "l", "r", "k")
COMPOUNDS = 600
BACK_VOWELS, FRONT_VOWELS = set("aou"), set("äöy")
CASE_ENDINGS = ("n", "ssa", "sta", "lle", "lla", "ksi", "na")


def harmony(word: str) -> bool:
    """True for back-vowel words (the ending takes a/o/u): the last a/o/u/ä/ö/y decides."""
    for char in reversed(word):
        if char in BACK_VOWELS:
            return True
        if char in FRONT_VOWELS:
            return False
    return False


def inflect(noun: str) -> list[str]:
    """The forms of a regular noun: nominative, partitive and the common case endings."""
    back = harmony(noun)
    endings = [e if back else e.replace("a", "ä") for e in CASE_ENDINGS]
    vowel_a = "a" if back else "ä"
    if noun.endswith(("ia", "iä", "ea", "eä")) or noun[-1] not in "aeiouyäö":
        partitive = noun + vowel_a
    elif noun[-1] in "aeiouyäö" and noun[-2] in "aeiouyäö":
        partitive = noun + "t" + vowel_a
    else:
        partitive = noun + vowel_a
    return [noun, partitive, *(noun + ending for ending in endings)]


def build_vocabulary(rng: random.Random):
    """(word forms in frequency-rank order, content word forms, nouns)."""
    content: list[str] = []
    for noun in REGULAR_NOUNS:
        content.extend(inflect(noun))
    for line in LISTED_FORMS:
        content.extend(line.split())
    nouns = list(REGULAR_NOUNS) + [line.split()[0] for line in LISTED_FORMS[:110]]
    content = list(dict.fromkeys(content))
    rng.shuffle(content)
    compounds: set[str] = set()
    while len(compounds) < COMPOUNDS:
        first, second = rng.sample(REGULAR_NOUNS, 2)
        if first[-1] != second[0] and len(first) + len(second) < 24:
            compounds.add(first + second)
    compound_forms = []
    for compound in sorted(compounds):
        forms = inflect(compound)
        compound_forms.extend([forms[0], forms[2], forms[3]])  # nominative, genitive, inessive
    rng.shuffle(compound_forms)
    known = set(content)
    content += [form for form in dict.fromkeys(compound_forms) if form not in known]
    names: set[str] = set()
    while len(names) < 1000:
        ends = SURNAME_ENDS if rng.random() < 0.7 else PLACE_ENDS
        middle = rng.choice(("", "", "i", "o", "ma", "ri", "ki"))
        names.add((rng.choice(SURNAME_PARTS) + middle + rng.choice(ends)).capitalize())
    rare: set[str] = set()
    while len(rare) < RARE_WORDS:
        syllables = [rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))]
        rare.add("".join(syllables) + rng.choice(CODAS))
    # The 300 commonest forms stay at the head; the other forms mix with the rare words.
    rest = content[300:] + sorted(rare - set(content))
    rng.shuffle(rest)
    content = content[:300] + rest
    tail = sorted(names)
    rng.shuffle(tail)
    ranked = list(dict.fromkeys(FUNCTION_WORDS + content + tail))
    return ranked, content, nouns


class ZipfSampler:
    def __init__(self, words: list[str], rng: random.Random, shift: float = 2.7):
        self.words = words
        self.rng = rng
        weights = [1.0 / (rank + shift) for rank in range(1, len(words) + 1)]
        self.cumulative = list(itertools.accumulate(weights))

    def __call__(self) -> str:
        point = self.rng.random() * self.cumulative[-1]
        return self.words[bisect.bisect_left(self.cumulative, point)]


def generate(count: int, seed: int = 2025):
    """`count` SearchDocuments (keys bench:0 ... bench:count-1)."""

    rng = random.Random(seed)
    ranked, content, _nouns = build_vocabulary(rng)
    any_word = ZipfSampler(ranked, rng)
    content_word = ZipfSampler(content, rng)
    topics = [rng.sample(content, 40) for _ in range(60)]
    names = ranked[-1000:]
    start = datetime.date(2020, 1, 1)
    for number in range(count):
        doc_topics = rng.sample(topics, rng.randint(1, 2))

        def word(doc_topics=doc_topics) -> str:
            if rng.random() < TOPIC_SHARE:
                return rng.choice(rng.choice(doc_topics))
            return any_word()

        title_words = [
            rng.choice(doc_topics[0]) if rng.random() < 0.5 else content_word()
            for _ in range(rng.randint(3, 7))
        ]
        length = min(400, max(60, int(rng.lognormvariate(4.9, 0.5))))
        sentences, written = [], 0
        while written < length:
            size = rng.randint(6, 14)
            words = [word() for _ in range(size)]
            sentences.append(" ".join(words).capitalize() + ".")
            written += size
        contact = f"{rng.choice(names)} {rng.choice(names)}"
        roll = rng.random()
        access = PUBLIC if roll < 0.6 else MEMBERS if roll < 0.8 else network_key(rng.randint(1, 30))
        yield SearchDocument(
            key=f"bench:{number}",
            kind=rng.choice(KINDS),
            title=" ".join(title_words).capitalize(),
            body=" ".join(sentences) + f" Yhteyshenkilö {contact}.",
            url=f"/bench/{number}/",
            access_key=access,
            themes=rng.sample(THEMES, rng.randint(1, 2)),
            network=rng.choice(NETWORKS),
            organisation=rng.choice(ORGANISATIONS),
            date=start + datetime.timedelta(days=rng.randint(0, 2000)),
        )


def vocabulary(seed: int = 2025):
    """The ranked word forms and the content forms, as `generate` uses them."""
    rng = random.Random(seed)
    ranked, content, nouns = build_vocabulary(rng)
    return ranked, content, nouns
