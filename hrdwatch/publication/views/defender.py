"""The defender page: who they are, each deprivation of liberty with its sourced timeline, and what
a visitor can do; plus the case's Atom feed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import quote, urlencode

from django.db import connection, transaction
from django.db.models import CharField, Q, QuerySet, Value
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
    DefenderName,
    Event,
    EventPerpetrator,
    Intervention,
    PlaceOfDetention,
    Source,
)
from hrdwatch.records.status import days_detained, standing, timeline_order
from hrdwatch.records.visibility import Gate, Viewer
from hrdwatch.review.models import Decision, Review
from hrdwatch.vocab.models import Term

from .. import caching
from ..figures import today
from ..labels import language
from ..rows import status_label


@dataclass
class PageHooks:
    """What an app above the public pages adds to a defender's page: advocacy registers the
    letter of a current case and the "Take action" block in its ``AppConfig.ready`` (the page
    works without them)."""

    letter: Callable[[Case, str, list[Any], str], Any] | None = None
    action: Callable[[str, str, list[Any], str, list[tuple[str, str]], str], Any] | None = None


HOOKS = PageHooks()


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
    disputed: bool = False
    unverified_since: Any = None
    stale: bool = False
    verified_by: str = ""


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


@dataclass(frozen=True)
class PublicQuerysets:
    """The gate's public querysets for this page, built once per process.

    Building the gate's rules into a queryset (resolving every lookup and join) cost more Python
    than running the queries; each request now clones these (about 20 times cheaper) and adds
    its own filter. They hold no rows: a queryset is evaluated only on a clone.
    """

    defenders: QuerySet[Defender]
    names: QuerySet[Any]
    cases: QuerySet[Case]
    events: QuerySet[Event]
    evidence: QuerySet[Any]
    charges: QuerySet[Charge]
    perpetrator_links: QuerySet[EventPerpetrator]
    interventions: QuerySet[Intervention]
    places: QuerySet[PlaceOfDetention]


@cache
def public_querysets() -> PublicQuerysets:
    gate = Gate(Viewer.public())
    return PublicQuerysets(
        defenders=gate.defenders(),
        names=gate.names(),
        cases=gate.cases(),
        events=gate.events(),
        # Only what the page cites: a source row also holds its archived text.
        evidence=gate.evidence()
        .select_related("source")
        .only(
            "case_id",
            "event_id",
            "source",
            "source__url",
            "source__title",
            "source__publisher",
            "source__published",
        ),
        charges=gate.charges(),
        perpetrator_links=gate.perpetrator_links()
        .select_related("perpetrator")
        .only("event_id", "role_id", "perpetrator", "perpetrator__name"),
        interventions=gate.interventions().select_related("organisation"),
        places=gate.places(),
    )


@contextmanager
def joins_as_written() -> Iterator[None]:
    """On PostgreSQL, plan the page's queries with their joins in the order they are written.

    Each gate queryset starts at the table its filter narrows to a few rows (a defender's
    events, those events' charges...) and joins up to the case and the defender from there; that
    written order is the plan PostgreSQL picks anyway, but it spent more time choosing it than
    running the queries (about 6 ms of planning a page at 100,000 defenders, most of it on the
    evidence's eight tables). ``join_collapse_limit = 1`` keeps the order and halves planning.
    The setting is local to the page's transaction (put back if a caller's transaction goes
    on); SQLite has nothing to change.
    """
    if connection.vendor != "postgresql":
        yield
        return
    inside = connection.in_atomic_block
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL join_collapse_limit = 1")
        yield
        if inside:  # the transaction goes on after the page: put the setting back for what follows
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL join_collapse_limit TO DEFAULT")
        # (On an error the savepoint or transaction is rolled back, and the setting with it.)


def public_defender(uid: str) -> tuple[Gate, Defender]:
    defender = public_querysets().defenders.filter(uid=uid).first()
    if defender is None:
        raise Http404("No public record with this identifier.")
    return Gate(Viewer.public()), defender


def vocabulary_terms() -> dict[int, Term]:
    """Every term by id, in one small query: the page's querysets join no term table (each such
    join made PostgreSQL plan a bigger join for a label)."""
    return {
        t.pk: t
        for t in Term.objects.order_by().defer("description_en", "description_fr", "description_es")
    }


def _term_links(defender: Defender, case_ids: list[int]) -> dict[tuple[str, int], list[int]]:
    """The defender's roles and areas of work and the cases' WGAD categories, in one query.

    Keys are ("role" | "area", defender id) or ("wgad", case id); values are term ids.
    """
    kind = CharField()
    roles = Defender.roles.through.objects.filter(defender_id=defender.pk).values_list(
        Value("role", output_field=kind), "defender_id", "term_id"
    )
    areas = Defender.areas_of_work.through.objects.filter(defender_id=defender.pk).values_list(
        Value("area", output_field=kind), "defender_id", "term_id"
    )
    wgad = Case.wgad_categories.through.objects.filter(case_id__in=case_ids).values_list(
        Value("wgad", output_field=kind), "case_id", "term_id"
    )
    links: dict[tuple[str, int], list[int]] = defaultdict(list)
    for name, owner, term in roles.union(areas, wgad, all=True):
        links[(name, owner)].append(term)
    return links


def _labels(term_ids: list[int], terms: dict[int, Term], lang: str) -> list[str]:
    """Labels in the vocabulary's own order (as ``ManyToManyField.all()`` would give them)."""
    chosen = sorted(
        (terms[pk] for pk in term_ids), key=lambda t: (t.vocabulary, t.sort_order, t.code)
    )
    return [t.label(lang) for t in chosen]


