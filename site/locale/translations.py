"""Finnish and Swedish texts of the site shell's catalogue: msgid or (context, msgid) -> (fi, sv).

`python site/locale/translations.py` writes them into the .po files after makemessages.
"""

from pathlib import Path

import polib

TRANSLATIONS: dict[str | tuple[str, str], tuple[str, str]] = {
    (
        "Your role decides in which rounds you may vote, so a change counts once your network's admins "
        "or KEHA have confirmed it."
    ): (
        (
            "Rooli ratkaisee, missä äänestyksissä voit äänestää, joten muutos on voimassa, kun "
            "verkostosi ylläpitäjät tai KEHA ovat vahvistaneet sen."
        ),
        (
            "Rollen avgör i vilka omröstningar du får rösta, så en ändring gäller när ditt nätverks "
            "administratörer eller KEHA har bekräftat den."
        ),
    ),
    "role waiting for confirmation": ("vahvistusta odottava rooli", "roll som väntar på bekräftelse"),
    "role confirmed at": ("rooli vahvistettu", "rollen bekräftad"),
    "role confirmed by": ("roolin vahvisti", "rollen bekräftad av"),
    "Confirm": ("Vahvista", "Bekräfta"),
    "Choose confirm or decline.": ("Valitse vahvista tai hylkää.", "Välj bekräfta eller avslå."),
    "Only the admins of the person's networks or KEHA can confirm a role.": (
        "Roolin voivat vahvistaa vain henkilön verkostojen ylläpitäjät tai KEHA.",
        "Endast administratörerna för personens nätverk eller KEHA kan bekräfta en roll.",
    ),
    "This role change has already been decided.": (
        "Tästä roolin muutoksesta on jo päätetty.",
        "Den här rolländringen har redan avgjorts.",
    ),
    "The person has changed the request meanwhile. Check it again.": (
        "Henkilö on sillä välin muuttanut pyyntöään. Tarkista se uudelleen.",
        "Personen har ändrat sin begäran under tiden. Kontrollera den igen.",
    ),
    "Your role change to %(requested)s is waiting for confirmation by your network's admins or KEHA.": (
        "Roolisi muutos (%(requested)s) odottaa vahvistusta verkostosi ylläpitäjiltä tai KEHAlta.",
        "Din rolländring (%(requested)s) väntar på bekräftelse av ditt nätverks administratörer eller KEHA.",
    ),
    "Until then your role is %(role)s.": (
        "Siihen asti roolisi on %(role)s.",
        "Till dess är din roll %(role)s.",
    ),
    "Until then you vote only in rounds open to every role.": (
        "Siihen asti voit äänestää vain kaikille rooleille avoimissa äänestyksissä.",
        "Till dess kan du rösta bara i omröstningar som är öppna för alla roller.",
    ),
    "Role changes waiting for confirmation": (
        "Vahvistusta odottavat roolin muutokset",
        "Rolländringar som väntar på bekräftelse",
    ),
    "A person's role decides in which rounds they may vote, so it counts once confirmed.": (
        (
            "Henkilön rooli ratkaisee, missä äänestyksissä hän voi äänestää, joten se on voimassa "
            "vasta vahvistettuna."
        ),
        "En persons roll avgör i vilka omröstningar hen får rösta, så den gäller först när den bekräftats.",
    ),
    "Confirmed role": ("Vahvistettu rooli", "Bekräftad roll"),
    "Asks for": ("Pyytää", "Begär"),
    "None yet": ("Ei vielä", "Ingen ännu"),
    "No role changes are waiting.": ("Roolin muutoksia ei odota.", "Inga rolländringar väntar."),
    "Accounts": ("Käyttäjätilit", "Användarkonton"),
    "First name": ("Etunimi", "Förnamn"),
    "Last name": ("Sukunimi", "Efternamn"),
    "Organisation type": ("Organisaation tyyppi", "Organisationstyp"),
    "Organisation": ("Organisaatio", "Organisation"),
    "For example the employment area, wellbeing services county or Kela office.": (
        "Esimerkiksi työllisyysalue, hyvinvointialue tai Kelan toimipiste.",
        "Till exempel sysselsättningsområde, välfärdsområde eller Fpa:s kontor.",
    ),
    "Role": ("Rooli", "Roll"),
    "I understand that my account is removed for good.": (
        "Ymmärrän, että tilini poistetaan pysyvästi.",
        "Jag förstår att mitt konto tas bort permanent.",
    ),
    "Tick the box to confirm the removal.": (
        "Vahvista poisto rastittamalla ruutu.",
        "Kryssa i rutan för att bekräfta borttagningen.",
    ),
    "Accounts can only be created with a work address ending in: %(domains)s.": (
        "Tilin voi luoda vain työsähköpostiosoitteella, jonka pääte on: %(domains)s.",
        "Konto kan bara skapas med en arbetsadress som slutar på: %(domains)s.",
    ),
    "Employment authority (TE / municipal employment area)": (
        "Työvoimaviranomainen (TE / työllisyysalue)",
        "Arbetskraftsmyndighet (TE / sysselsättningsområde)",
    ),
    "Wellbeing services county": ("Hyvinvointialue", "Välfärdsområde"),
    "Kela": ("Kela", "FPA"),
    "Municipality": ("Kunta", "Kommun"),
    "KEHA Centre": ("KEHA-keskus", "KEHA-centret"),
    "Other": ("Muu", "Annan"),
    "Expert": ("Asiantuntija", "Sakkunnig"),
    "Supervisor": ("Esihenkilö", "Chef"),
    "TYP director": ("TYP-johtaja", "TYP-direktör"),
    "Management group member": ("Johtoryhmän jäsen", "Medlem av ledningsgruppen"),
    "Steering group member": ("Ohjausryhmän jäsen", "Medlem av styrgruppen"),
    "Partner": ("Kumppani", "Partner"),
    "Immediately by e-mail": ("Heti sähköpostilla", "Genast per e-post"),
    "Once a day as a digest": ("Kerran päivässä koosteena", "En gång om dagen som sammandrag"),
    "Only on the site, no e-mail": ("Vain sivustolla, ei sähköpostia", "Bara på webbplatsen, ingen e-post"),
    "e-mail address": ("sähköpostiosoite", "e-postadress"),
    "organisation type": ("organisaation tyyppi", "organisationstyp"),
    "organisation": ("organisaatio", "organisation"),
    "role": ("rooli", "roll"),
    "preferred language": ("asiointikieli", "föredraget språk"),
    "e-mail notifications": ("sähköposti-ilmoitukset", "e-postaviseringar"),
    "removed": ("poistettu", "borttagen"),
    "The person removed their account; what they wrote stays, without a name.": (
        "Henkilö on poistanut tilinsä; hänen kirjoituksensa jäävät näkyviin ilman nimeä.",
        "Personen har tagit bort sitt konto; det hen skrivit finns kvar utan namn.",
    ),
    "removed at": ("poistettu", "borttagen"),
    "user": ("käyttäjä", "användare"),
    "users": ("käyttäjät", "användare"),
    "Removed user": ("Poistettu käyttäjä", "Borttagen användare"),
    "Your role lets you edit or administer the site, so your account needs two-step "
    "verification. Set up an authenticator app to continue.": (
        "Roolisi antaa oikeuden muokata tai ylläpitää sivustoa, joten tililläsi on oltava "
        "kaksivaiheinen tunnistautuminen. Ota todennussovellus käyttöön jatkaaksesi.",
        "Din roll ger rätt att redigera eller administrera webbplatsen, så ditt konto behöver "
        "tvåstegsverifiering. Ta i bruk en autentiseringsapp för att fortsätta.",
    ),
    "Your profile was saved.": ("Profiilisi tallennettiin.", "Din profil sparades."),
    "Your account was removed. What you wrote stays readable.": (
        "Tilisi poistettiin. Kirjoittamasi viestit jäävät luettaviksi.",
        "Ditt konto togs bort. Det du skrivit förblir läsbart.",
    ),
    "Site": ("Sivusto", "Webbplats"),
    "Forums": ("Keskustelut", "Diskussioner"),
    "Calendar": ("Kalenteri", "Kalender"),
    "Participate": ("Osallistu", "Delta"),
    "Networks": ("Verkostot", "Nätverk"),
    "introduction": ("johdanto", "inledning"),
    "home page": ("etusivu", "startsida"),
    "The text seems to contain a Finnish personal identity code (henkilötunnus). Client "
    "information does not belong on this platform: remove the code and describe the case "
    "without identifying anyone. Nothing was saved.": (
        "Tekstissä näyttää olevan henkilötunnus. Asiakastietoja ei saa tallentaa tälle "
        "alustalle: poista tunnus ja kuvaa tilanne niin, ettei ketään voi tunnistaa. Mitään ei "
        "tallennettu.",
        "Texten verkar innehålla en finsk personbeteckning. Klientuppgifter hör inte hemma på "
        "den här plattformen: ta bort beteckningen och beskriv fallet utan att någon kan "
        "identifieras. Ingenting sparades.",
    ),
    "Message to the network's admins (optional)": (
        "Viesti verkoston ylläpitäjille (vapaaehtoinen)",
        "Meddelande till nätverkets administratörer (frivilligt)",
    ),
    "Approve": ("Hyväksy", "Godkänn"),
    "Decline": ("Hylkää", "Avslå"),
    "Choose approve or decline.": ("Valitse hyväksy tai hylkää.", "Välj godkänn eller avslå."),
    "name": ("nimi", "namn"),
    "slug": ("lyhytnimi", "slugg"),
    "region": ("maakunta", "landskap"),
    "municipalities": ("kunnat", "kommuner"),
    "Separate the municipalities with commas.": (
        "Erota kunnat pilkuilla.",
        "Skilj kommunerna åt med kommatecken.",
    ),
    "description": ("kuvaus", "beskrivning"),
    "active": ("aktiivinen", "aktiv"),
    "Service points": ("Asiointipisteet", "Serviceställen"),
    "network": ("verkosto", "nätverk"),
    "networks": ("verkostot", "nätverk"),
    "Office": ("Toimipiste", "Verksamhetsställe"),
    "Drop-in point": ("Asiointipiste", "Serviceställe"),
    "Remote service": ("Etäpalvelu", "Distanstjänst"),
    "kind": ("laji", "typ"),
    "municipality": ("kunta", "kommun"),
    "address": ("osoite", "adress"),
    "opening hours": ("aukioloajat", "öppettider"),
    "service point": ("asiointipiste", "serviceställe"),
    "service points": ("asiointipisteet", "serviceställen"),
    "Member": ("Jäsen", "Medlem"),
    "Network admin": ("Verkoston ylläpitäjä", "Nätverkets administratör"),
    "Waiting for approval": ("Odottaa hyväksyntää", "Väntar på godkännande"),
    "Approved": ("Hyväksytty", "Godkänd"),
    "Declined": ("Hylätty", "Avslagen"),
    "status": ("tila", "status"),
    "message to the network admins": (
        "viesti verkoston ylläpitäjille",
        "meddelande till nätverkets administratörer",
    ),
    "requested at": ("pyydetty", "begärd"),
    "decided at": ("päätetty", "beslutad"),
    "decided by": ("päättäjä", "beslutad av"),
    "network membership": ("verkoston jäsenyys", "medlemskap i nätverk"),
    "network memberships": ("verkostojen jäsenyydet", "medlemskap i nätverk"),
    "This network no longer accepts members.": (
        "Tähän verkostoon ei enää oteta jäseniä.",
        "Det här nätverket tar inte längre emot medlemmar.",
    ),
    "You have already asked to join %(network)s.": (
        "Olet jo pyytänyt liittyä verkostoon %(network)s.",
        "Du har redan bett att få gå med i %(network)s.",
    ),
    "You are already a member of %(network)s.": (
        "Olet jo verkoston %(network)s jäsen.",
        "Du är redan medlem i %(network)s.",
    ),
    "Your request to join %(network)s is waiting for approval.": (
        "Pyyntösi liittyä verkostoon %(network)s odottaa hyväksyntää.",
        "Din begäran att gå med i %(network)s väntar på godkännande.",
    ),
    "Your earlier request to join %(network)s was declined. Contact the network's admins.": (
        "Aiempi pyyntösi liittyä verkostoon %(network)s hylättiin. Ota yhteyttä verkoston ylläpitäjiin.",
        "Din tidigare begäran att gå med i %(network)s avslogs. Kontakta nätverkets administratörer.",
    ),
    "Only the network's admins can decide on memberships.": (
        "Vain verkoston ylläpitäjät voivat päättää jäsenyyksistä.",
        "Endast nätverkets administratörer kan besluta om medlemskap.",
    ),
    "This request has already been decided.": (
        "Tästä pyynnöstä on jo päätetty.",
        "Den här begäran har redan avgjorts.",
    ),
    "That network does not exist.": ("Verkostoa ei ole olemassa.", "Nätverket finns inte."),
    "The message is too long (at most 1,000 characters).": (
        "Viesti on liian pitkä (enintään 1 000 merkkiä).",
        "Meddelandet är för långt (högst 1 000 tecken).",
    ),
    "Your request to join %(network)s was sent to its admins.": (
        "Pyyntösi liittyä verkostoon %(network)s lähetettiin sen ylläpitäjille.",
        "Din begäran att gå med i %(network)s skickades till dess administratörer.",
    ),
    "The decision was saved.": ("Päätös tallennettiin.", "Beslutet sparades."),
    "TYP co-development platform": ("TYP-yhteistyöalusta", "TYP-samarbetsplattformen"),
    "Your profile": ("Profiilisi", "Din profil"),
    "Save": ("Tallenna", "Spara"),
    "Sign-in and security": ("Kirjautuminen ja tietoturva", "Inloggning och säkerhet"),
    "E-mail addresses": ("Sähköpostiosoitteet", "E-postadresser"),
    "Change password": ("Vaihda salasana", "Byt lösenord"),
    "Two-step verification": ("Kaksivaiheinen tunnistautuminen", "Tvåstegsverifiering"),
    "Your networks": ("Verkostosi", "Dina nätverk"),
    "See the networks and ask to join": (
        "Katso verkostot ja pyydä jäsenyyttä",
        "Se nätverken och be om medlemskap",
    ),
    "Your data": ("Tietosi", "Dina uppgifter"),
    "Download your data (JSON)": ("Lataa tietosi (JSON)", "Ladda ner dina uppgifter (JSON)"),
    "Remove your account": ("Poista tilisi", "Ta bort ditt konto"),
    "Your name, e-mail address, profile, network memberships and sign-in methods are erased "
    "and you can no longer sign in. Messages you wrote stay readable so that discussions keep "
    "their sense; they are shown as written by a removed user.": (
        "Nimesi, sähköpostiosoitteesi, profiilisi, verkostojäsenyytesi ja "
        "kirjautumistapasi poistetaan, etkä voi enää kirjautua. Kirjoittamasi viestit jäävät "
        "luettaviksi, jotta keskustelut pysyvät ymmärrettävinä; ne näytetään poistetun "
        "käyttäjän kirjoittamina.",
        "Ditt namn, din e-postadress, profil, dina nätverksmedlemskap och inloggningsmetoder "
        "raderas och du kan inte längre logga in. Meddelanden du skrivit förblir läsbara så "
        "att diskussionerna behåller sin mening; de visas som skrivna av en borttagen "
        "användare.",
    ),
    "Download your data first (JSON)": (
        "Lataa ensin tietosi (JSON)",
        "Ladda först ner dina uppgifter (JSON)",
    ),
    "Remove my account": ("Poista tilini", "Ta bort mitt konto"),
    "Skip to content": ("Siirry sisältöön", "Hoppa till innehållet"),
    "Menu": ("Valikko", "Meny"),
    "Main navigation": ("Päävalikko", "Huvudmeny"),
    "Language": ("Kieli", "Språk"),
    "Your account": ("Oma tili", "Ditt konto"),
    "Sign out": ("Kirjaudu ulos", "Logga ut"),
    "Sign in": ("Kirjaudu sisään", "Logga in"),
    "Create account": ("Luo tili", "Skapa konto"),
    "A shared platform for the TYP/TYM networks, their members and KEHA Centre.": (
        "Yhteinen alusta TYP/TYM-verkostoille, niiden jäsenille ja KEHA-keskukselle.",
        "En gemensam plattform för TYP/TYM-nätverken, deras medlemmar och KEHA-centret.",
    ),
    "Do not write client information here: no names, no personal identity codes.": (
        "Älä kirjoita tänne asiakastietoja: ei nimiä eikä henkilötunnuksia.",
        "Skriv inte klientuppgifter här: inga namn och inga personbeteckningar.",
    ),
    ("front page", "Home"): ("Etusivu", "Startsida"),
    "Join your colleagues": ("Liity kollegoidesi seuraan", "Anslut dig till dina kolleger"),
    "Sign in to follow guidance, take part in your network's forum, vote on development "
    "priorities and register for events.": (
        "Kirjaudu, niin voit seurata ohjeita, osallistua verkostosi keskusteluihin, äänestää "
        "kehittämisen painopisteistä ja ilmoittautua tapahtumiin.",
        "Logga in för att följa anvisningar, delta i ditt nätverks diskussioner, rösta om "
        "utvecklingsprioriteringar och anmäla dig till evenemang.",
    ),
    "Sections": ("Osiot", "Avdelningar"),
    "required": ("pakollinen", "obligatorisk"),
    "Search the site": ("Hae sivustolta", "Sök på webbplatsen"),
    "Search": ("Haku", "Sök"),
    ("verb", "Search"): ("Hae", "Sök"),
    ("verb", "Filter"): ("Rajaa", "Filtrera"),
    "Manage memberships": ("Hallitse jäsenyyksiä", "Hantera medlemskap"),
    "You administer:": ("Ylläpidät:", "Du administrerar:"),
    "Requests waiting for a decision": ("Päätöstä odottavat pyynnöt", "Begäranden som väntar på beslut"),
    "Person": ("Henkilö", "Person"),
    "Network": ("Verkosto", "Nätverk"),
    "Message": ("Viesti", "Meddelande"),
    "Decision": ("Päätös", "Beslut"),
    "No requests are waiting.": ("Odottavia pyyntöjä ei ole.", "Inga begäranden väntar."),
    "Members": ("Jäsenet", "Medlemmar"),
    "Each TYP/TYM network brings together the employment authority, the wellbeing services "
    "county and Kela in its area. Members of a network see its private forum and events.": (
        "Jokainen TYP/TYM-verkosto kokoaa alueensa työvoimaviranomaisen, hyvinvointialueen ja "
        "Kelan yhteen. Verkoston jäsenet näkevät sen oman keskustelualueen ja tapahtumat.",
        "Varje TYP/TYM-nätverk samlar arbetskraftsmyndigheten, välfärdsområdet och FPA i sitt "
        "område. Nätverkets medlemmar ser dess egna diskussioner och evenemang.",
    ),
    "Municipalities": ("Kunnat", "Kommuner"),
    "Ask to join": ("Pyydä jäsenyyttä", "Be om medlemskap"),
    "The TYM act and its application": (
        "TYM-laki ja sen soveltaminen",
        "TYM-lagen och dess tillämpning",
    ),
    "Impact and knowledge-based management": (
        "Vaikuttavuus ja tiedolla johtaminen",
        "Effekt och kunskapsbaserad ledning",
    ),
    "Communication and sharing knowledge": (
        "Viestintä ja tiedon jakaminen",
        "Kommunikation och kunskapsdelning",
    ),
    "Training and induction": ("Koulutus ja perehtyminen", "Utbildning och introduktion"),
    "Client process": ("Asiakasprosessi", "Klientprocessen"),
}

