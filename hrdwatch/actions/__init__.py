"""The action layer: every change to the record goes through a function of this package.

Each action checks permission with the permission object (``partners.permissions``), runs in
one transaction with the record guard lifted (``records.guard``), writes its audit entry (actor,
organisation, object, a before/after diff with restricted values withheld, the cited source) and
sends ``records.signals.action_committed`` after the commit; search and derived fields follow
every saved row. Callers pass ``actor`` — a user, or an ``audit.log.Actor`` saying where the
change came from (``Actor.from_request(request)``, ``Actor(user, via="api")``).

Modules, one job each:

- ``records``: ``do_create`` / ``do_update`` / ``do_delete`` / ``do_restore`` for every record type
  declared in ``kinds`` (defender, name, sensitive_detail, case, event, charge, intervention,
  evidence, perpetrator_link, source, perpetrator, place).
- ``facts``: readable wrappers (``do_create_case``, ``do_add_event``, ``do_link_perpetrator``...).
- ``workflow``: submit, checklist, review, publish, unpublish, withdraw — the only code that
  changes ``review_state`` and a case's or defender's ``visibility``.
- ``sharing``: share a case with another organisation (read or edit), campaign links.
- ``held`` and ``revisions``: an edit to a published case waits in a revision until two
  reviewers approve it (submit, approve or return, discard); the public keeps the approved version.
- ``reverting``: set back one audited change (from the record's own history), audited.
- ``merging``: merge two defenders after a "same person" judgement, and undo it.
- ``intake``: record a case typed in the workspace (person, case, events, source, notes).
- ``candidates``: accept an extraction candidate as a draft case with cited evidence.
- ``bulk``: the bulk path for imports and the demo loader; ``bulkcreate.create_many`` creates many
  new records of one kind in one validated bulk write inside it.

Errors: ``django.core.exceptions.PermissionDenied`` (not allowed), ``ValidationError`` (bad
values: ``message_dict`` by field), ``base.MissingSourceError`` (a fact without a source),
``base.StaleVersionError`` (someone saved a newer version; carries both),
``review.workflow.WorkflowError`` (a move the workflow does not allow; says why).

Every function is importable from the package itself (``from hrdwatch.actions import do_create``);
the modules load on first use, so that Django can register this package as an app (for its
translations) before the models exist.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_WHERE = {
    "base": ["Actor", "MissingSourceError", "StaleVersionError"],
    "bulk": ["bulk_load"],
    "bulkcreate": ["create_many"],
    "candidates": ["do_accept_candidate"],
    "facts": [
        "do_add_charge",
        "do_add_event",
        "do_add_evidence",
        "do_add_intervention",
        "do_add_name",
        "do_add_sensitive_detail",
        "do_create_case",
        "do_create_defender",
        "do_create_perpetrator",
        "do_create_place",
        "do_create_source",
        "do_link_perpetrator",
        "do_update_case",
    ],
    "intake": ["do_record_case"],
    "merging": ["do_merge", "do_merge_defenders", "do_undo_merge"],
    "records": ["do_create", "do_delete", "do_restore", "do_update"],
    "revisions": ["do_discard_revision", "do_review_revision", "do_submit_revision"],
    "reverting": ["do_revert"],
    "sharing": ["do_link_campaign", "do_share_case", "do_unlink_campaign", "do_unshare_case"],
    "workflow": [
        "WorkflowError",
        "do_publish_case",
        "do_reverify_case",
        "do_review_case",
        "do_submit_for_review",
        "do_unpublish_case",
        "do_update_checklist",
        "do_withdraw_case",
    ],
}
_MODULE_OF = {name: module for module, names in _WHERE.items() for name in names}
__all__ = sorted(_MODULE_OF)


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'hrdwatch.actions' has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{module}"), name)
