"""Correcting a draft case — typically one "returned to me" with the reviewers' comments — and
submitting it again. The reviewers' comments are shown above the form; the corrections are saved
through the record actions (each citing a source: one already cited by the case or a new web
address), the new submission through the workflow action."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from hrdwatch.actions import (
    Actor,
    StaleVersionError,
    do_create_source,
    do_submit_for_review,
    do_update,
)
from hrdwatch.core.dates import PartialDate, Precision
from hrdwatch.partners.permissions import Action, permission_required, viewer_for
from hrdwatch.records.levels import Visibility
from hrdwatch.records.models import Case, CaseRevision, Event, RevisionState, Source
from hrdwatch.records.visibility import Gate
from hrdwatch.review.models import Decision, Review
from hrdwatch.review.workflow import WorkflowError
from hrdwatch.vocab.models import Term, Vocabulary

from .cases import HELD, is_editable, visible_case
from .forms import AUTO, DetentionForm, FactsForm

NEW = "new"


def _arrest(gate: Gate, case: Case) -> Event | None:
    return gate.events().filter(case=case, event_type__code="arrest").order_by("id").first()


def _case_sources(gate: Gate, case: Case) -> list[Source]:
    cited = gate.evidence().filter(Q(case=case) | Q(event__case=case)).values("source_id")
    return list(gate.sources().filter(pk__in=cited).order_by("id"))


class CorrectionForm(DetentionForm):
    """The case's main facts, the arrest, and the source of the correction."""

    arrest_date = FactsForm.base_fields["arrest_date"]
    certainty = FactsForm.base_fields["certainty"]
    source = forms.ChoiceField(label=gettext_lazy("Source of the correction"))
    source_url = forms.URLField(
        label=gettext_lazy("Or a new source (web address)"),
        required=False,
        assume_scheme="https",
        max_length=2000,
    )
    quote = forms.CharField(
        label=gettext_lazy("Quoted sentence"),
        required=False,
        widget=forms.Textarea(attrs={**AUTO, "rows": 2}),
    )
    case_version = forms.IntegerField(widget=forms.HiddenInput)
    arrest_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, sources: list[Source], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(s.uid, s.title or s.url) for s in sources]
        choices.append((NEW, _("A new source (give its address below)")))
        self.fields["source"].choices = choices  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("source") == NEW and not data.get("source_url"):
            self.add_error("source_url", _("Give the address of the new source."))
        return data


def _initial(case: Case, arrest: Event | None) -> dict[str, Any]:
    values: dict[str, Any] = {
        "country": case.country,
        "city": case.city,
        "arresting_forces": case.arresting_forces,
        "status": case.status.code if case.status else "",
        "case_version": case.version,
    }
    if arrest is not None:
        values |= {
            "place": arrest.place,
            "certainty": arrest.certainty,
            "arrest_version": arrest.version,
            "arrest_date": PartialDate(arrest.date, Precision(arrest.date_precision)),
        }
    return values


def _source(actor: Actor, gate: Gate, case: Case, data: dict[str, Any]) -> Source:
    if data["source"] == NEW:
        return do_create_source(  # type: ignore[no-any-return]
            actor,
            organisation=case.owner,
            url=data["source_url"],
            title=data["source_url"][:500],
            visibility=Visibility.PARTNERS,
        )
    return gate.sources().get(uid=data["source"])


def _save(actor: Actor, gate: Gate, case: Case, arrest: Event | None, data: dict[str, Any]) -> None:
    source, quote = _source(actor, gate, case, data), data.get("quote") or ""
    status = Term.objects.get(vocabulary=Vocabulary.CASE_STATUS, code=data["status"])
    do_update(
        actor,
        case,
        version=data["case_version"],
        source=source,
        quote=quote,
        country=data["country"],
        city=data.get("city") or "",
        arresting_forces=data.get("arresting_forces") or "",
        status=status,
    )
    if arrest is not None:
        when = data["arrest_date"]
        do_update(
            actor,
            arrest,
            version=data.get("arrest_version"),
            source=source,
            quote=quote,
            date=when.date,
            date_precision=when.precision,
            certainty=data["certainty"],
            place=data.get("place") or "",
        )


@never_cache
@permission_required(Action.CREATE_CASE)  # documenters and above; the case itself is checked below
def edit_case(request: HttpRequest, uid: str) -> HttpResponse:
    case = visible_case(request, uid)
    if not is_editable(request.user, case):
        messages.error(request, _("You may not correct this case."))
        return redirect("workspace:case", uid=case.uid)
    gate = Gate(viewer_for(request.user))
    arrest = _arrest(gate, case)
    sources = _case_sources(gate, case)
    form = CorrectionForm(
        data=request.POST if request.method == "POST" else None,
        initial=_initial(case, arrest),
        sources=sources,
    )
    if request.method == "POST" and form.is_valid():
        actor = Actor.from_request(request)
        try:
            _save(actor, gate, case, arrest, form.cleaned_data)
            if request.POST.get("go") == "resubmit":
                do_submit_for_review(actor, Case.objects.get(pk=case.pk))
                messages.success(request, _("Submitted for review again."))
            elif CaseRevision.objects.filter(case=case, state=RevisionState.OPEN).exists():
                messages.success(request, HELD)
            else:
                messages.success(request, _("Corrections saved."))
            return redirect("workspace:case", uid=case.uid)
        except (ValidationError, StaleVersionError, WorkflowError) as error:
            said = getattr(error, "messages", None) or [str(error)]
            form.add_error(None, " ".join(str(m) for m in said))
    reviews = Review.objects.filter(case=case, decision=Decision.REQUEST_CHANGES).select_related(
        "reviewer"
    )
    return render(
        request,
        "workspace/case_edit.html",
        {"case": case, "form": form, "reviews": reviews.order_by("-created_at")},
    )