@dataclass
class CaseFacts:
    """What a defender's cases show, read with one query per kind for all of them at once.

    Per-case queries made a defender with three cases three times as slow as one with one.
    """

    events: dict[int, list[Event]]
    evidence: dict[tuple[int, int | None], list[Source]]
    places: dict[int, PlaceOfDetention]
    charges: dict[int, list[Charge]]
    perpetrators: dict[int, list[EventPerpetrator]]
    interventions: dict[int, list[Intervention]]

    @classmethod
    def load(cls, cases: list[Case], terms: dict[int, Term]) -> CaseFacts:
        public = public_querysets()
        case_ids = [c.pk for c in cases]
        events: dict[int, list[Event]] = defaultdict(list)
        case_of_event: dict[int, int] = {}
        place_ids: set[int] = set()
        for event in public.events.filter(case_id__in=case_ids).order_by("date", "id"):
            event.event_type = terms[event.event_type_id]
            events[event.case_id].append(event)
            case_of_event[event.pk] = event.case_id
            if event.place_of_detention_id is not None:
                place_ids.add(event.place_of_detention_id)
        event_ids = list(case_of_event)
        evidence: dict[tuple[int, int | None], list[Source]] = defaultdict(list)
        # The cases' evidence and the evidence of their events that names no case.
        cited = Q(case_id__in=case_ids)
        if event_ids:
            cited |= Q(event_id__in=event_ids, case__isnull=True)
        for item in public.evidence.filter(cited).order_by("source__published", "pk"):
            if item.case_id is not None:
                evidence[(item.case_id, item.event_id)].append(item.source)
            elif item.event_id is not None:
                evidence[(case_of_event[item.event_id], item.event_id)].append(item.source)
        charges: dict[int, list[Charge]] = defaultdict(list)
        perpetrators: dict[int, list[EventPerpetrator]] = defaultdict(list)
        if event_ids:  # nothing to ask about a case without a public event
            for charge in public.charges.filter(event_id__in=event_ids).order_by("pk"):
                charge.category = terms[charge.category_id]
                charges[charge.event_id].append(charge)
            for link in public.perpetrator_links.filter(event_id__in=event_ids).order_by("pk"):
                link.role = terms[link.role_id]
                perpetrators[link.event_id].append(link)
        interventions: dict[int, list[Intervention]] = defaultdict(list)
        for intervention in public.interventions.filter(case_id__in=case_ids).order_by("pk"):
            intervention.intervention_type = terms[intervention.intervention_type_id]
            interventions[intervention.case_id].append(intervention)
        # Places of detention the public may see, by id (no join to the events: they are known).
        places = (
            {p.pk: p for p in public.places.filter(pk__in=place_ids).order_by()}
            if place_ids
            else {}
        )
        return cls(
            events=events,
            evidence=evidence,
            places=places,
            charges=charges,
            perpetrators=perpetrators,
            interventions=interventions,
        )