PLURALS = {
    "%(counter)s member": (
        ("%(counter)s jäsen", "%(counter)s jäsentä"),
        ("%(counter)s medlem", "%(counter)s medlemmar"),
    ),
}


def key(entry) -> str | tuple[str, str]:
    """An entry's key in TRANSLATIONS: the msgid, or (context, msgid) for a string with a context."""
    return (entry.msgctxt, entry.msgid) if entry.msgctxt else entry.msgid


def fill_catalogues() -> list[str]:
    """Writes the texts into the fi and sv catalogues; returns msgids still missing."""
    missing = []
    for index, language in enumerate(("fi", "sv")):
        path = Path(__file__).parent / language / "LC_MESSAGES" / "django.po"
        catalogue = polib.pofile(str(path))
        catalogue.metadata["Language"] = language
        for entry in catalogue:
            if entry.msgid_plural:
                forms = PLURALS.get(entry.msgid)
                if forms:
                    entry.msgstr_plural = {0: forms[index][0], 1: forms[index][1]}
            elif key(entry) in TRANSLATIONS:
                entry.msgstr = TRANSLATIONS[key(entry)][index]
            elif not entry.msgstr:
                missing.append(f"{language}: {entry.msgid}")
            if "fuzzy" in entry.flags and (entry.msgstr or entry.msgstr_plural):
                entry.flags.remove("fuzzy")
        catalogue.save(str(path))
    return missing


if __name__ == "__main__":
    for line in fill_catalogues():
        print("missing", line)
