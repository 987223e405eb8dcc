import calendar as calendar_module
from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from typ_site.core.member_pages import kept_for_session, kept_for_standing, person_value
from typ_site.core.page_cache import mark_cacheable
from typ_site.core.spreadsheets import csv_response, safe_cell
from typ_site.core.themes import THEMES, THEMES_BY_SLUG, tag_label
from typ_site.networks.models import Network
from typ_site.networks.selectors import networks_of

from . import ical
from .forms import EventFilterForm, RegistrationNoteForm
from .models import NOTE_MAX_LENGTH, EventLink, Registration
from .occurrence_cache import kept_fragment, kept_listing
from .permissions import can_manage_event, can_see_network_events
from .recurrence import HELSINKI, Occurrence, parse_occurrence_key
from .selectors import (
    active_feed_token_of,
    feed_events_for,
    feed_owner_or_404,
    occurrences_for,
    occurrences_key,
    registrants_of,
    registration_counts,
    registrations_of_user_for,
    upcoming_occurrences_of,
    visible_event_or_404,
)
from .services import (
    cancel_registration,
    create_feed_token,
    mark_feed_token_used,
    register,
    registration_deadline_for,
    revoke_feed_tokens,
    update_registration_note,
)
from .wheel import build_wheel

# One agenda page looks this many days ahead (and "Earlier" as far back), and shows at most
# AGENDA_MOST occurrences of them in whole days: a busy quarter is several pages, not one
# page of thousands of events.
AGENDA_DAYS = 92
AGENDA_MOST = 60


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=HELSINKI)


def _days_of(occurrence: Occurrence) -> list[date]:
    first = occurrence.local_date
    # An event ending exactly at midnight does not spill over to the next day.
    last = max(first, (occurrence.end - timedelta(microseconds=1)).astimezone(HELSINKI).date())
    return [first + timedelta(days=offset) for offset in range((last - first).days + 1)]


def _subscription_context(request) -> dict:
    return {
        "public_feed": request.build_absolute_uri(reverse("calendar_app:feed_public")),
        "theme_feeds": [
            (theme.label, request.build_absolute_uri(reverse("calendar_app:feed_theme", args=[theme.slug])))
            for theme in THEMES
        ],
    }


def private_feed_part_values(request, args: tuple[int, ...], context) -> dict:
    """The person's private feed addresses (a secret of theirs: a personal part,
    `typ_site.core.member_pages`)."""
    user = request.user
    token = None
    # Whether the person has an address at all is kept with their own rows (the address itself,
    # a secret, is read only when there is one).
    if user.is_authenticated and person_value(
        request, "has_feed_token", lambda: active_feed_token_of(user) is not None
    ):
        token = active_feed_token_of(user)
    private_feed = network_feeds = None
    if token is not None:
        private_feed = request.build_absolute_uri(reverse("calendar_app:feed_private", args=[token.token]))
        network_feeds = [
            (
                network,
                request.build_absolute_uri(
                    reverse("calendar_app:feed_network", args=[token.token, network.slug])
                ),
            )
            for network in networks_of(user).order_by("name")
        ]
    return {"feed_token": token, "private_feed": private_feed, "network_feeds": network_feeds}


def _filters(request) -> tuple[EventFilterForm, dict]:
    form = EventFilterForm(request.GET or None)
    return form, form.filters()


def _filter_form_html(request, form: EventFilterForm, view_name: str, first_day: date | None = None) -> str:
    """The filter form as it shows for this address, kept rendered for everyone
    (`occurrence_cache.kept_fragment`): the same address and language give the same form."""
    query = form.query_string()
    context = {
        "filter_form": form,
        "query": query,
        "request": request,
        "view_name": view_name,
        "first_day": first_day,
    }

    def render_form() -> str:
        return render_to_string("calendar_app/includes/calendar_filters.html", context)

    asked = sorted(request.GET.lists())
    return kept_fragment(("filters", request.path, view_name, first_day, asked), render_form)


