"""Who is calling the API and how often: public read without a key, partner tokens, rate limits.

Every request ends up with an ``ApiClient`` on ``request.auth`` that carries the ``Viewer`` the
visibility gate will use. A bearer token is checked by the partners app
(``partners.tokens.authenticate_token``) and turned into a viewer by its permission object
(``partners.permissions.viewer_for``); a request without one reads as the public.
A token that is present but wrong is refused (401) rather than silently downgraded, so a partner
whose token expired notices instead of quietly getting less data.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer
from ninja.throttling import SimpleRateThrottle

from hrdwatch.core.addresses import client_address
from hrdwatch.partners.permissions import viewer_for
from hrdwatch.partners.tokens import authenticate_token
from hrdwatch.records.visibility import Viewer


@dataclass(frozen=True)
class ApiClient:
    """The caller: the viewer the gate uses, and a key that identifies it for rate limiting."""

    viewer: Viewer
    key: str
    user: Any = None  # the token's user, for the audit of restricted views

    @property
    def is_partner(self) -> bool:
        return not self.viewer.is_public

    def __str__(self) -> str:
        return self.key


PUBLIC_CLIENT_PREFIX = "public"


def client_for_token(raw: str) -> ApiClient | None:
    """The partner client for a raw token, or None when the token is unknown or revoked."""
    user = authenticate_token(raw)
    if user is None:
        return None
    digest = hashlib.sha256(raw.encode()).hexdigest()[:16]
    return ApiClient(viewer=viewer_for(user), key=f"token:{digest}", user=user)


class PartnerToken(HttpBearer):
    """``Authorization: Bearer <token>`` for partner-level data."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiClient:
        client = client_for_token(token)
        if client is None:
            raise AuthenticationError(message="unknown or revoked API token")
        return client


def public_access(request: HttpRequest) -> ApiClient:
    """No token: read what the public may read."""
    return ApiClient(viewer=Viewer.public(), key=PUBLIC_CLIENT_PREFIX)


def cache_by_audience(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Partner answers may be cached only by the partner's own client; public ones by anyone."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        client: Any = getattr(request, "auth", None)
        if isinstance(client, ApiClient) and client.is_partner:
            patch_cache_control(response, private=True, max_age=0)
        elif response.status_code < 400:
            patch_cache_control(response, public=True, max_age=60)
        return response

    return wrapped


def viewer_of(request: HttpRequest) -> Viewer:
    """The viewer the gate should use for this request."""
    client: Any = getattr(request, "auth", None)
    return client.viewer if isinstance(client, ApiClient) else Viewer.public()


class ClientRateThrottle(SimpleRateThrottle):
    """Requests per client: by token for partners, by address for the public.

    The address is ``core.addresses.client_address``: ``X-Forwarded-For`` counts only from a
    trusted proxy, so a client cannot get a fresh allowance by inventing one.

    The rates come from settings at each request (``HRDWATCH_API_RATE_PUBLIC`` and
    ``HRDWATCH_API_RATE_PARTNER``, e.g. ``"60/min"``) so deployments and tests can change them.
    """

    scope = "api"

    def __init__(self) -> None:
        super().__init__(rate=self._rate_setting(partner=False))

    @staticmethod
    def _rate_setting(partner: bool) -> str:
        if partner:
            return str(getattr(settings, "HRDWATCH_API_RATE_PARTNER", "600/min"))
        return str(getattr(settings, "HRDWATCH_API_RATE_PUBLIC", "120/min"))

    def allow_request(self, request: HttpRequest) -> bool:
        client: Any = getattr(request, "auth", None)
        partner = isinstance(client, ApiClient) and client.is_partner
        self.rate = self._rate_setting(partner)
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)

    def get_cache_key(self, request: HttpRequest) -> str:
        client: Any = getattr(request, "auth", None)
        if isinstance(client, ApiClient) and client.is_partner:
            ident = client.key
        else:
            ident = f"ip:{client_address(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}
