"""The public "Report a detention" form (/report/, no account) and its triage by members
(/workspace/organisation/reports/). See ``partners.intake`` for who sees what."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from hrdwatch.audit.log import Actor, record_restricted_view

from . import intake
from .models import DetentionReport, Organisation
from .permissions import Action, can, permission_required

HONEYPOT = "website"


class ReportForm(forms.ModelForm):  # type: ignore[type-arg]
    """A few fields in the reporter's own words; only ``contact`` and the organisation are optional."""

    website = forms.CharField(
        required=False,
        label=gettext_lazy("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = DetentionReport
        fields = ["who", "where", "when", "what_happened", "contact", "organisation"]
        labels = {
            "who": gettext_lazy("Who was detained?"),
            "where": gettext_lazy("Where?"),
            "when": gettext_lazy("When?"),
            "what_happened": gettext_lazy("What happened?"),
            "contact": gettext_lazy("How can we reach you? (optional)"),
            "organisation": gettext_lazy("Which organisation should receive it? (optional)"),
        }
        help_texts = {
            "who": gettext_lazy(
                "Name, and anything that helps tell the person apart: age, work, town."
            ),
            "where": gettext_lazy("Town and country; the place of detention if known."),
            "when": gettext_lazy("A date, or as much of it as you know (a month, a year)."),
            "what_happened": gettext_lazy(
                "Who made the arrest, what the person is accused of, where they are held now."
            ),
            "contact": gettext_lazy(
                "Only if you want to be contacted. Leave it empty to stay "
                "anonymous; use a channel that is safe for you."
            ),
            "organisation": gettext_lazy(
                "If you leave this empty, the network's staff will pass it on."
            ),
        }
        widgets = {
            "who": forms.Textarea(attrs={"rows": 2}),
            "where": forms.Textarea(attrs={"rows": 2}),
            "what_happened": forms.Textarea(attrs={"rows": 6}),
            "contact": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisation = self.fields["organisation"]
        organisation.queryset = intake.receiving_organisations()  # type: ignore[attr-defined]
        organisation.empty_label = _("Let the network decide")  # type: ignore[attr-defined]


@never_cache
def report_form(request: HttpRequest) -> HttpResponse:
    """Anyone may send a report; it goes to members only and is never published as such."""
    form = ReportForm(request.POST or None)
    if request.method == "POST":
        wait = intake.over_rate_limit(request)
        if wait:
            limited = render(request, "partners/report/limited.html", status=429)
            limited["Retry-After"] = str(wait)
            return limited
        if request.POST.get(HONEYPOT):
            return render(request, "partners/report/thanks.html")  # a bot: accept, keep nothing
        if form.is_valid():
            fields = {k: v for k, v in form.cleaned_data.items() if k != HONEYPOT}
            intake.submit(fields, get_language() or "")
            return render(request, "partners/report/thanks.html")
    return render(request, "partners/report/form.html", {"form": form})


class HandleForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("What was done"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("For example: contacted the family; recorded as a draft case."),
    )


@never_cache
@permission_required(Action.VIEW_REPORTS)
def report_list(request: HttpRequest) -> HttpResponse:
    """Reports sent to the user's organisations: new ones first, handled ones after."""
    reports = intake.visible_reports(request.user)
    return render(
        request,
        "partners/organisation/reports.html",
        {
            "new": list(reports.filter(handled_at__isnull=True)),
            "handled": list(reports.filter(handled_at__isnull=False)[:50]),
        },
    )


def _visible(request: HttpRequest, pk: int) -> DetentionReport:
    report = (
        DetentionReport.objects.select_related("organisation", "handled_by").filter(pk=pk).first()
    )
    if report is None or not can(request.user, Action.VIEW_REPORTS, report):
        raise Http404()
    return report


@never_cache
@permission_required(Action.VIEW_REPORTS)
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One report in full (the view is audited), with the triage form for documenters and up."""
    report = _visible(request, pk)
    record_restricted_view(request, report, "detention report")
    may_triage = can(request.user, Action.TRIAGE_REPORT, report)
    return render(
        request,
        "partners/organisation/report.html",
        {
            "report": report,
            "may_triage": may_triage,
            "organisations": Organisation.objects.order_by("name")
            if report.organisation_id is None
            else [],
            "may_draft": bool(
                report.organisation
                and not report.handled_at
                and can(request.user, Action.CREATE_CASE, report.organisation)
            ),
            "form": HandleForm(initial={"note": report.note}) if may_triage else None,
        },
    )


@require_POST
@permission_required(Action.VIEW_REPORTS)
def report_triage(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark handled (with a note) or reopen."""
    report = _visible(request, pk)
    if not can(request.user, Action.TRIAGE_REPORT, report):
        raise Http404()
    chosen = request.POST.get("pass_on", "")
    if chosen.isdigit() and report.organisation_id is None:
        target = Organisation.objects.filter(pk=int(chosen)).first()
        if target is not None:
            intake.pass_on(Actor.from_request(request), report, target)
            messages.success(
                request, _("Passed on to %(organisation)s.") % {"organisation": target.name}
            )
        return redirect("organisation:reports")
    if request.POST.get("draft"):
        return _start_draft(request, report)
    if request.POST.get("reopen"):
        intake.reopen(Actor.from_request(request), report)
        messages.success(request, _("The report is back among the new ones."))
        return redirect("organisation:report", pk=pk)
    form = HandleForm(request.POST)
    if form.is_valid():
        intake.mark_handled(Actor.from_request(request), report, form.cleaned_data["note"])
        messages.success(request, _("Marked as handled."))
    return redirect("organisation:reports")


def _start_draft(request: HttpRequest, report: DetentionReport) -> HttpResponse:
    """Open a workspace draft for the report's organisation with the reporter's words as a
    starting point (``intake.hooks.open_draft``); the report is marked handled with a note."""
    if (
        intake.hooks.open_draft is None
        or report.organisation is None
        or not can(request.user, Action.CREATE_CASE, report.organisation)
    ):
        raise Http404()
    draft_id, url = intake.hooks.open_draft(request.user, report)
    intake.mark_handled(
        Actor.from_request(request),
        report,
        _("A draft case was started from this report (draft %(id)s).") % {"id": draft_id},
    )
    return redirect(url)
