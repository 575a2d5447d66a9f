"""The one permission object: "may this user do this action to that object?".

Every view, action, API endpoint and export asks here; nothing else looks at memberships.

API (stable; other apps import only these)::

    from hrdwatch.partners.permissions import Action, can, require, viewer_for

    can(user, Action.PUBLISH_CASE, case) -> bool
    require(user, Action.EDIT_CASE, case)   # raises django.core.exceptions.PermissionDenied
    viewer_for(user) -> records.visibility.Viewer   # pass to Gate(...) for querysets
    needs_two_factor(user) -> bool
    organisations_where(user, Role.EDITOR) -> list[Organisation]
    @permission_required(Action.REVIEW_QUEUE)        # view decorator (login redirect / 403)

    # API tokens (hrdwatch.partners.tokens): issue_token(user, name, max_role) -> (token, raw),
    # authenticate_token(raw) -> user | None (acts with at most the token's max_role).

Actions are plain strings (``Action`` is a StrEnum): ``case.view``, ``case.view_restricted``,
``case.create`` (obj: Organisation or None), ``case.edit``, ``case.submit``, ``case.review``,
``case.publish``, ``case.withdraw``, ``case.share``, ``record.delete``, ``record.restore``
(obj: any record), ``defender.merge`` (obj: Defender), ``records.export`` (obj: a visibility
level string), ``review.queue``, ``audit.view``, ``tokens.manage``, ``documents.view``,
``sources.add`` (obj: Organisation or None), ``register.edit`` (the network's shared registers of
perpetrators and places of detention), ``campaign.edit`` (obj: Campaign), ``organisation.manage``
(obj: Organisation or None: members, roles, invitations), ``organisation.create``,
``reports.view`` and ``reports.triage`` (obj: DetentionReport, Organisation or None: the public
form's intake). ``obj`` may be a Case or
anything attached to one (Event, Charge, Intervention, SensitiveDetail, Evidence) or a Defender.

Rules, by role (each role includes the ones before it; a membership applies to its organisation's
records, or to every organisation's when ``network_wide``):

- anyone: ``case.view`` of published public cases; ``records.export`` at public level.
- viewer: partner-level data of every organisation, restricted data of its own organisation's
  records and of cases shared with it; ``records.export`` at partners level; the archive of
  fetched documents (``documents.view``; a file uploaded for an organisation only to its members,
  see ``ingestion.queries.readable_documents``).
- documenter: create cases for its organisation; edit and submit its organisation's drafts;
  add sources (URLs to follow, uploaded files) for its organisation; add to and correct the
  shared registers of perpetrators and places of detention. A case shared with an organisation
  at the ``edit`` level is edited by that organisation's members as if it were their own.
- reviewer: the review queue and reviewing any case it may see (four eyes across organisations).
- editor: edit its organisation's cases in any state; publish, withdraw, share, delete, merge;
  link its organisation's campaigns to cases.
- every member (viewer and up): their own API tokens (``tokens.manage``), each capped at a role
  no higher than their own best role.
- every member: the detention reports sent to its organisation (``reports.view``); documenters
  and up triage them; reports sent to no organisation go to network-wide members.
- administrator: restore deleted records, the audit log, its organisation's members
  (``organisation.manage``: invite, change roles, remove); only superusers create organisations;
  network-wide
  administrators (and superusers) see restricted data of every organisation.

Reviewers, editors and administrators (and staff) must have passed TOTP verification
(django-otp) in the session: until then they are treated as the public. A user authenticated by
a ``PartnerToken`` acts with at most the token's ``max_role``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from hrdwatch.records.levels import Visibility
from hrdwatch.records.models import Case, CaseShare, Defender
from hrdwatch.records.visibility import Gate, Viewer

from .models import ROLE_RANK, Membership, Organisation, Role

TOKEN_ROLE_ATTR = "_hrdwatch_token_role"  # noqa: S105 (an attribute name)
_PRINCIPAL_CACHE = "_hrdwatch_principal"

VIEWER, DOCUMENTER, REVIEWER, EDITOR, ADMINISTRATOR = (
    ROLE_RANK[r]
    for r in (Role.VIEWER, Role.DOCUMENTER, Role.REVIEWER, Role.EDITOR, Role.ADMINISTRATOR)
)
NO_ROLE = -1
ViewFunc = Callable[..., HttpResponseBase]
TWO_FACTOR_RANK = REVIEWER


class Action(StrEnum):
    VIEW_CASE = "case.view"
    VIEW_RESTRICTED = "case.view_restricted"
    CREATE_CASE = "case.create"
    EDIT_CASE = "case.edit"
    SUBMIT_CASE = "case.submit"
    REVIEW_CASE = "case.review"
    PUBLISH_CASE = "case.publish"
    WITHDRAW_CASE = "case.withdraw"
    SHARE_CASE = "case.share"
    DELETE_RECORD = "record.delete"
    RESTORE_RECORD = "record.restore"
    MERGE_DEFENDERS = "defender.merge"
    EXPORT = "records.export"
    REVIEW_QUEUE = "review.queue"
    VIEW_AUDIT = "audit.view"
    MANAGE_TOKENS = "tokens.manage"
    VIEW_DOCUMENTS = "documents.view"
    ADD_SOURCE = "sources.add"
    EDIT_REGISTER = "register.edit"
    EDIT_CAMPAIGN = "campaign.edit"
    MANAGE_ORGANISATION = "organisation.manage"
    CREATE_ORGANISATION = "organisation.create"
    VIEW_REPORTS = "reports.view"
    TRIAGE_REPORT = "reports.triage"


@dataclass(frozen=True)
class Principal:
    """What one user may do, computed once per user object: ranks per organisation."""

    user_id: int | None
    superuser: bool
    ranks: dict[int, int]  # organisation id -> best rank there
    network_rank: int  # best network-wide rank

    @property
    def is_anonymous(self) -> bool:
        return self.user_id is None

    def rank_in(self, organisation_id: int | None) -> int:
        if self.superuser:
            return ADMINISTRATOR
        return max(
            self.ranks.get(organisation_id, NO_ROLE) if organisation_id else NO_ROLE,
            self.network_rank,
        )

    @property
    def best_rank(self) -> int:
        if self.superuser:
            return ADMINISTRATOR
        return max([self.network_rank, *self.ranks.values()])

    @property
    def sees_all_restricted(self) -> bool:
        return self.superuser or self.network_rank >= ADMINISTRATOR


ANONYMOUS = Principal(None, False, {}, NO_ROLE)


def _raw_ranks(user: Any) -> tuple[dict[int, int], int]:
    ranks: dict[int, int] = {}
    network = NO_ROLE
    for org_id, role, network_wide in Membership.objects.filter(user_id=user.pk).values_list(
        "organisation_id", "role", "network_wide"
    ):
        rank = ROLE_RANK[role]
        ranks[org_id] = max(ranks.get(org_id, NO_ROLE), rank)
        if network_wide:
            network = max(network, rank)
    return ranks, network


def needs_two_factor(user: Any) -> bool:
    """Reviewers, editors, administrators and staff must pass TOTP before acting."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if user.is_staff or user.is_superuser:
        return True
    ranks, network = _raw_ranks(user)
    return max([network, *ranks.values()]) >= TWO_FACTOR_RANK


