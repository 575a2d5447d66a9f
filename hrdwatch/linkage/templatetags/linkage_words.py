"""``{{ words|reason }}``: a stored linkage reason in the reader's language (see ``wording``)."""

from __future__ import annotations

from typing import Any

from django import template

from hrdwatch.linkage.wording import shown

register = template.Library()


@register.filter
def reason(stored: Any) -> str:
    return shown(stored)
