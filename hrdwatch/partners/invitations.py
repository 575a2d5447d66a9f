"""Invitations: an organisation's administrator (or the server's operator) sends a one-time,
expiring link by e-mail; opening it lets the person create an account (or use the one they are
logged in with) and become a member with the invited role.

The link carries a random secret; only its SHA-256 digest is stored, as for API tokens. Accepting
marks the invitation used in the same transaction that adds the membership, with a conditional
update, so a link works exactly once even when opened twice at the same moment.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from hrdwatch.audit.log import Actor, record

from .membership import MembershipError, grant_membership
from .models import Invitation, Membership, Organisation, Role
from .permissions import Action, require

INVITATION_DAYS = 7


class LinkProblem(StrEnum):
    """Why a link is refused (shown to the person who opened it)."""

    UNKNOWN = "unknown"
    USED = "used"
    EXPIRED = "expired"
    REVOKED = "revoked"


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def link_for(raw: str) -> str:
    """The absolute URL of an invitation's acceptance page."""
    return settings.SITE_URL + reverse("organisation:accept", args=[raw])


def _mail(invitation: Invitation, link: str) -> None:
    subject = _("Invitation to join %(organisation)s on hrdwatch") % {
        "organisation": invitation.organisation.name
    }
    body = "\n\n".join(
        [
            _("You are invited to join %(organisation)s on hrdwatch as %(role)s.")
            % {"organisation": invitation.organisation.name, "role": invitation.get_role_display()},
            _("To accept, open this link and choose a password: %(link)s") % {"link": link},
            _(
                "The link works once and expires on %(date)s. If you did not expect it, ignore this "
                "message."
            )
            % {"date": f"{invitation.expires_at:%Y-%m-%d %H:%M} UTC"},
        ]
    )
    send_mail(subject, body + "\n", None, [invitation.email])


def invite(
    actor: Any,
    organisation: Organisation,
    email: str,
    role: str,
    *,
    days: int = INVITATION_DAYS,
    send: bool = True,
) -> tuple[Invitation, str]:
    """Create an invitation, e-mail its link, and return it with the link (shown once)."""
    who = Actor.of(actor)
    if who.via != "cli":
        require(who.user, Action.MANAGE_ORGANISATION, organisation)
    if days < 1:
        raise MembershipError(_("An invitation must stay valid for at least one day."))
    email = email.strip().lower()
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise MembershipError(
            _("%(email)s is already a member of %(organisation)s.")
            % {"email": email, "organisation": organisation}
        )
    raw = secrets.token_urlsafe(32)
    inviter = who.user if getattr(who.user, "is_authenticated", False) else None
    with transaction.atomic():
        invitation = Invitation.objects.create(
            organisation=organisation,
            email=email,
            role=Role(role),
            digest=_digest(raw),
            invited_by=inviter,
            expires_at=timezone.now() + dt.timedelta(days=days),
        )
        record(
            who,
            "invitation.send",
            invitation,
            details={"email": email, "role": invitation.role, "days": days},
        )
    link = link_for(raw)
    if send:
        _mail(invitation, link)
    return invitation, link


def problem_with(invitation: Invitation | None) -> LinkProblem | None:
    """Why this invitation can no longer be used, or None when it can."""
    if invitation is None:
        return LinkProblem.UNKNOWN
    if invitation.accepted_at is not None:
        return LinkProblem.USED
    if invitation.revoked_at is not None:
        return LinkProblem.REVOKED
    if invitation.expires_at <= timezone.now():
        return LinkProblem.EXPIRED
    return None


def find(raw: str) -> Invitation | None:
    """The invitation a link's secret belongs to (used or not), or None."""
    if not raw or len(raw) > 100:
        return None
    return Invitation.objects.select_related("organisation").filter(digest=_digest(raw)).first()


def accept(invitation: Invitation, user: Any, actor: Any) -> Membership:
    """Use the invitation for ``user``: the membership is added and the link stops working."""
    with transaction.atomic():
        used = Invitation.objects.filter(
            pk=invitation.pk,
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        ).update(accepted_at=timezone.now(), accepted_by=user)
        if not used:
            raise MembershipError(_("This invitation link can no longer be used."))
        membership = grant_membership(
            Actor.of(actor), invitation.organisation, user, invitation.role
        )
        record(
            actor,
            "invitation.accept",
            invitation,
            details={"user": user.get_username(), "role": invitation.role},
        )
    return membership


def revoke(actor: Any, invitation: Invitation) -> None:
    """Withdraw an unused invitation: its link stops working at once."""
    who = Actor.of(actor)
    if who.via != "cli":
        require(who.user, Action.MANAGE_ORGANISATION, invitation.organisation)
    with transaction.atomic():
        if Invitation.objects.filter(
            pk=invitation.pk, accepted_at__isnull=True, revoked_at__isnull=True
        ).update(revoked_at=timezone.now()):
            record(who, "invitation.revoke", invitation, details={"email": invitation.email})


def pending(organisation: Organisation) -> list[Invitation]:
    """Invitations of the organisation that can still be used."""
    return list(
        Invitation.objects.filter(
            organisation=organisation,
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
    )
