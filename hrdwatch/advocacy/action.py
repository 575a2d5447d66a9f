"""The "Take action" block of a defender's public page, and its link preview (Open Graph).

For each current case: the letter (``letters``), who to send it to, the public campaigns the case
belongs to; then "follow this case" alerts, share links and the code that embeds the card. The
preview image is the card's PNG (``card.card_png``), served at ``advocacy:card-image``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .letters import Letter
from .models import Campaign


@dataclass(frozen=True)
class CampaignLink:
    title: str
    url: str


@dataclass
class ActionItem:
    case_uid: str
    country: str
    letter: Letter
    campaigns: list[CampaignLink] = field(default_factory=list)
    mailto: str = ""


@dataclass
class ActionBlock:
    items: list[ActionItem]
    follow_url: str
    share: list[tuple[str, str]]
    embed_code: str
    card_url: str
    image_url: str
    og_title: str
    og_description: str


def site_base(url: str) -> str:
    """``scheme://host`` of an absolute URL: links the block gives point where the page is served."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _campaigns(case_ids: list[int], lang: str) -> dict[int, list[CampaignLink]]:
    """The published campaigns each case belongs to, by case id."""
    found: dict[int, list[CampaignLink]] = {}
    if not case_ids:
        return found
    links = Campaign.cases.through.objects.filter(
        case_id__in=case_ids, campaign__is_published=True
    ).select_related("campaign")
    for link in links.order_by("campaign__title"):
        campaign = link.campaign
        found.setdefault(link.case_id, []).append(
            CampaignLink(
                campaign.translated("title", lang),
                reverse("advocacy:campaign", args=[campaign.slug]),
            )
        )
    return found


def _mailto(letter: Letter, name: str) -> str:
    """A mail link to the recipients with a real e-mail address (never the example ones)."""
    addresses = [r.email for r in letter.recipients if r.email and not r.placeholder]
    if not addresses:
        return ""
    subject = _("Concerning %(name)s, human rights defender") % {"name": name}
    query = urlencode({"subject": subject, "body": letter.text}, quote_via=quote)
    return f"mailto:{','.join(addresses)}?{query}"


def embed_code(base: str, uid: str, lang: str, name: str) -> str:
    """The HTML a partner site pastes to show the card (an iframe of ``advocacy:card``)."""
    src = f"{base}{reverse('advocacy:card', args=[uid])}?lang={lang}"
    title = escape(_("Case of %(name)s on hrdwatch") % {"name": name})
    return (
        f'<iframe src="{escape(src)}" title="{title}" width="600" height="340" '
        'loading="lazy" style="border:0;max-width:100%"></iframe>'
    )


def _description(cases: list[Any]) -> str:
    for view in cases:
        if view.is_current and view.days is not None:
            days = ngettext(
                "%(days)s day in detention", "%(days)s days in detention", view.days
            ) % {"days": view.days}
            return f"{view.status} · {view.country_name} · {days}"
    return " · ".join(f"{v.status} · {v.country_name}" for v in cases[:1])


def action_block(
    uid: str, name: str, cases: list[Any], url: str, share: list[tuple[str, str]], lang: str
) -> ActionBlock:
    """What the block shows for a defender whose page is at ``url`` (``cases``: the page's CaseViews)."""
    base = site_base(url)
    current = [view for view in cases if view.letter is not None]
    campaigns = _campaigns([view.case.pk for view in current], lang)
    items = [
        ActionItem(
            case_uid=view.case.uid,
            country=view.country_name,
            letter=view.letter,
            campaigns=campaigns.get(view.case.pk, []),
            mailto=_mailto(view.letter, name),
        )
        for view in current
    ]
    card = reverse("advocacy:card", args=[uid])
    image = reverse("advocacy:card-image", args=[uid])
    return ActionBlock(
        items=items,
        follow_url=f"{reverse('advocacy:alerts-subscribe')}?{urlencode({'defender': uid})}",
        share=share,
        embed_code=embed_code(base, uid, lang, name),
        card_url=f"{base}{card}?lang={lang}",
        image_url=f"{base}{image}?lang={lang}",
        og_title=name,
        og_description=_description(cases),
    )
