"""Demo TYP barometer: the statement bank, the 2023 study's baseline, a closed 2024 round and
this year's round open for a month, so that a demo member can answer it.

The baseline holds only what the study's text gives as numbers: the five answer counts of a
role for one statement ("Väittämät rooleittain", the survey of 295 answers, May 2023). Rows
where the extracted text has fewer than five counts (so that it is not known which answers
they belong to) are left out, as are the statements the study showed only as charts (for
example whether it is clear when a client enters and leaves the service): those are in the
bank without a baseline. The 2024 answers are invented for the demo and given by the
participation demo's fictional members. Idempotent.
"""

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from typ_site.core.demo import demo_email

from . import barometer_services
from .barometer_models import (
    BarometerBaseline,
    BarometerItem,
    BarometerResponse,
    BarometerRound,
    BarometerStatement,
)
from .demo import demo_voters, store_ballot
from .models import Poll, PollOption

SOURCE = "TYP-toiminnan palvelumuotoilu 2023, kysely 15.–25.5.2023 (295 vastaajaa): väittämät rooleittain"

# (key, Finnish, Swedish, English, {role: five counts from the study's text})
STATEMENTS = [
    (
        "valtakunnallinen-tuki",
        "TYP-toimintamalli saa mielestäni tarpeeksi tukea valtakunnan tasolta.",
        "Jag upplever att det nationella stödet för TYP-verksamhetsmodellen är tillräckligt.",
        "I find the national support for the TYP operating model sufficient.",
        {"expert": [30, 68, 76, 20, 9]},
    ),
    (
        "ohjausryhman-tuki",
        "Alueemme TYP-työn suunnittelu ja johtaminen on saanut tarpeeksi tukea kansalliselta "
        "ohjausryhmältä ja sen työjaostolta.",
        "Den nationella TYP-styrgruppen och dess arbetssektion har gett tillräckligt stöd för "
        "planeringen och ledningen av TYP-verksamheten i min region.",
        "The national TYP steering group and its working section have supported the planning and "
        "management of TYP work in my area sufficiently.",
        {"expert": [29, 51, 100, 15, 5], "typ_director": [1, 3, 4, 2, 1]},
    ),
    (
        "keha-tukitiimi",
        "TYP-työ ja sen johtaminen ovat saaneet tarpeeksi tukea KEHA-keskuksen tiimiltä, joka "
        "tukee monialaisia palveluja.",
        "KEHA-centrets stödteam för sektorsövergripande tjänster har gett tillräckligt stöd för "
        "TYP-verksamheten och dess ledning.",
        "The KEHA Centre's support team for multi-sectoral services has supported TYP work and its "
        "management sufficiently.",
        {"expert": [28, 47, 107, 10, 5], "typ_director": [1, 2, 3, 4, 1]},
    ),
    (
        "ohjausryhman-hyoty",
        "Kansallisen ohjausryhmän ja työjaoston työstä on ollut hyötyä, kun TYP-työtä tuetaan ja "
        "kehitetään koko maassa.",
        "TYP-styrgruppens och dess arbetssektions verksamhet har varit till nytta för att stödja och "
        "utveckla TYP-verksamheten nationellt.",
        "The work of the TYP steering group and its working section has been useful for supporting "
        "and developing TYP work nationally.",
        {"expert": [13, 17, 74, 15, 2]},
    ),
    (
        "lisaarvo-omaan-tyohon",
        "Osallistumisestani ohjausryhmään tai työjaostoon on ollut selvää hyötyä omalle työlleni "
        "organisaatiossani.",
        "Arbetet i styrgruppen eller arbetssektionen har gett betydande mervärde för mitt arbete i "
        "min egen organisation.",
        "Working in the steering group or its working section has added significant value to my "
        "work in my own organisation.",
        {"expert": [12, 16, 47, 8, 3], "management_group": [2, 2, 13, 7, 1]},
    ),
    (
        "asiakkuuden-alku-ja-loppu",
        "Minulle on selvää, milloin asiakas ohjataan TYP-palveluun ja milloin sieltä eteenpäin.",
        "Det är klart för mig när en klient hänvisas till TYP-tjänsten och när vidare därifrån.",
        "It is clear to me when a client is referred to the TYP service and when onwards from it.",
        {},
    ),
]

# Invented 2024 answers: a step for each statement per demo voter, cycling.
STEPS_2024 = [
    [2, 3, 3, 3, 3, 4],
    [3, 3, 4, 4, 3, 4],
    [4, 3, 3, 4, 3, 5],
    [2, 2, 3, 3, 2, 3],
    [3, 4, 4, 4, 4, 4],
]


@transaction.atomic
def load_barometer_demo(stdout=None) -> None:
    statements = []
    for position, (key, text_fi, text_sv, text_en, baseline) in enumerate(STATEMENTS):
        statement, _created = BarometerStatement.objects.update_or_create(
            key=key,
            defaults={"text_fi": text_fi, "text_sv": text_sv, "text_en": text_en, "position": position},
        )
        statements.append(statement)
        for role, counts in baseline.items():
            BarometerBaseline.objects.update_or_create(
                year=2023, statement=statement, role=role, defaults={"counts": counts, "source": SOURCE}
            )
    tz = timezone.get_current_timezone()
    opens_at = datetime(2024, 5, 13, 8, 0, tzinfo=tz)
    round_ = BarometerRound.objects.filter(year=2024).select_related("poll").first()
    if round_ is None:
        poll = Poll.objects.create(
            kind=Poll.Kind.BAROMETER,
            method=Poll.Method.LIKERT,
            title="TYP-barometri 2024",
            max_choices=len(statements),
            opens_at=opens_at,
            closes_at=opens_at + timedelta(days=14),
            results_visibility=Poll.ResultsVisibility.AFTER_CLOSE,
        )
        round_ = BarometerRound.objects.create(poll=poll, year=2024)
        for position, statement in enumerate(statements):
            option = PollOption.objects.create(poll=poll, key=f"s{statement.pk}", position=position)
            BarometerItem.objects.create(round=round_, statement=statement, option=option)
    options = {item.statement_id: item.option for item in round_.items.select_related("option")}
    for number, voter in enumerate(demo_voters()):
        steps = STEPS_2024[number % len(STEPS_2024)]
        choices = [
            (options[statement.pk], steps[index % len(steps)], "", "")
            for index, statement in enumerate(statements)
            if statement.pk in options
        ]
        ballot = store_ballot(round_.poll, voter, choices, opens_at + timedelta(days=1, minutes=number))
        network = voter.network_memberships.values_list("network_id", flat=True).first()
        BarometerResponse.objects.update_or_create(ballot=ballot, defaults={"network_id": network})
    current = open_demo_round()
    if stdout:
        stdout.write("Barometer: 2024 round with the 2023 baseline")
        stdout.write(
            f"; {current.year} round open until {current.poll.closes_at:%d.%m.%Y}.\n" if current else ".\n"
        )


def open_demo_round() -> BarometerRound | None:
    """This year's round, open for a month from loading, so that a demo member can answer it
    (and change the answer); left as it is when the year already has a round."""
    year = timezone.localdate().year
    existing = BarometerRound.objects.filter(year=year).select_related("poll").first()
    if existing is not None:
        return existing
    keha = get_user_model().objects.filter(email=demo_email("admin"), is_superuser=True).first()
    if keha is None:
        return None
    now = timezone.now()
    return barometer_services.open_round(
        keha, year=year, opens_at=now - timedelta(hours=1), closes_at=now + timedelta(days=30)
    )
