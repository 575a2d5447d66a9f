"""The review screens: a queue filtered by country, organisation and age, and one page per case
with its sources and evidence beside the checklist and decision forms. Built for phones first.

Views only read through the visibility gate and change things only through ``hrdwatch.actions``.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import F, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from hrdwatch import actions
from hrdwatch.audit.log import Actor, record_restricted_view
from hrdwatch.core.countries import country_name
from hrdwatch.partners.models import Organisation
from hrdwatch.partners.permissions import Action, can, permission_required, viewer_for
from hrdwatch.records.levels import ReviewState
from hrdwatch.records.models import Case, SensitiveDetail
from hrdwatch.records.status import verified_q
from hrdwatch.records.visibility import Gate

from . import workflow
from .models import Decision, InclusionChecklist

OPEN_STATES = [
    ReviewState.CANDIDATE,
    ReviewState.DRAFT,
    ReviewState.IN_REVIEW,
    ReviewState.VERIFIED,
]
AGE_CHOICES = [
    ("", _("Any age")),
    ("7", _("Older than a week")),
    ("30", _("Older than a month")),
    ("90", _("Older than three months")),
]


class QueueFilter(forms.Form):
    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[
            ("", _("All open states")),
            *[(s.value, s.label) for s in map(ReviewState, OPEN_STATES)],
        ],
    )
    country = forms.CharField(label=_("Country"), required=False, max_length=2)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        required=False,
        queryset=Organisation.objects.all(),
        to_field_name="slug",
        empty_label=_("All organisations"),
    )
    age = forms.ChoiceField(label=_("Age"), required=False, choices=AGE_CHOICES)


class ChecklistForm(forms.ModelForm):
    """The checklist, with the version it showed, so a newer save by someone else is refused."""

    expected_version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["expected_version"].initial = (
            self.instance.version if self.instance.pk else None
        )

    class Meta:
        model = InclusionChecklist
        fields = [
            "is_defender",
            "defender_activity",
            "deprived_of_liberty",
            "linked_to_activity",
            "link_reasoning",
            "credible_source",
            "consent",
            "risk_assessed",
            "wgad_assessed",
        ]
        widgets = {
            "defender_activity": forms.Textarea(attrs={"rows": 3}),
            "link_reasoning": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "is_defender": _("Human rights defender"),
            "defender_activity": _("Defender activity"),
            "deprived_of_liberty": _("Deprived of liberty"),
            "linked_to_activity": _("Linked to activity"),
            "link_reasoning": _("Link reasoning"),
            "credible_source": _("Credible source"),
            "consent": _("Consent"),
            "risk_assessed": _("Risk assessed"),
            "wgad_assessed": _("WGAD assessed"),
        }


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=Decision.choices, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


def _queue(request: HttpRequest, filters: QueueFilter) -> QuerySet[Case]:
    cases = Gate(viewer_for(request.user)).cases().filter(review_state__in=OPEN_STATES)
    if filters.is_valid():
        data = filters.cleaned_data
        if data["state"]:
            cases = cases.filter(review_state=data["state"])
        if data["country"]:
            cases = cases.filter(country=data["country"].upper())
        if data["organisation"]:
            cases = cases.filter(owner=data["organisation"])
        if data["age"]:
            cases = cases.filter(created_at__lte=timezone.now() - timedelta(days=int(data["age"])))
    return cases.select_related("defender", "owner").order_by("created_at", "id")


@permission_required(Action.REVIEW_QUEUE)
def queue(request: HttpRequest) -> HttpResponse:
    filters = QueueFilter(request.GET or None)
    page = Paginator(_queue(request, filters), 25).get_page(request.GET.get("page"))
    now = timezone.now()
    rows = [
        {"case": c, "age_days": (now - c.created_at).days, "country": country_name(c.country)}
        for c in page
    ]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "review/queue.html",
        {"filters": filters, "page": page, "rows": rows, "query": query.urlencode()},
    )


@permission_required(Action.REVIEW_QUEUE)
def reverify_queue(request: HttpRequest) -> HttpResponse:
    """Published cases not verified for the configured time, oldest first, and published cases
    whose stated status the public timeline contradicts ("status disputed" on the public site)."""
    cases = (
        Gate(viewer_for(request.user))
        .cases()
        .filter(review_state=ReviewState.PUBLISHED)
        .filter(~verified_q() | Q(status_conflict=True))
        .select_related("defender", "owner", "status", "derived_status")
        .order_by(F("last_verified_at").asc(nulls_first=True), "id")
    )
    page = Paginator(cases, 25).get_page(request.GET.get("page"))
    rows = [
        {"case": c, "country": country_name(c.country), "disputed": c.status_conflict} for c in page
    ]
    return render(request, "review/reverify.html", {"page": page, "rows": rows, "query": ""})


def _visible_case(request: HttpRequest, uid: str) -> Case:
    case = (
        Gate(viewer_for(request.user))
        .cases()
        .filter(uid=uid)
        .select_related("defender", "owner", "status")
        .first()
    )
    if case is None:
        raise Http404
    return case


def _context(request: HttpRequest, case: Case, **forms_: Any) -> dict[str, Any]:
    user = request.user
    gate = Gate(viewer_for(user))
    restricted: list[SensitiveDetail] = []
    if can(user, Action.VIEW_RESTRICTED, case):
        restricted = list(gate.sensitive_details().filter(case=case)) + list(
            gate.sensitive_details().filter(defender=case.defender_id, case__isnull=True)
        )
        if restricted:
            record_restricted_view(request, case, "sensitive details on the review screen")
    evidence = gate.evidence().filter(case=case) | gate.evidence().filter(event__case=case)
    return {
        "case": case,
        "events": gate.events().filter(case=case).select_related("event_type"),
        "evidence": evidence.select_related("source", "event").distinct(),
        "sensitive": restricted,
        "reviews": case.reviews.select_related("reviewer", "organisation"),
        "missing": workflow.missing_criteria(case),
        "conflict": workflow.status_conflict(case),
        "hidden_picture": workflow.hidden_picture(case),
        "four_eyes": workflow.four_eyes_missing(case),
        "country": country_name(case.country),
        "checklist_form": forms_.get("checklist_form")
        or ChecklistForm(instance=workflow.checklist_for(case)),
        "decision_form": forms_.get("decision_form") or DecisionForm(),
        "withdraw_form": WithdrawForm(),
        "may": {
            "review": case.review_state == ReviewState.IN_REVIEW
            and can(user, Action.REVIEW_CASE, case),
            "checklist": can(
                user,
                Action.REVIEW_CASE
                if case.review_state == ReviewState.IN_REVIEW
                else Action.EDIT_CASE,
                case,
            ),
            "submit": workflow.may_move(case, ReviewState.IN_REVIEW)
            and can(user, Action.SUBMIT_CASE, case),
            "publish": case.review_state == ReviewState.VERIFIED
            and can(user, Action.PUBLISH_CASE, case),
            "withdraw": case.review_state == ReviewState.PUBLISHED
            and can(user, Action.WITHDRAW_CASE, case),
            "reverify": case.review_state == ReviewState.PUBLISHED
            and can(user, Action.REVIEW_CASE, case),
        },
    }


@permission_required(Action.REVIEW_QUEUE)
def case_review(request: HttpRequest, uid: str) -> HttpResponse:
    """The review screen; POST saves the checklist or records a decision."""
    case = _visible_case(request, uid)
    actor = Actor.from_request(request)
    extra: dict[str, Any] = {}
    if request.method == "POST":
        try:
            if request.POST.get("form") == "checklist":
                form = ChecklistForm(request.POST, instance=workflow.checklist_for(case))
                if form.is_valid():
                    actions.do_update_checklist(
                        actor,
                        case,
                        version=form.cleaned_data["expected_version"],
                        **{f: form.cleaned_data[f] for f in ChecklistForm.Meta.fields},
                    )
                    messages.success(request, _("Checklist saved."))
                    return redirect("review:case", uid=uid)
                extra["checklist_form"] = form
            elif request.POST.get("form") == "decision":
                decision = DecisionForm(request.POST)
                if decision.is_valid():
                    actions.do_review_case(
                        actor,
                        case,
                        decision.cleaned_data["decision"],
                        decision.cleaned_data["comment"],
                    )
                    messages.success(request, _("Decision recorded."))
                    return redirect("review:case", uid=uid)
                extra["decision_form"] = decision
        except (workflow.WorkflowError, actions.StaleVersionError) as error:
            messages.error(request, str(error))
            return redirect("review:case", uid=uid)
    return render(request, "review/case.html", _context(request, case, **extra))


@require_POST
@permission_required(Action.REVIEW_QUEUE)
def case_transition(request: HttpRequest, uid: str, step: str) -> HttpResponse:
    """Submit, publish or withdraw from the review screen (each checks its own permission)."""
    case = _visible_case(request, uid)
    actor = Actor.from_request(request)
    try:
        if step == "submit":
            actions.do_submit_for_review(actor, case)
        elif step == "publish":
            actions.do_publish_case(actor, case)
        elif step == "reverify":
            actions.do_reverify_case(actor, case)
            messages.success(request, _("Re-verified."))
        elif step == "withdraw":
            form = WithdrawForm(request.POST)
            actions.do_withdraw_case(actor, case, form.data.get("reason", ""))
        else:
            raise Http404
    except workflow.WorkflowError as error:
        messages.error(request, str(error))
    return redirect("review:case", uid=uid)
