"""Recording and withdrawing reviewers' answers to "same person?", and reading those in force."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone

from hrdwatch.audit.log import Actor, record
from hrdwatch.partners.permissions import Action, require

from .clusters import Judgements
from .models import Judgement, Verdict


def _ordered(a: str, b: str) -> tuple[str, str]:
    if a == b:
        raise ValueError("a record cannot be judged against itself")
    return (a, b) if a < b else (b, a)


def do_judge(
    actor: Any, a: str, b: str, verdict: str, note: str = "", model_probability: float | None = None
) -> Judgement:
    """Record a reviewer's answer about records ``a`` and ``b`` (keys); it supersedes older ones."""
    who = Actor.of(actor)
    require(who.user, Action.REVIEW_QUEUE)
    left, right = _ordered(a, b)
    with transaction.atomic():
        judgement = Judgement.objects.create(
            left=left,
            right=right,
            verdict=Verdict(verdict),
            note=note,
            model_probability=model_probability,
            decided_by=who.user if getattr(who.user, "is_authenticated", False) else None,
        )
        record(
            who,
            "linkage.judge",
            judgement,
            details={"left": left, "right": right, "verdict": verdict},
        )
    return judgement


def do_undo_judgement(actor: Any, judgement: Judgement) -> None:
    """Withdraw a judgement; the previous one about the same pair (if any) is in force again."""
    who = Actor.of(actor)
    require(who.user, Action.REVIEW_QUEUE)
    with transaction.atomic():
        judgement.undone_at = timezone.now()
        judgement.undone_by = who.user if getattr(who.user, "is_authenticated", False) else None
        judgement.save(update_fields=["undone_at", "undone_by"])
        record(
            who,
            "linkage.undo_judgement",
            judgement,
            details={"left": judgement.left, "right": judgement.right},
        )


def verdicts_in_force(keys: Iterable[str] | None = None) -> dict[tuple[str, str], str]:
    """(left, right) -> verdict of the newest judgement not withdrawn, optionally among ``keys``."""
    queryset = Judgement.objects.filter(undone_at__isnull=True)
    if keys is not None:
        wanted = list(keys)
        queryset = queryset.filter(left__in=wanted, right__in=wanted)
    in_force: dict[tuple[str, str], str] = {}
    for left, right, verdict in queryset.order_by("-decided_at", "-id").values_list(
        "left", "right", "verdict"
    ):
        in_force.setdefault((left, right), verdict)
    return in_force


def judgements_in_force(keys: Iterable[str] | None = None) -> Judgements:
    """The constraints the clustering must obey: "same" joins, "not the same" separates."""
    judged = Judgements()
    for (left, right), verdict in verdicts_in_force(keys).items():
        if verdict == Verdict.SAME:
            judged.same.append((left, right))
        elif verdict == Verdict.NOT_SAME:
            judged.different.add(frozenset((left, right)))
    return judged


def already_answered(a: str, b: str) -> str | None:
    """The verdict in force for a pair, so a question answered "not the same" is not asked again."""
    return verdicts_in_force([a, b]).get(_ordered(a, b))
