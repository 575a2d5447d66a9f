"""Two fictional campaigns for the demo, each grouping several detained demo defenders.

Campaigns are advocacy data (created the way the admin creates them); each link to a case goes
through the action layer (``do_link_campaign``), which checks and audits it.
"""

from __future__ import annotations

from typing import Any

from hrdwatch.actions import do_link_campaign
from hrdwatch.advocacy.models import Campaign
from hrdwatch.records.models import Case
from hrdwatch.records.status import standing
from hrdwatch.records.visibility import Gate, Viewer

CASES_PER_CAMPAIGN = 6

_LETTER = {
    "en": "To the authorities concerned,\n\nWe call on you to release $names at once. "
    "Together they have been deprived of liberty in $countries, the longest for $longest_days "
    "days, for their peaceful work.\n\nYours sincerely,",
    "fr": "Aux autorités concernées,\n\nNous vous demandons de libérer sans délai $names, "
    "privé·e·s de liberté pour leur travail pacifique ($countries), depuis $longest_days jours "
    "pour la plus longue détention.\n\nVeuillez agréer l'expression de notre haute considération,",
    "es": "A las autoridades competentes:\n\nLes pedimos que liberen de inmediato a $names, "
    "privados/as de libertad por su labor pacífica ($countries), desde hace $longest_days días "
    "en la detención más larga.\n\nAtentamente,",
}

DEMO_CAMPAIGNS: tuple[dict[str, Any], ...] = (
    {
        "slug": "lawyers-behind-bars",
        "role": "lawyer",
        "title": "Lawyers behind bars",
        "summary": "Fictional campaign: lawyers detained for defending others in court.",
        "translations": {
            "fr": {
                "title": "Avocat·e·s derrière les barreaux",
                "summary": "Campagne fictive : des avocat·e·s détenu·e·s pour avoir défendu d'autres personnes.",
                "letter": _LETTER["fr"],
            },
            "es": {
                "title": "Abogados y abogadas tras las rejas",
                "summary": "Campaña ficticia: abogados y abogadas detenidos por defender a otras personas.",
                "letter": _LETTER["es"],
            },
        },
    },
    {
        "slug": "free-the-journalists",
        "role": "journalist",
        "title": "Free the journalists",
        "summary": "Fictional campaign: journalists and bloggers held for what they reported.",
        "translations": {
            "fr": {
                "title": "Libérez les journalistes",
                "summary": "Campagne fictive : des journalistes et blogueur·se·s détenu·e·s pour leurs reportages.",
                "letter": _LETTER["fr"],
            },
            "es": {
                "title": "Liberen a los periodistas",
                "summary": "Campaña ficticia: periodistas y blogueros detenidos por lo que publicaron.",
                "letter": _LETTER["es"],
            },
        },
    },
)


def _detained_cases(role: str, taken: set[int]) -> list[Case]:
    """Public fictional cases of people still detained, defenders with ``role`` first."""
    public = Gate(Viewer.public()).cases().filter(is_fictional=True).select_related("status")
    chosen: list[Case] = []
    for queryset in (public.filter(defender__roles__code=role), public):
        for case in queryset.order_by("arrest_date", "pk")[:200]:
            if len(chosen) == CASES_PER_CAMPAIGN:
                return chosen
            if case.pk not in taken and standing(case).detained:
                chosen.append(case)
                taken.add(case.pk)
    return chosen


def add_demo_campaigns() -> list[Campaign]:
    """Create the demo's published campaigns (once) and link detained demo cases to them."""
    made: list[Campaign] = []
    taken: set[int] = set()
    for spec in DEMO_CAMPAIGNS:
        if Campaign.objects.filter(slug=spec["slug"]).exists():
            continue
        campaign = Campaign.objects.create(
            slug=spec["slug"],
            title=spec["title"],
            summary=spec["summary"],
            translations=spec["translations"],
            letter=_LETTER["en"],
            is_published=True,
        )
        for case in _detained_cases(spec["role"], taken):
            do_link_campaign(None, campaign, case)  # checked and audited, as the admin does
        made.append(campaign)
    return made
