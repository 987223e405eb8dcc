from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from typ_site.accounts.signals import account_removed
from typ_site.networks.models import Membership

from .models import Event, EventException
from .services import (
    carry_exceptions_with_series,
    drop_waiting_registrations_out_of_sight,
    event_state,
    occurrence_state,
    remove_calendar_data_of,
    tell_registered_of_changed_event,
    tell_registered_of_changed_occurrence,
    tell_registered_of_deleted_event,
)


@receiver(account_removed)
def drop_calendar_data_of_removed_account(sender, user, **kwargs):
    remove_calendar_data_of(user)


@receiver(post_save, sender=EventException)
@receiver(post_delete, sender=EventException)
def refresh_next_start_of_changed_event(sender, instance, **kwargs):
    """A cancelled or moved occurrence changes where the event's next occurrence can be."""
    event = Event.objects.filter(pk=instance.event_id).prefetch_related("exceptions").first()
    if event is not None:
        event.refresh_next_start_bound()


@receiver(pre_save, sender=EventException)
def remember_occurrence_before_change(sender, instance, raw=False, **kwargs):
    stored = None if raw or instance.pk is None else EventException.objects.filter(pk=instance.pk).first()
    instance._state_before_change = occurrence_state(stored) if stored is not None else None


@receiver(post_save, sender=EventException)
def tell_registered_of_saved_occurrence(sender, instance, raw=False, **kwargs):
    """Saving the event saves every changed occurrence again; only real changes are told."""
    if not raw:
        tell_registered_of_changed_occurrence(instance, getattr(instance, "_state_before_change", None))


@receiver(post_delete, sender=EventException)
def tell_registered_of_restored_occurrence(sender, instance, **kwargs):
    tell_registered_of_changed_occurrence(instance, occurrence_state(instance), deleted=True)


@receiver(pre_save, sender=Event)
def remember_event_before_change(sender, instance, raw=False, **kwargs):
    stored = None if raw or instance.pk is None else Event.objects.filter(pk=instance.pk).first()
    instance._state_before_change = event_state(stored) if stored is not None else None
    instance._carried_exceptions = carry_exceptions_with_series(instance, stored)


@receiver(post_save, sender=Event)
def tell_registered_of_saved_event(sender, instance, raw=False, **kwargs):
    """An event or a whole series moved or its place changed (from the admin or anywhere else)."""
    if raw:
        return
    carried = getattr(instance, "_carried_exceptions", {})
    tell_registered_of_changed_event(instance, getattr(instance, "_state_before_change", None), carried)
    if carried:  # the next start was found before the changed occurrences moved with the series
        instance.refresh_next_start_bound()


@receiver(pre_delete, sender=Event)
def tell_registered_of_deleted_event_before_it_goes(sender, instance, **kwargs):
    tell_registered_of_deleted_event(instance)


@receiver(post_save, sender=Membership)
@receiver(post_delete, sender=Membership)
def leave_waiting_lists_out_of_sight(sender, instance, **kwargs):
    """A membership that ends (removed, left or no longer approved) takes the person off the
    waiting lists of the network's members-only events."""
    if kwargs.get("raw") or (instance.status == Membership.Status.APPROVED and "created" in kwargs):
        return
    drop_waiting_registrations_out_of_sight(instance.user)
