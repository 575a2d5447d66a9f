"""The organisations of the network and the people who work for them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class OrganisationKind(models.TextChoices):
    LOCAL = "local", _("Local organisation")
    INTERNATIONAL = "international", _("International NGO")
    NETWORK = "network", _("Network secretariat")


class Organisation(models.Model):
    """A partner organisation that documents cases or acts on them."""

    slug = models.SlugField(unique=True, help_text="Short stable identifier used in URLs and imports.")
    name = models.CharField(max_length=200, help_text="Full name of the organisation.")
    kind = models.CharField(
        max_length=20, choices=OrganisationKind.choices, default=OrganisationKind.LOCAL,
        help_text="Local organisation, international NGO or network secretariat.",
    )
    country = models.CharField(
        max_length=2, blank=True, help_text="ISO 3166-1 alpha-2 code of the country it is based in."
    )
    website = models.URLField(blank=True, help_text="Public website.")
    is_public = models.BooleanField(
        default=True,
        help_text="Whether the organisation may be named publicly (some partners work at risk).",
    )
    created_at = models.DateTimeField(auto_now_add=True, help_text="When the record was created.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    """What a member may do; each role includes the ones before it."""

    VIEWER = "viewer", _("Viewer")
    DOCUMENTER = "documenter", _("Documenter")
    REVIEWER = "reviewer", _("Reviewer")
    EDITOR = "editor", _("Editor")
    ADMINISTRATOR = "administrator", _("Administrator")


ROLE_RANK = {role.value: rank for rank, role in enumerate(Role)}


class Membership(models.Model):
    """A user's role in one organisation (or network-wide when ``network_wide`` is set)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships",
        help_text="The account.",
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships",
        help_text="The organisation the account belongs to.",
    )
    role = models.CharField(
        max_length=20, choices=Role.choices, default=Role.VIEWER, help_text="What the member may do."
    )
    network_wide = models.BooleanField(
        default=False, help_text="The role applies to every organisation's cases, not only this one's."
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="unique_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.organisation} ({self.get_role_display()})"


class PartnerToken(models.Model):
    """An API token for a partner's scripts: stored only as a SHA-256 digest, capped at a role.

    Tokens are long random strings, so a fast digest is enough (no salt or slow hash needed);
    the raw value is shown once when issued (``partners.tokens.issue_token``).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partner_tokens",
        help_text="The account the token acts as.",
    )
    name = models.CharField(max_length=100, help_text="What the token is for, e.g. 'nightly import'.")
    prefix = models.CharField(max_length=12, help_text="First characters of the token, to recognise it.")
    digest = models.CharField(
        max_length=64, unique=True, help_text="SHA-256 of the token; the token itself is never stored."
    )
    max_role = models.CharField(
        max_length=20, choices=Role.choices, default=Role.VIEWER,
        help_text="The most the token may do, whatever the account's own roles.",
    )
    created_at = models.DateTimeField(auto_now_add=True, help_text="When the token was issued.")
    expires_at = models.DateTimeField(null=True, blank=True, help_text="When it stops working, if ever.")
    last_used_at = models.DateTimeField(null=True, blank=True, help_text="When it was last used.")
    revoked_at = models.DateTimeField(null=True, blank=True, help_text="When it was revoked, if it was.")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
