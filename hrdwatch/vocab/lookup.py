"""Fast, cached access to terms by (vocabulary, code): imports and the generator call this a lot."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from .models import Term


class TermCache:
    """Resolve codes to Term rows once per run; unknown codes raise a readable error."""

    def __init__(self) -> None:
        self._terms: dict[tuple[str, str], Term] = {}
        for term in Term.objects.all():
            self._terms[(term.vocabulary, term.code)] = term

    def get(self, vocabulary: str, code: str) -> Term:
        key = (vocabulary, (code or "").strip())
        try:
            return self._terms[key]
        except KeyError:
            known = ", ".join(sorted(c for v, c in self._terms if v == vocabulary))
            raise ValidationError(f"unknown {vocabulary} value {code!r} (known: {known})") from None

    def codes(self, vocabulary: str) -> list[str]:
        return sorted(c for v, c in self._terms if v == vocabulary)
