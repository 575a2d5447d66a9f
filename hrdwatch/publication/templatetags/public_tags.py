"""Numbers grouped by thousands in the visitor's language (without enabling USE_THOUSAND_SEPARATOR)."""

from __future__ import annotations

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def grouped(value: int | None) -> str:
    return number_format(value or 0, force_grouping=True)
