"""Merging two defender records that a reviewer judged to be one person, and undoing it.

Merging policy:

* A merge only follows a "same person" judgement; the judgement is recorded first and the merge
  points to it. The model alone never merges records in the database.
* Nothing is overwritten or thrown away. The kept defender keeps its own fields; the merged one's
  cases, names, sensitive details and evidence move to it (``records.actions.do_merge_defenders``),
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
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from hrdwatch.audit.log import Actor, record
from hrdwatch.partners.permissions import Action, require
from hrdwatch.records.actions import do_merge_defenders
from hrdwatch.records.models import Case, Defender, DefenderName, Evidence, SensitiveDetail
from hrdwatch.records.status import refresh_defender

from .judgements import do_judge, do_undo_judgement
from .models import DefenderMerge, Verdict

# What moves with a merge (every model with a ``defender`` key), by the label used in ``moved``.
_MOVED: dict[str, Any] = {
    "cases": Case,
    "names": DefenderName,
    "sensitive": SensitiveDetail,
    "evidence": Evidence,
}


def do_merge(actor: Any, keep: Defender, duplicate: Defender, note: str = "") -> DefenderMerge:
    """Judge ``keep`` and ``duplicate`` the same person and fold ``duplicate`` into ``keep``."""
    who = Actor.of(actor)
    require(who.user, Action.MERGE_DEFENDERS, keep)
    require(who.user, Action.MERGE_DEFENDERS, duplicate)
    with transaction.atomic():
        judgement = do_judge(who, keep.uid, duplicate.uid, Verdict.SAME, note=note)
        moved = {
            label: list(model.all_objects.filter(defender=duplicate).values_list("pk", flat=True))
            for label, model in _MOVED.items()
        }
        names_before = set(
            DefenderName.all_objects.filter(defender=keep).values_list("pk", flat=True)
        )
        do_merge_defenders(who, keep, duplicate)
        known = {
            n.casefold()
            for n in DefenderName.all_objects.filter(defender=keep).values_list("name", flat=True)
        }
        known.add(keep.display_name.casefold())
        if (
            duplicate.name_original_script
            and duplicate.name_original_script.casefold() not in known
        ):
            DefenderName.objects.create(
                defender=keep, name=duplicate.name_original_script, visibility=duplicate.visibility
            )
        names_after = set(
            DefenderName.all_objects.filter(defender=keep).values_list("pk", flat=True)
        )
        merge = DefenderMerge.objects.create(
            kept=keep,
            merged=duplicate,
            judgement=judgement,
            moved=moved,
            created_names=sorted(names_after - names_before - set(moved["names"])),
            merged_by=who.user if getattr(who.user, "is_authenticated", False) else None,
        )
    return merge


def do_undo_merge(actor: Any, merge: DefenderMerge) -> None:
    """Put every moved row back, restore the merged defender and withdraw the judgement."""
    who = Actor.of(actor)
    require(who.user, Action.MERGE_DEFENDERS, merge.kept)
    if merge.undone_at:
        raise ValueError("this merge was already undone")
    with transaction.atomic():
        duplicate = Defender.all_objects.get(pk=merge.merged_id)
        for label, model in _MOVED.items():
            model.all_objects.filter(pk__in=merge.moved.get(label, [])).update(defender=duplicate)
        DefenderName.all_objects.filter(pk__in=merge.created_names).delete()
        duplicate.restore()
        if merge.judgement and not merge.judgement.undone_at:
            do_undo_judgement(who, merge.judgement)
        merge.undone_at = timezone.now()
        merge.save(update_fields=["undone_at"])
        refresh_defender(merge.kept_id)
        refresh_defender(duplicate.pk)
        record(who, "defender.unmerge", merge.kept, details={"restored": duplicate.uid})
