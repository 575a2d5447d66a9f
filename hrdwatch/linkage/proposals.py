"""What the model proposes to reviewers: possible duplicates among known defenders, and the known
defenders that pending candidates from extraction probably are.

The model runs over every known defender (``candidates.link_known_defenders``, judgements
applied) and each scored pair it put in one cluster becomes a ``MergeProposal``. A pair already
answered "same" or "not the same" is never proposed again; "unsure" stays in the queue, marked.
A reviewer sees a proposal only when the visibility gate shows them both defenders.

Pending candidates are linked in one batch with the known defenders; each defender the model puts
in a candidate's cluster becomes a probable ``DefenderMatch`` with its probability and reasons,
shown on the candidate's page ("probably the same as X, 94%: same name in pinyin, ...").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from hrdwatch.core.dates import PartialDate, PartialDateError
from hrdwatch.extraction.models import Candidate, CandidateStatus, DefenderMatch, MatchKind
from hrdwatch.partners.permissions import viewer_for
from hrdwatch.records.models import Defender
from hrdwatch.records.visibility import Gate

from .candidates import alias_table, known_defender_records, link_known_defenders
from .clusters import DEFAULT_THRESHOLD, explain
from .inputs import LinkRecord
from .judgements import judgements_in_force, verdicts_in_force
from .models import MergeProposal, Verdict
from .pipeline import link_records

SETTLED = {Verdict.SAME, Verdict.NOT_SAME}


def refresh_proposals(
    threshold: float = DEFAULT_THRESHOLD, progress: Callable[[str], None] | None = None
) -> int:
    """Re-run the model over the known defenders and replace the queue; return its length."""
    result = link_known_defenders(threshold=threshold)
    if progress:
        progress(f"{len(result.people)} defenders linked, {len(result.pairs)} pairs scored")
    answered = verdicts_in_force()
    rows = []
    for pair in result.pairs:
        left, right = sorted((pair.left, pair.right))
        if result.clusters.get(left) != result.clusters.get(right):
            continue
        if answered.get((left, right)) in SETTLED:
            continue
        reasons = explain(result.people[pair.left], result.people[pair.right], pair)
        rows.append(
            MergeProposal(
                left=left,
                right=right,
                probability=pair.probability,
                reasons=[[r.field, r.text.stored(), round(r.bits, 2)] for r in reasons],
            )
        )
    with transaction.atomic():
        MergeProposal.objects.all().delete()
        MergeProposal.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


@dataclass(frozen=True)
class OpenProposal:
    """A proposal with both defenders, as the reviewer may see them."""

    proposal: MergeProposal
    left: Defender
    right: Defender
    unsure_before: bool


def open_proposals(user: Any) -> list[OpenProposal]:
    """The proposals still to answer that ``user`` may see, most probable first."""
    proposals = list(MergeProposal.objects.all())
    uids = {uid for p in proposals for uid in (p.left, p.right)}
    visible = {d.uid: d for d in Gate(viewer_for(user)).defenders().filter(uid__in=uids)}
    answered = verdicts_in_force(uids)
    return [
        OpenProposal(
            p, visible[p.left], visible[p.right], answered.get((p.left, p.right)) == Verdict.UNSURE
        )
        for p in proposals
        if p.left in visible
        and p.right in visible
        and answered.get((p.left, p.right)) not in SETTLED
    ]


ARREST_TYPES = ("arrest", "detention", "enforced_disappearance")


def candidate_record(candidate: Candidate) -> LinkRecord:
    """A candidate as a linkage record: its name, country, first role and first arrest date."""
    current = candidate.current()
    arrest = PartialDate.parse(None)
    for event in current.get("events", []):
        if event.get("type") in ARREST_TYPES and event.get("date"):
            try:
                arrest = PartialDate.parse(event["date"])
            except PartialDateError:
                continue
            break
    roles = current.get("roles") or [""]
    return LinkRecord(
        record_id=f"candidate:{candidate.pk}",
        name=current.get("name") or candidate.name,
        country=(current.get("country") or "").upper(),
        role=str(roles[0]).lower(),
        arrest_date=arrest,
    )


def match_pending_candidates(threshold: float = DEFAULT_THRESHOLD) -> int:
    """Link pending candidates with the known defenders; store each probable match. Returns how
    many were stored. Matches by name (exact, folded) are the extraction queue's and stay."""
    pending = list(Candidate.objects.filter(status=CandidateStatus.PENDING, withdrawn=False))
    if not pending:
        return 0
    known, other_names = known_defender_records()
    candidates = {f"candidate:{c.pk}": c for c in pending}
    records = [*known, *(candidate_record(c) for c in pending)]
    result = link_records(
        records,
        threshold=threshold,
        aliases=alias_table(),
        other_names=other_names,
        judgements=judgements_in_force([r.record_id for r in records]),
    )
    defenders = {d.uid: d.pk for d in Defender.objects.filter(uid__in=[r.record_id for r in known])}
    rows = []
    for pair in result.pairs:
        key, other = (pair.left, pair.right) if pair.left in candidates else (pair.right, pair.left)
        if key not in candidates or other not in defenders:
            continue
        if result.clusters.get(key) != result.clusters.get(other):
            continue
        reasons = explain(result.people[key], result.people[other], pair)
        rows.append(
            DefenderMatch(
                candidate=candidates[key],
                defender_id=defenders[other],
                kind=MatchKind.PROBABLE,
                matched_name=result.people[other].record.name,
                probability=pair.probability,
                reasons=[[r.field, r.text.stored(), round(r.bits, 2)] for r in reasons],
            )
        )
    with transaction.atomic():
        DefenderMatch.objects.filter(candidate__in=pending, kind=MatchKind.PROBABLE).delete()
        named = set(
            DefenderMatch.objects.filter(candidate__in=pending).values_list(
                "candidate_id", "defender_id"
            )
        )
        rows = [r for r in rows if (r.candidate.pk, r.defender_id) not in named]
        DefenderMatch.objects.bulk_create(rows, batch_size=1000)
    return len(rows)
