"""Demo criteria: a criteria round with statements in all four columns, written from the
field's own statements in the national TYP study (its four lists: do not refer, refer, stay,
refer out), answers by the demo voters, one statement adopted into the client process
guidance, two recording rules and a story proposal waiting for KEHA.

Idempotent: the round by title, statements by text, rules by title, the proposal by title,
ballots by poll and voter. Every person here is fictional.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from knowledge.models import CaseStoryPage, GuidancePage, LawSection
from typ_site.core.demo import demo_email

from .criteria_models import Column, CriteriaRound, CriterionStatement, RecordingRule, StoryProposal
from .demo import demo_voters, store_ballot
from .models import Poll, PollOption, StoryAnswer

ROUND_TITLE = "Asiakaskriteerit: ensimmäinen validointikierros"

# (column, statement, reasoning, status, (agree, disagree, can't say), story slugs, sections)
STATEMENTS = [
    (
        Column.DO_NOT_REFER,
        "Asiakas on hakemassa eläkettä, eikä työllistymistä edistävä palvelu ole hänelle nyt ajankohtainen.",
        "Monialainen palvelu on tarkoitettu työllistymisen edistämiseen; eläkkeen hakeminen ei ole "
        "sen tavoite.",
        "validation",
        (17, 3, 2),
        ["irina-ei-kuulu-typiin"],
        ["3"],
    ),
    (
        Column.DO_NOT_REFER,
        "Asiakkaan tarpeeseen voidaan vastata kahden viranomaisen keskinäisellä yhteistyöllä.",
        "Jos kaksi tahoa riittää, monialainen verkosto ei tuo lisäarvoa.",
        "validation",
        (12, 6, 3),
        [],
        ["3"],
    ),
    (
        Column.DO_NOT_REFER,
        "Asiakas on jo toisen tahon hoidossa, ja TYP-asiakkuus tekisi työstä päällekkäistä.",
        "",
        "proposed",
        None,
        [],
        [],
    ),
    (
        Column.REFER,
        "Asiakkaalla on selvä monialaisen palvelun tarve tai tarve selvittää yhdessä, miksi työttömyys "
        "on pitkittynyt.",
        "Työpajoissa tätä pidettiin TYP-asiakkuuden ydinperusteena.",
        "adopted",
        (19, 1, 1),
        ["irina-kuuluu-typiin", "jenna-kuuluu-typiin"],
        ["3", "4"],
    ),
    (
        Column.REFER,
        "Nuori on jäänyt syrjään eikä tiedä, mitä palveluja hänelle olisi tarjolla.",
        "",
        "validation",
        (14, 2, 4),
        ["matti-kuuluu-typiin"],
        ["3"],
    ),
    (
        Column.REFER,
        "Asiakkaan työkyvyttömyyseläkehakemus on hylätty, eikä eläkkeelle ole riittäviä perusteita.",
        "",
        "proposed",
        None,
        [],
        [],
    ),
    (
        Column.STAY,
        "Asiakkaan elämässä on kriisi, jonka vuoksi hän ei juuri nyt pysty sitoutumaan toimenpiteisiin: "
        "hänelle annetaan aikaa ja uusi mahdollisuus.",
        "",
        "validation",
        (13, 5, 3),
        [],
        ["4"],
    ),
    (
        Column.STAY,
        "Asiakkaan tilanne etenee oikeaan suuntaan, vaikka hänen omassa tahdissaan.",
        "",
        "validation",
        (18, 2, 2),
        ["jenna-kuuluu-typiin"],
        ["4"],
    ),
    (
        Column.REFER_OUT,
        "Asiakkaan palvelutarve on muuttunut: hän pärjää itsenäisesti tai tavalliset työllisyyspalvelut "
        "riittävät hänelle.",
        "",
        "validation",
        (18, 1, 3),
        [],
        ["3"],
    ),
    (
        Column.REFER_OUT,
        "Asiakas siirtyy työvoiman ulkopuolelle, esimerkiksi vanhempainvapaalle, töihin tai opiskelemaan; "
        "omaohjaaja seuraa vielä tilannetta.",
        "",
        "validation",
        (11, 4, 5),
        [],
        ["3"],
    ),
    (
        Column.REFER_OUT,
        "Asiakas on ollut pitkään TYPissä ilman edistymistä, vaikka useita palveluja on kokeiltu.",
        "Kentällä kysyttiin, mitä tällaiselle asiakkaalle sitten tehdään: hän ei saa jäädä tyhjän päälle.",
        "validation",
        (8, 9, 4),
        [],
        [],
    ),
]

RULES = [
    (
        "Asiakkuuden päättymisen kirjaaminen",
        "Kun asiakkuus päättyy, päättymispäivä ja päättymisen syy kirjataan TYPPI-järjestelmään yhteisen "
        "syyluettelon mukaan. Jos omaohjaaja seuraa tilannetta vielä päättymisen jälkeen, seuranta "
        "kirjataan erikseen eikä asiakkuutta pidetä auki sen vuoksi.",
        Column.REFER_OUT,
    ),
    (
        "Asiakkuuden alkamisen kirjaaminen",
        "Asiakkuuden alkamispäiväksi kirjataan päivä, jona monialaisen palvelun tarve on todettu "
        "yhteisessä arviossa. Kaikki verkostot kirjaavat alkamisen samalla tavalla.",
        Column.REFER,
    ),
]


def _person(key: str):
    return get_user_model().objects.filter(email=demo_email(key)).first()


def _sections(numbers) -> list:
    return list(LawSection.objects.filter(statute__number="381/2023", number__in=numbers))


def _round() -> CriteriaRound:
    now = timezone.now()
    criteria_round, _created = CriteriaRound.objects.get_or_create(
        title=ROUND_TITLE,
        defaults={
            "description": "Vastaa, oletko samaa mieltä siitä, mihin sarakkeeseen kukin väittämä kuuluu.",
            "opens_at": now - timedelta(days=14),
            "closes_at": now + timedelta(days=30),
            "results_visibility": Poll.ResultsVisibility.LIVE,
        },
    )
    return criteria_round


def _poll(statement: CriterionStatement, criteria_round: CriteriaRound) -> Poll:
    if statement.poll is not None:
        return statement.poll
    poll = Poll.objects.create(
        kind=Poll.Kind.CRITERION,
        title=statement.text[:200],
        method=Poll.Method.SINGLE,
        max_choices=1,
        opens_at=criteria_round.opens_at,
        closes_at=criteria_round.closes_at,
        results_visibility=criteria_round.results_visibility,
    )
    for position, key in enumerate(StoryAnswer.values):
        PollOption.objects.create(poll=poll, key=key, position=position)
    statement.poll = poll
    statement.round = criteria_round
    statement.save(update_fields=["poll", "round"])
    return poll


@transaction.atomic
def load_criteria_demo(stdout=None) -> None:
    keha, approver, member = _person("toimittaja"), _person("hyvaksyja"), _person("typjohtaja.satakunta")
    criteria_round = _round()
    voters = demo_voters()
    guidance = GuidancePage.objects.filter(slug="asiakasprosessi").first()
    answers = 0
    for number, (column, text, reasoning, status, counts, story_slugs, sections) in enumerate(STATEMENTS):
        proposer = keha if number % 3 == 0 else member
        statement, _created = CriterionStatement.objects.get_or_create(
            text=text,
            defaults={
                "column": column,
                "explanation": reasoning,
                "proposed_by": proposer,
                "proposed_by_keha": proposer is not None and proposer == keha,
            },
        )
        statement.stories.set(CaseStoryPage.objects.filter(slug__in=story_slugs))
        statement.law_sections.set(_sections(sections))
        if counts is None:
            continue
        poll = _poll(statement, criteria_round)
        options = {option.key: option for option in poll.options.all()}
        agree, disagree, cant_say = counts
        keys = (
            [StoryAnswer.AGREE] * agree
            + [StoryAnswer.DISAGREE] * disagree
            + [StoryAnswer.CANT_SAY] * cant_say
        )
        ordered = voters[number:] + voters[:number]
        for voter, key in zip(ordered, keys, strict=False):
            store_ballot(poll, voter, [(options[key], 1, "", "")], timezone.now() - timedelta(days=5))
            answers += 1
        fields: dict[str, object] = {"status": CriterionStatement.Status.VALIDATION}
        if status == "adopted" and guidance is not None:
            fields = {
                "status": CriterionStatement.Status.ADOPTED,
                "guidance_page": guidance,
                "adopted_by": approver,
                "adopted_at": timezone.now() - timedelta(days=1),
            }
        CriterionStatement.objects.filter(pk=statement.pk).update(**fields)
    for position, (title, rule, column) in enumerate(RULES):
        adopted = CriterionStatement.objects.filter(
            column=column, status=CriterionStatement.Status.ADOPTED
        ).first()
        RecordingRule.objects.update_or_create(
            title=title,
            defaults={"rule": rule, "position": position, "statement": adopted, "guidance_page": guidance},
        )
    StoryProposal.objects.get_or_create(
        title="Pekka, 35, palaa töihin pitkän sairausloman jälkeen",
        defaults={
            "persona_name": "Pekka",
            "age": 35,
            "situation": "Pekka on ollut pitkään sairauslomalla ja haluaa palata työelämään. Hänellä on "
            "sekä terveydellisiä että osaamiseen liittyviä haasteita, eikä hän tiedä, mistä aloittaa.",
            "belongs_in_typ": True,
            "deciding_factors": "Terveys ja osaaminen yhtä aikaa\nMotivaatio palata töihin",
            "proposed_by": member,
        },
    )
    if stdout is not None:
        stdout.write(f"  criteria round with {len(STATEMENTS)} statements, {answers} answers")
