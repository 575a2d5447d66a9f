"""API tokens for partners' scripts: issued once, stored hashed, capped at a role.

``authenticate_token(raw)`` returns the token's user, marked so that the permission object
(``partners.permissions``) never lets it do more than the token's ``max_role``. Issuing and
revoking are written to the audit log with the token's name and prefix, never its value.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from hrdwatch.audit.log import record

from .models import PartnerToken, Role
from .permissions import TOKEN_ROLE_ATTR

TOKEN_PREFIX = "hrd_"  # noqa: S105 (a public prefix, not a secret)


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def issue_token(
    user: Any,
    name: str,
    max_role: str = Role.VIEWER,
    *,
    expires_in_days: int | None = None,
    actor: Any = None,
) -> tuple[PartnerToken, str]:
    """Create a token; the raw value is returned once and never stored.

    ``actor`` is who issues it (the user themselves by default, or an operator at the CLI).
    """
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    expires_at = timezone.now() + dt.timedelta(days=expires_in_days) if expires_in_days else None
    token = PartnerToken.objects.create(
        user=user,
        name=name,
        prefix=raw[:10],
        digest=_digest(raw),
        max_role=Role(max_role),
        expires_at=expires_at,
    )
    record(actor or user, "token.issued", token, details=_described(token))
    return token, raw


def _described(token: PartnerToken) -> dict[str, Any]:
    return {
        "name": token.name,
        "prefix": token.prefix,
        "max_role": token.max_role,
        "user": token.user.get_username(),
    }


def authenticate_token(raw: str | None) -> Any | None:
    """The active user behind a valid, unexpired, unrevoked token, or None."""
    if not raw or not raw.startswith(TOKEN_PREFIX):
        return None
    now = timezone.now()
    token = (
        PartnerToken.objects.select_related("user")
        .filter(digest=_digest(raw.strip()), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None or not is_active(token):
        return None
    PartnerToken.objects.filter(pk=token.pk).update(last_used_at=now)
    user = get_user_model().objects.get(pk=token.user_id)
    setattr(user, TOKEN_ROLE_ATTR, token.max_role)
    return user


def revoke_token(token: PartnerToken, actor: Any = None) -> None:
    """Stop a token from working at once; it stays listed (and audited) as revoked."""
    if PartnerToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    ):
        record(actor or token.user, "token.revoked", token, details=_described(token))


def is_active(token: PartnerToken) -> bool:
    """Neither revoked nor expired."""
    return token.revoked_at is None and (
        token.expires_at is None or token.expires_at > timezone.now()
    )
