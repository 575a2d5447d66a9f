"""The three visibility levels and the review states; no model imports, so any module may use it."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    """Who may see a record or a field. Ordered: each level sees the ones before it."""

    PUBLIC = "public", _("Public")
    PARTNERS = "partners", _("Partners")
    RESTRICTED = "restricted", _("Restricted")


VISIBILITY_RANK = {Visibility.PUBLIC: 0, Visibility.PARTNERS: 1, Visibility.RESTRICTED: 2}


def levels_up_to(level: str) -> list[str]:
    """Every level a viewer at ``level`` may see."""
    rank = VISIBILITY_RANK[Visibility(level)]
    return [v.value for v, r in VISIBILITY_RANK.items() if r <= rank]


class ReviewState(models.TextChoices):
    """Where a case stands in the review workflow; only published cases reach the public."""

    CANDIDATE = "candidate", _("Candidate (from extraction)")
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    VERIFIED = "verified", _("Verified")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ShareLevel(models.TextChoices):
    """What an organisation a case was shared with may do with it."""

    READ = "read", _("See the restricted data")
    EDIT = "edit", _("See and edit")


class Certainty(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    ALLEGED = "alleged", _("Alleged")
    DISPUTED = "disputed", _("Disputed")


class SentenceKind(models.TextChoices):
    TERM = "term", _("Prison term")
    SUSPENDED = "suspended", _("Suspended term")
    LIFE = "life", _("Life imprisonment")
    INDETERMINATE = "indeterminate", _("Indeterminate sentence")
    DEATH = "death", _("Death penalty")
    NON_CUSTODIAL = "non_custodial", _("Non-custodial")


class PlaceKind(models.TextChoices):
    PRISON = "prison", _("Prison")
    PRETRIAL = "pretrial", _("Pre-trial detention centre")
    POLICE = "police", _("Police station")
    SECURITY = "security", _("Security or intelligence facility")
    UNOFFICIAL = "unofficial", _("Unofficial or secret place")
    PSYCHIATRIC = "psychiatric", _("Psychiatric institution")
    CAMP = "camp", _("Camp")
    OTHER = "other", _("Other")


class WarrantShown(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    UNKNOWN = "unknown", _("Unknown")
