"""Revisions of published cases: edits held back from the public until reviewers approve them.

Once a case is published, the public keeps seeing the last approved version (the way wagtail
keeps a live page beside its draft revision). An edit that would change what the public sees —
the case itself, its defender, or a public-level event, charge, name, evidence... of it — is not
written to the live rows: the action layer stores it as one step of the case's open
``CaseRevision`` (proposed field values, proposed new rows, deletions), and applies every step
through the same actions once two reviewers approved it (``hrdwatch.actions.revisions``).
The live rows therefore always hold the approved version, and the visibility gate, the public
pages, the API, search and exports need no second notion of "approved".
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..guard import GuardedManager, GuardedModel
from .cases import Case


class RevisionState(models.TextChoices):
    """Where a revision stands: open (being edited), in review, applied, or given up."""

    OPEN = "open", _("Open")
    IN_REVIEW = "in_review", _("In review")
    APPROVED = "approved", _("Approved and applied")
    DISCARDED = "discarded", _("Discarded")


OPEN_STATES = (RevisionState.OPEN, RevisionState.IN_REVIEW)


class CaseRevision(GuardedModel):
    """Proposed changes to a published case (and its defender and timeline), not yet public."""

    case = models.ForeignKey(
        Case,
        on_delete=models.CASCADE,
        related_name="revisions",
        verbose_name=_("case"),
        help_text="The published case the changes are proposed for.",
    )
    state = models.CharField(
        max_length=12,
        choices=RevisionState.choices,
        default=RevisionState.OPEN,
        db_index=True,
        verbose_name=_("state"),
        help_text="Open (being edited), in review, approved and applied, or discarded.",
    )
    steps = models.JSONField(
        default=list,
        blank=True,
        verbose_name=_("proposed changes"),
        help_text=(
            "The proposed changes in order: each a create, update, delete or restore of one "
            "record, with the proposed values, the values they replace and the cited source."
        ),
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("proposed by"),
        help_text="Who opened the revision (empty for an import or a script).",
    )
    created_at = models.DateTimeField(
        default=timezone.now, verbose_name=_("created at"), help_text="When it was opened."
    )
    updated_at = models.DateTimeField(
        auto_now=True, verbose_name=_("updated at"), help_text="When it last changed."
    )
    decided_at = models.DateTimeField(
        null=True,
        blank=True,
        verbose_name=_("decided at"),
        help_text="When it was applied or discarded.",
    )
    version = models.PositiveIntegerField(
        default=1,
        editable=False,
        verbose_name=_("version"),
        help_text="Raised by one at every change; approvals count only for the version reviewed.",
    )

    objects = GuardedManager()

    class Meta:
        verbose_name = _("case revision")
        verbose_name_plural = _("case revisions")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=models.Q(state__in=["open", "in_review"]),
                name="one_open_revision_per_case",
            )
        ]

    def __str__(self) -> str:
        return f"Revision {self.pk} of {self.case_id} ({self.state})"

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


class RevisionReview(GuardedModel):
    """One reviewer's decision on one revision (four eyes, as for the first publication)."""

    revision = models.ForeignKey(
        CaseRevision,
        on_delete=models.CASCADE,
        related_name="reviews",
        verbose_name=_("revision"),
        help_text="The revision reviewed.",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("reviewer"),
        help_text="Who reviewed.",
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisation"),
        help_text="The organisation the reviewer acted for.",
    )
    network_wide = models.BooleanField(
        default=False,
        verbose_name=_("network-wide"),
        help_text="The reviewer acted with a network-wide role.",
    )
    approved = models.BooleanField(
        default=False,
        verbose_name=_("approved"),
        help_text="Approved (true) or returned for changes (false).",
    )
    comment = models.TextField(
        blank=True, verbose_name=_("comment"), help_text="What the reviewer checked or wants."
    )
    revision_version = models.PositiveIntegerField(
        default=1,
        verbose_name=_("revision version"),
        help_text="The version of the revision reviewed; a later change needs new approvals.",
    )
    created_at = models.DateTimeField(
        auto_now_add=True, verbose_name=_("created at"), help_text="When the decision was made."
    )

    objects = GuardedManager()

    class Meta:
        verbose_name = _("revision review")
        verbose_name_plural = _("revision reviews")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.reviewer_id} on revision {self.revision_id}: {self.approved}"
