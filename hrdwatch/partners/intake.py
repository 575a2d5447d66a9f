"""The public "report a detention" form's intake: store a report for one organisation (or the
network), hold off abuse, let members triage it.

Reports are restricted: only members of the organisation they were sent to see them (network-wide
members and superusers see all), through ``visible_reports`` and the permission object. Nothing
about the reporter is kept beyond what they typed: the audit entry of a new report carries no
address, and the rate limit keeps only a hash of the address, in the cache, for its period.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from hrdwatch.audit.log import Actor, record
from hrdwatch.core import throttle

from .models import DetentionReport, Organisation
from .permissions import VIEWER, Action, principal, require

RATE_SCOPE = "detention-report"

# Opens a workspace draft from a report for a user: (draft id, the URL of its first step).
DraftOpener = Callable[[Any, DetentionReport], tuple[int, str]]


@dataclass
class Hooks:
    """What apps above partners lend it: the workspace sets ``open_draft`` in its
    ``AppConfig.ready`` (partners never imports the workspace)."""

    open_draft: DraftOpener | None = None


hooks = Hooks()


def over_rate_limit(request: HttpRequest) -> int:
    """Count one submission from this client; the seconds to wait when over
    ``HRDWATCH_REPORT_RATE`` (default 5 an hour), else 0. Only a hash of the address is kept,
    in the cache, for the period (``core.throttle``)."""
    rate = getattr(settings, "HRDWATCH_REPORT_RATE", "5/h")
    if throttle.allow(request, RATE_SCOPE, rate):
        return 0
    return throttle.parse_rate(rate)[1]


def receiving_organisations() -> QuerySet[Organisation]:
    """Organisations a reporter may choose: those that may be named publicly."""
    return Organisation.objects.filter(is_public=True).order_by("name")


def submit(fields: dict[str, Any], language: str) -> DetentionReport:
    """Store a report from the public form (already validated) and audit it without the sender."""
    with transaction.atomic():
        report = DetentionReport.objects.create(language=language, **fields)
        record(
            Actor(user=None, via="web"),
            "report.received",
            report,
            details={"organisation": report.organisation_id},
        )
    return report


def visible_reports(user: Any) -> QuerySet[DetentionReport]:
    """The reports this user may read: their organisations' (everything for network-wide members)."""
    who = principal(user)
    reports = DetentionReport.objects.select_related("organisation", "handled_by")
    if who.superuser or who.network_rank >= VIEWER:
        return reports
    return reports.filter(organisation_id__in=[o for o, r in who.ranks.items() if r >= VIEWER])


def mark_handled(actor: Any, report: DetentionReport, note: str) -> DetentionReport:
    """A member records what was done with a report (the note stays out of the audit log)."""
    who = Actor.of(actor)
    require(who.user, Action.TRIAGE_REPORT, report)
    with transaction.atomic():
        report.handled_at = timezone.now()
        report.handled_by = who.user
        report.note = note.strip()
        report.save(update_fields=["handled_at", "handled_by", "note"])
        record(who, "report.handled", report, details={"with_note": bool(report.note)})
    return report


def reopen(actor: Any, report: DetentionReport) -> DetentionReport:
    """Put a handled report back in the list of reports to look at (the note is kept)."""
    who = Actor.of(actor)
    require(who.user, Action.TRIAGE_REPORT, report)
    with transaction.atomic():
        report.handled_at = None
        report.save(update_fields=["handled_at"])
        record(who, "report.reopened", report)
    return report


def pass_on(actor: Any, report: DetentionReport, organisation: Organisation) -> DetentionReport:
    """Network staff send a report that named no organisation to one that will look at it."""
    who = Actor.of(actor)
    require(who.user, Action.TRIAGE_REPORT, report)
    if report.organisation_id is not None:
        raise ValueError("only reports sent to no organisation are passed on")
    with transaction.atomic():
        report.organisation = organisation
        report.save(update_fields=["organisation"])
        record(who, "report.passed_on", report, details={"organisation": organisation.slug})
    return report
