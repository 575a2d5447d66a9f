"""With which organisations a case is shared, and at which level (read from the share rows for
those who may see the case's restricted data), and with which it could be shared."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from hrdwatch.partners.models import Organisation
from hrdwatch.partners.permissions import Action, can, viewer_for
from hrdwatch.records.levels import ShareLevel
from hrdwatch.records.models import Case, CaseShare
from hrdwatch.records.visibility import Gate


@dataclass(frozen=True)
class ShareRow:
    organisation_id: int
    organisation: str
    level: str
    level_label: str


def shares(user: Any, case: Case) -> list[ShareRow]:
    """With whom the case's restricted data is shared, for those who may see that data."""
    if not can(user, Action.VIEW_RESTRICTED, case):
        return []
    gate = Gate(viewer_for(user))
    rows = CaseShare.objects.filter(case=case).select_related("organisation").order_by("id")
    return [
        ShareRow(
            share.organisation_id,
            gate.organisation_name(share.organisation) or _("(not shown)"),
            share.level,
            str(ShareLevel(share.level).label),
        )
        for share in rows
    ]


def share_choices(user: Any, case: Case) -> list[tuple[int, str]]:
    """Organisations the case may be shared with (not its owner), for a member who may share."""
    if not can(user, Action.SHARE_CASE, case):
        return []
    gate = Gate(viewer_for(user))
    rows = Organisation.objects.exclude(pk=case.owner_id or 0).order_by("name")
    return [(o.pk, name) for o in rows if (name := gate.organisation_name(o))]
