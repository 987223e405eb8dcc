"""Reports, the moderation queue and the log of every moderation action."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from forums import services
from forums.models import ModerationAction, Report

from .conftest import start_topic


def test_a_report_goes_to_the_queue_and_hiding_is_logged(
    client, member, second_member, network_admin, network_topic
):
    post = network_topic.posts.get()
    client.force_login(second_member)
    client.post(
        reverse("forums:report_post", args=[post.pk]),
        {"reason": "Viestissä on liikaa tunnistettavia tietoja."},
    )
    report = Report.objects.get()

    client.force_login(network_admin)
    queue = client.get(reverse("forums:moderation")).content.decode()
    client.post(reverse("forums:handle_report", args=[report.pk, "hide"]))

    assert "liikaa tunnistettavia tietoja" in queue
    post.refresh_from_db()
    report.refresh_from_db()
    assert post.is_hidden
    assert report.status == Report.Status.RESOLVED
    assert list(ModerationAction.objects.values_list("action", flat=True).order_by("pk")) == [
        "hide_post",
        "resolve_report",
    ]


def test_reporting_twice_gives_a_clear_message(member, second_member, network_topic):
    post = network_topic.posts.get()
    services.report_post(second_member, post, "Asiaton")

    with pytest.raises(ValidationError):
        services.report_post(second_member, post, "Asiaton uudestaan")
    assert Report.objects.count() == 1


def test_a_report_with_a_personal_identity_code_is_refused(member, second_member, network_topic):
    with pytest.raises(ValidationError):
        services.report_post(second_member, network_topic.posts.get(), "Tunnus 130585-234W")
    assert not Report.objects.exists()


def test_a_hidden_post_is_gone_for_members_but_visible_to_moderators_and_author(
    client, member, second_member, network_admin, network_topic
):
    post = services.reply(second_member, network_topic, body="Poistettava kommentti.")
    services.set_post_hidden(network_admin, post, True)
    url = reverse("forums:topic", args=[network_topic.pk])

    client.force_login(member)
    assert "Poistettava kommentti." not in client.get(url).content.decode()
    client.force_login(second_member)
    assert "Poistettava kommentti." in client.get(url).content.decode()
    client.force_login(network_admin)
    assert "Poistettava kommentti." in client.get(url).content.decode()


@pytest.mark.parametrize(
    "action, field, value",
    [
        ("lock", "is_locked", True),
        ("pin", "is_pinned", True),
        ("hide", "is_hidden", True),
    ],
)
def test_topic_actions_are_logged(client, network_admin, network_topic, action, field, value):
    client.force_login(network_admin)

    client.post(reverse("forums:moderate_topic", args=[network_topic.pk, action]))

    network_topic.refresh_from_db()
    assert getattr(network_topic, field) is value
    assert ModerationAction.objects.get().actor == network_admin


def test_a_hidden_topic_is_a_404_for_members(client, member, second_member, network_admin, network_topic):
    services.moderate_topic(network_admin, network_topic, "hide")
    client.force_login(second_member)

    assert client.get(reverse("forums:topic", args=[network_topic.pk])).status_code == 404


def test_pinned_topics_come_first(client, member, network_admin, network_forum):
    first = start_topic(network_forum, member, title="Vanha ohje kiinnitettäväksi")
    start_topic(network_forum, member, title="Uudempi keskustelu")
    services.moderate_topic(network_admin, first, "pin")
    client.force_login(member)

    page = client.get(reverse("forums:forum", args=["satakunta"])).content.decode()

    assert page.index("Vanha ohje kiinnitettäväksi") < page.index("Uudempi keskustelu")


def test_a_superuser_moves_a_topic_and_its_readers_change(
    client, member, superuser, outsider, network_topic, national_forum
):
    client.force_login(superuser)
    client.post(reverse("forums:move_topic", args=[network_topic.pk]), {"forum": national_forum.pk})

    network_topic.refresh_from_db()
    assert network_topic.forum == national_forum
    assert ModerationAction.objects.filter(action="move").exists()
    client.force_login(outsider)
    assert client.get(reverse("forums:topic", args=[network_topic.pk])).status_code == 200


def test_a_network_admin_cannot_move_a_topic_to_a_forum_they_do_not_moderate(
    network_admin, network_topic, national_forum
):

    with pytest.raises(PermissionDenied):
        services.move_topic(network_admin, network_topic, national_forum)
    network_topic.refresh_from_db()
    assert network_topic.forum.slug == "satakunta"
    assert not ModerationAction.objects.exists()


def test_a_moderator_accepting_an_answer_is_logged(keha_moderator, member, second_member, national_topic):
    answer = services.reply(second_member, national_topic, body="Vastaus kysymykseen.")

    services.accept_answer(keha_moderator, national_topic, answer)

    assert ModerationAction.objects.get().action == "accept"
