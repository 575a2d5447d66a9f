"""The defender page: who they are, each deprivation of liberty with its sourced timeline, and what
a visitor can do; plus the case's Atom feed."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode

from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from hrdwatch.core.countries import country_name
from hrdwatch.core.dates import format_partial_human
from hrdwatch.core.text import detect_script
from hrdwatch.records.models import (
    Case,
    Charge,
    Defender,
    Event,
    EventPerpetrator,
    Intervention,
    Source,
)
from hrdwatch.records.visibility import Gate, Viewer

from .. import caching
from ..figures import today
from ..labels import language
from ..letters import letter_for
from ..rows import days_detained


@dataclass
class CaseView:
    case: Case
    country_name: str
    status: str
    days: int | None
    summary: str
    conditions: str
    timeline: list[dict[str, Any]] = field(default_factory=list)
    charges: list[dict[str, str]] = field(default_factory=list)
    sentences: list[dict[str, Any]] = field(default_factory=list)
    interventions: list[dict[str, Any]] = field(default_factory=list)
    wgad: list[str] = field(default_factory=list)
    perpetrators: list[str] = field(default_factory=list)
    letter: Any = None
    is_current: bool = False


class Citations:
    """Numbers sources in order of first citation, so each fact points to its source."""

    def __init__(self) -> None:
        self.sources: list[Source] = []
        self._numbers: dict[int, int] = {}

    def number(self, source: Source) -> int:
        if source.pk not in self._numbers:
            self.sources.append(source)
            self._numbers[source.pk] = len(self.sources)
        return self._numbers[source.pk]


def public_defender(uid: str) -> tuple[Gate, Defender]:
    gate = Gate(Viewer.public())
    defender = gate.defenders().select_related("gender").filter(uid=uid).first()
    if defender is None:
        raise Http404("No public record with this identifier.")
    return gate, defender


@dataclass
class CaseFacts:
    """What a defender's cases show, read with one query per kind for all of them at once.

    Per-case queries made a defender with three cases three times as slow as one with one.
    """

    events: dict[int, list[Event]]
    evidence: dict[tuple[int, int | None], list[Source]]
    places: set[int]
    charges: dict[int, list[Charge]]
    perpetrators: dict[int, list[EventPerpetrator]]
    interventions: dict[int, list[Intervention]]

    @classmethod
    def load(cls, gate: Gate, cases: list[Case]) -> CaseFacts:
        case_ids = [c.pk for c in cases]
        events: dict[int, list[Event]] = defaultdict(list)
        case_of_event: dict[int, int] = {}
        for event in gate.events().filter(case_id__in=case_ids).select_related(
            "event_type", "place_of_detention"
        ).order_by("date", "id"):
            events[event.case_id].append(event)
            case_of_event[event.pk] = event.case_id
        event_ids = list(case_of_event)
        evidence: dict[tuple[int, int | None], list[Source]] = defaultdict(list)
        # The cases' evidence and the evidence of their events that names no case.
        cited = Q(case_id__in=case_ids) | Q(event_id__in=event_ids, case__isnull=True)
        for item in gate.evidence().filter(cited).select_related("source").order_by("source__published", "pk"):
            if item.case_id is not None:
                evidence[(item.case_id, item.event_id)].append(item.source)
            elif item.event_id is not None:
                evidence[(case_of_event[item.event_id], item.event_id)].append(item.source)
        charges: dict[int, list[Charge]] = defaultdict(list)
        for charge in gate.charges().filter(event_id__in=event_ids).select_related("category").order_by("pk"):
            charges[charge.event_id].append(charge)
        perpetrators: dict[int, list[EventPerpetrator]] = defaultdict(list)
        for link in gate.perpetrator_links().filter(event_id__in=event_ids).select_related(
            "perpetrator", "role"
        ).order_by("pk"):
            perpetrators[link.event_id].append(link)
        interventions: dict[int, list[Intervention]] = defaultdict(list)
        for intervention in gate.interventions().filter(case_id__in=case_ids).select_related(
            "intervention_type", "organisation"
        ).order_by("pk"):
            interventions[intervention.case_id].append(intervention)
        return cls(
            events=events, evidence=evidence,
            places=set(gate.places().filter(events__in=event_ids).values_list("pk", flat=True)),
            charges=charges, perpetrators=perpetrators, interventions=interventions,
        )


def _case_view(case: Case, facts: CaseFacts, gate: Gate, lang: str, citations: Citations, name: str) -> CaseView:
    events = facts.events.get(case.pk, [])
    places = facts.places
    evidence: dict[int | None, list[Source]] = {
        event_id: sources for (case_id, event_id), sources in facts.evidence.items() if case_id == case.pk
    }
    charges_by_event: dict[int, list[dict[str, str]]] = defaultdict(list)
    charges = []
    for event in events:
        for charge in facts.charges.get(event.pk, []):
            described = {"wording": charge.wording, "provision": charge.legal_provision,
                         "category": charge.category.label(lang)}
            charges_by_event[charge.event_id].append(described)
            charges.append(described)
    perpetrators: dict[int, list[str]] = defaultdict(list)
    for event in events:
        for link in facts.perpetrators.get(event.pk, []):
            perpetrators[link.event_id].append(f"{link.perpetrator.name} ({link.role.label(lang)})")
    view = CaseView(
        case=case, country_name=country_name(case.country, lang), status=case.status.label(lang),
        days=days_detained(case), summary=case.translated("summary", lang),
        conditions=case.translated("detention_conditions", lang),
        wgad=[t.label(lang) for t in case.wgad_categories.all()],
        is_current=case.release_date is None and days_detained(case) is not None,
    )
    for event in events:
        sources = sorted({citations.number(s) for s in evidence.get(event.pk, [])})
        place = event.place
        if event.place_of_detention_id in places and event.place_of_detention:
            place = ", ".join(p for p in (event.place_of_detention.name, event.place_of_detention.city) if p)
        view.timeline.append({
            "event": event, "type": event.event_type.label(lang),
            "date": format_partial_human(event.date, event.date_precision),
            "iso": event.date.isoformat() if event.date else "", "certainty": event.get_certainty_display(),
            "place": place, "description": event.translations.get(lang, {}).get("description") or event.description,
            "charges": charges_by_event.get(event.pk, []), "perpetrators": perpetrators.get(event.pk, []),
            "sources": sources,
        })
        if event.sentence_kind:
            view.sentences.append(_sentence(event))
    for source in evidence.get(None, []):
        citations.number(source)
    for intervention in facts.interventions.get(case.pk, []):
        view.interventions.append({
            "type": intervention.intervention_type.label(lang), "title": intervention.title,
            "date": format_partial_human(intervention.date, intervention.date_precision),
            "organisation": gate.organisation_name(intervention.organisation),
            "outcome": intervention.outcome, "url": intervention.url,
        })
    view.charges = charges
    view.perpetrators = sorted({p for items in perpetrators.values() for p in items})
    if view.is_current:
        view.letter = letter_for(case, name, [c["wording"] for c in charges], lang)
    return view


def _sentence(event: Event) -> dict[str, Any]:
    months = event.sentence_months
    if event.sentence_kind == "term" and months:
        years, rest = divmod(months, 12)
        length = _("%(years)s years %(months)s months") % {"years": years, "months": rest}
    else:
        length = event.get_sentence_kind_display()
    fine = f"{event.fine_amount} {event.fine_currency}" if event.fine_amount else ""
    return {"kind": event.get_sentence_kind_display(), "length": length, "fine": fine,
            "date": format_partial_human(event.date, event.date_precision)}


def defender_page(request: HttpRequest, uid: str) -> HttpResponse:
    url = request.build_absolute_uri(reverse("publication:defender", args=[uid]))
    context = caching.cached(
        "defender", f"{uid}:{language()}:{today().isoformat()}:{url}", lambda: defender_context(uid, url)
    )
    return render(request, "publication/defender.html", context)


def defender_context(uid: str, url: str) -> dict[str, Any]:
    """Everything the page shows, cached per language and day (days in detention change daily)."""
    gate, defender = public_defender(uid)
    lang = language()
    names = [
        {"name": n.name, "script": n.script or detect_script(n.name), "language": n.language,
         "kind": n.kind.label(lang) if n.kind else ""}
        for n in gate.names().filter(defender=defender).select_related("kind")
    ]
    citations = Citations()
    public_cases = list(
        gate.cases().filter(defender=defender).select_related("status").prefetch_related("wgad_categories")
        .order_by("-arrest_date", "pk")
    )
    facts = CaseFacts.load(gate, public_cases)
    cases = [_case_view(case, facts, gate, lang, citations, defender.display_name) for case in public_cases]
    title = defender.display_name
    share_text = _("Free %(name)s, human rights defender") % {"name": title}
    share = [
        ("Email", "mailto:?" + urlencode({"subject": share_text, "body": url}, quote_via=quote)),
        ("Mastodon", "https://mastodonshare.com/?" + urlencode({"text": share_text, "url": url})),
        ("X", "https://x.com/intent/post?" + urlencode({"text": share_text, "url": url})),
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
        ("WhatsApp", "https://wa.me/?" + urlencode({"text": f"{share_text} {url}"})),
        ("Telegram", "https://t.me/share/url?" + urlencode({"url": url, "text": share_text})),
    ]
    updated = max([defender.updated_at, *[c.case.updated_at for c in cases]])
    citation = _("%(name)s. Record %(uid)s, last updated %(updated)s. hrdwatch. %(url)s (accessed %(today)s).") % {
        "name": title, "uid": defender.uid, "updated": updated.date().isoformat(), "url": url,
        "today": today().isoformat(),
    }
    return {
        "defender": defender, "names": names, "cases": cases, "sources": citations.sources,
        "photo": gate.may_see_photo(defender),
        "roles": [t.label(lang) for t in defender.roles.all()],
        "areas": [t.label(lang) for t in defender.areas_of_work.all()],
        "gender": defender.gender.label(lang) if defender.gender else "",
        "biography": defender.translated("biography", lang),
        "nationality": country_name(defender.nationality, lang) if defender.nationality else "",
        "birth": format_partial_human(defender.birth_date, defender.birth_date_precision) if defender.birth_date else "",
        "share": share, "url": url, "citation": citation, "updated": updated,
    }
