"""Merging two defender records that a reviewer judged to be one person, and undoing it.

Merging policy:

* A merge only follows a "same person" judgement; the judgement is recorded first and the merge
  points to it. The model alone never merges records in the database.
* Nothing is overwritten or thrown away. The kept defender keeps its own fields; the merged one's
  cases, names, sensitive details and evidence move to it (``do_merge_defenders``),
  its display name and original-script name become further ``DefenderName`` rows of the kept one,
  and the merged defender row itself is soft-deleted, never removed.
* Which defender is kept is the reviewer's choice (usually the older, better documented record).
* Every moved row is listed on the ``DefenderMerge`` row, so undoing puts back exactly those rows,
  deletes only the names the merge created, restores the merged defender and withdraws the
  judgement. A later, unrelated edit to the kept defender survives the undo.

What the model proposes for review (``clusters``), on names that look alike:

* Two names in Chinese characters are the same name only with the same characters (traditional
  and simplified alike): 李伟 (Li Wei) and 魏丽 (Wei Li) are two people even if arrested together.
* Latin spellings carry no order: "Li Wei" and "Wei Li" are one name, written family name first
  or last. Whether they are one person is left to the other fields: the same birth year, gender
  and arrest make them one; a different birth year or gender keeps them apart, and a shared
  arrest date alone never joins two names that differ (people arrested together).
* Three or more names in an unusual order (Nasser Yusuf X / Yusuf Nasser X) are two people:
  often a son named after his grandfather.
* A pen name or a name no transliteration reaches is joined only through the alias table.

Every moved row is saved on its own (never a queryset ``update()``), so the search index, the
derived fields and the change history follow each one.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from hrdwatch.linkage.judgements import do_judge, do_undo_judgement
from hrdwatch.linkage.models import DefenderMerge, Verdict
from hrdwatch.partners.permissions import Action
from hrdwatch.records.models import Case, Defender, DefenderName, Evidence, SensitiveDetail, Source
from hrdwatch.records.status import refresh_defender
from hrdwatch.review.workflow import WorkflowError

from .base import Act, acting

# What moves with a merge (every model with a ``defender`` key), by the label used in ``moved``.
MOVED: dict[str, type[models.Model]] = {
    "cases": Case,
    "names": DefenderName,
    "sensitive": SensitiveDetail,
    "evidence": Evidence,
}


def _move_rows(act: Act, model: Any, pks: list[int], to: Defender, reason: str) -> None:
    for row in model.all_objects.select_for_update().filter(pk__in=pks):
        row.defender = to
        act.save(row, reason)


def _add_name(
    act: Act, keep: Defender, name: str, visibility: str, source: Source | None = None
) -> DefenderName | None:
    known = {
        n.casefold()
        for n in DefenderName.all_objects.filter(defender=keep).values_list("name", flat=True)
    }
    if not name or name.casefold() in known | {keep.display_name.casefold()}:
        return None
    added = DefenderName(defender=keep, name=name, visibility=visibility, seen_in=source)
    act.save(added, "name of a merged record")
    return added


def _fold(
    act: Act, keep: Defender, duplicate: Defender, source: Source | None
) -> tuple[dict[str, list[int]], list[int]]:
    """Move everything of ``duplicate`` to ``keep``; returns (moved pks, names created)."""
    act.require(Action.MERGE_DEFENDERS, keep)
    act.require(Action.MERGE_DEFENDERS, duplicate)
    if keep.pk == duplicate.pk:
        raise WorkflowError(_("A defender cannot be merged into itself."))
    moved = {
        label: list(
            model.all_objects.filter(defender=duplicate)  # type: ignore[attr-defined]
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        for label, model in MOVED.items()
    }
    for label, model in MOVED.items():
        _move_rows(act, model, moved[label], keep, f"merged from {duplicate.uid}")
    created = [
        n.pk
        for n in (
            _add_name(act, keep, duplicate.display_name, duplicate.visibility, source),
            _add_name(act, keep, duplicate.name_original_script, duplicate.visibility, source),
        )
        if n is not None
    ]
    act.stamp(duplicate, f"merged into {keep.uid}")
    duplicate.soft_delete()
    refresh_defender(keep.pk)
    act.audit(
        "defender.merge",
        keep,
        source=source,
        details={"merged": duplicate.uid, "moved": {k: len(v) for k, v in moved.items()}},
    )
    return moved, created


def do_merge_defenders(
    actor: Any, keep: Defender, duplicate: Defender, *, source: Source | None = None
) -> Defender:
    """Fold ``duplicate`` into ``keep`` without a judgement (``do_merge`` records one first)."""
    with acting(actor, "defender.merge") as act:
        _fold(act, keep, duplicate, source)
    return keep


def do_merge(actor: Any, keep: Defender, duplicate: Defender, note: str = "") -> DefenderMerge:
    """Judge ``keep`` and ``duplicate`` the same person and fold ``duplicate`` into ``keep``."""
    with acting(actor, "defender.merge") as act:
        act.require(Action.MERGE_DEFENDERS, keep)
        act.require(Action.MERGE_DEFENDERS, duplicate)
        judgement = do_judge(act.who, keep.uid, duplicate.uid, Verdict.SAME, note=note)
        moved, created = _fold(act, keep, duplicate, None)
        return DefenderMerge.objects.create(
            kept=keep,
            merged=duplicate,
            judgement=judgement,
            moved=moved,
            created_names=created,
            merged_by=act.authenticated_user,
        )


def do_undo_merge(actor: Any, merge: DefenderMerge) -> None:
    """Put every moved row back, restore the merged defender and withdraw the judgement."""
    with acting(actor, "defender.unmerge") as act:
        merge = DefenderMerge.objects.select_for_update().get(pk=merge.pk)
        act.require(Action.MERGE_DEFENDERS, merge.kept)
        if merge.undone_at:
            raise WorkflowError(_("This merge was already undone."))
        duplicate = Defender.all_objects.get(pk=merge.merged_id)
        for label, model in MOVED.items():
            _move_rows(
                act,
                model,
                merge.moved.get(label, []),
                duplicate,
                f"merge into {merge.kept.uid} undone",
            )
        for name in DefenderName.all_objects.filter(pk__in=merge.created_names):
            act.stamp(name, "merge undone")
            name.delete()
        act.stamp(duplicate, "merge undone")
        duplicate.restore()
        if merge.judgement and not merge.judgement.undone_at:
            do_undo_judgement(act.who, merge.judgement)
        merge.undone_at = timezone.now()
        merge.save(update_fields=["undone_at"])
        refresh_defender(merge.kept_id)
        refresh_defender(duplicate.pk)
        act.audit("defender.unmerge", merge.kept, details={"restored": duplicate.uid})
