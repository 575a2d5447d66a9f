"""Organisations and their members: create an organisation, add a member, change a role, end a
membership. The pages at /workspace/organisation/ and the ``organisations`` / ``members``
commands share these functions, so every change is checked and audited the same way.

Each function takes an ``Actor`` (``audit.log``): from a page it is the logged-in administrator,
whose right is checked with the permission object; from the command line (``via="cli"``) it is
the server's operator, who needs no account. Ending a membership keeps its row and history
(``Membership.ended_at``); an organisation always keeps at least one administrator.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from hrdwatch.audit.log import Actor, record
from hrdwatch.core.countries import UnknownCountryError, normalise_country

from .models import Membership, Organisation, OrganisationKind, Role
from .permissions import Action, forget, require

# Paths under /workspace/organisation/ that an organisation's identifier may not take.
RESERVED_SLUGS = {"new", "reports", "invitations"}


class MembershipError(ValueError):
    """A change that would leave the organisations in a state we refuse (message is for people)."""


def _check(actor: Actor, action: str, obj: Any) -> None:
    """Pages and the API ask the permission object; the server's command line is trusted."""
    if actor.via != "cli":
        require(actor.user, action, obj)


def create_organisation(
    actor: Any, name: str, *, country: str = "", slug: str = "", kind: str = OrganisationKind.LOCAL
) -> Organisation:
    """A new partner organisation (superusers and the command line only)."""
    who = Actor.of(actor)
    _check(who, Action.CREATE_ORGANISATION, None)
    name = name.strip()
    if not name:
        raise MembershipError(_("An organisation needs a name."))
    slug = slugify(slug or name)[:50]
    if not slug:
        raise MembershipError(_("Give a short identifier in Latin letters (--slug)."))
    if slug in RESERVED_SLUGS or Organisation.objects.filter(slug=slug).exists():
        raise MembershipError(
            _("An organisation with the identifier %(slug)s exists already.") % {"slug": slug}
        )
    code = ""
    if country:
        try:
            code = normalise_country(country)
        except UnknownCountryError:
            raise MembershipError(
                _(
                    "Unknown country %(country)s: give a two-letter ISO code such "
                    "as FR or a country name."
                )
                % {"country": country}
            ) from None
    with transaction.atomic():
        organisation = Organisation.objects.create(
            name=name, slug=slug, country=code, kind=OrganisationKind(kind)
        )
        record(
            who,
            "organisation.create",
            organisation,
            details={"slug": slug, "country": code, "kind": organisation.kind},
        )
    return organisation


def _administrators(organisation: Organisation) -> int:
    return Membership.objects.filter(organisation=organisation, role=Role.ADMINISTRATOR).count()


def _described(membership: Membership, **extra: Any) -> dict[str, Any]:
    return {"user": membership.user.get_username(), "role": membership.role, **extra}


def add_member(actor: Any, organisation: Organisation, user: Any, role: str) -> Membership:
    """Give ``user`` a role in ``organisation`` (again, if an earlier membership had ended)."""
    who = Actor.of(actor)
    _check(who, Action.MANAGE_ORGANISATION, organisation)
    return grant_membership(who, organisation, user, role)


def grant_membership(who: Actor, organisation: Organisation, user: Any, role: str) -> Membership:
    """``add_member`` without the permission check, for a caller that has its own authority
    (an accepted invitation is the administrator's decision)."""
    role = Role(role)
    with transaction.atomic():
        membership = Membership.all_objects.filter(user=user, organisation=organisation).first()
        if membership is not None and membership.ended_at is None:
            raise MembershipError(
                _("%(user)s is already a member of %(organisation)s.")
                % {"user": user.get_username(), "organisation": organisation}
            )
        if membership is None:
            membership = Membership.objects.create(user=user, organisation=organisation, role=role)
        else:
            membership.role, membership.ended_at = role, None
            membership.save(update_fields=["role", "ended_at"])
        record(who, "membership.add", membership, details=_described(membership))
    forget(user)
    return membership


def set_role(actor: Any, membership: Membership, role: str) -> Membership:
    """Change a member's role; the last administrator cannot step down."""
    who = Actor.of(actor)
    _check(who, Action.MANAGE_ORGANISATION, membership.organisation)
    role = Role(role)
    if membership.role == role:
        return membership
    with transaction.atomic():
        if membership.role == Role.ADMINISTRATOR and _administrators(membership.organisation) <= 1:
            raise MembershipError(
                _(
                    "%(organisation)s needs at least one administrator: make "
                    "someone else administrator first."
                )
                % {"organisation": membership.organisation}
            )
        before = membership.role
        membership.role = role
        membership.save(update_fields=["role"])
        record(who, "membership.role", membership, details=_described(membership, before=before))
    forget(membership.user)
    return membership


def end_membership(actor: Any, membership: Membership) -> Membership:
    """Remove a member: the membership ends (kept, with its history), the account stays."""
    who = Actor.of(actor)
    _check(who, Action.MANAGE_ORGANISATION, membership.organisation)
    with transaction.atomic():
        if membership.ended_at is not None:
            raise MembershipError(_("This membership has already ended."))
        if membership.role == Role.ADMINISTRATOR and _administrators(membership.organisation) <= 1:
            raise MembershipError(
                _(
                    "%(organisation)s needs at least one administrator: make "
                    "someone else administrator first."
                )
                % {"organisation": membership.organisation}
            )
        membership.ended_at = timezone.now()
        membership.save(update_fields=["ended_at"])
        record(who, "membership.end", membership, details=_described(membership))
    forget(membership.user)
    return membership
