"""The review queue's raw material: what an extractor proposed for a document, frozen, beside what
a reviewer changed.

The machine's output (``machine``) is replaced only by a new run; the reviewer's work (``edits``,
``status``) is never touched by a run. When a new run changes the machine output of a candidate a
reviewer already worked on, the candidate is flagged for re-review instead (zavod's review model).
Nothing here is public: candidates only become records through review.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CandidateStatus(models.TextChoices):
    PENDING = "pending", _("pending review")
    ACCEPTED = "accepted", _("accepted")
    REJECTED = "rejected", _("rejected")


class MatchKind(models.TextChoices):
    EXACT = "exact", _("same name as written")
    FOLDED = "folded", _("same name ignoring case, accents and word order")
    PROBABLE = "probable", _("probably the same person, by the linkage model")


NAME_KINDS = (MatchKind.EXACT, MatchKind.FOLDED)


class Candidate(models.Model):
    """One person an extractor proposes as a victim in one document."""

    document = models.ForeignKey(
        "ingestion.Document",
        on_delete=models.CASCADE,
        related_name="candidates",
        help_text="Document the candidate was extracted from.",
    )
    extractor_name = models.CharField(max_length=50, help_text="Registered extractor name.")
    extractor_version = models.CharField(
        max_length=20, help_text="Version of the extractor that produced ``machine``."
    )
    key = models.CharField(
        max_length=300,
        help_text="Folded name key: the same person in the same document keeps the same row.",
    )
    name = models.CharField(max_length=300, help_text="Name as the machine wrote it, for lists.")
    machine = models.JSONField(
        help_text="The extractor's output for this person (schema ExtractedVictim), kept frozen."
    )
    edits = models.JSONField(
        default=dict,
        blank=True,
        help_text="Fields the reviewer changed; they override ``machine`` in ``current()``.",
    )
    status = models.CharField(
        max_length=10,
        choices=CandidateStatus.choices,
        default=CandidateStatus.PENDING,
        help_text="Reviewer's decision.",
    )
    needs_rereview = models.BooleanField(
        default=False,
        help_text="A newer extractor run changed the machine output after a reviewer worked on it.",
    )
    withdrawn = models.BooleanField(
        default=False,
        help_text="The latest run no longer proposes this person; kept for the reviewer's work.",
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Last reviewer who changed the candidate.",
    )
    reviewed_at = models.DateTimeField(
        null=True, blank=True, help_text="When it was last reviewed."
    )
    confidence = models.FloatField(
        null=True,
        blank=True,
        db_index=True,
        help_text="The extractor's confidence that this is a victim (0-1); the queue sorts by it.",
    )
    machine_updated_at = models.DateTimeField(
        help_text="When ``machine`` last changed (first run or a newer version)."
    )
    created_at = models.DateTimeField(auto_now_add=True, help_text="When first proposed.")
    updated_at = models.DateTimeField(auto_now=True, help_text="When the row last changed.")

    class Meta:
        ordering = ["document_id", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "extractor_name", "key"], name="unique_candidate_per_extractor"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.extractor_name} {self.extractor_version})"

    @property
    def has_review_work(self) -> bool:
        """True once a reviewer decided or edited anything."""
        return bool(self.edits) or self.status != CandidateStatus.PENDING

    def current(self) -> dict[str, Any]:
        """What the reviewer sees: the machine's fields with the reviewer's edits on top."""
        return {**self.machine, **self.edits}


class ExtractionRun(models.Model):
    """What the last run of an extractor on a document could read: the language, and warnings
    (``unsupported_language:ru``, ``unreadable_text`` ...) so a document that yielded no
    candidate is not silently empty in the queue."""

    document = models.ForeignKey(
        "ingestion.Document",
        on_delete=models.CASCADE,
        related_name="extraction_runs",
        help_text="Document the extractor read.",
    )
    extractor_name = models.CharField(max_length=50, help_text="Registered extractor name.")
    extractor_version = models.CharField(max_length=20, help_text="Version that ran.")
    language = models.CharField(
        max_length=12, blank=True, help_text="Language the text was read as."
    )
    warnings = models.JSONField(default=list, blank=True, help_text="What limited the reading.")
    victims = models.PositiveIntegerField(
        default=0, help_text="How many candidates the run proposed."
    )
    ran_at = models.DateTimeField(help_text="When the run happened.")

    class Meta:
        ordering = ["document_id", "extractor_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "extractor_name"], name="unique_run_per_extractor"
            )
        ]

    def __str__(self) -> str:
        return f"{self.document_id} {self.extractor_name} {self.extractor_version}: {self.warnings}"


class DefenderMatch(models.Model):
    """A known defender the candidate may be: same name (exact or folded, from the extraction
    queue) or probably the same person (the linkage model, with its probability and reasons)."""

    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="matches", help_text="The candidate."
    )
    defender = models.ForeignKey(
        "records.Defender",
        on_delete=models.CASCADE,
        related_name="candidate_matches",
        help_text="Known defender with the same name.",
    )
    kind = models.CharField(
        max_length=10, choices=MatchKind.choices, help_text="How the names agree."
    )
    matched_name = models.CharField(max_length=300, help_text="The defender's name that agreed.")
    probability = models.FloatField(
        null=True, blank=True, help_text="For a probable match: the linkage model's probability."
    )
    reasons = models.JSONField(
        default=list,
        blank=True,
        help_text="For a probable match: the model's reasons, strongest first.",
    )

    class Meta:
        ordering = ["candidate_id", "defender_id"]
        constraints = [
            models.UniqueConstraint(fields=["candidate", "defender"], name="unique_defender_match")
        ]

    def __str__(self) -> str:
        return f"{self.candidate_id} ~ {self.defender_id} ({self.kind})"
