"""The NinjaAPI instance: public read, partner tokens, rate limits, ETags on every read.

Imported from ``urls.py`` only, because ninja must be imported after ``django.setup()``.
"""

from __future__ import annotations

from typing import Any

from django.middleware.http import ConditionalGetMiddleware
from django.utils.decorators import decorator_from_middleware
from django.views.decorators.vary import vary_on_headers
from ninja import NinjaAPI

from .access import ClientRateThrottle, PartnerToken, cache_by_audience, public_access
from .routes import router

API_DESCRIPTION = """\
Read access to the record of detained human rights defenders.

Without a token you read what the public site shows. Partner organisations send
`Authorization: Bearer <token>` to read partner-level data. Every record has a stable `uid`.
Responses carry an `ETag`; send it back in `If-None-Match` to get `304 Not Modified`.
Requests are rate limited per client (`429 Too Many Requests` with `Retry-After`).
"""


class HrdwatchAPI(NinjaAPI):
    """Says in the OpenAPI document that the token is optional (public read needs none)."""

    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(*args, **kwargs)
        for methods in schema.get("paths", {}).values():
            for operation in methods.values():
                if "security" in operation and {} not in operation["security"]:
                    operation["security"].append({})
        return schema


api = HrdwatchAPI(
    title="hrdwatch API",
    version="1",
    description=API_DESCRIPTION,
    urls_namespace="api",
    auth=[PartnerToken(), public_access],
    throttle=[ClientRateThrottle()],
    docs_url="/docs",
)

# Conditional GET: a strong ETag from the body, 304 when it matches; cached per token and language.
router.add_decorator(decorator_from_middleware(ConditionalGetMiddleware), mode="view")
router.add_decorator(vary_on_headers("Authorization", "Accept-Language"), mode="view")
router.add_decorator(cache_by_audience, mode="view")
api.add_router("/", router)
