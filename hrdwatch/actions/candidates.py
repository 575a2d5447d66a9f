"""Accepting an extraction candidate: the person an extractor found in a document becomes a draft
case, with the document cited as the source of every event it supports.

``do_accept_candidate`` is what the review screen calls when a reviewer says "yes, document
this". It creates (or reuses, when the reviewer picked a known defender) the defender, a draft
case owned by the accepting organisation, one event per extracted event (with its charges), and
an ``Evidence`` row for every quoted span; the document becomes a cited ``Source`` (restricted to
the organisation when it was an uploaded file, partners-level when it was fetched from the web).
Every row is created by the same record actions as a hand-typed one, so each has its audit entry;
a ``candidate.accept`` entry ties them to the candidate. Nothing is public: the case goes through
review like any other.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from hrdwatch.core.dates import PartialDate, PartialDateError
from hrdwatch.extraction.models import Candidate, CandidateStatus
from hrdwatch.ingestion.models import Document, SourceKind
from hrdwatch.ingestion.queries import readable_documents
from hrdwatch.partners.models import Organisation
from hrdwatch.partners.permissions import Action
from hrdwatch.records.levels import ReviewState, Visibility
from hrdwatch.records.models import Case, Defender, Event, Source
from hrdwatch.records.status import TimelineEntry, derive_status
from hrdwatch.vocab.models import Term, Vocabulary

from .base import Act, acting
from .kinds import KINDS
from .records import create_in

FALLBACK_STATUS = "detained_awaiting_trial"


def _term(vocabulary: str, code: str | None) -> Term | None:
    return Term.objects.filter(vocabulary=vocabulary, code=code).first() if code else None


def _source_for(act: Act, document: Document, organisation: Organisation) -> Source:
    """The cited source for a document: the one already made from its bytes, or a new one."""
    uploaded = document.source.kind == SourceKind.FILE
    existing = (
        Source.objects.filter(content_hash=document.sha256, organisation=organisation).first()
        if document.sha256
        else None
    )
    if existing is not None:
        return existing
    fields = {
        "url": document.final_url or document.url,
        "publisher": document.source.name[:300],
        "title": (document.title or document.item_title or document.url or str(document))[:500],
        "published": document.published or document.item_published,
        "language": document.language,
        "archived_text": document.text,
        "content_hash": document.sha256,
        "retrieved_at": document.fetched_at,
        "organisation": organisation,
        "visibility": Visibility.RESTRICTED if uploaded else Visibility.PARTNERS,
    }
    return create_in(act, KINDS["source"], fields, source=None)  # type: ignore[return-value]


def _defender(
    act: Act,
    current: dict[str, Any],
    organisation: Organisation,
    source: Source,
    defender: Defender | None,
) -> Defender:
    if defender is not None:
        act.require(Action.VIEW_CASE, defender)
        return defender
    roles = [t for t in (_term(Vocabulary.ROLE, r) for r in current.get("roles") or []) if t]
    created = create_in(
        act,
        KINDS["defender"],
        {
            "display_name": current["name"][:300],
            "owner": organisation,
            "roles": roles,
        },
        source=source,
    )
    for alias in current.get("aliases") or []:
        create_in(act, KINDS["name"], {"defender": created, "name": alias[:300]}, source=source)
    return created  # type: ignore[return-value]


def _status(events: list[dict[str, Any]]) -> Term:
    entries = []
    for order, event in enumerate(events):
        try:
            when = PartialDate.parse(event.get("date"))
        except PartialDateError:
            continue
        entries.append(TimelineEntry(event["type"], when.date, when.precision, "confirmed", order))
    code = derive_status(entries) or FALLBACK_STATUS
    return _term(Vocabulary.CASE_STATUS, code) or Term.objects.get(
        vocabulary=Vocabulary.CASE_STATUS, code=FALLBACK_STATUS
    )


def _event(act: Act, case: Case, data: dict[str, Any], text: str, source: Source) -> Event | None:
    """One extracted event with its charges; each quoted span becomes a cited passage."""
    event_type = _term(Vocabulary.EVENT_TYPE, data.get("type"))
    if event_type is None:
        return None
    when = PartialDate.parse(data.get("date"))
    months = data.get("sentence_months")
    spans: list[tuple[int, int]] = [(s, e) for s, e in data.get("evidence") or [] if e > s]
    first = spans[0] if spans else None
    event: Event = create_in(
        act,
        KINDS["event"],
        {  # type: ignore[assignment]
            "case": case,
            "event_type": event_type,
            "date": when.date,
            "date_precision": when.precision,
            "place": (data.get("place") or "")[:300],
            "sentence_months": months,
            "sentence_kind": "term" if months else "",
        },
        source=source,
        quote=text[first[0] : first[1]] if first else "",
        span=first,
    )
    for start, end in spans[1:]:
        create_in(
            act,
            KINDS["evidence"],
            {"event": event, "start": start, "end": end},
            source=source,
            quote=text[start:end],
        )
    other = _term(Vocabulary.CHARGE_CATEGORY, "other")
    for wording in data.get("charges") or []:
        create_in(
            act,
            KINDS["charge"],
            {"event": event, "wording": wording[:500], "category": other},
            source=source,
        )
    return event


def do_accept_candidate(
    actor: Any,
    candidate: Candidate,
    *,
    organisation: Organisation,
    defender: Defender | None = None,
    country: str | None = None,
) -> Case:
    """Turn ``candidate`` into a draft case of ``organisation`` (for ``defender`` when the reviewer
    matched a known one, else a new defender). ``country`` overrides the extracted one."""
    with acting(actor, "candidate.accept") as act:
        candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
        act.require(Action.CREATE_CASE, organisation)
        if not readable_documents(act.user).filter(pk=candidate.document_id).exists():
            raise PermissionDenied("Not allowed: read this document")
        if candidate.status == CandidateStatus.ACCEPTED:
            raise ValidationError(_("This candidate was already accepted."))
        current = candidate.current()
        country = (country or current.get("country") or "").upper()
        if not country:
            raise ValidationError({"country": _("Which country detains the person?")})
        document = candidate.document
        source = _source_for(act, document, organisation)
        person = _defender(act, current, organisation, source, defender)
        events = current.get("events") or []
        case: Case = create_in(
            act,
            KINDS["case"],
            {  # type: ignore[assignment]
                "defender": person,
                "owner": organisation,
                "country": country,
                "status": _status(events),
            },
            source=source,
            workflow={"review_state": ReviewState.DRAFT},
        )
        made = [
            e
            for e in (_event(act, case, data, document.text or "", source) for data in events)
            if e is not None
        ]
        candidate.status = CandidateStatus.ACCEPTED
        candidate.reviewed_by = act.authenticated_user
        candidate.reviewed_at = timezone.now()
        candidate.save(update_fields=["status", "reviewed_by", "reviewed_at", "updated_at"])
        act.audit(
            "candidate.accept",
            case,
            source=source,
            details={
                "candidate": candidate.pk,
                "document": document.pk,
                "events": len(made),
                "defender": person.uid,
                "new_defender": defender is None,
            },
        )
    return case
