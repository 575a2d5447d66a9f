"""Reviewers' additions to the alias table (names no transliteration connects, such as a Uyghur
name and its Chinese-character form): added and withdrawn only here, each change audited.

The next linkage run (``hrdwatch propose_merges``, candidate matching) reads them with the
shipped ``aliases.yaml``.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from hrdwatch.audit.log import Actor, record
from hrdwatch.partners.permissions import Action, require

from .models import NameAlias


def do_add_alias(actor: Any, name: str, same_as: str, note: str = "") -> NameAlias:
    """Record that ``name`` and ``same_as`` are spellings of one name."""
    who = Actor.of(actor)
    require(who.user, Action.REVIEW_QUEUE)
    name, same_as = name.strip(), same_as.strip()
    if not name or not same_as or name.casefold() == same_as.casefold():
        raise ValueError("an alias needs two different spellings")
    with transaction.atomic():
        alias = NameAlias.objects.create(
            name=name,
            same_as=same_as,
            note=note,
            added_by=who.user if getattr(who.user, "is_authenticated", False) else None,
        )
        record(who, "linkage.alias_added", alias, details={"alias": alias.pk})
    return alias


def do_remove_alias(actor: Any, alias: NameAlias) -> None:
    """Withdraw an alias; the audit entry keeps both spellings so it can be added back."""
    who = Actor.of(actor)
    require(who.user, Action.REVIEW_QUEUE)
    with transaction.atomic():
        record(
            who,
            "linkage.alias_removed",
            alias,
            details={"name": alias.name, "same_as": alias.same_as, "note": alias.note},
        )
        alias.delete()
