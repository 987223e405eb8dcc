"""Swedish translations of the demo's front page, its sections and the key guidance pages.

The pages are Wagtail translations in the "sv" locale, served under /sv/; a page without a
translation is shown in Finnish there. Loading again updates a translation nobody else has
edited, the same way the Finnish pages are updated.
"""

import datetime

from wagtail.models import Locale

from typ_site.core.models import HomePage

from .demo_pages import (
    _callout,
    _faq,
    _matrix,
    _steps,
    _stream,
    _text,
    _user,
    backdate,
    demo_day,
    ensure_translation,
)

HOME = {
    "title": "Samarbetsplattformen för TYP",
    "intro": (
        "<p>En gemensam plats för nätverken inom sektorsövergripande samservice som främjar "
        "sysselsättning (TYP) och för TYM-samarbetet: nationella anvisningar och "
        "lagtolkningar, introduktionsstigar för nya medarbetare, nätverkens goda praxis och "
        "fallgropar, diskussionsforum och en gemensam utvecklingskalender.</p>"
    ),
}

# Finnish slug of the section -> its Swedish title and introduction.
SECTIONS = {
    "ohjeet": (
        "Anvisningar",
        "<p>KEHA-centrets nationella anvisningar för TYM-samarbetet: kundprocessen, "
        "arbetsfördelningen och dokumentationen. Varje anvisning har ett datum då den börjar "
        "gälla, ett datum för nästa granskning och en ändringshistorik.</p>",
    ),
    "tulkinnat": (
        "Lagtolkningar",
        "<p>Gemensamt överenskomna tolkningar av TYM-lagen (381/2023). En tolkning berättar "
        "vilken fråga den besvarar, vad man kommit överens om och på vilka grunder.</p>",
    ),
    "kaytannot": (
        "God praxis och fallgropar",
        "<p>Nätverkens egna erfarenheter: vad som fungerade och vad som är värt att undvika. "
        "Dela er egen praxis med formuläret – nätverkets administratör eller KEHA-centret "
        "godkänner den innan den publiceras. Beskrivningarna är skrivna på finska.</p>",
    ),
    "verkostot": (
        "Nätverk",
        "<p>Presentationer av TYP- och TYM-nätverken: område, kommuner, serviceställen, "
        "verksamhetsmodell och kontaktpersoner.</p>",
    ),
    "teemat": (
        "Teman",
        "<p>De fem utvecklingsteman som den nationella utredningen av TYP lyfte fram. På ett "
        "temas sida finns allt som hör till det: anvisningar, tolkningar och praxis.</p>",
    ),
}


