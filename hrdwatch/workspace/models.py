"""A documenter's server-side draft: what was typed in the three steps, kept as typed.

A draft is not part of the record: it holds half-typed, possibly invalid input so that nothing is
lost (a phone going offline, a session expiring). Only its author sees it. When the documenter
submits, ``hrdwatch.actions.intake.do_record_case`` turns it into records through the action
layer, and ``case`` points at the draft case it became (so "Returned to me" and "Submitted" follow
that case through review).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

STEPS = ("person", "detention", "facts")


class Draft(models.Model):
    """One case being recorded by one documenter for one organisation."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="workspace_drafts",
        verbose_name=_("author"),
        help_text=_("Who is recording the case; only they see the draft."),
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        on_delete=models.CASCADE,
        related_name="workspace_drafts",
        verbose_name=_("organisation"),
        help_text=_("The organisation that will own the case."),
    )
    data = models.JSONField(
        default=dict,
        blank=True,
        verbose_name=_("data"),
        help_text=_("What was typed, step by step, exactly as typed."),
    )
    case = models.OneToOneField(
        "records.Case",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workspace_draft",
        verbose_name=_("case"),
        help_text=_("The draft case this became once saved to the record."),
    )
    created_at = models.DateTimeField(
        auto_now_add=True, verbose_name=_("created at"), help_text=_("When the draft was started.")
    )
    updated_at = models.DateTimeField(
        auto_now=True, verbose_name=_("updated at"), help_text=_("When the draft was last saved.")
    )

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("workspace draft")
        verbose_name_plural = _("workspace drafts")

    def __str__(self) -> str:
        return self.title or f"draft {self.pk}"

    @property
    def title(self) -> str:
        person = self.data.get("person") or {}
        return str(person.get("name") or person.get("defender_label") or "")

    def step(self, name: str) -> dict[str, Any]:
        return dict(self.data.get(name) or {})

    def merge(self, name: str, values: dict[str, Any]) -> None:
        """Keep ``values`` for step ``name`` on top of what was there (nothing typed is dropped)."""
        self.data = {**self.data, name: {**self.step(name), **values}}
