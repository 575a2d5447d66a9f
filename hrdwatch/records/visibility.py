"""The one visibility gate: every page, API endpoint, feed, search index and export reads through it.

A ``Viewer`` says how far someone may see: the public, partner organisations, or restricted data
of the organisations they belong to (or all of it, for exports an administrator makes). ``Gate``
turns that into querysets; nothing outside this module filters on ``visibility`` itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from django.db.models import Exists, Model, OuterRef, Q, QuerySet

from .levels import ReviewState, Visibility, levels_up_to
from .models import (
    Case,
    CaseShare,
    Charge,
    Defender,
    DefenderName,
    Event,
    EventPerpetrator,
    Evidence,
    Intervention,
    Perpetrator,
    PlaceOfDetention,
    SensitiveDetail,
    Source,
)

M = TypeVar("M", bound=Model)


class NamedOrganisation(Protocol):
    """What the gate reads of an organisation (``partners.Organisation``, a layer above)."""

    name: str
    is_public: bool


# ``ingestion.SourceKind.FILE``, spelt out so the core never imports the pipeline apps above it
# (tests/ingestion/test_document_gate.py checks the two agree).
UPLOADED_FILE = "file"


@dataclass(frozen=True)
class Viewer:
    """Who is looking. ``organisations`` limits restricted data to what those organisations own or
    were shared; ``all_organisations`` lifts that limit (network administrators, full exports)."""

    level: str = Visibility.PUBLIC
    organisations: frozenset[int] = field(default_factory=frozenset)
    all_organisations: bool = False

    @classmethod
    def public(cls) -> Viewer:
        return cls(Visibility.PUBLIC)

    @classmethod
    def at_level(cls, level: str) -> Viewer:
        """A viewer for a whole-database export at ``level`` (restricted sees every organisation)."""
        return cls(Visibility(level), all_organisations=level == Visibility.RESTRICTED)

    @property
    def is_public(self) -> bool:
        return self.level == Visibility.PUBLIC


class Gate:
    """Querysets of what a viewer may see; related rows are filtered too."""

    def __init__(self, viewer: Viewer | None = None) -> None:
        self.viewer = viewer or Viewer.public()

    # -- the rule ---------------------------------------------------------------------------
    def _visible(self, prefix: str = "", owner: str | None = None) -> Q:
        """Q for rows (reached through ``prefix``) whose own level the viewer may see.

        ``owner`` is the path to the object that decides restricted access: "defender__",
        "case__", "" (the row is itself a case or defender), or None (no owner: restricted rows
        only for viewers with ``all_organisations``).
        """
        level_field = f"{prefix}visibility"
        allowed = [lvl for lvl in levels_up_to(self.viewer.level) if lvl != Visibility.RESTRICTED]
        rule = Q(**{f"{level_field}__in": allowed})
        if self.viewer.level == Visibility.RESTRICTED:
            restricted = Q(**{level_field: Visibility.RESTRICTED})
            if self.viewer.all_organisations:
                rule |= restricted
            elif owner is not None:
                rule |= restricted & self._owned(owner)
        return rule & Q(**{f"{prefix}deleted_at__isnull": True})

    def _owned(self, owner: str) -> Q:
        """Rows whose owning organisation is the viewer's, or whose case was shared with it.

        ``owner``: "self:case" or "self:defender" (the row itself), a path such as "case__" or
        "defender__", or "source"/"source__" (sources belong to the organisation that supplied them).
        Sharing is tested with EXISTS, so a case shared with several organisations is one row.
        """
        orgs = self.viewer.organisations
        if owner == "source":
            return Q(organisation__in=orgs)
        if owner == "source__":
            return Q(source__organisation__in=orgs)
        if owner.startswith("self:"):
            path, kind = "", owner.removeprefix("self:")
        else:
            path, kind = owner, "case" if owner.endswith("case__") else "defender"
        shares = CaseShare.objects.filter(organisation__in=orgs)
        target = OuterRef(f"{path}pk") if path else OuterRef("pk")
        shared = Exists(
            shares.filter(case=target) if kind == "case" else shares.filter(case__defender=target)
        )
        return Q(**{f"{path}owner__in": orgs}) | Q(shared)

    # -- rules through a relation path, so querysets join instead of nesting IN (SELECT ...) ----
    def _defender_rule(self, path: str = "") -> Q:
        rule = self._visible(path, owner=path or "self:defender")
        if self.viewer.is_public:
            rule &= Q(**{f"{path}is_published": True})
        return rule

    def _case_rule(self, path: str = "") -> Q:
        rule = self._visible(path, owner=path or "self:case") & self._defender_rule(
            f"{path}defender__"
        )
        if self.viewer.is_public:
            rule &= Q(**{f"{path}review_state": ReviewState.PUBLISHED})
        return rule

    def _event_rule(self, path: str = "") -> Q:
        return self._visible(path, owner=f"{path}case__") & self._case_rule(f"{path}case__")

    def _optional(self, path: str, rule: Q) -> Q:
        """A nullable link: absent, or pointing at something the viewer may see."""
        return Q(**{f"{path}isnull": True}) | rule

    # -- querysets ----------------------------------------------------------------------------
    def cases(self) -> QuerySet[Case]:
        return Case.objects.filter(self._case_rule())

    def defenders(self) -> QuerySet[Defender]:
        return Defender.objects.filter(self._defender_rule())

    def names(self) -> QuerySet[DefenderName]:
        return DefenderName.objects.filter(
            self._visible(owner="defender__") & self._defender_rule("defender__")
        )

    def events(self) -> QuerySet[Event]:
        return Event.objects.filter(self._event_rule())

    def charges(self) -> QuerySet[Charge]:
        return Charge.objects.filter(
            self._visible(owner="event__case__") & self._event_rule("event__")
        )

    def interventions(self) -> QuerySet[Intervention]:
        return Intervention.objects.filter(
            self._visible(owner="case__") & self._case_rule("case__")
        )

    def sources(self) -> QuerySet[Source]:
        """Sources at the viewer's level; for the public only those that something public cites
        (a public-level source cited by nothing public could name a hidden defender in its title)."""
        sources = Source.objects.filter(self._visible(owner="source"))
        if self.viewer.is_public:
            sources = sources.filter(Exists(self.evidence().filter(source=OuterRef("pk"))))
        return sources

    def evidence(self) -> QuerySet[Evidence]:
        return Evidence.objects.filter(
            self._visible(owner="source__")
            & self._visible("source__", owner="source__")
            & self._optional("event__", self._event_rule("event__"))
            & self._optional("case__", self._case_rule("case__"))
            & self._optional("defender__", self._defender_rule("defender__"))
        )

    def perpetrators(self) -> QuerySet[Perpetrator]:
        return Perpetrator.objects.filter(self._visible(owner=None))

    def perpetrator_links(self) -> QuerySet[EventPerpetrator]:
        return EventPerpetrator.objects.filter(
            self._visible(owner="event__case__")
            & self._event_rule("event__")
            & self._visible("perpetrator__", owner=None)
        )

    def places(self) -> QuerySet[PlaceOfDetention]:
        return PlaceOfDetention.objects.filter(self._visible(owner=None))

    def sensitive_details(self) -> QuerySet[SensitiveDetail]:
        if self.viewer.level == Visibility.RESTRICTED:
            own = self._visible(owner="defender__") | self._visible(owner="case__")
        else:
            own = self._visible(owner=None)
        return SensitiveDetail.objects.filter(
            own
            & self._optional("defender__", self._defender_rule("defender__"))
            & self._optional("case__", self._case_rule("case__"))
        )

    # -- the archive: documents and what extraction proposed from them ------------------------
    def _archive_rule(self, source: str) -> Q:
        """Q for ingestion sources (reached through ``source``) whose documents the viewer reads.

        Anything fetched from the web was published already and reaches every partner; a file
        uploaded for an organisation (a witness statement, a lawyer's letter) reaches only that
        organisation's members. The public never reads the archive.
        """
        if self.viewer.is_public:
            return Q(pk__in=[])
        rule = ~Q(**{f"{source}kind": UPLOADED_FILE}) | Q(**{f"{source}organisation__isnull": True})
        if self.viewer.level != Visibility.RESTRICTED:
            return rule
        if self.viewer.all_organisations:
            return Q()
        return rule | Q(**{f"{source}organisation__in": self.viewer.organisations})

    def followed_sources(self, sources: QuerySet[M]) -> QuerySet[M]:
        """Sources the network follows (``ingestion.Source``): uploaded files only to their owners."""
        return sources.filter(self._archive_rule(""))

    def documents(self, documents: QuerySet[M]) -> QuerySet[M]:
        """Archived documents (``ingestion.Document``) the viewer may read."""
        return documents.filter(self._archive_rule("source__"))

    def candidates(self, candidates: QuerySet[M]) -> QuerySet[M]:
        """Extraction candidates (``extraction.Candidate``): readable where their document is."""
        return candidates.filter(self._archive_rule("document__source__"))

    def organisation_name(self, organisation: NamedOrganisation | None) -> str:
        """An organisation's name, or "" where it works at risk and must not be named publicly."""
        if organisation is None or (self.viewer.is_public and not organisation.is_public):
            return ""
        return organisation.name

    def may_see_photo(self, defender: Defender) -> bool:
        """Photos reach the public only with the defender's or family's consent."""
        return bool(defender.photo) and (defender.photo_consent or not self.viewer.is_public)
