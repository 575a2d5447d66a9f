"""The embeddable card for a defender: what it says (from the public gate) and its PNG image."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils import translation
from PIL import Image, ImageDraw, ImageFont

from hrdwatch.core.countries import country_name
from hrdwatch.core.dates import format_partial_human
from hrdwatch.core.text import detect_script
from hrdwatch.records.status import days_detained, standing
from hrdwatch.records.visibility import Gate, Viewer

FONT_FILES = {
    "Latn": ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"],
    "Bold": ["/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"],
    "Hani": ["/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"],
}
SIZE = (600, 314)  # the usual link-preview proportions


@dataclass(frozen=True)
class CardData:
    uid: str
    name: str
    original_name: str
    status: str
    detained: bool
    days: int | None
    country: str
    since: str
    is_fictional: bool


def card_data(uid: str, language: str) -> CardData:
    """What the card shows about a public defender (raises Defender.DoesNotExist otherwise)."""
    gate = Gate(Viewer.public())
    defender = gate.defenders().get(uid=uid)
    case = (
        gate.cases()
        .filter(defender=defender)
        .select_related("status")
        .order_by("-arrest_date", "-pk")
        .first()
    )
    with translation.override(language):
        if case is None:
            return CardData(
                defender.uid,
                defender.display_name,
                defender.name_original_script,
                "",
                False,
                None,
                "",
                "",
                defender.is_fictional,
            )
        return CardData(
            uid=defender.uid,
            name=defender.display_name,
            original_name=defender.name_original_script,
            status=case.status.label(language),
            detained=standing(case).detained,
            days=days_detained(case),
            country=country_name(case.country, language),
            since=format_partial_human(case.arrest_date, case.arrest_date_precision)
            if case.arrest_date
            else "",
            is_fictional=defender.is_fictional or case.is_fictional,
        )


@cache
def _font(kind: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in FONT_FILES.get(kind, []):
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def card_png(data: CardData, days_label: str, fictional_label: str) -> bytes:
    """A small share image: name, original name, status, days in detention."""
    image = Image.new("RGB", SIZE, "#ffffff")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, 12, SIZE[1]], fill="#8a1c1c" if data.detained else "#2b5f8a")
    draw.text((36, 28), data.name, font=_font("Bold", 34), fill="#111111")
    if data.original_name:
        kind = "Hani" if detect_script(data.original_name) == "Hani" else "Latn"
        draw.text((36, 76), data.original_name, font=_font(kind, 26), fill="#333333")
    draw.text(
        (36, 128),
        f"{data.status} · {data.country}".strip(" ·"),
        font=_font("Latn", 22),
        fill="#222222",
    )
    if data.days is not None:
        draw.text((36, 170), str(data.days), font=_font("Bold", 54), fill="#8a1c1c")
        draw.text((36, 236), days_label, font=_font("Latn", 20), fill="#222222")
    if data.is_fictional:
        draw.text((36, 278), fictional_label, font=_font("Latn", 16), fill="#a03c00")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
