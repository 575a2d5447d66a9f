"""Send reviewers, editors, administrators and staff to TOTP verification before anything else.

The permission object already treats an unverified session as the public; this middleware makes
the step visible instead of leaving such users facing "permission denied" pages.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from .permissions import needs_two_factor

# Where an unverified session may still go: the account pages, the API (its own rules), assets.
EXEMPT_PREFIXES = ("/accounts/", "/api/", "/static/", "/media/", "/i18n/")


class RequireTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(EXEMPT_PREFIXES)
            and callable(getattr(user, "is_verified", None))
            and not user.is_verified()
            and needs_two_factor(user)
        ):
            return redirect(f"/accounts/2fa/verify/?next={quote(request.get_full_path())}")
        return self.get_response(request)
