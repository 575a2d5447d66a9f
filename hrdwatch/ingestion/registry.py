"""Adding sources: from YAML files under ``sources/`` (validated with pydantic), URLs and files.

One function per way in, used alike by the CLI and the editing interface, so they behave the same.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

import yaml
from django.db import transaction
from django.utils.text import slugify
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, ValidationError, field_validator

from hrdwatch.audit.log import Actor, record
from hrdwatch.partners.models import Organisation

from . import archive
from .fetch import FetchError, check_url, fetch
from .models import Source, SourceKind, Trust
from .readers.common import ReadError
from .readers.feeds import read_feed, read_sitemap
from .readers.files import sniff
from .readers.html import parse_html
from .readers.listing import find_items

YAML_SUFFIXES = (".yaml", ".yml")


class SourceError(Exception):
    """A source definition that cannot be used; the message says why."""


class SourceConfig(BaseModel):
    """One publisher the network follows, as written in ``sources/<slug>.yaml``."""

    model_config = ConfigDict(extra="forbid")

    slug: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{1,99}$", description="Stable short name.")
    name: str = Field(min_length=1, max_length=300, description="Human name.")
    url: HttpUrl = Field(description="Feed, listing, sitemap or article URL.")
    kind: Literal["feed", "listing", "sitemap", "article"] = Field(description="How it is read.")
    language: str = Field(
        default="", pattern=r"^([a-z]{2,3}(-[A-Za-z0-9]+)?)?$", description="Expected language."
    )
    schedule: Literal["hourly", "daily", "weekly", "manual"] = Field(
        default="daily", description="Polling."
    )
    organisation: str = Field(default="", description="Slug of the owning partner organisation.")
    trust: Literal["partner", "established", "unverified"] = Field(
        default="unverified", description="Trust."
    )
    hints: dict[str, str | int | bool] = Field(default_factory=dict, description="Parsing hints.")
    active: bool = Field(default=True, description="Whether it is polled.")

    @field_validator("hints")
    @classmethod
    def known_hints(cls, hints: dict[str, str | int | bool]) -> dict[str, str | int | bool]:
        unknown = set(hints) - {"item_xpath", "max_items", "max_pages", "date_order"}
        if unknown:
            raise ValueError(f"unknown parsing hints: {', '.join(sorted(unknown))}")
        return hints


def load_yaml(path: Path) -> SourceConfig:
    """Parse and validate one YAML source file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return SourceConfig.model_validate(data)
    except (yaml.YAMLError, ValidationError) as exc:
        raise SourceError(f"{path}: {exc}") from exc


def save_config(config: SourceConfig, origin: str) -> tuple[Source, bool]:
    """Create or update the Source a YAML definition describes."""
    organisation = None
    if config.organisation:
        organisation = Organisation.objects.filter(slug=config.organisation).first()
        if organisation is None:
            raise SourceError(f"{origin}: unknown organisation {config.organisation!r}")
    values = {
        "name": config.name,
        "url": str(config.url),
        "kind": config.kind,
        "language": config.language,
        "schedule": config.schedule,
        "organisation": organisation,
        "trust": config.trust,
        "hints": config.hints,
        "active": config.active,
        "origin": origin,
    }
    return Source.objects.update_or_create(slug=config.slug, defaults=values)


def load_directory(directory: Path) -> list[Source]:
    """Create or update every source defined under ``directory``; fail on the first bad file."""
    with transaction.atomic():
        return [
            save_config(load_yaml(path), str(path))[0] for path in sorted(directory.glob("*.y*ml"))
        ]


def _unique_slug(base: str) -> str:
    base = slugify(re.sub(r"\W+", "-", base))[:90].strip("-") or "source"
    slug, number = base, 2
    while Source.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def guess_kind(url: str) -> str:
    """Look at what the URL serves: a feed, a sitemap, a listing of dated items, or one article."""
    try:
        fetched = fetch(url)
    except FetchError:
        return SourceKind.ARTICLE
    media = sniff(fetched.body, fetched.content_type, url)
    if media == "text/html":
        items = find_items(parse_html(fetched.body), fetched.final_url, include_chrome=False)
        return SourceKind.LISTING if len(items) >= 2 else SourceKind.ARTICLE
    if media.endswith("xml") or "rss" in media or "atom" in media:
        try:
            items, nested = read_sitemap(fetched.body, url)
            if items or nested:
                return SourceKind.SITEMAP
        except ReadError:
            pass
        try:
            read_feed(fetched.body, url)
            return SourceKind.FEED
        except ReadError:
            pass
    return SourceKind.ARTICLE


def add_url(
    url: str,
    kind: str = "",
    name: str = "",
    *,
    organisation: Organisation | None = None,
    actor: Actor | None = None,
) -> tuple[Source, bool]:
    """Follow a URL (kind guessed when not given); adding the same URL again changes nothing.

    A URL that will never be fetched (not http(s), a private address) is refused here, readably.
    """
    existing = Source.objects.filter(url=url).first()
    if existing is not None:
        return existing, False
    try:
        check_url(url)
    except FetchError as exc:
        raise SourceError(str(exc)) from exc
    kind = kind or guess_kind(url)
    label = name or re.sub(r"^https?://", "", url).rstrip("/")
    return _create(
        actor,
        slug=_unique_slug(label),
        name=name or label,
        url=url,
        kind=kind,
        organisation=organisation,
    ), True


def add_file(
    data: bytes,
    file_name: str,
    name: str = "",
    *,
    organisation: Organisation | None = None,
    actor: Actor | None = None,
) -> tuple[Source, bool]:
    """Archive an uploaded file (HTML, PDF, DOCX, text, e-mail) as a source of one document;
    the same bytes uploaded again for the same organisation give the source already made of
    them. Another organisation's upload of the same bytes is never found here: it gets its own
    source (the archive keeps the bytes once; who may read them is the gate's business)."""
    digest, _ = archive.store(data)
    existing = Source.objects.filter(
        kind=SourceKind.FILE, file_sha256=digest, organisation=organisation
    ).first()
    if existing is not None:
        return existing, False
    file_name = Path(file_name).name[:300] or digest[:12]
    return _create(
        actor,
        slug=_unique_slug(name or Path(file_name).stem),
        name=name or file_name,
        kind=SourceKind.FILE,
        file_sha256=digest,
        file_name=file_name,
        organisation=organisation,
    ), True


@transaction.atomic
def _create(actor: Actor | None, **fields: Any) -> Source:
    """A new unverified source, with the audit entry saying who added it and from where."""
    source = Source.objects.create(
        origin=actor.via if actor else "cli", trust=Trust.UNVERIFIED, **fields
    )
    record(actor, "source.added", source, details={"kind": source.kind})
    return source
