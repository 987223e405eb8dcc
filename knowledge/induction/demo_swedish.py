"""Swedish translations of the demo's induction section and its paths.

The pages are Wagtail translations in the "sv" locale under the Swedish front page that the
knowledge demo makes; without it nothing is translated. Each translated path keeps the
Finnish path's steps, tasks (their ids), reading and time estimates, with the texts in
Swedish. Loading again updates a translation nobody else has edited.
"""

from wagtail.models import Locale

from knowledge.demo_pages import ensure_translation

from .models import InductionIndexPage, InductionPathPage

INDEX = {
    "title": "Introduktion",
    "intro": (
        "<p>Introduktionsstigarna hjälper en ny medarbetare att komma in i det "
        "sektorsövergripande samarbetet innan hen tar sig an krävande kundarbete. Välj stigen för "
        "din egen roll: du ser vad som är bra att läsa och göra och hur långt du har kommit.</p>"
    ),
}

# The Finnish path's slug -> its Swedish title, summary and steps (title, goal, tasks), in the
# order of the Finnish steps and tasks.
PATHS: dict[str, tuple[str, str, list[tuple[str, str, list[str]]]]] = {
    "tyovoimaviranomaisen-asiantuntija": (
        "Introduktionsstig för arbetskraftsmyndighetens sakkunniga",
        "För en ny sakkunnig vid sysselsättningsområdet som börjar arbeta i den "
        "sektorsövergripande samservicen. Stigen följer kundens väg genom tjänsten.",
        [
            (
                "Varför sektorsövergripande samarbete behövs",
                "Du vet vem tjänsten är avsedd för och vad TYM-lagen kräver av de tre samarbetsparterna.",
                [
                    "Läs 1–4 § i TYM-lagen (381/2023) och skriv upp det du vill fråga om",
                    "Läs anvisningen om kundprocessen i sin helhet",
                    "Bekanta dig med ditt nätverks sida och dess serviceställen",
                ],
            ),
            (
                "Vem ansvarar för vad",
                "Du kan berätta vilka uppgifter som hör till arbetskraftsmyndigheten, vilka till "
                "välfärdsområdet och vilka till FPA.",
                [
                    "Gå igenom arbetsfördelningstabellen med din introduktör",
                    "Skriv upp vilka skeden du själv ansvarar för",
                    "Ta reda på när FPA deltar i planen",
                ],
            ),
            (
                "Bedömning av servicebehovet i arbetspar",
                "Du vet hur bedömningen görs tillsammans med socialhandledaren och vilka uppgifter "
                "som får lämnas ut.",
                [
                    "Följ med ett erfaret arbetspar genom en gemensam bedömning av servicebehovet",
                    "Träffa ditt nätverks hälsovårdare och kom överens om hur ni konsulterar varandra",
                    "Repetera vilka uppgifter som får lämnas ut utan kundens samtycke",
                ],
            ),
            (
                "Den sektorsövergripande sysselsättningsplanen",
                "Du kan göra upp en plan där varje tjänst har en namngiven ansvarig aktör, och du "
                "kommer överens om när den ses över.",
                [
                    "Gör upp en plan med stöd av en kollega",
                    "Kom överens om nästa översyn av planen utifrån kundens servicebehov",
                ],
            ),
            (
                "Slutbedömning och fortsatt servicestig",
                "Du vet när kundrelationen kan avslutas och hur fortsättningen säkerställs.",
                [
                    "Läs anvisningen om att avsluta kundrelationen",
                    "Gå igenom en slutbedömning med din introduktör",
                    "Ta reda på vem i ditt nätverk som ser till att den fortsatta tjänsten kommer i gång",
                ],
            ),
        ],
    ),
    "sosiaaliohjaaja": (
        "Introduktionsstig för socialhandledare",
        "För en socialhandledare vid välfärdsområdet som blir arbetspar med "
        "arbetskraftsmyndighetens sakkunniga.",
        [
            (
                "Tjänsten och dess kunder",
                "Du förstår vilka kunder tjänsten är avsedd för och var kundrelationen börjar.",
                [
                    "Läs anvisningen om kundprocessen",
                    "Läs tolkningen om huruvida en kundrelation kan inledas när arbetslösheten har "
                    "varat bara en kort tid",
                ],
            ),
            (
                "Socialhandledarens del i bedömningen",
                "Du vet vad socialvårdens synvinkel tillför bedömningen av servicebehovet.",
                [
                    "Gå igenom arbetsfördelningstabellen med ditt arbetspar",
                    "Delta i två gemensamma kundmöten",
                ],
            ),
            (
                "Utbyte av uppgifter och dokumentation",
                "Du kan bedöma vilka uppgifter som är nödvändiga för samarbetet och antecknar dem i "
                "rätt system.",
                [
                    "Läs tolkningen om utbyte av uppgifter utan samtycke",
                    "Be din introduktör visa vad som antecknas i det gemensamma systemet",
                ],
            ),
            (
                "Stöd för arbets- och funktionsförmågan",
                "Du känner till sätten att få utredningen av arbetsförmågan och arbetsverksamheten "
                "i rehabiliteringssyfte i gång i tid.",
                [
                    "Träffa ditt nätverks hälsovårdare",
                    "Ta reda på var platserna för arbetsverksamhet i rehabiliteringssyfte finns i "
                    "ditt område",
                    "Läs hur utredningen av arbetsförmågan beskrevs i Norra Karelen",
                ],
            ),
            (
                "Ett fast arbetspar och avslutad kundrelation",
                "Du vet varför en fast motpart är viktig och hur kunden går vidare till nästa tjänst.",
                [
                    "Kom överens om ett fast arbetspar med arbetskraftsmyndighetens sakkunniga",
                    "Läs anvisningen om att avsluta kundrelationen",
                ],
            ),
        ],
    ),
    "kelan-asiantuntija": (
        "Introduktionsstig för FPA:s sakkunniga",
        "För FPA:s sakkunniga som deltar i nätverkets arbete, ofta som kontaktperson för flera områden.",
        [
            (
                "Nätverken du deltar i",
                "Du känner till dina nätverks verksamhetsmodeller och kontaktpersoner.",
                [
                    "Bekanta dig med sidan för vart och ett av dina nätverk",
                    "Presentera dig för nätverkens TYP-chefer",
                ],
            ),
            (
                "FPA:s roll i kundprocessen",
                "Du vet i vilka skeden FPA deltar och vad FPA dokumenterar.",
                [
                    "Läs anvisningen om kundprocessen",
                    "Läs tolkningen om FPA:s deltagande i planen",
                ],
            ),
            (
                "Bedömning utifrån FPA:s uppgifter",
                "Du kan bedöma servicebehovet utifrån FPA:s kunduppgifter och anteckna det "
                "väsentliga i det gemensamma systemet.",
                [
                    "Gör en bedömning tillsammans med en erfaren kollega",
                    "Repetera vilka uppgifter som får lämnas ut utan samtycke",
                ],
            ),
            (
                "Rehabilitering som en del av planen",
                "Du känner igen de kunder vars plan behöver FPA:s rehabilitering.",
                [
                    "Gå igenom alternativen inom FPA:s yrkesinriktade rehabilitering med din introduktör",
                    "Delta i en distanskonsultation",
                ],
            ),
            (
                "När kundrelationen upphör",
                "Du vet när behovet av samordning upphör och vad FPA gör i slutbedömningen.",
                ["Läs anvisningen om att avsluta kundrelationen och tolkningen som hör till den"],
            ),
        ],
    ),
    "terveydenhoitaja": (
        "Introduktionsstig för hälsovårdare",
        "För en hälsovårdare vid välfärdsområdet som för in hälso- och sjukvårdens synvinkel i "
        "det sektorsövergripande samarbetet.",
        [
            (
                "Hälso- och sjukvården i den sektorsövergripande processen",
                "Du vet varför hälsotillståndet och arbets- och funktionsförmågan hör till "
                "bedömningen av servicebehovet och vem som ansvarar för vilket skede.",
                [
                    "Läs anvisningen om kundprocessen",
                    "Gå igenom arbetsfördelningstabellen med ditt nätverks socialhandledare",
                ],
            ),
            (
                "Vilka uppgifter som delas",
                "Du kan bedöma vilka hälsouppgifter som är nödvändiga för samarbetet och berättar "
                "för kunden vilka uppgifter som utbyts.",
                [
                    "Läs tolkningen om utbyte av uppgifter utan samtycke",
                    "Kom överens med socialhandledaren och arbetskraftsmyndighetens sakkunniga om hur "
                    "ni konsulterar varandra",
                ],
            ),
            (
                "Ditt nätverks hälsostig",
                "Du känner till hur ditt nätverk för in hälso- och sjukvården i bedömningen, till "
                "exempel genom en namngiven hälsovårdare eller hälsoundersökningar för arbetslösa.",
                [
                    "Läs ditt nätverks sida och dess verksamhetsmodell",
                    "Ta reda på vem i ditt nätverk som följer kundens framsteg inom hälso- och sjukvården",
                ],
            ),
            (
                "Rehabilitering och arbetsverksamhet i rehabiliteringssyfte",
                "Du vet vilken plats FPA:s rehabilitering och välfärdsområdets arbetsverksamhet i "
                "rehabiliteringssyfte har i kundens plan.",
                [
                    "Läs tolkningen om FPA:s deltagande i planen",
                    "Ta reda på hur kunder i ditt område hänvisas till arbetsverksamhet i "
                    "rehabiliteringssyfte",
                ],
            ),
            (
                "Slutbedömning och fortsättning",
                "Du vet vad du antecknar i slutbedömningen ur hälso- och sjukvårdens synvinkel och "
                "hur kundens vård fortsätter.",
                [
                    "Läs anvisningen om att avsluta kundrelationen",
                    "Gå igenom en slutbedömning med din introduktör",
                ],
            ),
        ],
    ),
    "johtoryhman-jasen": (
        "Introduktionsstig för medlemmar i nätverkets ledningsgrupp",
        "För en ny medlem i ett TYP- eller TYM-nätverks ledningsgrupp: ledningsgruppens uppgift, "
        "lagen och ansvarsfördelningen samt kunskap som stöd för ledningen.",
        [
            (
                "Ledningsgruppens uppgift",
                "Du vet vad nätverkets ledningsgrupp gör och hur den skiljer sig från den "
                "nationella styrgruppen (från och med 2025 en sektion under delegationen).",
                [
                    "Läs ditt nätverks sida",
                    "Ta reda på vilka som sitter i din ledningsgrupp och vilka organisationer de företräder",
                ],
            ),
            (
                "Lagen och ansvarsfördelningen",
                "Du känner till huvuddragen i lag 381/2023 och hur ansvaret fördelas mellan "
                "arbetskraftsmyndigheten, välfärdsområdet och FPA.",
                [
                    "Läs anvisningen om kundprocessen och arbetsfördelningstabellen",
                    "Läs tolkningen om FPA:s deltagande i planen",
                ],
            ),
            (
                "Kunskap som stöd för ledningen",
                "Du kan använda nätverkets statistik och utvecklingsbehov som grund för "
                "ledningsgruppens beslut.",
                [
                    "Gå igenom nätverkets statistik med TYP-chefen",
                    "Bekanta dig med de nationella utvecklingsbehoven och den öppna omröstningen",
                ],
            ),
            (
                "När kundrelationen börjar och slutar",
                "Du vet på vilka grunder kundrelationen börjar och upphör och kan ta upp nätverkets "
                "praxis i ledningsgruppen.",
                [
                    "Läs tolkningen om behovet av samordning som grund för att hänvisas till tjänsten",
                    "Gå igenom i ledningsgruppen hur nätverket konstaterar att en kundrelation börjar "
                    "och slutar",
                ],
            ),
            (
                "Introduktion för personalen",
                "Du ser till att ingen ny medarbetare börjar med krävande kundarbete utan introduktion.",
                ["Kom överens om vem i nätverket som följer upp introduktionen av nya medarbetare"],
            ),
        ],
    ),
    "esihenkilo": (
        "Introduktionsstig för förmän och TYP-chefer",
        "För en förman som ansvarar för nätverkets arbete och för introduktionen av nya medarbetare.",
        [
            (
                "Lagen och samarbetsmodellen",
                "Du känner till skyldigheterna i TYM-lagen och ditt eget områdes verksamhetsmodell.",
                [
                    "Läs de centrala paragraferna i TYM-lagen (381/2023)",
                    "Läs beskrivningen av ditt nätverks verksamhetsmodell",
                ],
            ),
            (
                "Arbetsfördelning och avtal",
                "Du vet vad organisationerna har kommit överens om och var avtalen finns.",
                [
                    "Gå igenom arbetsfördelningen med välfärdsområdets och FPA:s förmän",
                    "Läs beskrivningen av samarbetsavtalet i Kymmenedalen",
                ],
            ),
            (
                "Introduktion av en ny medarbetare",
                "Du kan ordna introduktionen så att en ny medarbetare inte börjar direkt med "
                "krävande kundarbete.",
                [
                    "Utse en introduktör för varje ny medarbetare",
                    "Följ hur ditt team framskrider på introduktionsstigarna",
                ],
            ),
            (
                "Gemensamma forum",
                "Du vet var nätverkets ledningsgrupp drar upp riktlinjerna för samarbetet och vad "
                "den nationella styrgruppen (från och med 2025 en sektion under delegationen) gör.",
                [
                    "Delta i ett möte i nätverkets ledningsgrupp",
                    "Kom överens om nätverkets gemensamma arbetsdagar",
                ],
            ),
            (
                "Kvalitet och avslutade kundrelationer",
                "Du ser till att kundrelationerna avslutas under kontrollerade former och att "
                "fortsättningen är överenskommen.",
                [
                    "Läs anvisningen och tolkningen om att avsluta kundrelationen",
                    "Kontrollera att mallen för slutbedömningen har en punkt om vem som ansvarar för "
                    "fortsättningen",
                ],
            ),
        ],
    ),
}


