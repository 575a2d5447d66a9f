"""Numbers grouped by thousands in the visitor's language (without enabling USE_THOUSAND_SEPARATOR),
and the search box's examples."""

from __future__ import annotations

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext

register = template.Library()


@register.filter
def grouped(value: int | None) -> str:
    return number_format(value or 0, force_grouping=True)


@register.simple_tag
def search_placeholder() -> str:
    """The search box's hint: examples from the published record, each of which finds a case."""
    from hrdwatch.publication.labels import language
    from hrdwatch.publication.search.examples import search_examples

    examples = search_examples(language())
    if not examples:
        return gettext("A name, a place or a charge")
    return gettext("e.g. %(examples)s") % {"examples": ", ".join(examples)}
