"""Tell people when a case needs them: reviewers when a case enters review, the owning
organisation's editors when it is verified or sent back, after the change has committed.

Mails go through a background task (django-tasks) and carry only the case's public id and a link:
never names or restricted details, which may travel through untrusted mail servers. They are written
in the site's default language (``LANGUAGE_CODE``): several members of different languages may get one.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.dispatch import receiver
from django.utils import translation
from django.utils.translation import gettext, gettext_noop
from django_tasks import task

from hrdwatch.partners.models import Role
from hrdwatch.records.levels import ReviewState
from hrdwatch.records.signals import action_committed

REVIEWER_ROLES: list[str] = [Role.REVIEWER, Role.EDITOR, Role.ADMINISTRATOR]
EDITOR_ROLES: list[str] = [Role.EDITOR, Role.ADMINISTRATOR]


@task()
def send_case_notice(recipients: list[str], subject: str, case_uid: str) -> int:
    """Send one short notice; runs in the task worker."""
    link = f"{settings.SITE_URL}/review/case/{case_uid}/"
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext(subject)
        body = (
            subject
            + "\n\n"
            + gettext("Case %(uid)s: %(link)s") % {"uid": case_uid, "link": link}
            + "\n"
        )
    return send_mail(subject, body, None, recipients)


def _emails(roles: list[str], organisation_id: int | None, exclude: int | None) -> list[str]:
    """Members with one of ``roles`` in the organisation (or network-wide); anywhere if None."""
    scope = Q()
    if organisation_id is not None:
        scope = Q(memberships__network_wide=True) | Q(memberships__organisation_id=organisation_id)
    users = get_user_model().objects.filter(
        scope, memberships__role__in=roles, memberships__ended_at__isnull=True, is_active=True
    )
    if exclude is not None:
        users = users.exclude(pk=exclude)
    users = users.exclude(email="").distinct()
    return sorted(users.values_list("email", flat=True))


@receiver(action_committed)
def notify_on_workflow(
    sender: str, obj: Any, actor: Any, details: dict[str, Any], **kwargs: Any
) -> None:
    actor_id = getattr(actor.user, "pk", None)
    target = details.get("to")
    if sender == "case.submit":
        # Reviewers of every organisation may act: four eyes need someone from outside.
        recipients = _emails(REVIEWER_ROLES, None, actor_id)
        subject = gettext_noop("A case awaits review")
    elif target in {ReviewState.VERIFIED, ReviewState.DRAFT} and sender in {
        "case.review",
        "checklist.update",
    }:
        recipients = _emails(EDITOR_ROLES, obj.owner_id, actor_id)
        subject = (
            gettext_noop("A case was verified")
            if target == ReviewState.VERIFIED
            else gettext_noop("Changes requested")
        )
    else:
        return
    if recipients:
        send_case_notice.enqueue(recipients, subject, obj.uid)
