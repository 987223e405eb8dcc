"""The demo's accessibility statement, in Finnish and Swedish (a page editors keep up to date)."""

import datetime

from wagtail.models import Locale

from .models import AccessibilityStatementPage, HomePage

ASSESSED_ON = datetime.date(2026, 12, 5)

STATEMENT_FI = {
    "title": "Saavutettavuusseloste",
    "slug": "saavutettavuusseloste",
    "body": """
<p>Tämä saavutettavuusseloste koskee TYP-yhteistyöalustaa, jota ylläpitää KEHA-keskus. Palvelua
koskee laki digitaalisten palvelujen tarjoamisesta (306/2019), joka edellyttää, että julkisten
verkkopalvelujen on oltava saavutettavia.</p>
<h2>Palvelun saavutettavuuden tila</h2>
<p><b>Palvelu täyttää osittain</b> saavutettavuusvaatimukset (WCAG 2.1 -kriteeristön tasot A ja AA).
Arvio perustuu ulkopuoliseen arviointiin, jossa palvelua käytettiin neljän eri käyttäjäroolin
tunnuksilla suomeksi ja ruotsiksi, näppäimistöllä, tietokoneen ja puhelimen levyisillä
näkymillä ja automaattisella axe-tarkistimella. Korjatut puutteet ja sivujen mukautuminen
320 pikselin levyyn tarkistetaan automaattisilla testeillä jokaisen muutoksen yhteydessä.</p>
<h2>Tunnetut puutteet</h2>
<ul>
<li>Sivujen HTML-koodi ei kaikilta osin ole virheetöntä: hakukentän ehdotuslistan merkintä,
rekisteröitymissivun yksi sisäkkäinen elementti ja aikaleimojen tarkkuus poikkeavat
standardista (WCAG 4.1.1 ja 4.1.2). Korjaus on työn alla.</li>
<li>Sisällönhallinnan (ylläpitonäkymän) tekstit ja osa sieltä lähtevistä sähköposteista ovat
osin englanniksi, vaikka käyttäjä on valinnut suomen kielen (WCAG 3.1.2).</li>
<li>Ruotsin- ja englanninkielisillä sivuilla hakutulosten otteiden ja teemojen nimien kieltä
ei vielä ole merkitty sivun koodiin, joten ruudunlukija voi lukea suomenkielisen tekstin
väärällä ääntämyksellä (WCAG 3.1.2).</li>
<li>Kaikkia sivuja ei ole vielä käännetty ruotsiksi. Kääntämätön sivu näytetään suomeksi
ruotsinkielisen käyttöliittymän sisällä, ja sen kieli on merkitty sivun koodiin.</li>
<li>Käyttäjien lataamat liitetiedostot (esimerkiksi PDF-tiedostot) eivät välttämättä ole
saavutettavia. Pyydä tarvittaessa sisältö toisessa muodossa palautelomakkeella.</li>
<li>Kehittämiskalenterin vuosikello on kuva; sama tieto on saatavilla myös kuukausittaisena
luettelona kuvan vieressä.</li>
</ul>
<h2>Anna palautetta</h2>
<p>Huomasitko saavutettavuuspuutteen? Kerro siitä meille palautelomakkeella, joka on tämän
sivun lopussa ja jokaisen sivun alatunnisteessa. Voit käyttää lomaketta kirjautumatta.
KEHA-keskus vastaa palautteeseen 14 päivän kuluessa.</p>
<h2>Valvontaviranomainen</h2>
<p>Jos huomaat sivustolla saavutettavuusongelmia, anna ensin palautetta meille. Jos et ole
tyytyväinen saamaasi vastaukseen tai et saa vastausta lainkaan kahden viikon aikana, voit tehdä
ilmoituksen valvontaviranomaiselle. Saavutettavuusvaatimusten noudattamista valvoo
Liikenne- ja viestintävirasto Traficomin digitaalisen esteettömyyden valvonta (tehtävää hoiti
aiemmin Etelä-Suomen aluehallintoviraston saavutettavuuden valvonnan yksikkö). Ohjeet
ilmoituksen tekemiseen ovat osoitteessa
<a href="https://www.saavutettavuusvaatimukset.fi">saavutettavuusvaatimukset.fi</a>.</p>
""",
}

