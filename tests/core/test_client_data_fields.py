"""Every text field people could write into has a written decision, and the guarded ones
refuse a personal identity code: in model validation and when a save skips it.

The table is `typ_site.core.client_data_fields.TEXT_FIELDS`, in the spirit of
tests/security/access_table.py: a new CharField, TextField, RichTextField or StreamField
(ours or an installed app's) without a row fails here until someone decides.
"""

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from typ_site.core.client_data import decision_for, guarded_fields, is_guarded, text_fields
from typ_site.core.client_data_fields import CHOICE, TEXT_FIELDS, Decision
from typ_site.core.validators import validate_no_personal_identity_code

CODE = "130585-234W"  # a valid code for a fictitious birth date


def _all_text_fields():
    for model in apps.get_models():
        for field in text_fields(model):
            if field.model is model:  # each field once, on the model that declares it
                yield field


def _label(field) -> str:
    return f"{field.model._meta.label}.{field.name}"


def test_every_text_field_has_a_decision():
    undecided = [_label(field) for field in _all_text_fields() if decision_for(field) is None]

    assert undecided == [], (
        "Decide in typ_site/core/client_data_fields.py whether the guard covers these fields "
        f"(GUARDED) or why nobody writes into them: {undecided}"
    )


# Models that exist only on some databases (Wagtail's SQLite full-text index).
DATABASE_SPECIFIC_MODELS = {"wagtailsearch.SQLiteFTSIndexEntry"}


def test_every_row_names_an_existing_model_and_field():
    stale = []
    for label, row in TEXT_FIELDS.items():
        try:
            model = apps.get_model(label)
        except LookupError:
            if label not in DATABASE_SPECIFIC_MODELS:
                stale.append(label)
            continue
        if isinstance(row, Decision):
            continue
        declared = {field.name for field in text_fields(model) if field.model is model}
        stale += [f"{label}.{name}" for name in row if name not in declared]

    assert stale == []


def test_a_field_decided_a_choice_has_choices():
    not_choices = [
        _label(field) for field in _all_text_fields() if decision_for(field) is CHOICE and not field.choices
    ]
    not_choices = [
        label for label in not_choices if not isinstance(TEXT_FIELDS[label.rsplit(".", 1)[0]], Decision)
    ]

    assert not_choices == []


@pytest.mark.parametrize(
    "label",
    [
        "accounts.User.first_name",
        "accounts.User.last_name",
        "accounts.User.organisation_name",
        "networks.Membership.message",
        "forums.Attachment.original_name",
        "forums.ModerationAction.details",
        "forums.Post.body_html",
        "knowledge.PracticePage.intro",
        "knowledge.PracticePage.problem",
        "knowledge.PracticePage.contact_name",
        "knowledge.PracticePage.body",
        "wagtailcore.Page.title",
        "wagtaildocs.Document.title",
        "wagtailimages.Image.title",
        "taggit.Tag.name",
        "wagtailcore.Comment.text",
        "wagtailcore.TaskState.comment",
    ],
)
def test_the_fields_codes_got_through_are_guarded(label):
    model_label, name = label.rsplit(".", 1)
    field = apps.get_model(model_label)._meta.get_field(name)

    assert is_guarded(field)


def test_every_guarded_field_refuses_a_code_in_model_validation():
    unguarded = []
    for model in apps.get_models():
        for field in guarded_fields(model):
            if validate_no_personal_identity_code not in field.validators:
                unguarded.append(_label(field))
                continue
            with pytest.raises(ValidationError):
                field.run_validators(f"Asiakas {CODE}")

    assert unguarded == []


def test_inherited_page_fields_are_guarded_on_every_page_type():
    practice = apps.get_model("knowledge.PracticePage")

    assert {"title", "slug", "seo_title", "search_description", "intro", "problem"} <= {
        field.name for field in guarded_fields(practice)
    }