def _process(ago) -> dict:
    return {
        "title": "Kundprocessen i TYM-samarbetet",
        "intro": (
            "Hur kundrelationen framskrider från bedömningen av servicebehovet till "
            "slutbedömningen och vem som ansvarar för vad i varje skede. Anvisningen bygger på "
            "lagen om sektorsövergripande främjande av sysselsättningen (381/2023), som trädde "
            "i kraft den 1 januari 2025."
        ),
        "publisher": "KEHA-centret",
        "body": _stream(
            _text(
                "Sektorsövergripande stöd erbjuds en arbetslös vars sysselsättning kräver att "
                "arbetskraftsmyndighetens, välfärdsområdets och FPA:s tjänster samordnas. Kunden "
                "har en enda gemensam process och behöver inte sköta sina ärenden separat hos "
                "arbetskraftsservicen, socialservicen, hälso- och sjukvården och FPA.",
                "Från och med 2025 grundar sig kundrelationen på det behov av att samordna "
                "tjänster som avses i 3 § i TYM-lagen. Kundrelationen upphör också när det "
                "behovet inte längre finns. I den nationella utredningen (2023) bedömde "
                "aktörer på fältet att den nya lagen gör det lättare för kunderna att hitta "
                "rätt till tjänsten.",
            ),
            _callout(
                "Enligt den lag som gällde före 2025 var arbetslöshetens längd utgångspunkten "
                "för att hänvisas till sektorsövergripande samservice: för den som var under 25 "
                "år sex månaders oavbruten arbetslöshet, för den som fyllt 25 år tolv månader "
                "eller arbetsmarknadsstöd för över 300 dagar. Arbets- och näringsbyrån såg "
                "dessutom till att planen granskades minst var tredje månad. Reglerna beskriver "
                "läget år 2023; denna anvisning tillämpar dem inte.",
                title="Den gamla lagen (läget 2023) och den nya lagen (från 1.1.2025)",
            ),
            _steps(
                "Processens skeden",
                (
                    "Behovet identifieras och kunden hänvisas",
                    "joint",
                    "Vilken som helst av de tre organisationerna kan identifiera behovet och "
                    "hänvisa kunden till tjänsten. Kunden får veta vad samarbetet innebär.",
                ),
                (
                    "Bedömningen av servicebehovet inleds: kundrelationen börjar",
                    "joint",
                    "Kundrelationen börjar när bedömningen av servicebehovet inleds. I början av "
                    "bedömningen görs en inledande kartläggning: tillsammans med kunden utreds "
                    "om hen har nytta av sektorsövergripande stöd.",
                ),
                (
                    "Bedömning av servicebehovet",
                    "joint",
                    "Arbetskraftsmyndigheten, välfärdsområdet och FPA utreder tillsammans med "
                    "kunden hens behov av arbetskrafts-, social-, hälso- och "
                    "rehabiliteringstjänster inom den tid som lagen föreskriver. FPA bedömer "
                    "inledningsvis behovet utifrån sina egna kunduppgifter. Bedömningen "
                    "dokumenteras i det gemensamma systemet.",
                ),
                (
                    "Sektorsövergripande sysselsättningsplan",
                    "joint",
                    "Planen görs upp tillsammans med kunden. I den antecknas de arbetskrafts-, "
                    "social-, hälso- och rehabiliteringstjänster man kommit överens om, kundens "
                    "skyldigheter och uppföljningen. FPA deltar om kunden behöver FPA:s "
                    "rehabilitering.",
                ),
                (
                    "Uppföljning och granskning av planen",
                    "te",
                    "Arbetskraftsmyndigheten ser till att planen granskas så som kundens "
                    "servicebehov förutsätter; välfärdsområdet och FPA deltar i fråga om sina "
                    "egna tjänster.",
                ),
                (
                    "Slutbedömning och fortsatt servicestig",
                    "joint",
                    "När det inte längre finns behov av samordning antecknar varje aktör sitt "
                    "perspektiv i slutbedömningen och kundens fortsättning säkerställs.",
                ),
            ),
            _callout(
                "Om det vid bedömningen av servicebehovet visar sig att tjänsterna inte behöver "
                "samordnas kan kundrelationen avslutas efter bedömningen. Då kommer man överens "
                "om en annan tjänst och en ansvarig aktör, så att kunden inte blir utan service.",
                title="Kom ihåg",
                kind="warning",
            ),
            _faq(
                "Vanliga frågor",
                (
                    "När börjar kundrelationen?",
                    "När bedömningen av servicebehovet inleds. Tidsfristen för bedömningen räknas "
                    "från det att kundrelationen började, inte från den dag då kunden hänvisades "
                    "till tjänsten.",
                ),
                (
                    "Är den inledande kartläggningen ett eget skede före bedömningen?",
                    "Nej. Den inledande kartläggningen är början på bedömningen av servicebehovet "
                    "och görs alltså först när kundrelationen har börjat.",
                ),
                (
                    "Kan mötena skötas på distans?",
                    "Ja, när det passar kundens situation. Distansservice kan ordnas per telefon, "
                    "via video eller i en webbtjänst enligt 6 § i lag 306/2019. Varje nätverk "
                    "kommer överens om när ett möte ordnas som närservice: i Satakunta har "
                    "närservice till exempel företräde.",
                ),
                (
                    "Var dokumenteras bedömningen?",
                    "I det gemensamma kunddatasystemet. Dessutom antecknar varje organisation de "
                    "uppgifter den behöver i sitt eget system enligt sina egna anvisningar.",
                ),
            ),
        ),
        "change_notes": [
            (
                ago(330),
                "Begreppen har förenhetligats: i stället för arbets- och näringsbyrån talar "
                "anvisningen om arbetskraftsmyndigheten.",
            ),
            (ago(215), "En fråga om distansmöten har lagts till."),
            (ago(120), "Preciserat var bedömningen av servicebehovet dokumenteras."),
            (
                ago(18),
                "Den gamla lagens regler har skilts från den nya lagens; den inledande "
                "kartläggningen beskrivs som början på bedömningen av servicebehovet; "
                "nätverkens egna val har flyttats till nätverkssidorna.",
            ),
        ],
    }


