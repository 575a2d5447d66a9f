"""The one visibility gate: every page, API endpoint, feed, search index and export reads through it.

A ``Viewer`` says how far someone may see: the public, partner organisations, or restricted data
of the organisations they belong to (or all of it, for exports an administrator makes). ``Gate``
turns that into querysets; nothing outside this module filters on ``visibility`` itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from .levels import ReviewState, Visibility, levels_up_to
from .models import (
    Case,
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
        shares = "shares__organisation__in" if kind == "case" else "cases__shares__organisation__in"
        return Q(**{f"{path}owner__in": orgs}) | Q(**{f"{path}{shares}": orgs})

    def _case_rule(self) -> Q:
        rule = self._visible(owner="self:case") & Q(defender__deleted_at__isnull=True)
        if self.viewer.is_public:
            rule &= Q(review_state=ReviewState.PUBLISHED)
        return rule

    # -- querysets ----------------------------------------------------------------------------
    def cases(self) -> QuerySet[Case]:
        return Case.objects.filter(self._case_rule()).filter(
            self._visible("defender__", owner="defender__")
        )

    def defenders(self) -> QuerySet[Defender]:
        qs = Defender.objects.filter(self._visible(owner="self:defender"))
        if self.viewer.is_public:
            return qs.filter(is_published=True)
        return qs

    def names(self) -> QuerySet[DefenderName]:
        return DefenderName.objects.filter(
            self._visible(owner="defender__"), defender__in=self.defenders()
        )

    def events(self) -> QuerySet[Event]:
        return Event.objects.filter(self._visible(owner="case__"), case__in=self.cases())

    def charges(self) -> QuerySet[Charge]:
        return Charge.objects.filter(self._visible(owner="event__case__"), event__in=self.events())

    def interventions(self) -> QuerySet[Intervention]:
        return Intervention.objects.filter(self._visible(owner="case__"), case__in=self.cases())

    def sources(self) -> QuerySet[Source]:
        return Source.objects.filter(self._visible(owner="source"))

    def evidence(self) -> QuerySet[Evidence]:
        return Evidence.objects.filter(
            self._visible(owner="source__"), source__in=self.sources()
        ).filter(Q(event__isnull=True) | Q(event__in=self.events())).filter(
            Q(case__isnull=True) | Q(case__in=self.cases())
        ).filter(Q(defender__isnull=True) | Q(defender__in=self.defenders()))

    def perpetrators(self) -> QuerySet[Perpetrator]:
        return Perpetrator.objects.filter(self._visible(owner=None))

    def perpetrator_links(self) -> QuerySet[EventPerpetrator]:
        return EventPerpetrator.objects.filter(
            self._visible(owner="event__case__"),
            event__in=self.events(), perpetrator__in=self.perpetrators(),
        )

    def places(self) -> QuerySet[PlaceOfDetention]:
        return PlaceOfDetention.objects.filter(self._visible(owner=None))

    def sensitive_details(self) -> QuerySet[SensitiveDetail]:
        return SensitiveDetail.objects.filter(
            self._visible(owner="defender__") | self._visible(owner="case__")
            if self.viewer.level == Visibility.RESTRICTED
            else self._visible(owner=None)
        ).filter(Q(defender__isnull=True) | Q(defender__in=self.defenders())).filter(
            Q(case__isnull=True) | Q(case__in=self.cases())
        )

    def may_see_photo(self, defender: Defender) -> bool:
        """Photos reach the public only with the defender's or family's consent."""
        return bool(defender.photo) and (defender.photo_consent or not self.viewer.is_public)
