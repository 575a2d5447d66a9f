"""One interface for every extractor, and the registry that names them.

An extractor has a ``name`` and a ``version``; the review queue stores both with each candidate so
that a new version re-proposes candidates without discarding reviewers' work.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable

from hrdwatch.extraction.schema import ExtractedVictim, Extraction, SourceDocument


class Extractor(ABC):
    """Turns one document into candidate victims with evidence spans."""

    name: str = ""
    version: str = ""

    @abstractmethod
    def extract(self, document: SourceDocument) -> list[ExtractedVictim]:
        """Candidate victims in ``document``; an empty list when the text names none."""

    def analyse(self, document: SourceDocument) -> Extraction:
        """Victims with the language read and warnings (unsupported language, ...). Extractors
        that cannot tell only return victims."""
        return Extraction(victims=self.extract(document), language=document.language)


class UnknownExtractorError(LookupError):
    """No extractor is registered under that name."""


_REGISTRY: dict[str, Callable[[], Extractor]] = {}
DEFAULT_EXTRACTOR = "rules"


def register(name: str) -> Callable[[type[Extractor]], type[Extractor]]:
    """Class decorator: make an extractor available to ``hrdwatch extract --extractor NAME``."""

    def decorator(cls: type[Extractor]) -> type[Extractor]:
        cls.name = name
        _REGISTRY[name] = cls
        return cls

    return decorator


def extractor_names() -> list[str]:
    """Registered extractor names, sorted."""
    _load_builtin()
    return sorted(_REGISTRY)


def get_extractor(name: str = DEFAULT_EXTRACTOR) -> Extractor:
    """A fresh instance of the extractor registered as ``name``."""
    _load_builtin()
    try:
        return _REGISTRY[name]()
    except KeyError as exc:
        raise UnknownExtractorError(
            f"unknown extractor {name!r}; available: {', '.join(sorted(_REGISTRY))}"
        ) from exc


def _load_builtin() -> None:
    """Import the modules that register the built-in extractors."""
    from hrdwatch.extraction.extractors import llm, rules  # noqa: F401
