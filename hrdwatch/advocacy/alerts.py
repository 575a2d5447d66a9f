"""E-mail alerts on release, sentence, transfer and health events: double opt-in, one-click unsubscribe.

A subscription receives nothing until its address confirms through the link it was sent. Every
alert carries ``List-Unsubscribe`` and ``List-Unsubscribe-Post: List-Unsubscribe=One-Click``
(RFC 8058) so mail clients can unsubscribe with one click. Events are read through the public
gate; each event is sent once per subscription (``AlertDelivery``). Mail goes through Django's
mail framework, so the SMTP backend is configured with the usual EMAIL_* settings.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from hrdwatch.core.dates import format_partial_human
from hrdwatch.core.throttle import allow, allow_key
from hrdwatch.records.models import Event
from hrdwatch.records.visibility import Gate, Viewer

from .models import ALERT_EVENT_TYPES, AlertDelivery, AlertSubscription


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def alert_events(gate: Gate | None = None) -> QuerySet[Event]:
    """Public events of the alerting types, newest first."""
    gate = gate or Gate(Viewer.public())
    return (
        gate.events()
        .filter(event_type__code__in=ALERT_EVENT_TYPES)
        .select_related("event_type", "case__defender")
        .order_by("-created_at", "-pk")
    )


def unsubscribe_url(subscription: AlertSubscription) -> str:
    return absolute(reverse("advocacy:alerts-unsubscribe", args=[subscription.token]))


def may_request_subscription(request: HttpRequest, email: str) -> bool:
    """Whether this client, and this recipient, may be sent one more confirmation mail.

    Counted per client address (``core.addresses``: a forged ``X-Forwarded-For`` does not help)
    and per recipient, at ``HRDWATCH_ALERT_SIGNUP_RATE`` each, so the form cannot flood a mailbox.
    """
    rate = str(getattr(settings, "HRDWATCH_ALERT_SIGNUP_RATE", "5/h"))
    by_client = allow(request, "alert-signup", rate)
    by_recipient = allow_key("alert-signup-to", email.strip().lower(), rate)
    return by_client and by_recipient


def request_subscription(
    email: str, language: str, country: str = "", defender_uid: str = ""
) -> AlertSubscription:
    """Record the request and send the confirmation e-mail (double opt-in)."""
    subscription = AlertSubscription.objects.create(
        email=email, language=language, country=country.upper(), defender_uid=defender_uid
    )
    confirm = absolute(reverse("advocacy:alerts-confirm", args=[subscription.token]))
    with translation.override(language):
        body = render_to_string(
            "advocacy/email/confirm.txt", {"confirm_url": confirm, "subscription": subscription}
        )
        subject = render_to_string("advocacy/email/confirm_subject.txt").strip()
    EmailMessage(subject, body, to=[email]).send()
    return subscription


def confirm_subscription(token: str) -> AlertSubscription | None:
    subscription = AlertSubscription.objects.filter(
        token=token, unsubscribed_at__isnull=True
    ).first()
    if subscription is not None and subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return subscription


def unsubscribe(token: str) -> AlertSubscription | None:
    subscription = AlertSubscription.objects.filter(token=token).first()
    if subscription is not None and subscription.unsubscribed_at is None:
        subscription.unsubscribed_at = timezone.now()
        subscription.save(update_fields=["unsubscribed_at"])
    return subscription


def pending_events(subscription: AlertSubscription, events: QuerySet[Event]) -> list[Event]:
    """Events in the subscription's scope, new or changed since it was confirmed, not yet sent to it."""
    since = subscription.confirmed_at
    scoped = events.filter(Q(created_at__gte=since) | Q(updated_at__gte=since))
    if subscription.country:
        scoped = scoped.filter(case__country=subscription.country)
    if subscription.defender_uid:
        scoped = scoped.filter(case__defender__uid=subscription.defender_uid)
    sent = subscription.deliveries.values("event_uid")
    return list(scoped.exclude(uid__in=sent))


def _message(subscription: AlertSubscription, events: list[Event]) -> EmailMessage:
    unsubscribe_link = unsubscribe_url(subscription)
    with translation.override(subscription.language):
        items = [
            {
                "event": e,
                "label": e.event_type.label(subscription.language),
                "date": format_partial_human(e.date, e.date_precision),
                "url": absolute(reverse("publication:defender", args=[e.case.defender.uid])),
            }
            for e in events
        ]
        context = {"items": items, "unsubscribe_url": unsubscribe_link}
        body = render_to_string("advocacy/email/alert.txt", context)
        subject = render_to_string(
            "advocacy/email/alert_subject.txt", {"count": len(events)}
        ).strip()
    return EmailMessage(
        subject,
        body,
        to=[subscription.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def send_alerts() -> int:
    """Send each active subscription one e-mail with its new events; returns e-mails sent."""
    events = alert_events()
    sent = 0
    with get_connection() as connection:
        subscriptions = AlertSubscription.objects.filter(
            confirmed_at__isnull=False, unsubscribed_at__isnull=True
        )
        for subscription in subscriptions.iterator():
            pending = pending_events(subscription, events)
            if not pending:
                continue
            with transaction.atomic():
                AlertDelivery.objects.bulk_create(
                    [AlertDelivery(subscription=subscription, event_uid=e.uid) for e in pending]
                )
                connection.send_messages([_message(subscription, pending)])
            sent += 1
    return sent
