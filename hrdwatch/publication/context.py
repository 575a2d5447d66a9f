"""Template context shared by every public page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def site_context(request: HttpRequest) -> dict[str, Any]:
    """Whether the database holds fictional demo data, so every page can say so."""
    from hrdwatch.records.models import Defender

    return {
        "demo_mode": Defender.objects.filter(is_fictional=True).exists(),
        "site_url": settings.SITE_URL,
    }