def _roles(ago) -> dict:
    return {
        "title": "Vem gör vad: arbetskraftsmyndigheten, välfärdsområdet och FPA",
        "intro": (
            "Ansvarsfördelningen i kundprocessens skeden. Oklara roller var den största "
            "utmaningen i den nationella utredningen, och därför har ansvaren samlats i en tabell."
        ),
        "publisher": "KEHA-centret",
        "body": _stream(
            _text(
                "Varje organisation svarar för produktionen och kostnaderna för de tjänster som "
                "den har organiseringsansvar för. Samarbetet flyttar inte ansvaret till någon "
                "annan, utan samordnar tjänsterna.",
                "Från den 1 januari 2025 är arbetskraftsmyndigheten en kommun eller ett "
                "sysselsättningsområde som kommuner bildat tillsammans; tidigare sköttes "
                "uppgiften av arbets- och näringsbyrån.",
            ),
            _matrix(
                "Ansvaren i kundprocessens skeden",
                ("Behovet identifieras", "responsible", "responsible", "responsible"),
                (
                    "Bedömning av servicebehovet (inklusive den inledande kartläggningen)",
                    "responsible",
                    "responsible",
                    "takes_part",
                ),
                ("Sysselsättningsplanen görs upp", "responsible", "responsible", "takes_part"),
                (
                    "Planen granskas (enligt servicebehovet)",
                    "responsible",
                    "takes_part",
                    "takes_part",
                ),
                ("Arbetsverksamhet i rehabiliteringssyfte ordnas", "informed", "responsible", "none"),
                ("Rehabiliteringstjänster och förmånsrådgivning", "informed", "informed", "responsible"),
                ("Slutbedömning", "responsible", "responsible", "responsible"),
            ),
            _text(
                "<h2>Arbetskraftsmyndigheten</h2>",
                "Svarar för arbetskraftsservicen och ser till att sysselsättningsplanen granskas "
                "enligt kundens servicebehov.",
                "<h2>Välfärdsområdet</h2>",
                "Svarar för social- och hälsovårdstjänsterna och sedan början av 2023 för att "
                "ordna arbetsverksamhet i rehabiliteringssyfte. Gör upp planen tillsammans med "
                "arbetskraftsmyndigheten och kunden. Hur hälso- och sjukvårdens sakkunskap förs "
                "in i bedömningen avtalas i nätverket: i Satakunta till exempel har varje "
                "social- och hälsocentralsområde en hälsovårdare som utsetts för TYM-arbetet.",
                "<h2>FPA</h2>",
                "Bedömer i det första skedet servicebehovet utifrån sina egna uppgifter och "
                "deltar i planen om kunden behöver FPA:s rehabilitering (4 § i TYM-lagen). FPA "
                "ger också råd om förmåner.",
            ),
        ),
        "change_notes": [
            (
                ago(290),
                "FPA:s del har preciserats: den första bedömningen görs utifrån FPA:s egna kunduppgifter.",
            ),
            (
                ago(18),
                "Tabellen har rättats: behovet kan identifieras av vilken som helst av de tre "
                "organisationerna, planen görs upp tillsammans och slutbedömningen är gemensam.",
            ),
        ],
    }


def _ending(ago) -> dict:
    return {
        "title": "Avslutande av kundrelationen och slutbedömning",
        "intro": (
            "När kundrelationen upphör, vad som antecknas i slutbedömningen och hur kundens "
            "fortsatta service säkerställs."
        ),
        "publisher": "KEHA-centret",
        "body": _stream(
            _text(
                "Kundrelationen upphör när det behov av att samordna tjänster som avses i 3 § i "
                "TYM-lagen inte längre finns. Orsaken kan vara positiv (arbete, studier) eller "
                "att kundens behov kan tillgodoses med en enda organisations tjänster.",
                "Slutbedömningen görs i det gemensamma systemet. Varje aktör antecknar där det "
                "som är väsentligt för den egna organisationen och för över de uppgifter som "
                "behövs för fortsättningen till sitt eget system.",
            ),
            _callout(
                "Om kunden övergår till arbetskraftsmyndighetens, välfärdsområdets eller FPA:s "
                "tjänster är det i första hand den mottagande organisationens uppgift att "
                "säkerställa fortsättningen. I andra fall kommer de som arbetat med kunden "
                "överens om ansvaret sinsemellan.",
                title="Vem säkerställer fortsättningen?",
            ),
        ),
        "change_notes": [
            (ago(260), "En anvisning om vem som säkerställer kundens fortsättning har lagts till."),
            (ago(75), "Dokumentationen av slutbedömningen beskrivs enligt det gemensamma systemet."),
        ],
    }


GUIDANCE = {"process": _process, "roles": _roles, "ending": _ending}


def create_swedish_pages(home: HomePage, sections: dict, guidance: dict) -> int:
    """Translate the front page, the sections and the key guidance; returns how many pages."""
    swedish = Locale.objects.get_or_create(language_code="sv")[0]
    day = demo_day(home)

    def ago(days: int) -> datetime.date:
        return day - datetime.timedelta(days=days)

    pages = [ensure_translation(home, swedish, **HOME)[0]]
    for section in sections.values():
        title, intro = SECTIONS[section.slug]
        pages.append(ensure_translation(section, swedish, title=title, intro=intro)[0])
    editor = _user("toimittaja")
    for key, texts in GUIDANCE.items():
        page, _created = ensure_translation(guidance[key], swedish, publish_by=editor, **texts(ago))
        backdate(page, editor)
        pages.append(page)
    return len(pages)
