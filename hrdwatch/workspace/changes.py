"""One audited change made readable: the field's translated label and its values as a person reads
them — vocabulary labels, countries by name, partial dates ("March 2024"), related records by
their display name *through the gate* (a record the user may not see is not named).

Restricted values never reach the audit log (``actions.diff`` writes a placeholder); for a
record the gate lets the user see, they are read back from the record's own change history.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from hrdwatch.actions.diff import RESTRICTED
from hrdwatch.core.countries import country_name
from hrdwatch.core.dates import format_partial_human
from hrdwatch.partners.models import Organisation
from hrdwatch.records import models as m
from hrdwatch.records.visibility import Gate
from hrdwatch.vocab.models import Term

COUNTRY_FIELDS = frozenset({"country", "nationality"})
EMPTY = "—"


def is_empty(value: Any) -> bool:
    return value in (None, "", [], {})


def field_label(model: type[models.Model], name: str) -> str:
    try:
        return str(capfirst(model._meta.get_field(name).verbose_name))  # type: ignore[union-attr]
    except LookupError:
        return name


class Reader:
    """Turns stored values into words for one viewer (caches look-ups within one page)."""

    def __init__(self, gate: Gate) -> None:
        self.gate = gate
        self._terms: dict[tuple[str, str], str] = {}
        self._related: dict[tuple[type, Any], str] = {}

    def _gate_rows(self, model: type[models.Model]) -> Any:
        table: dict[Any, Any] = {
            m.Defender: self.gate.defenders,
            m.Case: self.gate.cases,
            m.Event: self.gate.events,
            m.Source: self.gate.sources,
            m.PlaceOfDetention: self.gate.places,
            m.Perpetrator: self.gate.perpetrators,
        }
        rows = table.get(model)
        return rows() if rows else None

    def term(self, field: models.Field, code: Any) -> str:
        remote = getattr(field, "remote_field", None)
        vocabulary = getattr(remote, "limit_choices_to", None) or {}
        key = (
            str(vocabulary.get("vocabulary", "")) if isinstance(vocabulary, dict) else "",
            str(code),
        )
        if key not in self._terms:
            rows = Term.objects.filter(code=code)
            if key[0]:
                rows = rows.filter(vocabulary=key[0])
            found = rows.first()
            self._terms[key] = found.label() if found else str(code)
        return self._terms[key]

    def related(self, model: type[models.Model], value: Any) -> str:
        key = (model, value)
        if key not in self._related:
            self._related[key] = self._find(model, value)
        return self._related[key]

    def _find(self, model: type[models.Model], value: Any) -> str:
        if model is Organisation:
            found = Organisation.objects.filter(pk=value).first()
            return self.gate.organisation_name(found) or _("(not shown)")
        rows = self._gate_rows(model)
        if rows is None:
            return _("(not shown)")
        lookup = "uid" if any(f.name == "uid" for f in model._meta.fields) else "pk"
        found = rows.filter(**{lookup: value}).first()
        if found is None:
            return _("(not shown)")
        if isinstance(found, m.Event):
            when = format_partial_human(found.date, found.date_precision)
            return f"{found.event_type.label()} — {when}"
        if isinstance(found, m.Case):
            return f"{found.defender.display_name} — {country_name(found.country)}"
        return str(found)

    def value(
        self, model: type[models.Model], name: str, value: Any, precision: str | None = None
    ) -> str:
        """``value`` of field ``name`` as stored in the audit log, in words."""
        if value == RESTRICTED:
            return _("(restricted)")
        if is_empty(value):
            return EMPTY
        try:
            field = model._meta.get_field(name)
        except LookupError:
            return str(value)
        return self._field_value(field, value, precision)

    def _field_value(self, field: Any, value: Any, precision: str | None) -> str:
        if isinstance(field, models.ManyToManyField):
            related = field.related_model
            if related is Term:
                return ", ".join(self.term(field, v) for v in value)
            return ", ".join(self.related(related, v) for v in value)
        if isinstance(field, models.ForeignKey):
            if field.related_model is Term:
                return self.term(field, value)
            return self.related(field.related_model, value)
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
        if field.name in COUNTRY_FIELDS and isinstance(value, str):
            return country_name(value) or value
        if isinstance(field, models.BooleanField):
            return _("yes") if value else _("no")
        if isinstance(field, models.DateField) and isinstance(value, str):
            try:
                day = dt.date.fromisoformat(value[:10])
            except ValueError:
                return value
            return format_partial_human(day, precision or "day")
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        return str(value)


def precision_field(model: type[models.Model], name: str) -> str:
    """The field holding a date field's precision ("date" → "date_precision"), or ""."""
    sibling = f"{name}_precision"
    return sibling if any(f.name == sibling for f in model._meta.fields) else ""


def history_value(obj: Any, version: Any, name: str) -> Any:
    """The value ``obj`` had in field ``name`` at ``version`` (its change history), or RESTRICTED."""
    if not isinstance(version, int) or not hasattr(obj, "history"):
        return RESTRICTED
    row = obj.history.filter(version=version).order_by("-history_date").first()
    if row is None:
        return RESTRICTED
    field = obj._meta.get_field(name)
    if isinstance(field, models.ForeignKey):
        related = getattr(row, field.name, None)
        return getattr(related, "uid", None) or getattr(related, "code", None) or None
    value = getattr(row, field.attname, RESTRICTED)
    return value.isoformat() if isinstance(value, dt.date) else value
