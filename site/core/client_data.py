"""The one enforcement point of the client-data guard for everything that is saved.

Every text field decided GUARDED in `client_data_fields.TEXT_FIELDS` (and every text field of
our own apps without a decision) gets the guard as a model field validator, so model
validation (`full_clean`: every ModelForm, every Wagtail admin form of pages, snippets,
documents, images and users, and `Page.save`) shows the message on the field concerned.

Writes that skip model validation (services, imports, management commands, fixtures) meet
the `pre_save` backstop: it raises ValidationError, keyed by field, before the row is written,
so nothing is saved; inside a service's transaction the whole write is rolled back. A save
with `update_fields` checks only the fields it writes, so that an older row can still be
corrected or touched (a sign-in updating `last_login`).

Writes that send no signals (`QuerySet.update`, `bulk_create`) are not covered; the site's
user-facing writes do not use them for text.
"""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import pre_save
from wagtail.fields import StreamField

from .client_data_fields import OWN_APPS, TEXT_FIELDS, Decision
from .validators import validate_no_personal_identity_code

TEXT_FIELD_TYPES = (models.CharField, models.TextField, StreamField)

_guarded_fields_by_model: dict[type[models.Model], tuple[models.Field, ...]] = {}


def text_fields(model: type[models.Model]) -> list[models.Field]:
    """The model's own and inherited text fields (names, slugs, addresses included)."""
    return [field for field in model._meta.concrete_fields if isinstance(field, TEXT_FIELD_TYPES)]


def decision_for(field: models.Field) -> Decision | None:
    """The written decision for a field, looked up on the model that declares it."""
    row = TEXT_FIELDS.get(field.model._meta.label)
    if isinstance(row, Decision):
        return row
    if row is not None:
        return row.get(field.name)
    return None


def is_guarded(field: models.Field) -> bool:
    decision = decision_for(field)
    if decision is None:
        return field.model._meta.app_label in OWN_APPS
    return decision.guarded


def guarded_fields(model: type[models.Model]) -> tuple[models.Field, ...]:
    return _guarded_fields_by_model.get(model, ())


def install_client_data_guard() -> None:
    """Add the guard to every guarded field and connect the backstop (run once, at start-up).

    The validator is added to the field's validators at run time, not to its definition, so
    that third-party models are covered the same way and no migration records it.
    """
    for model in apps.get_models():
        fields = tuple(field for field in text_fields(model) if is_guarded(field))
        if not fields:
            continue
        _guarded_fields_by_model[model] = fields
        for field in fields:
            if validate_no_personal_identity_code not in field.validators:
                field.validators.append(validate_no_personal_identity_code)
    pre_save.connect(refuse_client_data, dispatch_uid="typ_site.core.client_data")


def client_data_errors(instance: models.Model, update_fields=None) -> dict[str, list[ValidationError]]:
    errors = {}
    for field in guarded_fields(type(instance)):
        if update_fields is not None and field.name not in update_fields:
            continue
        try:
            validate_no_personal_identity_code(getattr(instance, field.attname))
        except ValidationError as error:
            errors[field.name] = error.error_list
    return errors


def refuse_client_data(sender, instance, update_fields=None, **kwargs) -> None:
    errors = client_data_errors(instance, update_fields)
    if errors:
        raise ValidationError(errors)
