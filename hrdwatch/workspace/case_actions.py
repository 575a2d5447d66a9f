"""What a member does to a case from its page besides recording: revert one change of its
history, and share it with another organisation (add, change the level, remove). Every write goes
through the action layer, which checks the permission again and writes the audit entry."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hrdwatch.actions import Actor, StaleVersionError, do_revert, do_share_case, do_unshare_case
from hrdwatch.audit.models import AuditEntry
from hrdwatch.partners.models import Organisation
from hrdwatch.partners.permissions import Action, can, permission_required, viewer_for
from hrdwatch.records.levels import ShareLevel
from hrdwatch.records.visibility import Gate

from .cases import HELD, visible_case
from .history import visible_records


def _errors(request: HttpRequest, error: Exception) -> None:
    said = getattr(error, "messages", None) or [str(error)]
    messages.error(request, " ".join(str(m) for m in said))


@require_POST
@permission_required(Action.VIEW_DOCUMENTS)
def revert(request: HttpRequest, uid: str) -> HttpResponse:
    """Set back one change (one field of one audit entry) of a record of this case."""
    case = visible_case(request, uid)
    records = visible_records(Gate(viewer_for(request.user)), case)
    entry = AuditEntry.objects.filter(pk=request.POST.get("entry") or 0).first()
    if entry is None or entry.object_uid not in records:
        raise Http404("No such change")
    version = request.POST.get("version", "")
    try:
        reverted = do_revert(
            Actor.from_request(request),
            entry,
            field=request.POST.get("field", ""),
            version=int(version) if version.isdigit() else None,
        )
        held = getattr(reverted, "_revision", None) is not None
        messages.success(request, HELD if held else _("The change was reverted."))
    except PermissionDenied:
        messages.error(request, _("You may not change this record."))
    except (ValidationError, StaleVersionError) as error:
        _errors(request, error)
    return redirect("workspace:case", uid=case.uid)


@require_POST
@permission_required(Action.VIEW_DOCUMENTS)
def share(request: HttpRequest, uid: str) -> HttpResponse:
    """Share the case with an organisation, change the level, or stop sharing."""
    case = visible_case(request, uid)
    if not can(request.user, Action.SHARE_CASE, case):
        raise PermissionDenied("Not allowed: share this case")
    organisation = Organisation.objects.filter(pk=request.POST.get("organisation") or 0).first()
    level = request.POST.get("level", "")
    if organisation is None or level not in {*ShareLevel.values, "none"}:
        messages.error(request, _("Choose an organisation and a level."))
        return redirect("workspace:case", uid=case.uid)
    actor = Actor.from_request(request)
    try:
        if level == "none":
            do_unshare_case(actor, case, organisation)
            messages.success(request, _("The case is no longer shared with this organisation."))
        else:
            do_share_case(actor, case, organisation, level)
            messages.success(request, _("Sharing saved."))
    except ValidationError as error:
        _errors(request, error)
    return redirect("workspace:case", uid=case.uid)
