"""The alias table: names that no transliteration connects, curated by reviewers.

It lives in ``aliases.yaml`` (shipped, reviewed like code) and, inside the application, in
``linkage.NameAlias`` rows that reviewers add; the ``link`` command reads the file (and any extra
file given with ``--aliases``) so that it needs no database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from .forms import forms_of
from .names import PersonName, person_name

DEFAULT_ALIAS_FILE = Path(__file__).with_name("aliases.yaml")


@dataclass
class AliasTable:
    """Form key (sorted canonical tokens) -> alias group ids."""

    index: dict[str, set[str]] = field(default_factory=dict)

    def add_group(self, group_id: str, names: Iterable[str]) -> None:
        for name in names:
            for form in forms_of(name):
                self.index.setdefault(form.key, set()).add(group_id)

    def person_name(
        self,
        name: str,
        original: str = "",
        others: Iterable[str] = (),
        country: str = "",
    ) -> PersonName:
        """A record's name (and its other known names) with the alias groups they belong to."""
        plain = person_name(name, original, frozenset(), others, country)
        groups = frozenset(group for form in plain.forms for group in self.index.get(form.key, ()))
        return replace(plain, alias_groups=groups) if groups else plain


def load_alias_table(*paths: Path) -> AliasTable:
    """The shipped alias file plus any extra files (same YAML shape: ``groups: [{names: [...]}]``)."""
    table = AliasTable()
    for path in (DEFAULT_ALIAS_FILE, *paths):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for number, group in enumerate(data.get("groups", [])):
            table.add_group(f"{path.name}:{number}", group["names"])
    return table
