"""The audit log as CSV for administrators: network-wide ones see everything, an
organisation's administrators see the entries about their organisation's records.

The page lives here, above the permission object; ``hrdwatch.audit`` itself is the log alone."""

from __future__ import annotations

import csv
import json
from typing import Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest, StreamingHttpResponse
from django.utils import timezone
from django.utils.dateparse import parse_date

from hrdwatch.audit.log import Actor, record
from hrdwatch.audit.models import AuditEntry
from hrdwatch.core.cells import neutralise_formula

from .models import Role
from .permissions import Action, organisations_where, permission_required, principal

COLUMNS = [
    "at",
    "actor_name",
    "action",
    "object_type",
    "object_id",
    "object_uid",
    "organisation_id",
    "source_id",
    "via",
    "ip_address",
    "user_agent",
    "details",
]


def entries_visible_to(user: Any) -> QuerySet[AuditEntry]:
    who = principal(user)
    if who.sees_all_restricted:
        return AuditEntry.objects.all()
    orgs = [o.pk for o in organisations_where(user, Role.ADMINISTRATOR)]
    if not orgs:
        return AuditEntry.objects.none()
    return AuditEntry.objects.filter(Q(organisation_id__in=orgs) | Q(actor_id=user.pk))


def _cell(entry: AuditEntry, column: str) -> str:
    value = getattr(entry, column)
    if column == "at":
        return str(entry.at.isoformat())
    if column == "details":
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return "" if value is None else str(value)


class _Echo:
    def write(self, value: str) -> str:
        return value


@permission_required(Action.VIEW_AUDIT)
def export_csv(request: HttpRequest) -> StreamingHttpResponse:
    """CSV of the entries the administrator may see; ?since=YYYY-MM-DD&action=... filter it."""
    entries = entries_visible_to(request.user).order_by("at", "id")
    since = parse_date(request.GET.get("since", "") or "")
    if since:
        entries = entries.filter(at__date__gte=since)
    if request.GET.get("action"):
        entries = entries.filter(action=request.GET["action"])
    record(
        Actor.from_request(request),
        "audit.export",
        None,
        details={"since": str(since or ""), "action": request.GET.get("action", "")},
    )
    writer = csv.writer(_Echo())

    def rows() -> Any:
        yield writer.writerow(COLUMNS)
        for entry in entries.iterator():
            yield writer.writerow([neutralise_formula(_cell(entry, c)) for c in COLUMNS])

    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="audit-{stamp}.csv"'
    return response
