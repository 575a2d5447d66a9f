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

    slug = models.SlugField(
        unique=True, help_text="Short stable identifier used in URLs and imports."
    )
    name = models.CharField(max_length=200, help_text="Full name of the organisation.")
    kind = models.CharField(
        max_length=20,
        choices=OrganisationKind.choices,
        default=OrganisationKind.LOCAL,
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


class ActiveMembershipManager(models.Manager["Membership"]):
    """Memberships in force: an ended membership keeps its row (and history) but grants nothing."""

    def get_queryset(self) -> models.QuerySet[Membership]:
        return super().get_queryset().filter(ended_at__isnull=True)


class Membership(models.Model):
    """A user's role in one organisation (or network-wide when ``network_wide`` is set).

    Removing a member ends the membership (``ended_at``); ``objects`` shows only memberships in
    force, ``all_objects`` every one.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        help_text="The account.",
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        help_text="The organisation the account belongs to.",
    )
    role = models.CharField(
        max_length=20,
        choices=Role.choices,
        default=Role.VIEWER,
        help_text="What the member may do.",
    )
    network_wide = models.BooleanField(
        default=False,
        help_text="The role applies to every organisation's cases, not only this one's.",
    )
    ended_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the member was removed; an ended membership grants nothing.",
    )
    history = HistoricalRecords()

    objects = ActiveMembershipManager()
    all_objects = models.Manager()  # noqa: DJ012 -- the default manager stays `objects`

    class Meta:
        base_manager_name = "all_objects"
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
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="partner_tokens",
        help_text="The account the token acts as.",
    )
    name = models.CharField(
        max_length=100, help_text="What the token is for, e.g. 'nightly import'."
    )
    prefix = models.CharField(
        max_length=12, help_text="First characters of the token, to recognise it."
    )
    digest = models.CharField(
        max_length=64,
        unique=True,
        help_text="SHA-256 of the token; the token itself is never stored.",
    )
    max_role = models.CharField(
        max_length=20,
        choices=Role.choices,
        default=Role.VIEWER,
        help_text="The most the token may do, whatever the account's own roles.",
    )
    created_at = models.DateTimeField(auto_now_add=True, help_text="When the token was issued.")
    expires_at = models.DateTimeField(
        null=True, blank=True, help_text="When it stops working, if ever."
    )
    last_used_at = models.DateTimeField(null=True, blank=True, help_text="When it was last used.")
    revoked_at = models.DateTimeField(
        null=True, blank=True, help_text="When it was revoked, if it was."
    )

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class Invitation(models.Model):
    """An e-mailed, one-time, expiring link that makes its holder a member of an organisation.

    Only the SHA-256 digest of the link's secret is stored (``partners.invitations``).
    """

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="invitations",
        help_text="The organisation the invited person joins.",
    )
    email = models.EmailField(help_text="Where the link was sent.")
    role = models.CharField(
        max_length=20,
        choices=Role.choices,
        default=Role.VIEWER,
        help_text="The role given on acceptance.",
    )
    digest = models.CharField(
        max_length=64,
        unique=True,
        help_text="SHA-256 of the link's secret; the secret itself is never stored.",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who sent the invitation (empty when sent from the command line).",
    )
    created_at = models.DateTimeField(auto_now_add=True, help_text="When the invitation was sent.")
    expires_at = models.DateTimeField(help_text="After this the link is refused.")
    accepted_at = models.DateTimeField(
        null=True, blank=True, help_text="When the link was used (it works once)."
    )
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The account that accepted it.",
    )
    revoked_at = models.DateTimeField(
        null=True, blank=True, help_text="When it was withdrawn, if it was."
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation} ({self.role})"


class DetentionReport(models.Model):
    """A detention reported by anyone through the public form: restricted intake for triage.

    Seen only by the members of the organisation it was sent to and by network-wide members (who
    pass on the ones sent to no organisation in particular); never published as such.
    """

    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="detention_reports",
        help_text="The organisation asked to look at it; empty for the network to triage.",
    )
    who = models.TextField(help_text="Who was detained, as the reporter wrote it.")
    where = models.TextField(help_text="Where it happened, as the reporter wrote it.")
    when = models.CharField(max_length=200, help_text="When it happened, as the reporter wrote it.")
    what_happened = models.TextField(help_text="What happened, in the reporter's words.")
    contact = models.TextField(blank=True, help_text="How to reach the reporter (optional).")
    language = models.CharField(
        max_length=10, blank=True, help_text="The interface language of the form."
    )
    submitted_at = models.DateTimeField(auto_now_add=True, help_text="When it was sent.")
    handled_at = models.DateTimeField(
        null=True, blank=True, help_text="When a member marked it handled."
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The member who marked it handled.",
    )
    note = models.TextField(blank=True, help_text="The member's note on what was done.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_at"]

    def __str__(self) -> str:
        return f"report {self.pk} ({self.submitted_at:%Y-%m-%d})"