# --- month, agenda, wheel ------------------------------------------------------------------


def _month_grid(user, weeks: list[list[date]], month: int, today: date, filters) -> str:
    """The month's grid of the occurrences the person may see, kept rendered for everyone
    with the same access keys (`occurrence_cache.kept_listing`)."""
    window_start = _local_midnight(weeks[0][0])
    window_end = _local_midnight(weeks[-1][-1] + timedelta(days=1))

    def render_grid() -> str:
        by_day = defaultdict(list)
        for occurrence in occurrences_for(user, window_start, window_end, filters):
            for day in _days_of(occurrence):
                by_day[day].append(occurrence)
        grid = [
            {
                "number": week[0].isocalendar().week,
                "days": [
                    {
                        "date": day,
                        "in_month": day.month == month,
                        "is_today": day == today,
                        "occurrences": by_day.get(day, []),
                    }
                    for day in week
                ],
            }
            for week in weeks
        ]
        context = {"weeks": grid, "weekdays": weeks[0], "has_events": bool(by_day)}
        return render_to_string("calendar_app/includes/month_grid.html", context)

    key = occurrences_key(user, window_start, window_end, filters)
    return kept_listing(key, ("month", today, month), render_grid)


def _agenda_by_day(user, first: date, last: date, filters) -> list[tuple[date, list[Occurrence]]]:
    """The occurrences from `first` up to `last` by day, in order (one that began earlier is
    on `first`)."""
    days: dict[date, list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences_for(user, _local_midnight(first), _local_midnight(last), filters):
        days[max(occurrence.local_date, first)].append(occurrence)
    return sorted(days.items())


def whole_days_up_to(days: list[tuple[date, list]], most: int) -> list[tuple[date, list]]:
    """The first of `days` ((day, occurrences) pairs) that hold at most `most` occurrences
    together; always at least the first day, however full."""
    shown: list[tuple[date, list]] = []
    count = 0
    for day, occurrences in days:
        if shown and count + len(occurrences) > most:
            break
        shown.append((day, occurrences))
        count += len(occurrences)
    return shown


def _agenda_page(user, first: date, filters, query: str) -> str:
    """The agenda's page from `first`: its period, the links to the pages before and after
    it and its days, kept rendered as the month's grid is (the period depends on the events)."""
    last = first + timedelta(days=AGENDA_DAYS)

    def render_page() -> str:
        ahead = _agenda_by_day(user, first, last, filters)
        days = whole_days_up_to(ahead, AGENDA_MOST)
        last_day = days[-1][0] if len(days) < len(ahead) else last - timedelta(days=1)
        before = _agenda_by_day(user, first - timedelta(days=AGENDA_DAYS), first, filters)
        earlier = whole_days_up_to(before[::-1], AGENDA_MOST)
        # "Earlier" shows one page's worth of days before this page; the whole period before,
        # when it fits on one page.
        whole_period = len(earlier) == len(before)
        earlier_from = first - timedelta(days=AGENDA_DAYS) if whole_period else earlier[-1][0]
        context = {
            "days": days,
            "first_day": first,
            "last_day": last_day,
            "earlier_from": earlier_from.isoformat(),
            "later_from": (last_day + timedelta(days=1)).isoformat(),
            "query": query,
        }
        return render_to_string("calendar_app/includes/agenda_days.html", context)

    key = occurrences_key(user, _local_midnight(first), _local_midnight(last), filters)
    return kept_listing(key, ("agenda", first, query), render_page)


@kept_for_standing
def month_view(request, year=None, month=None):
    # The same for every anonymous visitor: the shared page cache may keep it (its
    # generation is renewed by any change to an event).
    mark_cacheable(request)
    today = timezone.localdate()
    year, month = year or today.year, month or today.month
    if not (1 <= month <= 12 and 1900 <= year <= 2200):
        raise Http404
    form, filters = _filters(request)
    weeks = calendar_module.Calendar(firstweekday=0).monthdatescalendar(year, month)
    grid_html = _month_grid(request.user, weeks, month, today, filters)
    first = date(year, month, 1)
    previous_month = first - timedelta(days=1)
    next_month = first + timedelta(days=32)
    context = {
        "first_day": first,
        "grid": grid_html,
        "previous_url": reverse("calendar_app:month_of", args=[previous_month.year, previous_month.month]),
        "next_url": reverse("calendar_app:month_of", args=[next_month.year, next_month.month]),
        "filters": _filter_form_html(request, form, "month"),
        "query": form.query_string(),
        "view_name": "month",
        **_subscription_context(request),
    }
    return render(request, "calendar_app/month.html", context)


@kept_for_standing
def agenda_view(request):
    mark_cacheable(request)
    today = timezone.localdate()
    try:
        first = date.fromisoformat(request.GET.get("from", "")) if request.GET.get("from") else today
    except ValueError:
        first = today
    form, filters = _filters(request)
    query = form.query_string()
    return render(
        request,
        "calendar_app/agenda.html",
        {
            "page": _agenda_page(request.user, first, filters, query),
            "filters": _filter_form_html(request, form, "agenda", first),
            "query": query,
            "view_name": "agenda",
        },
    )


def _wheel_body(user, year: int, today: date, filters, query: str) -> str:
    """The year's wheel and its table, kept rendered as the month's grid is."""
    start, end = _local_midnight(date(year, 1, 1)), _local_midnight(date(year + 1, 1, 1))

    def render_body() -> str:
        wheel = build_wheel(year, occurrences_for(user, start, end, filters), today)
        context = {"wheel": wheel, "year": year, "query": query}
        return render_to_string("calendar_app/includes/wheel_body.html", context)

    key = occurrences_key(user, start, end, filters)
    return kept_listing(key, ("wheel", year, today, query), render_body)


@kept_for_standing
def wheel_view(request, year=None):
    mark_cacheable(request)
    today = timezone.localdate()
    year = year or today.year
    if not 1900 <= year <= 2200:
        raise Http404
    form, filters = _filters(request)
    query = form.query_string()
    return render(
        request,
        "calendar_app/wheel.html",
        {
            "body": _wheel_body(request.user, year, today, filters, query),
            "year": year,
            "filters": _filter_form_html(request, form, "wheel"),
            "query": query,
            "previous_url": reverse("calendar_app:wheel_of", args=[year - 1]),
            "next_url": reverse("calendar_app:wheel_of", args=[year + 1]),
            "view_name": "wheel",
        },
    )


# --- one event ---------------------------------------------------------------------------


def _occurrence_rows(request, event) -> list[dict]:
    occurrences = upcoming_occurrences_of(event)
    if not occurrences and not event.recurrence_rule:
        occurrences = [
            Occurrence(event, event.start.astimezone(HELSINKI), event.end.astimezone(HELSINKI), event.start)
        ]
    counts = registration_counts(event) if event.registration_enabled else {}
    mine = registrations_of_user_for(request.user, event)
    now = timezone.now()
    rows = []
    for occurrence in occurrences:
        key = occurrence.original_start
        confirmed = counts.get((key, Registration.Status.CONFIRMED), 0)
        deadline = registration_deadline_for(occurrence)
        rows.append(
            {
                "occurrence": occurrence,
                "confirmed": confirmed,
                "waiting": counts.get((key, Registration.Status.WAITING), 0),
                "places_left": None if event.capacity is None else max(event.capacity - confirmed, 0),
                "mine": mine.get(key),
                "deadline": deadline,
                "is_open": event.registration_enabled and now < deadline,
                "is_past": occurrence.end < now,
            }
        )
    return rows


@kept_for_session
def event_detail(request, pk):
    try:
        event = visible_event_or_404(request.user, pk)
    except Http404:
        # Members' events are linked from e-mails: a signed-out visitor is asked to sign in
        # (for any address, so that the answer does not tell which events exist).
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise
    return _render_event(request, event)


def _render_event(request, event, refused: dict | None = None, status: int = 200):
    """The event page; `refused` is a note the guard refused ({"key", "text", "errors"}),
    shown back in its form so that nothing the person typed is lost."""
    links = list(event.links.all())
    response = render(
        request,
        "calendar_app/event_detail.html",
        {
            "event": event,
            "rows": _occurrence_rows(request, event),
            "themes": [(tag_label(tag), tag.slug) for tag in event.themes.all()],
            "need_links": [link for link in links if link.kind == EventLink.Kind.DEVELOPMENT_NEED],
            "topic_links": [link for link in links if link.kind == EventLink.Kind.FORUM_TOPIC],
            "other_links": [link for link in links if link.kind == EventLink.Kind.OTHER],
            "changes": [e for e in event.exceptions.all() if e.original_start >= timezone.now()],
            "can_manage": can_manage_event(request.user, event),
            "note_max_length": NOTE_MAX_LENGTH,
            "refused": refused,
        },
        status=status,
    )
    if refused is not None:  # the typed text is in the page: kept by nobody on the way
        response["Cache-Control"] = "private, no-store"
    return response


def _occurrence_from_post(request):
    original_start = parse_occurrence_key(request.POST.get("occurrence", ""))
    if original_start is None:
        raise ValidationError(_("Choose an occurrence of the event."))
    return original_start


def _note_from_post(request) -> tuple[str | None, dict | None]:
    """(the note to the organisers, None), or (None, what was refused) when the guard or the
    length limit refuses it: the typed text and the reasons, to show back in its form."""
    form = RegistrationNoteForm(request.POST)
    if form.is_valid():
        return form.cleaned_data["note"], None
    errors = [str(error) for error in form.errors.get("note") or []]
    for error in errors:
        reason = _("The note to the organisers was not accepted: %(error)s") % {"error": error}
        messages.error(request, reason)
    typed = request.POST.get("note", "")
    return None, {"key": request.POST.get("occurrence", ""), "text": typed, "errors": errors}


@login_required
@require_POST
def register_view(request, pk):
    event = visible_event_or_404(request.user, pk)
    note, refused = _note_from_post(request)
    if note is None:
        return _render_event(request, event, refused, status=400)
    try:
        registration = register(request.user, event, _occurrence_from_post(request), note)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        if registration.status == Registration.Status.CONFIRMED:
            messages.success(request, _("You are registered. A confirmation is on its way to your e-mail."))
        else:
            messages.warning(
                request,
                _("The event is full: you are on the waiting list. We will e-mail you if a place opens up."),
            )
    return redirect("calendar_app:event", pk=event.pk)


@login_required
@require_POST
def cancel_view(request, pk):
    event = visible_event_or_404(request.user, pk)
    try:
        cancel_registration(request.user, event, _occurrence_from_post(request))
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Your registration was cancelled."))
    return redirect("calendar_app:event", pk=event.pk)


@login_required
@require_POST
def note_view(request, pk):
    event = visible_event_or_404(request.user, pk)
    note, refused = _note_from_post(request)
    if note is None:
        return _render_event(request, event, refused, status=400)
    try:
        update_registration_note(request.user, event, _occurrence_from_post(request), note)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Your note to the organisers was saved."))
    return redirect("calendar_app:event", pk=event.pk)


def _managed_event_or_404(request, pk):
    """The event, for its organisers only (registrants and their notes)."""
    event = visible_event_or_404(request.user, pk)
    if not can_manage_event(request.user, event):
        raise Http404
    return event


@login_required
def registrants_view(request, pk):
    event = _managed_event_or_404(request, pk)
    groups: dict[datetime, dict] = {}
    for registration in registrants_of(event):
        group = groups.setdefault(
            registration.occurrence_start,
            {"start": registration.occurrence_start, "confirmed": [], "waiting": []},
        )
        group[registration.status].append(registration)
    return render(
        request,
        "calendar_app/registrants.html",
        {"event": event, "groups": list(groups.values())},
    )


@login_required
def registrants_csv(request, pk):
    event = _managed_event_or_404(request, pk)
    response, writer = csv_response(f"{slugify(event.title) or 'event'}-{event.pk}-registrants.csv")
    writer.writerow(
        [
            _("Occurrence"),
            _("Name"),
            _("Organisation"),
            _("E-mail"),
            _("Status"),
            _("Registered"),
            _("Note to the organisers"),
        ]
    )
    for registration in registrants_of(event):
        writer.writerow(
            [
                timezone.localtime(registration.occurrence_start, HELSINKI).strftime("%Y-%m-%d %H:%M"),
                safe_cell(registration.user.display_name),
                safe_cell(registration.user.organisation_name),
                safe_cell(registration.user.email),
                registration.get_status_display(),
                timezone.localtime(registration.created_at, HELSINKI).strftime("%Y-%m-%d %H:%M"),
                safe_cell(registration.note),
            ]
        )
    return response


# --- iCalendar ---------------------------------------------------------------------------


def _ics_response(content: bytes, filename: str, attachment: bool = False) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "private, max-age=900"
    return response


def event_ics(request, pk):
    event = visible_event_or_404(request.user, pk)
    return _ics_response(ical.event_calendar(event, request), f"event-{event.pk}.ics", attachment=True)


def feed_public(request):
    events = feed_events_for(AnonymousUser())
    name = _("TYP development calendar")
    return _ics_response(ical.feed_calendar(name, events, request), "typ-calendar.ics")


# The theme feeds' first addresses were made of the themes' Finnish names; people subscribed to
# them, so they answer with a permanent redirect to the theme's address.
FORMER_THEME_FEED_SLUGS = {
    slugify(theme.name): theme.slug for theme in THEMES if slugify(theme.name) != theme.slug
}


def feed_theme(request, theme):
    if theme in FORMER_THEME_FEED_SLUGS:
        return redirect("calendar_app:feed_theme", theme=FORMER_THEME_FEED_SLUGS[theme], permanent=True)
    found = THEMES_BY_SLUG.get(theme)
    if found is None:
        raise Http404
    events = feed_events_for(AnonymousUser(), {"theme": found.slug})
    title = _("TYP development calendar: %(theme)s") % {"theme": found.label}
    return _ics_response(ical.feed_calendar(title, events, request), f"typ-{found.slug}.ics")


def feed_private(request, token):
    feed_token = feed_owner_or_404(token)
    mark_feed_token_used(feed_token)
    events = feed_events_for(feed_token.user)
    name = _("TYP development calendar (my networks)")
    return _ics_response(ical.feed_calendar(name, events, request), "typ-my-calendar.ics")


def feed_network(request, token, network):
    feed_token = feed_owner_or_404(token)
    network = get_object_or_404(Network, slug=network, is_active=True)
    if not can_see_network_events(feed_token.user, network.pk):
        raise Http404
    mark_feed_token_used(feed_token)
    events = feed_events_for(feed_token.user, {"network": network})
    name = _("TYP development calendar: %(network)s") % {"network": network.name}
    return _ics_response(ical.feed_calendar(name, events, request), f"typ-{network.slug}.ics")


@login_required
@require_POST
def create_feed_token_view(request):
    create_feed_token(request.user)
    messages.success(
        request,
        _("Your private calendar address is ready. Any earlier address no longer works."),
    )
    return redirect(reverse("calendar_app:month") + "#subscribe")


@login_required
@require_POST
def revoke_feed_token_view(request):
    revoke_feed_tokens(request.user)
    messages.success(request, _("Your private calendar address was revoked: it no longer shows any events."))
    return redirect(reverse("calendar_app:month") + "#subscribe")