def _swedish_steps(path: InductionPathPage, texts: list[tuple[str, str, list[str]]]) -> list[dict] | None:
    """The Finnish path's steps with the Swedish texts: the same ids, reading and minutes.
    None when an editor has changed the steps or tasks the texts follow."""
    blocks = list(path.steps.raw_data)
    if [len(block["value"]["tasks"]) for block in blocks] != [len(tasks) for _t, _g, tasks in texts]:
        return None
    steps = []
    for block, (title, goal, tasks) in zip(blocks, texts, strict=True):
        value = dict(block["value"], title=title, goal=goal)
        value["tasks"] = [{**task, "value": text} for task, text in zip(value["tasks"], tasks, strict=True)]
        steps.append({**block, "value": value})
    return steps


def create_swedish_induction(index: InductionIndexPage, paths: dict[str, InductionPathPage]) -> int:
    """Translate the induction index and its demo paths into Swedish; returns how many pages."""
    swedish = Locale.objects.get_or_create(language_code="sv")[0]
    if index.get_parent().get_translation_or_none(swedish) is None:
        return 0
    pages = [ensure_translation(index, swedish, **INDEX)[0]]
    for slug, path in paths.items():
        title, intro, texts = PATHS[slug]
        steps = _swedish_steps(path, texts)
        if steps is not None:
            pages.append(ensure_translation(path, swedish, title=title, intro=intro, steps=steps)[0])
    return len(pages)
