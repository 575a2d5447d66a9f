"""The default extractor: rules and lexicons, no model, fast enough for whole archives."""

from __future__ import annotations

from hrdwatch.extraction.extractors.base import Extractor, register
from hrdwatch.extraction.rules.engine import extract_victims
from hrdwatch.extraction.rules.when import parse_published
from hrdwatch.extraction.schema import ExtractedVictim, SourceDocument


@register("rules")
class RuleExtractor(Extractor):
    """Names, event words, dates and places found by rules (English, French, Spanish)."""

    version = "1.0"

    def extract(self, document: SourceDocument) -> list[ExtractedVictim]:
        return extract_victims(document.text, parse_published(document.published), document.title)
