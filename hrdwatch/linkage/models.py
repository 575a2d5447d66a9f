"""Reviewers' judgements and merges: linkage decisions stored as edges, never as overwrites."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Verdict(models.TextChoices):
    SAME = "same", _("Same person")
    NOT_SAME = "not_same", _("Not the same person")
    UNSURE = "unsure", _("Unsure")


class Judgement(models.Model):
    """A reviewer's answer to "same person?" about two records, kept as an edge.

    The two ends are record keys: a defender's ``uid`` or a candidate's key (``candidate:<id>``).
    The newest judgement of a pair that has not been undone is the one in force; older ones stay
    as history. Judgements always win over the model's score, on every re-run.
    """

    left = models.CharField(
        max_length=80, db_index=True, help_text="Key of one record (the smaller key)."
    )
    right = models.CharField(max_length=80, db_index=True, help_text="Key of the other record.")
    verdict = models.CharField(
        max_length=10, choices=Verdict.choices, help_text="Same person, not the same, or unsure."
    )
    note = models.TextField(
        blank=True, help_text="Why the reviewer decided so (what they compared)."
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Reviewer who answered.",
    )
    decided_at = models.DateTimeField(default=timezone.now, help_text="When the answer was given.")
    model_probability = models.FloatField(
        null=True,
        blank=True,
        help_text="The model's probability when the question was asked, for audit.",
    )
    undone_at = models.DateTimeField(
        null=True, blank=True, help_text="When the judgement was withdrawn, if it was."
    )
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who withdrew the judgement.",
    )

    class Meta:
        ordering = ["-decided_at", "-id"]
        indexes = [models.Index(fields=["left", "right", "decided_at"], name="judgement_pair_idx")]

    def __str__(self) -> str:
        return f"{self.left} {self.verdict} {self.right}"


class NameAlias(models.Model):
    """A reviewer's addition to the alias table: two spellings no transliteration connects."""

    name = models.CharField(
        max_length=300, help_text="One spelling, e.g. a name in Chinese characters."
    )
    same_as = models.CharField(
        max_length=300, help_text="Another spelling of the same name, e.g. its Uyghur form."
    )
    note = models.TextField(
        blank=True, help_text="Where the equivalence comes from (a source, a reviewer's knowledge)."
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Reviewer who added it.",
    )
    added_at = models.DateTimeField(default=timezone.now, help_text="When it was added.")

    def __str__(self) -> str:
        return f"{self.name} = {self.same_as}"


class DefenderMerge(models.Model):
    """One merge of two defender records, with exactly what moved, so that it can be undone."""

    kept = models.ForeignKey(
        "records.Defender",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The defender that remains.",
    )
    merged = models.ForeignKey(
        "records.Defender",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The defender folded into the kept one (soft-deleted, never removed).",
    )
    judgement = models.ForeignKey(
        Judgement,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merges",
        help_text="The 'same person' judgement the merge carried out.",
    )
    moved = models.JSONField(
        default=dict,
        help_text='Primary keys moved from the merged defender: {"cases": [...], "names": [...], ...}.',
    )
    created_names = models.JSONField(
        default=list, help_text="Names the merge added to the kept defender."
    )
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who merged.",
    )
    merged_at = models.DateTimeField(default=timezone.now, help_text="When.")
    undone_at = models.DateTimeField(
        null=True, blank=True, help_text="When the merge was undone, if it was."
    )

    class Meta:
        ordering = ["-merged_at", "-id"]

    def __str__(self) -> str:
        return f"{self.merged_id} -> {self.kept_id}"


class MergeProposal(models.Model):
    """Two known defenders the model thinks are one person, waiting for a reviewer's answer.

    Rebuilt as a whole by ``proposals.refresh_proposals`` (``hrdwatch propose_merges``), so it is
    a work queue, not a record: the answers themselves are ``Judgement`` rows.
    """

    left = models.CharField(max_length=80, help_text="uid of one defender (the smaller uid).")
    right = models.CharField(max_length=80, help_text="uid of the other defender.")
    probability = models.FloatField(help_text="The model's probability that they are one person.")
    reasons = models.JSONField(
        default=list,
        help_text="The explanation, strongest first: [field, words, bits] per feature.",
    )
    computed_at = models.DateTimeField(
        default=timezone.now, help_text="When the model proposed it."
    )

    class Meta:
        ordering = ["-probability", "left", "right"]
        constraints = [
            models.UniqueConstraint(fields=["left", "right"], name="unique_merge_proposal")
        ]

    def __str__(self) -> str:
        return f"{self.left} ~ {self.right} ({self.probability:.0%})"
