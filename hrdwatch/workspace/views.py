"""The workspace home and the three steps of recording a case (they work without JavaScript;
``static/workspace/workspace.js`` only adds autosave and the offline copy)."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from hrdwatch.actions import Actor, do_submit_for_review
from hrdwatch.core.text import fold
from hrdwatch.partners.permissions import Action, can, permission_required
from hrdwatch.review.workflow import WorkflowError

from .access import documenting_organisations, member_required, own_draft
from .forms import FORMS, TITLES, raw_values
from .matches import probable_matches
from .models import STEPS, Draft
from .people import describe, search_people, visible_person
from .queries import desk
from .record import bound_forms, first_invalid, record_draft


@never_cache
@member_required
def home(request: HttpRequest) -> HttpResponse:
    """Where a member lands after logging in: their drafts, what came back, what is in review."""
    return render(
        request,
        "workspace/home.html",
        {
            "desk": desk(request.user),
            "organisations": documenting_organisations(request.user),
            "may_record": can(request.user, Action.CREATE_CASE),
        },
    )


@require_POST
@permission_required(Action.CREATE_CASE)
def new_draft(request: HttpRequest) -> HttpResponse:
    """Start a draft for the chosen organisation (the user's own by default)."""
    organisations = documenting_organisations(request.user)
    chosen = request.POST.get("organisation")
    organisation = next((o for o in organisations if str(o.pk) == chosen), None) or (
        organisations[0] if organisations else None
    )
    if organisation is None:
        raise PermissionDenied("Not allowed: record cases")
    draft = Draft.objects.create(author=cast(Any, request.user), organisation=organisation)
    return redirect("workspace:step", pk=draft.pk, step=STEPS[0])


def _step_context(request: HttpRequest, draft: Draft, step: str, form: Any) -> dict[str, Any]:
    index = STEPS.index(step)
    context: dict[str, Any] = {
        "draft": draft,
        "step": step,
        "form": form,
        "title": TITLES[step],
        "number": index + 1,
        "steps": [(name, TITLES[name]) for name in STEPS],
        "last": index == len(STEPS) - 1,
        "previous": STEPS[index - 1] if index else None,
    }
    if step == "person":
        person = draft.step("person")
        query = request.GET.get("q", person.get("q") or person.get("name") or "")
        context["query"] = query
        context["results"] = search_people(request.user, query) if query else []
        context["picked"] = describe(request.user, person.get("defender") or "")
        if not context["picked"]:
            context["matches"] = probable_matches(request.user, person)
    return context


def _needs_match_check(request: HttpRequest, draft: Draft) -> bool:
    """Before a new person is created: are there people the user may see who are probably the
    same, and the user has not yet said this is someone else?"""
    person = draft.step("person")
    if person.get("defender"):
        return False
    typed = fold(f"{person.get('name') or ''} {person.get('name_original') or ''}")
    if person.get("new_confirmed") == typed:
        return False
    if request.POST.get("go") == "new_person":
        draft.merge("person", {"new_confirmed": typed})
        draft.save()
        return False
    return bool(probable_matches(request.user, person))


def _pick_person(request: HttpRequest, draft: Draft) -> None:
    """Keep the chosen known person (only one the user may see) or go back to a new one."""
    uid = request.POST.get("pick", "")
    if uid == "new":
        draft.merge("person", {"defender": ""})
    elif visible_person(request.user, uid) is None:
        raise Http404("No such person")
    else:
        draft.merge("person", {"defender": uid})


def _save_step(request: HttpRequest, draft: Draft, step: str) -> None:
    """Keep what the step's form sent (the pick buttons of the search send only the choice)."""
    values = raw_values(FORMS[step], request.POST) if "_form" in request.POST else {}
    if step == "person":
        values.pop("defender", None)  # only "pick" changes who the case is about
        if "q" in request.POST:
            values["q"] = request.POST.get("q", "")
    draft.merge(step, values)
    if step == "person" and "pick" in request.POST:
        _pick_person(request, draft)
    draft.save()


@never_cache
@permission_required(Action.CREATE_CASE)
def step_view(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    """One step: every submit saves the draft first, then goes where the button says."""
    if step not in STEPS:
        raise Http404("No such step")
    draft = own_draft(request, pk)
    if draft.case is not None:
        return redirect("workspace:case", uid=draft.case.uid)
    form_class = FORMS[step]
    if request.method == "POST":
        _save_step(request, draft, step)
        go = request.POST.get("go", "next")
        if go == "search" or "pick" in request.POST:
            return redirect(reverse("workspace:step", args=[draft.pk, step]) + "#person-search")
        if go == "save":
            messages.success(request, _("Draft saved."))
            return redirect("workspace:home")
        if go == "back" and STEPS.index(step) > 0:
            return redirect("workspace:step", pk=draft.pk, step=STEPS[STEPS.index(step) - 1])
        form = form_class(data=draft.step(step), user=request.user)
        if form.is_valid():
            if step == "person" and _needs_match_check(request, draft):
                return redirect(reverse("workspace:step", args=[draft.pk, step]) + "#matches")
            if go == "submit":
                return _submit(request, draft)
            if STEPS.index(step) + 1 < len(STEPS):
                return redirect("workspace:step", pk=draft.pk, step=STEPS[STEPS.index(step) + 1])
            return redirect("workspace:step", pk=draft.pk, step=step)
    else:
        stored = draft.step(step)
        form = (
            form_class(data=stored, user=request.user)
            if request.GET.get("check")
            else form_class(initial=_initial(form_class, stored), user=request.user)
        )
    return render(request, "workspace/step.html", _step_context(request, draft, step, form))


def _initial(form_class: type, stored: dict[str, Any]) -> dict[str, Any]:
    """Show what was typed (unvalidated) without error messages."""
    bound = form_class(data=stored)
    values: dict[str, Any] = {}
    for name, field in bound.fields.items():
        values[name] = field.widget.value_from_datadict(stored, None, bound.add_prefix(name))
    return values


def _submit(request: HttpRequest, draft: Draft) -> HttpResponse:
    """Record the draft through the action layer, then submit it for review."""
    forms = bound_forms(draft, request.user)
    broken = first_invalid(forms)
    if broken is not None:
        messages.error(request, _("Something is missing or wrong in this step."))
        return redirect(reverse("workspace:step", args=[draft.pk, broken]) + "?check=1")
    actor = Actor.from_request(request)
    try:
        case = record_draft(actor, request.user, draft, forms)
        do_submit_for_review(actor, case)
    except (ValidationError, WorkflowError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return redirect(reverse("workspace:step", args=[draft.pk, STEPS[-1]]) + "?check=1")
    messages.success(request, _("Submitted for review. Reviewers will see it in their queue."))
    return redirect("workspace:case", uid=case.uid)


@require_POST
@permission_required(Action.CREATE_CASE)
def autosave(request: HttpRequest, pk: int, step: str) -> JsonResponse:
    """Save the step's fields as typed (called by the script on every field change)."""
    if step not in STEPS:
        raise Http404("No such step")
    draft = own_draft(request, pk)
    if draft.case is not None:
        return JsonResponse({"saved": False, "reason": "recorded"}, status=409)
    values = raw_values(FORMS[step], request.POST)
    values.pop("defender", None)
    draft.merge(step, values)
    draft.save()
    return JsonResponse({"saved": True, "at": draft.updated_at.isoformat()})


@require_POST
@permission_required(Action.CREATE_CASE)
def discard(request: HttpRequest, pk: int) -> HttpResponse:
    """Throw away a draft that never became a case."""
    draft = own_draft(request, pk)
    if draft.case is None:
        draft.delete()
        messages.success(request, _("Draft deleted."))
    return redirect("workspace:home")
