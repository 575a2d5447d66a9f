"""The reviewers' queue of possible duplicates among known defenders.

The model runs over every known defender (``candidates.link_known_defenders``, judgements
applied) and each scored pair it put in one cluster becomes a ``MergeProposal``. A pair already
answered "same" or "not the same" is never proposed again; "unsure" stays in the queue, marked.
A reviewer sees a proposal only when the visibility gate shows them both defenders.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from hrdwatch.partners.permissions import viewer_for
from hrdwatch.records.models import Defender
from hrdwatch.records.visibility import Gate

from .candidates import link_known_defenders
from .clusters import DEFAULT_THRESHOLD, explain
from .judgements import verdicts_in_force
from .models import MergeProposal, Verdict

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
        rows.append(MergeProposal(
            left=left, right=right, probability=pair.probability,
            reasons=[[r.field, r.text, round(r.bits, 2)] for r in reasons],
        ))
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
        OpenProposal(p, visible[p.left], visible[p.right],
                     answered.get((p.left, p.right)) == Verdict.UNSURE)
        for p in proposals
        if p.left in visible and p.right in visible
        and answered.get((p.left, p.right)) not in SETTLED
    ]