def _session_unverified(user: Any) -> bool:
    """True when django-otp's middleware says this session has not passed TOTP yet."""
    is_verified = getattr(user, "is_verified", None)
    return callable(is_verified) and not is_verified()


def principal(user: Any) -> Principal:
    """The user's effective ranks (cached on the user object for the request)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return ANONYMOUS
    cached = getattr(user, _PRINCIPAL_CACHE, None)
    if cached is not None:
        return cached
    ranks, network = _raw_ranks(user)
    superuser = bool(user.is_superuser)
    if _session_unverified(user) and needs_two_factor(user):
        result = Principal(user.pk, False, {}, NO_ROLE)
    else:
        cap = getattr(user, TOKEN_ROLE_ATTR, None)
        if cap is not None:
            limit = ROLE_RANK[cap]
            ranks = {org: min(rank, limit) for org, rank in ranks.items()}
            network, superuser = min(network, limit), False
        result = Principal(user.pk, superuser, ranks, network)
    setattr(user, _PRINCIPAL_CACHE, result)
    return result


def forget(user: Any) -> None:
    """Drop the cached principal (after memberships or verification change)."""
    if user is not None and hasattr(user, _PRINCIPAL_CACHE):
        delattr(user, _PRINCIPAL_CACHE)


def viewer_for(user: Any) -> Viewer:
    """The visibility-gate viewer for a user: public, or restricted for its organisations + shares."""
    who = principal(user)
    if who.best_rank < VIEWER:
        return Viewer.public()
    if who.sees_all_restricted:
        return Viewer(Visibility.RESTRICTED, all_organisations=True)
    return Viewer(Visibility.RESTRICTED, organisations=frozenset(who.ranks))


# -- objects -> the case or defender that decides -----------------------------------------------
def _owning_record(obj: Any) -> Any:
    """The Case (or Defender) whose owner decides about ``obj``."""
    if isinstance(obj, Case | Defender):
        return obj
    for attr in ("case", "event", "defender"):
        related = getattr(obj, attr, None)
        if related is not None:
            return _owning_record(related)
    return obj


def _case_state(obj: Any) -> str | None:
    return getattr(obj, "review_state", None)


def _shared_with(record: Any, who: Principal) -> bool:
    orgs = list(who.ranks)
    if not orgs:
        return False
    if isinstance(record, Case):
        return CaseShare.objects.filter(case=record, organisation_id__in=orgs).exists()
    return CaseShare.objects.filter(case__defender=record, organisation_id__in=orgs).exists()


def _edit_share_rank(record: Any, who: Principal) -> int:
    """The user's best rank in an organisation the case was shared with at the edit level."""
    if not isinstance(record, Case) or not who.ranks or record.pk is None:
        return NO_ROLE
    orgs = CaseShare.objects.filter(case=record, level="edit", organisation_id__in=list(who.ranks))
    return max(
        (who.ranks[o] for o in orgs.values_list("organisation_id", flat=True)), default=NO_ROLE
    )


