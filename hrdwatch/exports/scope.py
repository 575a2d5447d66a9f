"""Whose records an import may touch: matching and ownership, kept apart from the file format.

An import acts for one organisation (``--organisation``, or the importing user's only one). It
matches existing records only among that organisation's own (or a case shared with it at the
``edit`` level); an id that belongs to another organisation's record is a row error, never a
takeover. New records belong to the importing organisation (the review workflow publishes them).
An existing record's owner, visibility and review state are never changed by an import. Without
an organisation (an operator's import from the command line, e.g. moving from another system)
owners come from the file, but existing records' owners and workflow fields still never change.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from django.db import models
from django.db.models import Q

from hrdwatch.partners.models import Organisation, Role
from hrdwatch.partners.permissions import Action, can, organisations_where
from hrdwatch.records import models as records

from .convert import RowError

# Fields an import never changes on an existing record (``organisation`` only where it is the
# owner: an intervention's organisation is just who intervened).
WORKFLOW_FIELDS = frozenset({"review_state", "visibility"})
NEVER_UPDATED = WORKFLOW_FIELDS | {"owner", "organisation"}
# Records that belong to an organisation, and the field that says which.
OWNER_FIELD: dict[type[models.Model], str] = {
    records.Defender: "owner",
    records.Case: "owner",
    records.Source: "organisation",
}


class ScopeError(ValueError):
    """The import cannot act for the organisation asked (the message says why)."""


class Match(Enum):
    EDIT = "edit"  # the importing organisation's own record (or a case shared to edit)
    LINK = "link"  # another organisation's record the row may point at but not change


@dataclass(frozen=True)
class ImportScope:
    organisation: Organisation | None = None

    @classmethod
    def resolve(cls, user: Any, slug: str | None) -> ImportScope:
        """The scope for ``--user``/``--organisation``; an error if the user may not import there."""
        if slug:
            organisation = Organisation.objects.filter(slug=slug).first()
            if organisation is None:
                raise ScopeError(f"no organisation {slug!r}")
            if user is not None and not can(user, Action.CREATE_CASE, organisation):
                raise ScopeError(
                    f"{user.get_username()} may not import records for {slug!r} "
                    "(a documenter or above of that organisation may)"
                )
            return cls(organisation)
        if user is None:
            return cls(None)
        mine = organisations_where(user, Role.DOCUMENTER)
        if len(mine) != 1:
            raise ScopeError(
                f"{user.get_username()} documents for {len(mine)} organisations; "
                "say which one imports with --organisation"
            )
        return cls(mine[0])

    def match(self, obj: models.Model) -> Match | None:
        """How the importing organisation may use an existing record found by its id."""
        org = self.organisation
        if org is None or not isinstance(obj, records.Defender | records.Case | records.Source):
            return Match.EDIT
        if isinstance(obj, records.Source):
            return Match.EDIT if obj.organisation_id == org.pk else Match.LINK
        if obj.owner_id == org.pk:
            return Match.EDIT
        case_q = Q(pk=obj.pk) if isinstance(obj, records.Case) else Q(defender=obj)
        shared = records.Case.all_objects.filter(
            case_q, shares__organisation=org, shares__level="edit"
        ).exists()
        if not shared:
            return None
        return Match.EDIT if isinstance(obj, records.Case) else Match.LINK

    def find(
        self, model: type[models.Model], keys: dict[str, Any], location: str
    ) -> tuple[models.Model | None, Match]:
        """The existing record with one of ``keys`` (uid, external_id), and how it may be used."""
        manager: Any = getattr(model, "all_objects", None) or model._default_manager
        for name, value in keys.items():
            if not value:
                continue
            found = manager.filter(**{name: value}).first()
            if found is None:
                continue
            how = self.match(found)
            if how is None:
                raise RowError(
                    f"{location}: {name} {value!r} is already used by another organisation's "
                    "record; an import never changes another organisation's record (ask it to "
                    "share the case with edit rights, or give the row a new id)"
                )
            return found, how
        return None, Match.EDIT

    def values(
        self, model: type[models.Model], values: dict[str, Any], creating: bool
    ) -> dict[str, Any]:
        """The values to write: new records owned by the importing organisation; an existing
        record's owner and workflow fields left as they are."""
        if not creating:
            kept = NEVER_UPDATED if model in OWNER_FIELD else WORKFLOW_FIELDS
            return {k: v for k, v in values.items() if k not in kept}
        if self.organisation is not None and model in OWNER_FIELD:
            values[OWNER_FIELD[model]] = self.organisation
        return values


def duplicate_ids(entries: Iterable[tuple[str, str, dict[str, Any]]]) -> list[tuple[str, str]]:
    """Errors for an id given twice in one file with different content: (location, message).

    ``entries``: (location, "Case uid 'x'" style key, the row's own values). The same defender on
    several rows of a table (one row per case) is fine when the rows agree about the defender.
    """
    first: dict[str, tuple[str, dict[str, Any]]] = {}
    errors = []
    for location, key, content in entries:
        if key not in first:
            first[key] = (location, content)
        elif first[key][1] != content:
            errors.append(
                (
                    location,
                    f"{key} is given twice in this file (first at "
                    f"{first[key][0]}) with different values; give each "
                    "record its own id",
                )
            )
    return errors
