"""Campaigns (cases grouped for action, with a letter and counters) and e-mail alert subscriptions."""

from __future__ import annotations

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Event types whose appearance on a public timeline is worth an e-mail to subscribers.
ALERT_EVENT_TYPES = (
    "release",
    "conditional_release",
    "sentence",
    "conviction",
    "transfer",
    "denial_of_medical_care",
    "torture",
    "death_in_custody",
    "enforced_disappearance",
)


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Campaign(models.Model):
    """A group of cases acted on together (e.g. the lawyers detained in one crackdown)."""

    slug = models.SlugField(
        unique=True,
        verbose_name=_("slug"),
        help_text="Short stable identifier used in the campaign's URL.",
    )
    title = models.CharField(
        max_length=200, verbose_name=_("title"), help_text="Campaign title in English."
    )
    summary = models.TextField(
        blank=True, verbose_name=_("summary"), help_text="Why this campaign, in English."
    )
    translations = models.JSONField(
        default=dict,
        blank=True,
        verbose_name=_("translations"),
        help_text='Translated title, summary and letter, e.g. {"fr": {"title": "...", "letter": "..."}}.',
    )
    cases = models.ManyToManyField(
        "records.Case",
        related_name="campaigns",
        blank=True,
        verbose_name=_("cases"),
        help_text="Cases the campaign is about; only the public ones are shown publicly.",
    )
    addressee = models.TextField(
        blank=True,
        verbose_name=_("addressee"),
        help_text="Who the letter is addressed to (authority, name and postal or e-mail address).",
    )
    letter = models.TextField(
        blank=True,
        verbose_name=_("letter"),
        help_text="Letter template in English. Placeholders: $addressee, $names, $count, $countries, $longest_days.",
    )
    is_published = models.BooleanField(
        default=False,
        verbose_name=_("is published"),
        help_text="Whether the campaign page is public.",
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="campaigns",
        verbose_name=_("organisation"),
        help_text="Organisation that runs the campaign.",
    )
    created_at = models.DateTimeField(
        auto_now_add=True, verbose_name=_("created at"), help_text="When the campaign was created."
    )
    updated_at = models.DateTimeField(
        auto_now=True, verbose_name=_("updated at"), help_text="When it last changed."
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self) -> str:
        return self.title

    def translated(self, field: str, language: str) -> str:
        return str(self.translations.get(language, {}).get(field) or getattr(self, field))


class LetterSent(models.Model):
    """A visitor said they sent the campaign letter: the campaign's "letters sent" counter."""

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="letters_sent", help_text="The campaign."
    )
    language = models.CharField(max_length=8, blank=True, help_text="Language of the letter sent.")
    sent_at = models.DateTimeField(
        default=timezone.now, help_text="When the visitor reported sending it."
    )

    def __str__(self) -> str:
        return f"letter for {self.campaign_id} at {self.sent_at:%Y-%m-%d}"


class AlertSubscription(models.Model):
    """An e-mail address that asked for alerts; nothing is sent until the address confirms."""

    email = models.EmailField(verbose_name=_("e-mail address"), help_text="Where alerts are sent.")
    language = models.CharField(
        max_length=8, default="en", verbose_name=_("language"), help_text="Language of the e-mails."
    )
    country = models.CharField(
        max_length=2,
        blank=True,
        verbose_name=_("country"),
        help_text="Only cases in this country (ISO 3166-1); blank for all.",
    )
    defender_uid = models.CharField(
        max_length=40,
        blank=True,
        verbose_name=_("defender id"),
        help_text="Only this defender (uid); blank for all.",
    )
    token = models.CharField(
        max_length=64,
        unique=True,
        default=new_token,
        editable=False,
        verbose_name=_("token"),
        help_text="Secret in the confirmation and unsubscribe links.",
    )
    created_at = models.DateTimeField(
        auto_now_add=True,
        verbose_name=_("created at"),
        help_text="When the subscription was requested.",
    )
    confirmed_at = models.DateTimeField(
        null=True,
        blank=True,
        verbose_name=_("confirmed at"),
        help_text="When the address confirmed (double opt-in).",
    )
    unsubscribed_at = models.DateTimeField(
        null=True,
        blank=True,
        verbose_name=_("unsubscribed at"),
        help_text="When the address unsubscribed.",
    )

    class Meta:
        indexes = [
            models.Index(fields=["confirmed_at", "unsubscribed_at"], name="alert_active_idx")
        ]
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")

    def __str__(self) -> str:
        return f"alerts for {self.email}"

    @property
    def is_active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None


class AlertDelivery(models.Model):
    """One event already notified to one subscription, so nobody gets the same alert twice."""

    subscription = models.ForeignKey(
        AlertSubscription,
        on_delete=models.CASCADE,
        related_name="deliveries",
        help_text="Who was told.",
    )
    event_uid = models.CharField(max_length=40, help_text="The event they were told about.")
    sent_at = models.DateTimeField(auto_now_add=True, help_text="When the e-mail was sent.")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "event_uid"], name="unique_alert_delivery"
            )
        ]
        verbose_name_plural = _("alert deliveries")

    def __str__(self) -> str:
        return f"{self.event_uid} to {self.subscription_id}"