def _can_view(user: Any, record: Any) -> bool:
    gate = Gate(viewer_for(user))
    if isinstance(record, Case):
        return gate.cases().filter(pk=record.pk).exists()
    if isinstance(record, Defender):
        return gate.defenders().filter(pk=record.pk).exists()
    return False


_EDITOR_ACTIONS = {
    Action.PUBLISH_CASE,
    Action.WITHDRAW_CASE,
    Action.SHARE_CASE,
    Action.DELETE_RECORD,
    Action.MERGE_DEFENDERS,
}
_DRAFT_STATES = {"candidate", "draft"}


def can(user: Any, action: str, obj: Any = None) -> bool:
    """Whether ``user`` may do ``action`` to ``obj``; see the module docstring for the rules."""
    who = principal(user)
    act = Action(action)
    if act is Action.EXPORT:
        return _can_export(who, obj)
    if act is Action.VIEW_CASE:
        return obj is not None and _can_view(user, _owning_record(obj))
    if who.is_anonymous:
        return False
    by_rank = _can_by_rank(user, who, act, obj)
    if by_rank is not None:
        return by_rank
    if act in _ORGANISATION_ACTIONS:
        return _can_organisation(who, act, obj)
    if obj is None:
        return False
    if act is Action.EDIT_CAMPAIGN:
        return who.rank_in(getattr(obj, "organisation_id", None)) >= EDITOR
    return _can_on_record(user, who, act, _owning_record(obj))


def _can_export(who: Principal, level: Any) -> bool:
    """Exports by level: public data for anyone, partners data for members, restricted data
    for those who see every organisation's restricted rows."""
    level = Visibility(level or Visibility.PUBLIC)
    if level == Visibility.PUBLIC:
        return True
    if level == Visibility.PARTNERS:
        return who.best_rank >= VIEWER
    return who.sees_all_restricted


# Actions that need only a rank somewhere in the network.
_MINIMUM_RANK = {
    Action.REVIEW_QUEUE: REVIEWER,
    Action.VIEW_AUDIT: ADMINISTRATOR,
    Action.VIEW_DOCUMENTS: VIEWER,
    Action.EDIT_REGISTER: DOCUMENTER,
}


