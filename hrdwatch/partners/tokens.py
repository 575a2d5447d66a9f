"""API tokens for partners' scripts: issued once, stored hashed, capped at a role.

``authenticate_token(raw)`` returns the token's user, marked so that the permission object
(``partners.permissions``) never lets it do more than the token's ``max_role``.
"""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from .models import PartnerToken, Role
from .permissions import TOKEN_ROLE_ATTR

TOKEN_PREFIX = "hrd_"  # noqa: S105 (a public prefix, not a secret)


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def issue_token(user: Any, name: str, max_role: str = Role.VIEWER) -> tuple[PartnerToken, str]:
    """Create a token; the raw value is returned once and never stored."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = PartnerToken.objects.create(
        user=user, name=name, prefix=raw[:10], digest=_digest(raw), max_role=Role(max_role)
    )
    return token, raw


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
    if token is None or (token.expires_at is not None and token.expires_at <= now):
        return None
    PartnerToken.objects.filter(pk=token.pk).update(last_used_at=now)
    user = get_user_model().objects.get(pk=token.user_id)
    setattr(user, TOKEN_ROLE_ATTR, token.max_role)
    return user


def revoke_token(token: PartnerToken) -> None:
    PartnerToken.objects.filter(pk=token.pk).update(revoked_at=timezone.now())
