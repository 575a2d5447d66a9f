"""What a campaign page shows: its public cases, counters and the letter in the visitor's language."""

from __future__ import annotations

from dataclasses import dataclass
from string import Template

from django.db.models import QuerySet

from hrdwatch.core.countries import country_name
from hrdwatch.records.models import Case
from hrdwatch.records.status import days_detained, standing
from hrdwatch.records.visibility import Gate, Viewer

from .models import Campaign


@dataclass(frozen=True)
class CaseLine:
    case: Case
    days: int | None
    detained: bool


@dataclass(frozen=True)
class CampaignView:
    campaign: Campaign
    title: str
    summary: str
    lines: list[CaseLine]
    detained: int
    total_days: int
    longest_days: int
    letters_sent: int
    letter: str
    language: str = "en"

    @property
    def paragraphs(self) -> list[str]:
        """The letter's paragraphs, shown as text (selectable, printed whole)."""
        return [p.strip() for p in self.letter.split("\n\n") if p.strip()]


def public_campaigns() -> QuerySet[Campaign]:
    return Campaign.objects.filter(is_published=True)


def render_letter(campaign: Campaign, lines: list[CaseLine], language: str) -> str:
    """The letter template with the campaign's figures filled in; unknown placeholders stay as written."""
    names = ", ".join(line.case.defender.display_name for line in lines)
    countries = ", ".join(sorted({country_name(line.case.country, language) for line in lines}))
    longest = max((line.days or 0 for line in lines), default=0)
    return Template(campaign.translated("letter", language)).safe_substitute(
        addressee=campaign.addressee,
        names=names,
        count=len(lines),
        countries=countries,
        longest_days=longest,
    )


def campaign_view(campaign: Campaign, language: str) -> CampaignView:
    cases = (
        Gate(Viewer.public())
        .cases()
        .filter(pk__in=campaign.cases.values("pk"))
        .select_related("defender", "status")
        .order_by("arrest_date", "pk")
    )
    lines = [CaseLine(c, days_detained(c), standing(c).detained) for c in cases]
    held = [line.days for line in lines if line.detained and line.days is not None]
    return CampaignView(
        campaign=campaign,
        title=campaign.translated("title", language),
        summary=campaign.translated("summary", language),
        lines=lines,
        detained=sum(1 for line in lines if line.detained),
        total_days=sum(held),
        longest_days=max(held, default=0),
        letters_sent=campaign.letters_sent.count(),
        letter=render_letter(campaign, lines, language),
        language=language,
    )
