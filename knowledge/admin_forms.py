"""Forms of the knowledge pages in the Wagtail admin."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.forms import WagtailAdminPageForm

from .change_notes import note_fingerprint
from .permissions import networks_not_attributable


class PracticePageForm(WagtailAdminPageForm):
    """A network added to a practice must be one the editor may attribute practices to;
    networks it already had stay as they are."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.networks_before = {network.pk for network in self.instance.networks.all()}

    def clean_networks(self):
        networks = self.cleaned_data["networks"]
        added = [network for network in networks if network.pk not in self.networks_before]
        refused = networks_not_attributable(self.for_user, added) if self.for_user else []
        if refused:
            raise ValidationError(
                _("You can attribute practices only to the networks you administer (not to %(networks)s)."),
                params={"networks": ", ".join(network.name for network in refused)},
                code="network_not_administered",
            )
        return networks


MAJOR, MINOR = "major", "minor"


class ChangeNotedPageForm(WagtailAdminPageForm):
    """An edit of a published page with a change history is either a major change (with a
    new change note: the page's followers are e-mailed and "last updated" moves to the note's
    date) or a minor one (no new note: nobody is told and "last updated" stays). The editor
    chooses which on every edit; the choice must agree with the notes.

    A page never published has no such choice: its first publication tells no one.
    """

    change_kind = forms.ChoiceField(
        label=_("Kind of change"),
        choices=[
            (MINOR, _("Minor change: a correction or a clarification. No change note; nobody is told.")),
            (MAJOR, _("Major change: something readers must know. Write a change note below.")),
        ],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk or self.instance.first_published_at is None:
            del self.fields["change_kind"]
            return
        if self.instance.has_unpublished_changes:
            # A draft already carries its choice (made when it was saved or sent for
            # review): a new note in it is a major change, none a minor one.
            published = self._published_note_fingerprints()
            drafted = {
                note.fingerprint for note in self.instance.change_notes.all() if note.date and note.note
            }
            self.fields["change_kind"].initial = MAJOR if drafted - published else MINOR
        followers = self.instance.followers.count()
        self.fields["change_kind"].help_text = ngettext(
            "A major change is e-mailed to the page's follower (%(count)s person) with its "
            "change note, and the note's date becomes the page's “last updated” date. A minor "
            "change keeps that date.",
            "A major change is e-mailed to the page's followers (%(count)s people) with its "
            "change note, and the note's date becomes the page's “last updated” date. A minor "
            "change keeps that date.",
            followers,
        ) % {"count": followers}

    def _published_note_fingerprints(self) -> set[str]:
        note_model = type(self.instance)._meta.get_field("change_notes").related_model
        return {note.fingerprint for note in note_model.objects.filter(page_id=self.instance.pk)}

    def new_change_notes(self) -> list[dict]:
        """The notes of the form that are not among the published page's notes."""
        formset = self.formsets.get("change_notes")
        if formset is None or not formset.is_valid():
            return []
        published = self._published_note_fingerprints()
        new = []
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data.get("note") or not data.get("date") or data.get("DELETE"):
                continue
            if note_fingerprint(data["date"], data["note"]) not in published:
                new.append(data)
        return new

    def clean(self):
        cleaned_data = super().clean()
        kind = cleaned_data.get("change_kind")
        if "change_kind" not in self.fields or not kind:
            return cleaned_data
        new_notes = self.new_change_notes()
        if kind == MAJOR and not new_notes:
            self.add_error(
                "change_kind",
                _(
                    "A major change needs a change note: add one under “Change notes”, or choose "
                    "a minor change."
                ),
            )
        elif kind == MINOR and new_notes:
            self.add_error(
                "change_kind",
                _(
                    "A minor change has no change note: remove the new note, or choose a major change "
                    "so that the followers are told."
                ),
            )
        return cleaned_data
