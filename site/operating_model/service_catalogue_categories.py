"""The shared service categories KEHA starts with: the kinds of service the networks' own
service descriptions and the report on the 2023 reforms name. Plain data, importing nothing:
the data migration `0002_service_catalogue` seeds the categories from it (adding only the
missing keys) and the demo refreshes the rows; KEHA edits them in the admin afterwards.

key, order, (fi, sv, en), description in Finnish
"""

CATEGORIES = [
    (
        "rehabilitative-work-activity",
        10,
        (
            "Kuntouttava työtoiminta",
            "Arbetsverksamhet i rehabiliteringssyfte",
            "Rehabilitative work activity",
        ),
        "Työ- ja toimintakykyä vahvistavaa toimintaa pitkään työttömänä olleelle. Hyvinvointialue "
        "järjestää sen vuodesta 2023 itse, yhdessä kuntien kanssa tai ostaen järjestöiltä; "
        "yrityksiltä sitä ei saa hankkia.",
    ),
    (
        "social-rehabilitation",
        20,
        ("Sosiaalinen kuntoutus", "Social rehabilitering", "Social rehabilitation"),
        "Hyvinvointialueen sosiaalipalvelu arjen taitojen ja osallisuuden tueksi; raja "
        "kuntouttavaan työtoimintaan sovitaan alueella.",
    ),
    (
        "coaching",
        30,
        ("Valmennukset ja ryhmätoiminta", "Coachning och gruppverksamhet", "Coaching and group activities"),
        "Ryhmä- ja yksilövalmennukset työelämävalmiuksien ja arjen hallinnan tueksi.",
    ),
    (
        "job-coaching",
        40,
        ("Työhönvalmennus", "Jobbcoachning", "Job coaching"),
        "Henkilökohtainen tuki työpaikan löytämiseen ja siinä pysymiseen.",
    ),
    (
        "work-trial",
        50,
        (
            "Työkokeilu ja koulutuskokeilu",
            "Arbetsprövning och utbildningsprövning",
            "Work and education trials",
        ),
        "Työtehtävien tai alan kokeilu työpaikalla tai oppilaitoksessa ammatinvalinnan ja "
        "työkyvyn selvittämiseksi.",
    ),
    (
        "pay-subsidy",
        60,
        ("Palkkatuettu työ", "Lönesubventionerat arbete", "Pay-subsidised work"),
        "Työnantajalle maksettava tuki työttömän palkkaamiseen; vuoden 2023 uudistuksen jälkeen "
        "määrä ja kesto riippuvat tuen perusteesta.",
    ),
    (
        "intermediate-labour-market",
        70,
        ("Välityömarkkinoiden palvelut", "Tjänster på mellanarbetsmarknaden", "Intermediate labour market"),
        "Työpajat, sosiaaliset yritykset ja järjestöjen työllistämispalvelut.",
    ),
    (
        "training",
        80,
        (
            "Työvoimakoulutus ja omaehtoinen opiskelu",
            "Arbetskraftsutbildning och frivilliga studier",
            "Labour market training and self-motivated study",
        ),
        "Koulutus, omaehtoinen opiskelu työttömyysetuudella ja tuettu oppisopimus.",
    ),
    (
        "career-guidance",
        90,
        ("Ammatinvalinta- ja urasuunnittelu", "Yrkesval och karriärplanering", "Career guidance"),
        "Ammatinvalinnan ja uran suunnittelun ohjaus, myös psykologin tuella.",
    ),
    (
        "health-check",
        100,
        (
            "Työttömien terveystarkastus",
            "Hälsoundersökning för arbetslösa",
            "Health check-ups for the unemployed",
        ),
        "Hyvinvointialueen terveystarkastus, jossa arvioidaan terveyttä sekä työ- ja toimintakykyä.",
    ),
    (
        "work-ability-assessment",
        110,
        ("Työkyvyn arviointi", "Bedömning av arbetsförmåga", "Work-ability assessment"),
        "Työ- ja toimintakyvyn selvittäminen: terveydenhoitaja, lääkäri, psykologi, "
        "fysioterapeutti tai laaja-alainen asiantuntija-arvio.",
    ),
    (
        "substance-abuse-mental-health",
        120,
        (
            "Päihde- ja mielenterveysneuvonta",
            "Rådgivning om missbruk och psykisk hälsa",
            "Substance-abuse and mental-health advice",
        ),
        "Päihde- ja mielenterveyspalvelut sekä psykososiaalinen tuki ja konsultaatio.",
    ),
    (
        "debt-advice",
        130,
        ("Talous- ja velkaneuvonta", "Ekonomi- och skuldrådgivning", "Financial and debt advice"),
        "Neuvonta talouden hallintaan ja velkojen järjestelyyn.",
    ),
    (
        "kela-rehabilitation",
        140,
        (
            "Kelan kuntoutus ja etuusneuvonta",
            "FPA:s rehabilitering och förmånsrådgivning",
            "Kela rehabilitation",
        ),
        "Kelan työ- ja toimintakykyä edistävät kuntoutuspalvelut ja neuvonta Kelan etuuksista.",
    ),
    (
        "consultation",
        150,
        (
            "Moniammatillinen konsultaatio",
            "Multiprofessionell konsultation",
            "Multi-professional consultation",
        ),
        "Työntekijöiden yhteiset konsultaatiotapaamiset asiakkaan tilanteen selvittämiseksi, "
        "asiakkaan kanssa sovitusti.",
    ),
]
