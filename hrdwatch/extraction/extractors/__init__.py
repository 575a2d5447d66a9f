"""Extractors behind one interface: ``get_extractor(name).extract(document)``."""

from hrdwatch.extraction.extractors.base import (
    DEFAULT_EXTRACTOR,
    Extractor,
    UnknownExtractorError,
    extractor_names,
    get_extractor,
    register,
)

__all__ = [
    "DEFAULT_EXTRACTOR",
    "Extractor",
    "UnknownExtractorError",
    "extractor_names",
    "get_extractor",
    "register",
]
