"""Importing the interchange format: validate everything first, then apply all-or-nothing.

Records are matched by ``uid``, then by ``external_id`` (so re-importing a file changes nothing);
child rows without either (names, charges, evidence...) are matched by their content. An import
adds and updates but never removes anything a partner entered. Every bad value is reported with
where it is (a CSV line, an XLSX row, a JSON path) and why.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models

from hrdwatch.actions import bulk_load, do_create, do_delete, do_update
from hrdwatch.actions.kinds import WORKFLOW, kind_of
from hrdwatch.audit.log import Actor
from hrdwatch.partners.models import Organisation
from hrdwatch.records import models as records
from hrdwatch.records.levels import Visibility

from . import spec
from .batching import BatchWriter, batches, find_existing
from .convert import Converter, RowError
from .plausibility import implausible
from .scope import ImportScope, Match, duplicate_ids
from .spec import TABLE_COLUMNS, Field, Kind

COLUMN_HELP = {c.name: c.meaning for c in TABLE_COLUMNS}

# (relation name on the parent, child model, child fields, foreign key to the parent)
CHILDREN: dict[type[models.Model], list[tuple[str, type[models.Model], list[Field], str]]] = {
    records.Defender: [
        ("names", records.DefenderName, spec.NAME, "defender"),
        ("sensitive_details", records.SensitiveDetail, spec.SENSITIVE, "defender"),
        ("evidence", records.Evidence, spec.EVIDENCE, "defender"),
        ("cases", records.Case, spec.CASE, "defender"),
    ],
    records.Case: [
        ("events", records.Event, spec.EVENT, "case"),
        ("interventions", records.Intervention, spec.INTERVENTION, "case"),
        ("sensitive_details", records.SensitiveDetail, spec.SENSITIVE, "case"),
        ("evidence", records.Evidence, spec.EVIDENCE, "case"),
    ],
    records.Event: [
        ("charges", records.Charge, spec.CHARGE, "event"),
        ("perpetrators", records.EventPerpetrator, spec.EVENT_PERPETRATOR, "event"),
        ("evidence", records.Evidence, spec.EVIDENCE, "event"),
    ],
}
TOP_LEVEL = [
    ("organisations", Organisation, spec.ORGANISATION),
    ("places", records.PlaceOfDetention, spec.PLACE),
    ("perpetrators", records.Perpetrator, spec.PERPETRATOR),
    ("sources", records.Source, spec.SOURCE),
]
REF_MODELS = {
    "Source": records.Source,
    "Perpetrator": records.Perpetrator,
    "PlaceOfDetention": records.PlaceOfDetention,
}


@dataclass
class Prepared:
    """One record checked and converted, ready to write."""

    model: type[models.Model]
    location: str
    attrs: dict[str, Any]
    m2m: dict[str, list[Any]] = field(default_factory=dict)
    refs: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # name -> (target, uid)
    orgs: dict[str, str | None] = field(default_factory=dict)
    children: list[tuple[str, Prepared]] = field(default_factory=list)  # (fk name, child)
    uid: str | None = None
    columns: dict[str, str] = field(default_factory=dict)  # field -> column as the file names it


@dataclass
class ImportReport:
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)
    errors: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    removals: list[str] = field(default_factory=list)  # what the file no longer holds
    rows_total: int = 0
    rows_skipped: int = 0
    applied: bool = False

    @property
    def invalid_rows(self) -> int:
        """Rows (or records) with at least one error."""
        return len({location.split(", column ")[0] for location, _message in self.errors})

    def count(self, outcome: Counter[str], model: type[models.Model]) -> None:
        outcome[str(model._meta.verbose_name_plural)] += 1


class ImportAborted(Exception):
    """Raised inside the transaction to undo a dry run."""


class Importer:
    """Checks an interchange document and applies it in one transaction."""

    def __init__(
        self,
        *,
        dry_run: bool = False,
        skip_invalid: bool = False,
        user: Any = None,
        refuse_formulas: bool = False,
        label: str = "import",
        prune: bool = False,
        scope: ImportScope | None = None,
    ) -> None:
        self.prune = prune
        self.seen_charges: set[int] = set()
        self.scope = scope or ImportScope()
        self.matches: dict[int, Match] = {}  # id(prepared) -> how its existing record may be used
        self.label = label
        self.dry_run = dry_run
        self.skip_invalid = skip_invalid
        self.user = user
        self.converter = Converter(refuse_formulas)
        self.report = ImportReport()
        self.file_uids: dict[str, set[str]] = {name: set() for name in REF_MODELS}
        self.file_orgs: set[str] = set()
        self.known: dict[tuple[str, str], bool] = {}
        self.refs: dict[tuple[str, str], Any] = {}  # (model name, uid or slug) -> stored record
        self.prefound: dict[int, models.Model] | None = None  # the batch's records found by id

    # -- checking -------------------------------------------------------------------------
    def prepare(
        self,
        model: type[models.Model],
        fields: list[Field],
        data: Any,
        location: str,
        errors: list[tuple[str, str]] | None = None,
    ) -> Prepared:
        """Convert one record and its children; every bad value is added to ``errors``.

        Errors are (where, message): the column as the file names it for CSV/XLSX, else the JSON
        path of the field. Without ``errors`` the first bad value raises RowError.
        """
        collect: list[tuple[str, str]] = [] if errors is None else errors
        if not isinstance(data, dict):
            collect.append((location, "expected an object"))
            data = {}
        if data.get("__error__"):
            collect.append(("", str(data["__error__"])))
        columns: dict[str, str] = data.get("__columns__") or {}
        prepared = Prepared(
            model,
            location,
            {},
            uid=(str(data["uid"]) if data.get("uid") else None),
            columns=columns,
        )
        for f in fields:
            if f.name in data:
                try:
                    self._prepare_field(prepared, f, data[f.name])
                except RowError as exc:
                    where = columns.get(f.name) or (
                        f"{location}.{f.name}" if "." in location else f.name
                    )
                    collect.append((where, str(exc).removeprefix(f"{f.name}: ")))
        for relation, child_model, child_fields, fk in CHILDREN.get(model, []):
            for index, child in enumerate(data.get(relation) or []):
                child_location = f"{location}.{relation}[{index}]"
                prepared.children.append(
                    (fk, self.prepare(child_model, child_fields, child, child_location, collect))
                )
        if errors is None and collect:
            raise RowError(
                "; ".join(f"{where}: {message}" if where else message for where, message in collect)
            )
        return prepared

    def _prepare_field(self, prepared: Prepared, f: Field, value: Any) -> None:
        model = prepared.model
        if f.kind is Kind.REF:
            prepared.refs[f.name] = (f.target, str(value) if value else None)
            return
        if f.kind is Kind.ORG:
            prepared.orgs[f.name] = str(value).strip() if value else None
            return
        model_field = model._meta.get_field(f.name)
        field_choices = getattr(model_field, "choices", None) or []
        choices = {str(c[0]) for c in field_choices} if field_choices else None
        converted = self.converter.convert(f, value, choices)
        if f.kind is Kind.TERMS:
            prepared.m2m.update(converted)
            return
        for key, val in converted.items():
            if val == "" and choices is not None:
                continue  # keep the model's default level/state
            if val == "" and model._meta.get_field(key).null:
                val = None  # empty optional identifiers are NULL, never a shared ""
            if val is None and not model._meta.get_field(key).null:
                raise RowError(f"{f.name}: a value is required")
            prepared.attrs[key] = val

    def check_references(
        self,
        prepared: Prepared,
        errors: list[tuple[str, str]] | None = None,
        columns: dict[str, str] | None = None,
    ) -> None:
        """References to records neither in the file nor in the database are errors."""
        collect: list[tuple[str, str]] = [] if errors is None else errors
        for name, (target, uid) in prepared.refs.items():
            if uid and uid not in self.file_uids[target] and not self._stored(target, uid):
                collect.append((prepared.location, f"{name} refers to unknown {target} {uid!r}"))
        for name, slug in prepared.orgs.items():
            if slug and slug not in self.file_orgs and not self._stored("Organisation", slug):
                where = (columns or {}).get(name) or prepared.location
                collect.append(
                    (
                        where,
                        f"{slug!r} is not an organisation of this instance (expected an "
                        "organisation's slug, see /admin/partners/organisation/)",
                    )
                )
        for _fk, child in prepared.children:
            self.check_references(child, collect, columns)
        if errors is None and collect:
            raise RowError(
                f"{prepared.location}: " + "; ".join(message for _where, message in collect)
            )

    def _stored(self, target: str, key: str) -> bool:
        """Whether the database holds this uid (an organisation: slug); asked once per key."""
        if (target, key) not in self.known:
            stored = (
                Organisation.objects.filter(slug=key)
                if target == "Organisation"
                else REF_MODELS[target].all_objects.filter(uid=key)  # type: ignore[attr-defined]
            )
            self.known[target, key] = stored.exists()
        return self.known[target, key]

    def check(
        self, document: dict[str, Any], locations: list[str] | None = None
    ) -> tuple[list[Prepared], list[Prepared]]:
        """Convert the whole document; returns (top-level records, defenders) that passed."""
        self.report.warnings.extend(document.get("__warnings__") or [])
        header: list[Prepared] = []
        for key, model, fields in TOP_LEVEL:
            for index, data in enumerate(document.get(key) or []):
                try:
                    prepared = self.prepare(model, fields, data, f"{key}[{index}]")
                except RowError as exc:
                    self.report.errors.append((f"{key}[{index}]", str(exc)))
                    continue
                header.append(prepared)
                if model is Organisation:
                    self.file_orgs.add(str(prepared.attrs.get("slug")))
                elif prepared.uid:
                    self.file_uids[model.__name__].add(prepared.uid)
        defenders: list[Prepared] = []
        rows = document.get("defenders") or []
        self.report.rows_total = len(rows)
        for index, data in enumerate(rows):
            location = locations[index] if locations else f"defenders[{index}]"
            row, errors = self._check_row(data, location, header)
            for where, message in dict.fromkeys(errors):  # one error per cell, in the row's order
                self.report.errors.append(self._place(location, where, message))
            if not errors:
                defenders.append(row)
                for where, message in implausible(row):
                    self.report.warnings.append(": ".join(self._place(location, where, message)))
        for prepared in header:
            try:
                self.check_references(prepared)
            except RowError as exc:
                self.report.errors.append((prepared.location, str(exc)))
        self.check_scope(header, defenders)
        return header, defenders

    def _check_row(
        self, data: Any, location: str, header: list[Prepared]
    ) -> tuple[Prepared, list[tuple[str, str]]]:
        """One defender entry with the sources and places a table row cites; all its errors."""
        errors: list[tuple[str, str]] = (
            list(data.get("__errors__") or []) if isinstance(data, dict) else []
        )
        cited = data.get("__header__") or [] if isinstance(data, dict) else []
        for key, entry in cited:
            model, fields = {
                "sources": (records.Source, spec.SOURCE),
                "places": (records.PlaceOfDetention, spec.PLACE),
            }[key]
            if entry["uid"] in self.file_uids[model.__name__]:
                continue  # an earlier row brought it
            before = len(errors)
            prepared_entry = self.prepare(model, fields, entry, location, errors)
            if len(errors) == before:
                header.append(prepared_entry)
                self.file_uids[model.__name__].add(entry["uid"])
        prepared = self.prepare(records.Defender, spec.DEFENDER, data, location, errors)
        columns = data.get("__columns__") if isinstance(data, dict) else None
        self.check_references(prepared, errors, columns)
        if (
            cited
        ):  # a table row: references to its own refused source/place are not errors of their own
            errors = [e for e in errors if "refers to unknown" not in e[1]] or errors
        return prepared, errors

    @staticmethod
    def _place(location: str, where: str, message: str) -> tuple[str, str]:
        """(where, what): ``line 7, column arrest_date`` for a table, the JSON path otherwise."""
        if not where or where == location:
            return location, message
        if "[" in where or "." in where:
            return location, f"{where}: {message}"
        if location.startswith(("line ", "row ")):
            return f"{location}, column {where}", Importer._explain(where, message)
        return location, f"{where}: {message}"

    @staticmethod
    def _explain(where: str, message: str) -> str:
        """Add what the column accepts when the message does not already say it."""
        if any(
            word in message
            for word in ("expected", "known:", "accepted", "give one value", "formula", "too large")
        ):
            return message.removeprefix(f"{where}: ")
        column = COLUMN_HELP.get(where.lower())
        return f"{message}; accepted: {column}" if column else message

    def check_scope(self, header: list[Prepared], defenders: list[Prepared]) -> None:
        """Ids used twice in the file, and ids of records the importing organisation may not
        change (``scope.py``), are errors of their rows."""
        every = [*header, *self._tree(defenders)]
        self.report.errors += duplicate_ids(
            (p.location, f"{p.model.__name__} id {key!r}", {**p.attrs, **p.m2m})
            for p in every
            for key in (p.uid, p.attrs.get("external_id"))
            if key
        )
        for part in batches(every):
            found = find_existing(part)
            for prepared in part:
                obj = found.get(id(prepared))
                if obj is None or self.scope.match(obj) is not None:
                    continue
                keys = {"uid": prepared.uid, "external_id": prepared.attrs.get("external_id")}
                try:  # another organisation's record: the scope says why it is refused
                    self.scope.find(prepared.model, keys, prepared.location)
                except RowError as exc:
                    self.report.errors.append(
                        (prepared.location, str(exc).removeprefix(f"{prepared.location}: "))
                    )

    def _tree(self, prepared: list[Prepared]) -> list[Prepared]:
        return [p2 for p in prepared for p2 in [p, *self._tree([c for _fk, c in p.children])]]

    # -- applying ---------------------------------------------------------------------------
    def run(self, document: dict[str, Any], locations: list[str] | None = None) -> ImportReport:
        header, defenders = self.check(document, locations)
        if self.report.errors and not self.skip_invalid:
            return self.report
        self.report.rows_skipped = self.report.rows_total - len(defenders)
        actor = Actor(self.user, via="import")
        try:
            with bulk_load(actor, via="import", label=self.label) as load:
                writer = BatchWriter(self, load)
                writer.apply(header)
                writer.apply(defenders)
                if self.dry_run:
                    raise ImportAborted
        except ImportAborted:
            return self.report
        self.report.applied = True
        return self.report

    def find(self, prepared: Prepared, parent: dict[str, Any]) -> models.Model | None:
        manager: Any = (
            getattr(prepared.model, "all_objects", None) or prepared.model._default_manager
        )
        if prepared.model is Organisation:
            return manager.filter(slug=prepared.attrs.get("slug")).first()
        keys = {"uid": prepared.uid, "external_id": prepared.attrs.get("external_id")}
        found: models.Model | None
        if self.prefound is not None and id(prepared) in self.prefound:
            found = self.prefound[id(prepared)]  # looked up with its batch
            how = self.scope.match(found)
            if how is None:
                self.scope.find(prepared.model, keys, prepared.location)  # raises why
            self.matches[id(prepared)] = how or Match.EDIT
        else:
            found, self.matches[id(prepared)] = self.scope.find(
                prepared.model, keys, prepared.location
            )
        if found is not None or keys["external_id"]:
            return found
        if parent:
            content = {k: v for k, v in prepared.attrs.items() if not isinstance(v, dict)}
            content.update({f"{k}__uid": v for k, (_t, v) in prepared.refs.items()})
            return manager.filter(**parent, **content).first()
        return None

    def prefetch_refs(self, prepared: Iterable[Prepared]) -> None:
        """Load the records these entries refer to, one query per model (see ``resolve``)."""
        wanted: dict[str, set[str]] = {}
        for p in prepared:
            for target, uid in p.refs.values():
                if uid and (target, uid) not in self.refs:
                    wanted.setdefault(target, set()).add(uid)
        for target, uids in wanted.items():
            for part in batches(sorted(uids)):
                for obj in REF_MODELS[target].all_objects.filter(uid__in=part):  # type: ignore[attr-defined]
                    self.refs[target, obj.uid] = obj

    def resolve(self, prepared: Prepared) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name, (target, uid) in prepared.refs.items():
            if uid and (target, uid) not in self.refs:
                self.refs[target, uid] = REF_MODELS[target].all_objects.get(uid=uid)  # type: ignore[attr-defined]
            values[name] = self.refs[target, uid] if uid else None
        for name, slug in prepared.orgs.items():
            if slug and ("Organisation", slug) not in self.refs:
                self.refs["Organisation", slug] = Organisation.objects.get(slug=slug)
            values[name] = self.refs["Organisation", slug] if slug else None
        return values

    def save(self, prepared: Prepared, parent: dict[str, Any]) -> models.Model:
        values = {**prepared.attrs, **self.resolve(prepared), **parent}
        obj = self.find(prepared, parent)
        if prepared.model is Organisation:
            return self._save_organisation(prepared, obj, values)
        kind = kind_of(prepared.model)
        for name in WORKFLOW & kind.workflow:  # only the review workflow sets these
            if obj is not None or name == "review_state" or values.get(name) == Visibility.PUBLIC:
                values.pop(name, None)
        values.update(prepared.m2m)
        values = self.scope.values(prepared.model, values, creating=obj is None)
        if self.matches.get(id(prepared)) is Match.LINK:
            return self._link(prepared, obj)
        if obj is None:
            obj = (
                do_create(None, prepared.model, uid=prepared.uid, **values)
                if prepared.uid
                else do_create(None, prepared.model, **values)
            )
            outcome = self.report.created
        else:
            before = getattr(obj, "version", None)
            obj = do_update(None, obj, version=None, **values)
            outcome = (
                self.report.updated
                if getattr(obj, "version", None) != before
                else self.report.unchanged
            )
        self.report.count(outcome, prepared.model)
        if prepared.model is records.Charge:
            self.seen_charges.add(obj.pk)
        for fk, child in prepared.children:
            self.save(child, {fk: obj})
        if prepared.model is records.Case:
            self._stale_charges(obj, prepared.location.split(".")[0])
        return obj

    def _stale_charges(self, case: Any, location: str) -> None:
        """Charges of a case in the file that the file no longer lists: reported; removed with --prune."""
        stale = records.Charge.objects.filter(event__case=case).exclude(pk__in=self.seen_charges)
        for charge in stale.order_by("pk"):
            what = f"charge {charge.wording!r}" + (
                f" ({charge.legal_provision})" if charge.legal_provision else ""
            )
            self.report.removals.append(
                f"{location}: {what} of case {case.external_id or case.uid} "
                "is no longer in the file"
            )
            if self.prune:
                do_delete(None, charge, reason=f"no longer in {self.label.split(' ')[0]} (--prune)")
                self.report.count(self.report.removed, records.Charge)

    def _link(self, prepared: Prepared, obj: Any) -> Any:
        """Another organisation's record the row may point at (a source it cites, the defender of
        a case shared with it to edit): left unchanged; only shared cases below it are saved."""
        self.report.count(self.report.unchanged, prepared.model)
        for fk, child in prepared.children:
            if child.model is records.Case and self.find(child, {fk: obj}) is not None:
                self.save(child, {fk: obj})
        return obj

    def _save_organisation(self, prepared: Prepared, obj: Any, values: dict[str, Any]) -> Any:
        """Organisations are configuration, not the record: saved as they come."""
        if obj is None:
            obj, outcome = Organisation(**values), self.report.created
        else:
            changed = [k for k, v in values.items() if getattr(obj, k) != v]
            for key in changed:
                setattr(obj, key, values[key])
            outcome = self.report.updated if changed else self.report.unchanged
        if outcome is not self.report.unchanged:
            obj.save()
        self.report.count(outcome, Organisation)
        return obj
