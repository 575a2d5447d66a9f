"""The visible record as plain data, for one viewer: what every export format writes.

Everything is read through the visibility gate; a reference to a record the viewer may not see
(a restricted source, say) is written as null rather than leaking its id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from django.db.models import Model, Prefetch, QuerySet
from django.utils import timezone

from hrdwatch.core.dates import format_partial_iso
from hrdwatch.partners.models import Organisation
from hrdwatch.records.models import Defender
from hrdwatch.records.visibility import Gate, Viewer

from . import spec
from .spec import Field, Kind

CHUNK = 500


class RecordSerializer:
    """Turns model instances into interchange dicts for one viewer."""

    def __init__(self, viewer: Viewer) -> None:
        self.viewer = viewer
        self.gate = Gate(viewer)
        self.visible_uids: dict[str, set[str]] = {
            "Source": set(self.gate.sources().values_list("uid", flat=True)),
            "Perpetrator": set(self.gate.perpetrators().values_list("uid", flat=True)),
            "PlaceOfDetention": set(self.gate.places().values_list("uid", flat=True)),
        }
        orgs = Organisation.objects.all()
        if viewer.is_public:
            orgs = orgs.filter(is_public=True)
        self.organisations = {o.pk: o for o in orgs}

    # -- one value --------------------------------------------------------------------------
    def value(self, obj: Model, field: Field) -> Any:
        kind = field.kind
        if kind is Kind.PARTIAL_DATE:
            return (
                format_partial_iso(getattr(obj, field.name), getattr(obj, field.precision)) or None
            )
        if kind is Kind.TERM:
            term = getattr(obj, field.name)
            return term.code if term is not None else None
        if kind is Kind.TERMS:
            return sorted(t.code for t in getattr(obj, field.name).all())
        if kind is Kind.REF:
            related = getattr(obj, field.name)
            if related is None or related.uid not in self.visible_uids[field.target]:
                return None
            return related.uid
        if kind is Kind.ORG:
            org_id = getattr(obj, f"{field.name}_id")
            org = self.organisations.get(org_id) if org_id else None
            return org.slug if org else None
        raw = getattr(obj, field.name)
        if isinstance(raw, dt.date):
            return raw.isoformat()
        if isinstance(raw, Decimal):
            return str(raw)
        return raw

    def fields(self, obj: Model, fields: list[Field], with_uid: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {"uid": obj.uid} if with_uid else {}  # type: ignore[attr-defined]
        for field in fields:
            data[field.name] = self.value(obj, field)
        return data

    # -- whole records ---------------------------------------------------------------------
    def defender_queryset(self) -> QuerySet[Defender]:
        gate = self.gate
        events = (
            gate.events()
            .select_related("event_type", "place_of_detention")
            .prefetch_related(
                Prefetch("charges", gate.charges().select_related("category")),
                Prefetch(
                    "perpetrator_links",
                    gate.perpetrator_links().select_related("perpetrator", "role"),
                ),
                Prefetch("evidence", gate.evidence().select_related("source")),
            )
        )
        cases = (
            gate.cases()
            .select_related("status")
            .prefetch_related(
                "wgad_categories",
                Prefetch("events", events),
                Prefetch("interventions", gate.interventions().select_related("intervention_type")),
                Prefetch("sensitive_details", gate.sensitive_details().select_related("kind")),
                Prefetch(
                    "evidence", gate.evidence().filter(event__isnull=True).select_related("source")
                ),
            )
        )
        return (
            gate.defenders()
            .select_related("gender")
            .prefetch_related(
                "roles",
                "areas_of_work",
                Prefetch("names", gate.names().select_related("kind", "seen_in")),
                Prefetch(
                    "sensitive_details",
                    gate.sensitive_details().filter(case__isnull=True).select_related("kind"),
                ),
                Prefetch(
                    "evidence",
                    gate.evidence()
                    .filter(case__isnull=True, event__isnull=True)
                    .select_related("source"),
                ),
                Prefetch("cases", cases),
            )
            .order_by("pk")
        )

    def defenders(self) -> Iterator[dict[str, Any]]:
        """Each visible defender with names, cases, timelines and what supports them."""
        ids = list(self.gate.defenders().order_by("pk").values_list("pk", flat=True))
        base = self.defender_queryset()
        for start in range(0, len(ids), CHUNK):
            for defender in base.filter(pk__in=ids[start : start + CHUNK]):
                yield self.defender(defender)

    def defender(self, defender: Defender) -> dict[str, Any]:
        data = self.fields(defender, spec.DEFENDER)
        data["names"] = [self.fields(n, spec.NAME) for n in defender.names.all()]
        data["sensitive_details"] = [
            self.fields(s, spec.SENSITIVE) for s in defender.sensitive_details.all()
        ]
        data["evidence"] = [self.fields(e, spec.EVIDENCE) for e in defender.evidence.all()]
        data["cases"] = []
        for case in defender.cases.all():
            case_data = self.fields(case, spec.CASE)
            case_data["events"] = []
            for event in case.events.all():
                event_data = self.fields(event, spec.EVENT)
                event_data["charges"] = [self.fields(c, spec.CHARGE) for c in event.charges.all()]
                event_data["perpetrators"] = [
                    self.fields(p, spec.EVENT_PERPETRATOR) for p in event.perpetrator_links.all()
                ]
                event_data["evidence"] = [
                    self.fields(e, spec.EVIDENCE) for e in event.evidence.all()
                ]
                case_data["events"].append(event_data)
            case_data["interventions"] = [
                self.fields(i, spec.INTERVENTION) for i in case.interventions.all()
            ]
            case_data["sensitive_details"] = [
                self.fields(s, spec.SENSITIVE) for s in case.sensitive_details.all()
            ]
            case_data["evidence"] = [self.fields(e, spec.EVIDENCE) for e in case.evidence.all()]
            data["cases"].append(case_data)
        return data

    def header(self) -> dict[str, Any]:
        """Everything but the defenders: format, organisations, places, perpetrators, sources."""
        gate = self.gate
        return {
            "format": spec.FORMAT_NAME,
            "version": spec.FORMAT_VERSION,
            "visibility": self.viewer.level,
            "exported_at": timezone.now().isoformat(timespec="seconds"),
            "organisations": [
                self.fields(o, spec.ORGANISATION, with_uid=False)
                for o in self.organisations.values()
            ],
            "places": [self.fields(p, spec.PLACE) for p in gate.places().order_by("pk")],
            "perpetrators": [
                self.fields(p, spec.PERPETRATOR)
                for p in gate.perpetrators()
                .select_related("perpetrator_type", "parent")
                .order_by("pk")
            ],
            "sources": [self.fields(s, spec.SOURCE) for s in gate.sources().order_by("pk")],
        }
