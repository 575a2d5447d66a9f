"""A draft case opened from a detention report sent through the public form (partners' intake):
the reporter's words are its starting point. Lent to partners in ``WorkspaceConfig.ready``."""

from __future__ import annotations

from typing import Any, cast

from django.urls import reverse

from hrdwatch.partners.models import DetentionReport

from .models import STEPS, Draft


def open_draft(user: Any, report: DetentionReport) -> tuple[int, str]:
    """A new draft for the report's organisation: (its id, the URL of its first step)."""
    organisation = report.organisation
    assert organisation is not None, "partners checks CREATE_CASE on the report's organisation"
    draft = Draft.objects.create(
        author=cast(Any, user),
        organisation=organisation,
        data={
            "person": {"name": report.who.strip()[:300]},
            "detention": {"city": report.where.strip()[:200]},
        },
    )
    return draft.pk, reverse("workspace:step", kwargs={"pk": draft.pk, "step": STEPS[0]})
