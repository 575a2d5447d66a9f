"""The default extractor: rules and per-language word lists, no model, fast enough for whole
archives. Says when it could not read a document instead of returning nothing silently."""

from __future__ import annotations

from hrdwatch.extraction.extractors.base import Extractor, register
from hrdwatch.extraction.rules.language import document_warnings, guess_language
from hrdwatch.extraction.rules.reading import extract_victims
from hrdwatch.extraction.rules.when import parse_published
from hrdwatch.extraction.schema import ExtractedVictim, Extraction, SourceDocument


@register("rules")
class RuleExtractor(Extractor):
    """Names, event words, dates and places found by rules, in every language with a file in
    ``hrdwatch/extraction/languages/``."""

    version = "2.1"

    def analyse(self, document: SourceDocument) -> Extraction:
        guess = guess_language(document.text, document.language)
        victims = extract_victims(
            document.text, parse_published(document.published), document.title, guess.code
        )
        return Extraction(
            victims=victims,
            language=guess.code,
            warnings=document_warnings(guess, document.published),
        )

    def extract(self, document: SourceDocument) -> list[ExtractedVictim]:
        return self.analyse(document).victims
