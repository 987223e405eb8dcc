"""TYP barometer pages. Thin: reads in `barometer_selectors`, rules in `engine` and
`permissions`, writes in `barometer_services`."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from typ_site.accounts.roles import is_verified_member
from typ_site.core.spreadsheets import csv_response, safe_cell
from typ_site.networks.selectors import networks_of

from . import barometer_selectors as selectors
from . import barometer_services as services
from . import engine, permissions
from .barometer_selectors import ANSWER_LABELS, CANT_SAY_LABEL, STEP_LABELS


class BarometerForm(forms.Form):
    """One radio group per statement, and the network answered for when the person has several."""

    def __init__(self, items, networks, *args, steps=None, network_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        choices = [(str(step), label) for step, label in ANSWER_LABELS.items()]
        for item in items:
            self.fields[f"statement_{item.statement_id}"] = forms.TypedChoiceField(
                label=item.statement.text,
                choices=choices,
                coerce=int,
                widget=forms.RadioSelect,
                initial=str(steps[item.option_id]) if steps and item.option_id in steps else None,
                error_messages={"required": gettext_lazy("Answer this statement.")},
            )
        if len(networks) > 1:
            self.fields["network"] = forms.TypedChoiceField(
                label=gettext_lazy("The network you answer for"),
                choices=[(str(network.pk), network.name) for network in networks],
                coerce=int,
                initial=str(network_id) if network_id else None,
            )
        self.single_network = networks[0].pk if len(networks) == 1 else None

    def statement_fields(self):
        return [self[f"statement_{item.statement_id}"] for item in self.items]

    def steps(self) -> dict[int, int]:
        return {item.statement_id: self.cleaned_data[f"statement_{item.statement_id}"] for item in self.items}

    def network_id(self) -> int | None:
        return self.cleaned_data.get("network", self.single_network)


class OpenRoundForm(forms.Form):
    year = forms.IntegerField(label=gettext_lazy("Year"), min_value=2000, max_value=2100)
    opens_at = forms.DateTimeField(
        label=gettext_lazy("Opens"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    closes_at = forms.DateTimeField(
        label=gettext_lazy("Closes"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )


def index(request):
    user = request.user
    if not is_verified_member(user):
        return render(request, "participation/barometer/index.html", {"needs_sign_in": True})
    now = timezone.now()
    rounds = selectors.rounds_for(user)
    for round_ in rounds:
        round_.state = engine.voting_state(round_.poll, now)
        round_.results_visible = permissions.can_see_results(user, round_.poll, now)
    return render(
        request,
        "participation/barometer/index.html",
        {
            "rounds": rounds,
            "can_manage": permissions.can_manage_participation(user),
            "open_form": OpenRoundForm(initial={"year": timezone.localdate().year}),
        },
    )


@login_required
@require_POST
def open_round(request):
    """KEHA staff open a year's round with the bank's active statements."""
    if not permissions.can_manage_participation(request.user):
        raise PermissionDenied
    form = OpenRoundForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the year and when the round opens and closes."))
        return redirect("participation:barometer")
    try:
        round_ = services.open_round(request.user, **form.cleaned_data)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("participation:barometer")
    messages.success(request, _("The barometer round was opened."))
    return redirect("participation:barometer_round", pk=round_.poll_id)


@login_required
@require_http_methods(["GET", "POST"])
def round_detail(request, pk):
    user = request.user
    round_ = selectors.round_or_404(user, pk)
    poll = round_.poll
    now = timezone.now()
    state = engine.voting_state(poll, now)
    eligible = engine.is_eligible(user, poll)
    items = selectors.items_of(round_)
    ballot, steps, network_id = selectors.own_answer(user, round_)
    poll.has_voted = ballot is not None
    networks = list(networks_of(user).order_by("name"))
    form = BarometerForm(items, networks, request.POST or None, steps=steps, network_id=network_id)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.answer_round(
                    user,
                    round_,
                    form.steps(),
                    network_id=form.network_id(),
                    ballot_id=ballot.pk if ballot else None,
                )
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
            else:
                messages.success(
                    request, _("Your answer was changed.") if ballot else _("Thank you for answering!")
                )
                return redirect("participation:barometer_round", pk=poll.pk)
        else:
            messages.error(request, _("Check the answer: some statements were not answered."))
    return render(
        request,
        "participation/barometer/round.html",
        {
            "round": round_,
            "poll": poll,
            "state": state,
            "eligible": eligible,
            "can_answer": eligible and state == engine.OPEN,
            "ballot": ballot,
            "form": form,
            "results_visible": permissions.can_see_results(user, poll, now),
        },
    )


@login_required
def results(request, pk):
    user = request.user
    context = selectors.results_context(user, pk)
    context["can_export"] = permissions.can_export_results(user, context["poll"])
    return render(request, "participation/barometer/results.html", context)


@login_required
def results_csv(request, pk):
    user = request.user
    round_ = selectors.round_or_404(user, pk)
    if not permissions.can_export_results(user, round_.poll):
        raise Http404
    response, writer = csv_response(f"typ-barometer-{round_.year}.csv")
    writer.writerow(
        [
            _("Year"),
            _("Table"),
            _("Role"),
            _("Organisation type"),
            _("Network"),
            _("Statement key"),
            _("Statement"),
            _("Answers in the group"),
            *(str(label) for label in STEP_LABELS.values()),
            str(CANT_SAY_LABEL),
        ]
    )
    for row in selectors.csv_rows(round_):
        writer.writerow([safe_cell(value) if isinstance(value, str) else value for value in row])
    writer.writerow([])
    writer.writerow(
        [
            _(
                "Groups with fewer than %(size)s answers, and groups that could be worked out "
                "from the others, are left out."
            )
            % {"size": engine.min_group_size()}
        ]
    )
    writer.writerow([_("“Can't say” answers are counted in the group but not in the five steps.")])
    return response