STATEMENT_SV = {
    "title": "Tillgänglighetsutlåtande",
    "body": """
<p>Detta tillgänglighetsutlåtande gäller TYP-samarbetsplattformen, som upprätthålls av
KEHA-centret. Tjänsten omfattas av lagen om tillhandahållande av digitala tjänster (306/2019),
enligt vilken offentliga webbtjänster ska vara tillgängliga.</p>
<h2>Tjänstens tillgänglighet</h2>
<p><b>Tjänsten uppfyller delvis</b> tillgänglighetskraven (nivåerna A och AA i WCAG 2.1).
Bedömningen bygger på en extern granskning där tjänsten användes med fyra olika användarroller
på finska och svenska, med tangentbord, i datorns och telefonens bredd och med det
automatiska verktyget axe. Rättade brister och att sidorna anpassar sig till en 320 pixlar bred
vy kontrolleras med automatiska tester vid varje ändring.</p>
<h2>Kända brister</h2>
<ul>
<li>Sidornas HTML-kod är inte helt felfri: märkningen av sökfältets förslagslista, ett
inkapslat element på registreringssidan och tidsstämplarnas precision avviker från
standarden (WCAG 4.1.1 och 4.1.2). En rättelse pågår.</li>
<li>Texterna i innehållshanteringen (administrationsvyn) och en del av e-postmeddelandena
därifrån är delvis på engelska, även om användaren har valt finska eller svenska
(WCAG 3.1.2).</li>
<li>På de svenska och engelska sidorna är språket i sökresultatens utdrag och i temanas namn
ännu inte angivet i sidans kod, så en skärmläsare kan läsa finsk text med fel uttal
(WCAG 3.1.2).</li>
<li>Alla sidor har ännu inte översatts till svenska. En sida som inte är översatt visas på
finska i det svenska gränssnittet, och dess språk är angivet i sidans kod.</li>
<li>Bilagor som användarna laddat upp (till exempel PDF-filer) är inte nödvändigtvis
tillgängliga. Be vid behov om innehållet i en annan form via responsformuläret.</li>
<li>Utvecklingskalenderns årshjul är en bild; samma information finns också som en lista per
månad bredvid bilden.</li>
</ul>
<h2>Ge respons</h2>
<p>Upptäckte du en brist i tillgängligheten? Berätta för oss med responsformuläret, som finns
i slutet av den här sidan och i sidfoten på varje sida. Du kan använda formuläret utan att
logga in. KEHA-centret svarar inom 14 dagar.</p>
<h2>Tillsynsmyndighet</h2>
<p>Om du upptäcker tillgänglighetsproblem på webbplatsen, ge först respons till oss. Om du inte
är nöjd med svaret eller inte får något svar inom två veckor kan du göra en anmälan till
tillsynsmyndigheten. Efterlevnaden av tillgänglighetskraven övervakas av Transport- och
kommunikationsverket Traficoms tillsyn över digital tillgänglighet (tidigare enheten för
tillgänglighetstillsyn vid Regionförvaltningsverket i Södra Finland). Anvisningar för hur man
gör en anmälan finns på
<a href="https://www.tillganglighetskrav.fi">tillganglighetskrav.fi</a>.</p>
""",
}


def _clean(html: str) -> str:
    return " ".join(html.split()).replace("> <", "><")


def create_accessibility_statement() -> int:
    """The Finnish statement under the Finnish home page and its Swedish translation (where the
    Swedish home page exists); re-running brings an untouched demo statement up to date."""
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:
        return 0
    finnish = AccessibilityStatementPage.objects.child_of(home).first()
    if finnish is None:
        finnish = AccessibilityStatementPage(
            title=STATEMENT_FI["title"],
            slug=STATEMENT_FI["slug"],
            body=_clean(STATEMENT_FI["body"]),
            assessed_on=ASSESSED_ON,
            show_in_menus=False,
        )
        home.add_child(instance=finnish)
        finnish.save_revision().publish()
    pages = 1
    swedish_locale = Locale.objects.filter(language_code="sv").first()
    swedish_home = home.get_translation_or_none(swedish_locale) if swedish_locale else None
    if swedish_home is not None and finnish.get_translation_or_none(swedish_locale) is None:
        swedish = finnish.copy_for_translation(swedish_locale).specific
        swedish.title = STATEMENT_SV["title"]
        swedish.body = _clean(STATEMENT_SV["body"])
        swedish.save_revision().publish()
        pages += 1
    elif swedish_home is not None:
        pages += 1
    return pages


def load_accessibility_demo(stdout=None) -> None:
    pages = create_accessibility_statement()
    if stdout is not None:
        stdout.write(f"  accessibility statement: {pages} pages")
