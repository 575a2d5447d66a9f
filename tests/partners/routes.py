"""Every route of the site, read from the URL configuration (and the API schema), with its
placeholders filled from the records under test — so routes added later are covered too."""

from __future__ import annotations

import io
import itertools
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.contrib.admindocs.views import extract_views_from_urlpatterns, simplify_regex
from django.urls import get_resolver

PLACEHOLDER = re.compile(r"<(?:(\w+):)?(\w+)>")
FORMATS = ["json", "csv", "md", "docx"]
MAX_COMBINATIONS = 40


@dataclass(frozen=True)
class Route:
    template: str  # e.g. /defenders/<slug:uid>/
    namespace: str
    name: str
    callback: Any

    @property
    def placeholders(self) -> list[str]:
        return [m.group(2) for m in PLACEHOLDER.finditer(self.template)]

    @property
    def required_action(self) -> str | None:
        return getattr(self.callback, "required_action", None)


def all_routes() -> list[Route]:
    routes = []
    for callback, regex, namespaces, name in extract_views_from_urlpatterns(
        get_resolver().url_patterns
    ):
        template = simplify_regex(regex).replace("\\.", ".")
        routes.append(Route(template, ":".join(namespaces or []), name or "", callback))
    return routes


def values_for(placeholder: str, objects: list[Any]) -> list[str]:
    """Candidate values for a URL placeholder, taken from the records under test."""
    uids = [o.uid for o in objects if getattr(o, "uid", None)]
    pks = [str(o.pk) for o in objects]
    if placeholder in {"code", "country"}:
        return ["FR"]
    if placeholder in {"fmt", "format", "ext"}:
        return FORMATS
    if placeholder in {"pk", "id", "object_id"} or placeholder.endswith("_id"):
        return pks
    if placeholder in {"step", "action"}:
        return ["submit", "publish", "withdraw"]
    return uids


def urls_for(route: Route, objects: list[Any], queries: bool = True) -> Iterator[str]:
    """Concrete URLs for a route; routes without placeholders also get search queries."""
    names = route.placeholders
    if not names:
        yield route.template
        if queries:
            for query in ("q", "search"):
                yield f"{route.template}?{query}=CANARY"
        return
    choices = [values_for(n, objects) for n in names]
    # The admin answers every non-staff request with the login page: one value is enough.
    limit = 1 if route.namespace.startswith("admin") else MAX_COMBINATIONS
    for combo in itertools.islice(itertools.product(*choices), limit):
        parts = PLACEHOLDER.split(route.template)
        # split() yields text, converter, name, text, ...: keep the text, put values in between.
        text = parts[::3]
        yield "".join(t + v for t, v in zip(text, [*combo, ""], strict=True))


def api_schema_paths(client: Any) -> list[str]:
    """Paths listed by the API's OpenAPI schema, with {placeholders} as <placeholders>."""
    response = client.get("/api/v1/openapi.json")
    if response.status_code != 200:
        return []
    paths = response.json().get("paths", {})
    return [re.sub(r"\{(\w+)\}", r"<\1>", p) for p in paths]


def response_text(response: Any) -> str:
    """Everything a response carries that a person could read, including zipped documents."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    parts = [body.decode("utf-8", "replace"), str(dict(response.items()))]
    if body[:2] == b"PK":
        try:
            with zipfile.ZipFile(io.BytesIO(body)) as archive:
                parts += [archive.read(n).decode("utf-8", "replace") for n in archive.namelist()]
        except zipfile.BadZipFile:
            pass
    return "\n".join(parts)
