"""Reviewers' pages for "same person?": the queue of possible duplicates, and one pair side by side
with the model's explanation, the three answers, a merge for editors, and undo.

Answers go through ``judgements.do_judge`` and merges through ``merging.do_merge``, so they are
audited and undoable; what each reviewer sees of a defender goes through the visibility gate.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from hrdwatch.actions.merging import do_merge, do_undo_merge
from hrdwatch.audit.log import Actor
from hrdwatch.core.countries import country_name
from hrdwatch.partners.permissions import Action, can, permission_required, viewer_for
from hrdwatch.records.models import Defender
from hrdwatch.records.visibility import Gate

from .judgements import do_judge, do_undo_judgement, verdicts_in_force
from .models import DefenderMerge, Judgement, MergeProposal, NameAlias, Verdict
from .proposals import open_proposals
from .reviewer_aliases import do_add_alias, do_remove_alias

PAGE_SIZE = 25


@permission_required(Action.REVIEW_QUEUE)
def proposal_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(open_proposals(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    recent = Judgement.objects.filter(decided_by_id=request.user.pk, undone_at__isnull=True)[:10]
    return render(request, "linkage/proposals.html", {"page": page, "recent": recent})


def _profile(gate: Gate, defender: Defender) -> dict[str, Any]:
    """What a reviewer compares: names, birth, nationality, roles and the visible cases."""
    cases = gate.cases().filter(defender=defender).select_related("status", "owner")
    return {
        "defender": defender,
        "names": sorted({n.name for n in gate.names().filter(defender=defender)}),
        "nationality": country_name(defender.nationality) if defender.nationality else "",
        "birth_year": defender.birth_date.year if defender.birth_date else None,
        "gender": defender.gender.label() if defender.gender else "",
        "roles": [role.label() for role in defender.roles.all()],
        "cases": [{"case": case, "country": country_name(case.country)} for case in cases],
    }


def _pair(request: HttpRequest, pk: int) -> tuple[MergeProposal, Defender, Defender]:
    """The proposal and its two defenders, or 404 when the reviewer may not see both."""
    proposal = get_object_or_404(MergeProposal, pk=pk)
    visible = {
        d.uid: d
        for d in Gate(viewer_for(request.user))
        .defenders()
        .filter(uid__in=[proposal.left, proposal.right])
        .select_related("gender")
    }
    if len(visible) != 2:
        raise Http404("no such proposal")
    return proposal, visible[proposal.left], visible[proposal.right]


@permission_required(Action.REVIEW_QUEUE)
def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    proposal, left, right = _pair(request, pk)
    gate = Gate(viewer_for(request.user))
    answered = verdicts_in_force([left.uid, right.uid]).get((proposal.left, proposal.right))
    return render(
        request,
        "linkage/proposal.html",
        {
            "proposal": proposal,
            "sides": [_profile(gate, left), _profile(gate, right)],
            "answered": answered,
            "verdicts": Verdict.choices,
            "can_merge": can(request.user, Action.MERGE_DEFENDERS, left)
            and can(request.user, Action.MERGE_DEFENDERS, right),
        },
    )


@require_POST
@permission_required(Action.REVIEW_QUEUE)
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    """Record "same", "not the same" or "unsure"; with "merge", an editor also folds one record
    into the other (the one the reviewer chose to keep)."""
    proposal, left, right = _pair(request, pk)
    verdict = request.POST.get("verdict", "")
    if verdict not in Verdict.values:
        messages.error(request, gettext("Choose one of the three answers."))
        return redirect("linkage:proposal", pk=pk)
    note = request.POST.get("note", "")[:2000]
    actor = Actor.from_request(request)
    keep_uid = request.POST.get("keep", "")
    if verdict == Verdict.SAME and keep_uid in (left.uid, right.uid):
        keep, duplicate = (left, right) if keep_uid == left.uid else (right, left)
        do_merge(actor, keep, duplicate, note=note)  # records the "same" judgement first
        messages.success(
            request,
            gettext("Merged into %(name)s. The merge can be undone.") % {"name": keep.display_name},
        )
    else:
        do_judge(
            actor, left.uid, right.uid, verdict, note=note, model_probability=proposal.probability
        )
        messages.success(request, gettext("Your answer is recorded."))
    return redirect("linkage:proposals")


@require_POST
@permission_required(Action.REVIEW_QUEUE)
def undo(request: HttpRequest, pk: int) -> HttpResponse:
    """Withdraw one's own answer (and the merge it led to); the pair comes back at the next
    refresh of the queue."""
    judgement = get_object_or_404(
        Judgement, pk=pk, decided_by_id=request.user.pk, undone_at__isnull=True
    )
    merge = DefenderMerge.objects.filter(judgement=judgement, undone_at__isnull=True).first()
    if merge is not None:
        do_undo_merge(Actor.from_request(request), merge)  # withdraws the judgement too
    else:
        do_undo_judgement(Actor.from_request(request), judgement)
    messages.success(request, gettext("Your answer is withdrawn."))
    return redirect("linkage:proposals")


class AliasForm(forms.ModelForm):
    class Meta:
        model = NameAlias
        fields = ["name", "same_as", "note"]
        labels = {
            "name": _("One spelling"),
            "same_as": _("Another spelling of the same name"),
            "note": _("Where the equivalence comes from"),
        }
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}


def _aliases_page(request: HttpRequest, form: AliasForm, status: int = 200) -> HttpResponse:
    aliases = NameAlias.objects.select_related("added_by").order_by("-added_at")
    query = request.GET.get("q", "").strip()[:200]
    if query:
        aliases = aliases.filter(Q(name__icontains=query) | Q(same_as__icontains=query))
    page = Paginator(aliases, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "linkage/aliases.html",
        {"form": form, "page": page, "q": query, "query": f"q={query}" if query else ""},
        status=status,
    )


@permission_required(Action.REVIEW_QUEUE)
def aliases(request: HttpRequest) -> HttpResponse:
    """The reviewers' alias table, with a form to add an equivalence."""
    if request.method != "POST":
        return _aliases_page(request, AliasForm())
    form = AliasForm(request.POST)
    if not form.is_valid():
        return _aliases_page(request, form, status=400)
    try:
        do_add_alias(
            Actor.from_request(request),
            form.cleaned_data["name"],
            form.cleaned_data["same_as"],
            form.cleaned_data["note"],
        )
    except ValueError:
        form.add_error(None, gettext("Give two different spellings."))
        return _aliases_page(request, form, status=400)
    messages.success(request, gettext("The alias is added; the next linkage run uses it."))
    return redirect("linkage:aliases")


@require_POST
@permission_required(Action.REVIEW_QUEUE)
def remove_alias(request: HttpRequest, pk: int) -> HttpResponse:
    do_remove_alias(Actor.from_request(request), get_object_or_404(NameAlias, pk=pk))
    messages.success(request, gettext("The alias is removed (the audit log keeps it)."))
    return redirect("linkage:aliases")
