"""The inclusion checklist of each case and the reviewers' decisions (four eyes).

A case reaches the public only when every inclusion criterion is met and two different
reviewers approved it in the current round, at least one of them from another organisation than
the case's owner or acting network-wide. The rules themselves live in ``review.workflow``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hrdwatch.records.guard import GuardedManager, GuardedModel


class Consent(models.TextChoices):
    UNKNOWN = "", _("Not assessed")
    DEFENDER = "defender", _("The defender agrees to publicity")
    FAMILY = "family", _("The family agrees to publicity")
    ALREADY_PUBLIC = "already_public", _("The case is already public")
    REFUSED = "refused", _("Publicity refused")


class InclusionChecklist(GuardedModel):
    """What must be established before a case may be published, with how it is known."""

    case = models.OneToOneField(
        "records.Case",
        on_delete=models.CASCADE,
        related_name="inclusion_checklist",
        help_text="The case assessed.",
    )
    is_defender = models.BooleanField(
        default=False, help_text=_("The person is a human rights defender.")
    )
    defender_activity = models.TextField(
        blank=True, help_text=_("Which human-rights activity, and how it is known.")
    )
    deprived_of_liberty = models.BooleanField(
        default=False, help_text=_("The person was deprived of liberty or disappeared.")
    )
    linked_to_activity = models.BooleanField(
        default=False,
        help_text=_("The deprivation of liberty is connected with peaceful human-rights activity."),
    )
    link_reasoning = models.TextField(blank=True, help_text=_("Why the detention is retaliation."))
    credible_source = models.BooleanField(
        default=False, help_text=_("At least one credible source supports the case.")
    )
    consent = models.CharField(
        max_length=16,
        choices=Consent.choices,
        blank=True,
        default=Consent.UNKNOWN,
        help_text=_("Who agreed to publicity, or whether the case is already public."),
    )
    risk_assessed = models.BooleanField(
        default=False, help_text=_("Publication was assessed not to increase the risk to anyone.")
    )
    wgad_assessed = models.BooleanField(
        default=False, help_text=_("The WGAD categories I–V were assessed.")
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who last changed the checklist.",
    )
    updated_at = models.DateTimeField(auto_now=True, help_text="When it last changed.")
    version = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text="Raised by one at every change; an edit based on an older version is refused.",
    )
    history = HistoricalRecords()

    objects = GuardedManager()

    def __str__(self) -> str:
        return f"Inclusion checklist of {self.case_id}"


class Decision(models.TextChoices):
    APPROVE = "approve", _("Approve")
    REQUEST_CHANGES = "request_changes", _("Request changes")


class Review(GuardedModel):
    """One reviewer's decision on a case in one review round."""

    case = models.ForeignKey(
        "records.Case", on_delete=models.CASCADE, related_name="reviews", help_text="The case."
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="reviews",
        help_text="Who reviewed.",
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The organisation the reviewer acted for.",
    )
    network_wide = models.BooleanField(
        default=False, help_text="The reviewer acted with a network-wide role."
    )
    decision = models.CharField(max_length=20, choices=Decision.choices, help_text="The decision.")
    comment = models.TextField(blank=True, help_text="What the reviewer checked or wants changed.")
    is_current = models.BooleanField(
        default=True, help_text="Counts for the current round; cleared when the case is reopened."
    )
    created_at = models.DateTimeField(auto_now_add=True, help_text="When the decision was made.")

    objects = GuardedManager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.reviewer} {self.decision} {self.case_id}"