def _case_view(
    case: Case,
    facts: CaseFacts,
    gate: Gate,
    lang: str,
    citations: Citations,
    name: str,
    wgad: list[str],
) -> CaseView:
    events = timeline_order(facts.events.get(case.pk, []))
    evidence: dict[int | None, list[Source]] = {
        event_id: sources
        for (case_id, event_id), sources in facts.evidence.items()
        if case_id == case.pk
    }
    charges_by_event, charges = _charges(events, facts, lang)
    perpetrators: dict[int, list[str]] = defaultdict(list)
    for event in events:
        for link in facts.perpetrators.get(event.pk, []):
            perpetrators[link.event_id].append(f"{link.perpetrator.name} ({link.role.label(lang)})")
    view = _view_of(case, gate, lang, wgad)
    for event in events:
        item = _timeline_item(event, lang, facts, evidence.get(event.pk, []), citations)
        item["charges"] = charges_by_event.get(event.pk, [])
        item["perpetrators"] = perpetrators.get(event.pk, [])
        view.timeline.append(item)
        if event.sentence_kind:
            view.sentences.append(_sentence(event))
    for source in evidence.get(None, []):
        citations.number(source)
    view.interventions = [
        {
            "type": intervention.intervention_type.label(lang),
            "title": intervention.title,
            "date": format_partial_human(intervention.date, intervention.date_precision),
            "organisation": gate.organisation_name(intervention.organisation),
            "outcome": intervention.outcome,
            "url": intervention.url,
        }
        for intervention in facts.interventions.get(case.pk, [])
    ]
    view.charges = charges
    view.perpetrators = sorted({p for items in perpetrators.values() for p in items})
    if view.is_current and HOOKS.letter is not None:
        view.letter = HOOKS.letter(case, name, charges, lang)
    return view


def _view_of(case: Case, gate: Gate, lang: str, wgad: list[str]) -> CaseView:
    """The case's heading facts: status as the public is told it, days, verification."""
    days = days_detained(case)
    state = standing(case)
    return CaseView(
        case=case,
        country_name=country_name(case.country, lang),
        status=status_label(case, state, lang),
        days=days,
        summary=case.translated("summary", lang),
        conditions=case.translated("detention_conditions", lang),
        wgad=wgad,
        is_current=case.release_date is None and state.detained and days is not None,
        disputed=state.disputed,
        unverified_since=state.unverified_since,
        stale=state.stale,
        verified_by=verified_by(case, gate),
    )


def _charges(
    events: list[Event], facts: CaseFacts, lang: str
) -> tuple[dict[int, list[dict[str, str]]], list[dict[str, str]]]:
    """The case's charges as worded, per event and in timeline order."""
    by_event: dict[int, list[dict[str, str]]] = defaultdict(list)
    charges = []
    for event in events:
        for charge in facts.charges.get(event.pk, []):
            described = {
                "wording": charge.wording,
                "provision": charge.legal_provision,
                "category": charge.category.label(lang),
            }
            by_event[charge.event_id].append(described)
            charges.append(described)
    return by_event, charges


def _timeline_item(
    event: Event, lang: str, facts: CaseFacts, sources: list[Source], citations: Citations
) -> dict[str, Any]:
    """One line of the public timeline, its sources numbered as they first appear."""
    place = event.place
    detention = (
        facts.places.get(event.place_of_detention_id) if event.place_of_detention_id else None
    )
    if detention is not None:
        place = ", ".join(p for p in (detention.name, detention.city) if p)
    return {
        "event": event,
        "type": event.event_type.label(lang),
        "date": format_partial_human(event.date, event.date_precision),
        "iso": event.date.isoformat() if event.date else "",
        "certainty": event.get_certainty_display(),
        "place": place,
        "description": event.translations.get(lang, {}).get("description") or event.description,
        "sources": sorted({citations.number(s) for s in sources}),
    }


def _names(
    names: QuerySet[DefenderName], terms: dict[int, Term], lang: str
) -> list[dict[str, str]]:
    return [
        {
            "name": n.name,
            "script": n.script or detect_script(n.name),
            "language": n.language,
            "kind": terms[n.kind_id].label(lang) if n.kind_id else "",
        }
        for n in names.order_by("name", "pk")
    ]