def _can_by_rank(user: Any, who: Principal, act: Action, obj: Any) -> bool | None:
    """The actions decided by the user's rank alone; None for the others."""
    if act in _MINIMUM_RANK:
        return who.best_rank >= _MINIMUM_RANK[act]
    if act is Action.MANAGE_TOKENS:
        return who.best_rank >= VIEWER and getattr(user, TOKEN_ROLE_ATTR, None) is None
    if act in {Action.CREATE_CASE, Action.ADD_SOURCE}:
        if isinstance(obj, Organisation):
            return who.rank_in(obj.pk) >= DOCUMENTER
        return who.best_rank >= DOCUMENTER
    return None


def _can_on_record(user: Any, who: Principal, act: Action, record: Any) -> bool:
    """Actions on one record, by the user's rank in the organisation that owns it (an edit-level
    share counts for editing and submitting)."""
    owner_id = getattr(record, "owner_id", None) or getattr(record, "organisation_id", None)
    owner_rank = who.rank_in(owner_id)
    if act in {Action.EDIT_CASE, Action.SUBMIT_CASE} and owner_rank < EDITOR:
        owner_rank = max(owner_rank, _edit_share_rank(record, who))
    if act is Action.VIEW_RESTRICTED:
        return who.sees_all_restricted or owner_rank >= VIEWER or _shared_with(record, who)
    if act is Action.REVIEW_CASE:
        return who.best_rank >= REVIEWER and _can_view(user, record)
    if act in {Action.EDIT_CASE, Action.SUBMIT_CASE}:
        if owner_rank >= EDITOR:
            return True
        return owner_rank >= DOCUMENTER and (_case_state(record) or "draft") in _DRAFT_STATES
    if act in _EDITOR_ACTIONS:
        return owner_rank >= EDITOR
    if act is Action.RESTORE_RECORD:
        return owner_rank >= ADMINISTRATOR
    return False


_ORGANISATION_ACTIONS = {
    Action.MANAGE_ORGANISATION: ADMINISTRATOR,
    Action.CREATE_ORGANISATION: ADMINISTRATOR,
    Action.VIEW_REPORTS: VIEWER,
    Action.TRIAGE_REPORT: DOCUMENTER,
}


def _can_organisation(who: Principal, act: Action, obj: Any) -> bool:
    """Organisation administration and the public form's intake, by rank in the organisation.

    Without an object: whether the user holds the rank anywhere (the page opens, filtered).
    An intake item sent to no organisation counts as the network's (network-wide ranks only).
    """
    minimum = _ORGANISATION_ACTIONS[act]
    if act is Action.CREATE_ORGANISATION:
        return who.superuser
    if obj is None:
        return who.best_rank >= minimum
    if isinstance(obj, Organisation):
        return who.rank_in(obj.pk) >= minimum
    organisation_id = getattr(obj, "organisation_id", None)
    if organisation_id is None:
        return who.superuser or who.network_rank >= minimum
    return who.rank_in(organisation_id) >= minimum


def require(user: Any, action: str, obj: Any = None) -> None:
    """Raise ``PermissionDenied`` unless ``can(user, action, obj)``."""
    if not can(user, action, obj):
        raise PermissionDenied(f"Not allowed: {action}")


def roles_up_to_own(user: Any) -> list[Role]:
    """The roles a user may give a token of their own: none above their own best role."""
    best = principal(user).best_rank
    return [role for role in Role if ROLE_RANK[role] <= best]


def organisations_where(user: Any, minimum: str) -> list[Organisation]:
    """Organisations in which the user holds at least ``minimum`` (network-wide counts everywhere)."""
    who = principal(user)
    limit = ROLE_RANK[minimum]
    if who.superuser or who.network_rank >= limit:
        return list(Organisation.objects.all())
    return list(Organisation.objects.filter(pk__in=[o for o, r in who.ranks.items() if r >= limit]))


def permission_required(action: str) -> Callable[[ViewFunc], ViewFunc]:
    """View decorator: anonymous users go to the login page, others without ``action`` get 403.

    The action is kept on the view (``view.required_action``) so the permission-matrix test can
    check every route against ``can`` for every role.
    """

    def decorate(view: ViewFunc) -> ViewFunc:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            require(request.user, action)
            return view(request, *args, **kwargs)

        wrapped.required_action = action  # type: ignore[attr-defined]
        return wrapped

    return decorate
