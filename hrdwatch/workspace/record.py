"""From a draft to the record: validate the three steps, then one action creates everything.

Validation errors are returned per step, so the documenter is sent back to the step that needs
attention with everything typed still there.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied

from hrdwatch.actions import do_record_case
from hrdwatch.core.dates import Precision
from hrdwatch.records.models import Case
from hrdwatch.vocab.models import Term, Vocabulary

from .events import archived_document, extra_events
from .forms import FORMS, StepForm
from .models import STEPS, Draft
from .people import visible_person


def bound_forms(draft: Draft, user: Any) -> dict[str, StepForm]:
    return {name: FORMS[name](data=draft.step(name), user=user) for name in STEPS}


def first_invalid(forms: dict[str, StepForm]) -> str | None:
    return next((name for name in STEPS if not forms[name].is_valid()), None)


def _term(vocabulary: str, code: str) -> Term | None:
    return Term.objects.filter(vocabulary=vocabulary, code=code).first() if code else None


def _person(data: dict[str, Any]) -> dict[str, Any]:
    year = data.get("birth_year")
    gender = _term(Vocabulary.GENDER, data.get("gender") or "")
    return {
        "display_name": data["name"].strip(),
        "name_original_script": data.get("name_original") or "",
        "gender": gender,
        "nationality": data.get("nationality") or "",
        "birth_date": dt.date(year, 1, 1) if year else None,
        "birth_date_precision": Precision.YEAR if year else Precision.UNKNOWN,
        "roles": list(
            Term.objects.filter(vocabulary=Vocabulary.ROLE, code__in=data.get("roles") or [])
        ),
    }


def _events(detention: dict[str, Any], facts: dict[str, Any]) -> list[dict[str, Any]]:
    when = facts["arrest_date"]
    arrest: dict[str, Any] = {
        "event_type": _term(Vocabulary.EVENT_TYPE, "arrest"),
        "date": when.date,
        "date_precision": when.precision,
        "certainty": facts["certainty"],
        "place": detention.get("place") or "",
    }
    events = [arrest]
    wording = (facts.get("charge_wording") or "").strip()
    if wording:
        events.append(
            {
                "event_type": _term(Vocabulary.EVENT_TYPE, "charge"),
                "certainty": facts["certainty"],
                "charges": [
                    {
                        "wording": wording,
                        "legal_provision": facts.get("charge_article") or "",
                        "category": _term(Vocabulary.CHARGE_CATEGORY, facts["charge_category"]),
                    }
                ],
            }
        )
    if facts.get("sentence_months"):
        events.append(
            {
                "event_type": _term(Vocabulary.EVENT_TYPE, "sentence"),
                "certainty": facts["certainty"],
                "sentence_kind": "term",
                "sentence_months": facts["sentence_months"],
            }
        )
    return events + extra_events(facts)


def _source(user: Any, facts: dict[str, Any]) -> dict[str, Any]:
    document = archived_document(user, facts.get("source_document") or "")
    if document is not None:
        return {"existing": document}
    return {"url": facts["source_url"], "title": facts.get("source_title") or ""}


def record_draft(actor: Any, user: Any, draft: Draft, forms: dict[str, StepForm]) -> Case:
    """Create the draft case from valid forms (``forms``: ``bound_forms(draft)``, all valid)."""
    person, detention, facts = (forms[name].cleaned_data for name in STEPS)
    note = (facts.get("note_text") or "").strip()
    known = visible_person(user, person.get("defender") or "")
    if person.get("defender") and known is None:
        raise PermissionDenied("Not allowed: this person")
    case = do_record_case(
        actor,
        organisation=draft.organisation,
        defender=known,
        person=_person(person) if not person.get("defender") else {},
        case={
            "country": detention["country"],
            "city": detention.get("city") or "",
            "arresting_forces": detention.get("arresting_forces") or "",
            "status": _term(Vocabulary.CASE_STATUS, detention["status"]),
        },
        events=_events(detention, facts),
        source=_source(user, facts),
        quote=facts.get("quote") or "",
        notes=[{"kind": _term(Vocabulary.SENSITIVE_KIND, facts["note_kind"]), "text": note}]
        if note
        else [],
    )
    draft.case = case
    draft.save(update_fields=["case", "updated_at"])
    return case