def _share_links(title: str, url: str) -> list[tuple[str, str]]:
    share_text = _("Free %(name)s, human rights defender") % {"name": title}
    return [
        ("Email", "mailto:?" + urlencode({"subject": share_text, "body": url}, quote_via=quote)),
        ("Mastodon", "https://mastodonshare.com/?" + urlencode({"text": share_text, "url": url})),
        ("X", "https://x.com/intent/post?" + urlencode({"text": share_text, "url": url})),
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
        ("WhatsApp", "https://wa.me/?" + urlencode({"text": f"{share_text} {url}"})),
        ("Telegram", "https://t.me/share/url?" + urlencode({"url": url, "text": share_text})),
    ]


def verified_by(case: Case, gate: Gate) -> str:
    """Who last verified the case, as the public may be told: the reviewer's organisation, unless
    it works at risk (reviewers' own names are never published)."""
    if case.last_verified_by_id is None:
        return ""
    review = (
        Review.objects.filter(
            case=case, reviewer_id=case.last_verified_by_id, decision=Decision.APPROVE
        )
        .select_related("organisation")
        .order_by("-created_at")
        .first()
    )
    return gate.organisation_name(review.organisation) if review else ""


def _sentence(event: Event) -> dict[str, Any]:
    months = event.sentence_months
    if event.sentence_kind == "term" and months:
        years, rest = divmod(months, 12)
        length = _("%(years)s years %(months)s months") % {"years": years, "months": rest}
    else:
        length = event.get_sentence_kind_display()
    fine = f"{event.fine_amount} {event.fine_currency}" if event.fine_amount else ""
    return {
        "kind": event.get_sentence_kind_display(),
        "length": length,
        "fine": fine,
        "date": format_partial_human(event.date, event.date_precision),
    }


def defender_page(request: HttpRequest, uid: str) -> HttpResponse:
    url = request.build_absolute_uri(reverse("publication:defender", args=[uid]))

    def compute() -> dict[str, Any]:
        with joins_as_written():
            return defender_context(uid, url)

    context = caching.cached("defender", f"{uid}:{language()}:{today().isoformat()}:{url}", compute)
    return render(request, "publication/defender.html", context)


def defender_context(uid: str, url: str) -> dict[str, Any]:
    """Everything the page shows, cached per language and day (days in detention change daily)."""
    gate, defender = public_defender(uid)
    public = public_querysets()
    lang = language()
    terms = vocabulary_terms()
    citations = Citations()
    public_cases = list(public.cases.filter(defender=defender).order_by("-arrest_date", "pk"))
    for case in public_cases:
        case.status = terms[case.status_id]
    links = _term_links(defender, [case.pk for case in public_cases])
    facts = CaseFacts.load(public_cases, terms)
    cases = [
        _case_view(
            case,
            facts,
            gate,
            lang,
            citations,
            defender.display_name,
            _labels(links[("wgad", case.pk)], terms, lang),
        )
        for case in public_cases
    ]
    title = defender.display_name
    share = _share_links(title, url)
    # what the public saw change, never a hidden edit's time
    updated = max([c.case.public_updated for c in cases], default=defender.created_at)
    citation = _(
        "%(name)s. Record %(uid)s, last updated %(updated)s. hrdwatch. %(url)s (accessed %(today)s)."
    ) % {
        "name": title,
        "uid": defender.uid,
        "updated": updated.date().isoformat(),
        "url": url,
        "today": today().isoformat(),
    }
    return {
        "defender": defender,
        "names": _names(public.names.filter(defender=defender), terms, lang),
        "cases": cases,
        "sources": citations.sources,
        "photo": gate.may_see_photo(defender),
        "roles": _labels(links[("role", defender.pk)], terms, lang),
        "areas": _labels(links[("area", defender.pk)], terms, lang),
        "gender": terms[defender.gender_id].label(lang) if defender.gender_id else "",
        "biography": defender.translated("biography", lang),
        "nationality": country_name(defender.nationality, lang) if defender.nationality else "",
        "birth": format_partial_human(defender.birth_date, defender.birth_date_precision)
        if defender.birth_date
        else "",
        "share": share,
        "action": HOOKS.action(defender.uid, title, cases, url, share, lang)
        if HOOKS.action is not None
        else None,
        "url": url,
        "citation": citation,
        "updated": updated,
    }
