"""Events in the site search, each with the access key the calendar itself uses."""

from django.utils.translation import gettext_lazy as _

from search.contracts import SearchDocument, SearchSource
from search.registry import register_source

from .models import Event
from .selectors import events_for_search_index, search_document


def event_document(event: Event) -> SearchDocument:
    return SearchDocument(**search_document(event))


def register_calendar_search() -> None:
    register_source(
        SearchSource(
            name="event",
            label=_("Events"),
            model=Event,
            document_for=event_document,
            queryset=events_for_search_index,
            kinds={"event": _("Event")},
        )
    )
