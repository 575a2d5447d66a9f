"""Sharing a case's restricted data with another organisation, and linking cases to campaigns."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from hrdwatch.partners.models import Organisation
from hrdwatch.partners.permissions import Action
from hrdwatch.records.levels import ShareLevel
from hrdwatch.records.models import Case, CaseShare

from .base import acting


def do_share_case(
    actor: Any, case: Case, organisation: Organisation, level: str = ShareLevel.READ
) -> CaseShare:
    """Let ``organisation`` see the case's restricted data (``read``) or also edit it (``edit``);
    sharing again changes the level."""
    level = ShareLevel(level)
    with acting(actor, "case.share") as act:
        act.require(Action.SHARE_CASE, case)
        if organisation.pk == case.owner_id:
            raise ValidationError(_("A case cannot be shared with the organisation that owns it."))
        share = (
            CaseShare.objects.select_for_update()
            .filter(case=case, organisation=organisation)
            .first()
        )
        before = share.level if share else None
        if share is None:
            share = CaseShare(
                case=case, organisation=organisation, shared_by=act.authenticated_user, level=level
            )
        share.level = level
        if before != level:
            act.save(share, f"shared ({level})")
            act.audit(
                "case.share",
                case,
                details={"organisation": organisation.slug, "level": level, "before": before},
            )
    return share


def do_unshare_case(actor: Any, case: Case, organisation: Organisation) -> None:
    with acting(actor, "case.unshare") as act:
        act.require(Action.SHARE_CASE, case)
        share = CaseShare.objects.filter(case=case, organisation=organisation).first()
        if share is not None:
            act.stamp(share, "unshared")
            share.delete()
            act.audit("case.unshare", case, details={"organisation": organisation.slug})


def do_link_campaign(actor: Any, campaign: Any, case: Case) -> None:
    """Add a case to an advocacy campaign (only public cases are ever shown on its page).
    The campaign is reached through the case's ``campaigns`` relation, so the action layer does
    not depend on the advocacy app that defines campaigns."""
    with acting(actor, "campaign.link") as act:
        act.require(Action.EDIT_CAMPAIGN, campaign)
        act.require(Action.VIEW_CASE, case)
        if not case.campaigns.filter(pk=campaign.pk).exists():  # type: ignore[attr-defined]
            case.campaigns.add(campaign)  # type: ignore[attr-defined]
            act.audit("campaign.link", case, details={"campaign": campaign.slug})


def do_unlink_campaign(actor: Any, campaign: Any, case: Case) -> None:
    with acting(actor, "campaign.unlink") as act:
        act.require(Action.EDIT_CAMPAIGN, campaign)
        if case.campaigns.filter(pk=campaign.pk).exists():  # type: ignore[attr-defined]
            case.campaigns.remove(campaign)  # type: ignore[attr-defined]
            act.audit("campaign.unlink", case, details={"campaign": campaign.slug})
