"""What the network follows (Source), what it fetched (Document) and the politeness state per host.

A Document is one citable item: an article, a listing item, a feed entry or an uploaded file.
Raw bytes live in the content-addressed archive (``archive.py``); the row keeps the hash, the
HTTP metadata and the clean text. Every step writes its outcome here so a run can be resumed.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SourceKind(models.TextChoices):
    FEED = "feed", _("RSS/Atom feed")
    LISTING = "listing", _("Listing page")
    SITEMAP = "sitemap", _("Sitemap")
    ARTICLE = "article", _("Single article")
    FILE = "file", _("Uploaded file")


class Trust(models.TextChoices):
    PARTNER = "partner", _("Partner organisation")
    ESTABLISHED = "established", _("Established outlet or NGO")
    UNVERIFIED = "unverified", _("Unverified")


class Source(models.Model):
    """A publisher feed, listing, sitemap, page or file the network follows."""

    slug = models.SlugField(
        max_length=100, unique=True, help_text="Stable short name, used by --source."
    )
    name = models.CharField(max_length=300, help_text="Human name of the source.")
    url = models.URLField(
        max_length=2000, blank=True, help_text="Where it is fetched from (blank for files)."
    )
    kind = models.CharField(
        max_length=10, choices=SourceKind.choices, help_text="How the source is read."
    )
    language = models.CharField(
        max_length=12, blank=True, help_text="Expected language code, a hint only."
    )
    schedule = models.CharField(
        max_length=50,
        default="daily",
        help_text="How often to poll: hourly, daily, weekly or manual.",
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ingestion_sources",
        help_text="Partner organisation that owns or vouches for it.",
    )
    trust = models.CharField(
        max_length=12,
        choices=Trust.choices,
        default=Trust.UNVERIFIED,
        help_text="How far it is trusted.",
    )
    hints = models.JSONField(
        default=dict,
        blank=True,
        help_text="Parsing hints, e.g. {'item_selector': 'div.news-item', 'max_items': 50}.",
    )
    file_sha256 = models.CharField(
        max_length=64, blank=True, help_text="For uploaded files: hash of the archived bytes."
    )
    file_name = models.CharField(
        max_length=300, blank=True, help_text="For uploaded files: original name."
    )
    origin = models.CharField(
        max_length=300,
        blank=True,
        help_text="Where the definition comes from: a YAML path, 'cli' or 'web'.",
    )
    active = models.BooleanField(default=True, help_text="Inactive sources are not polled.")
    etag = models.CharField(
        max_length=300, blank=True, help_text="ETag of the last fetch of the source URL."
    )
    last_modified = models.CharField(
        max_length=100, blank=True, help_text="Last-Modified of the last fetch of the source URL."
    )
    last_sha256 = models.CharField(
        max_length=64, blank=True, help_text="Hash of the last fetched bytes."
    )
    last_fetched_at = models.DateTimeField(
        null=True, blank=True, help_text="When it was last fetched."
    )
    last_error = models.TextField(blank=True, help_text="Why the last fetch failed, if it did.")
    created_at = models.DateTimeField(auto_now_add=True, help_text="When the source was added.")

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.slug


class RunState(models.TextChoices):
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")


class IngestRun(models.Model):
    """One ``hrdwatch ingest`` invocation: the unit the summary counts over."""

    started_at = models.DateTimeField(auto_now_add=True, help_text="When the run started.")
    finished_at = models.DateTimeField(null=True, blank=True, help_text="When the run finished.")
    since = models.DateField(
        null=True, blank=True, help_text="Only items dated on or after this day."
    )
    state = models.CharField(
        max_length=10,
        choices=RunState.choices,
        default=RunState.RUNNING,
        help_text="Running or done.",
    )
    sources = models.ManyToManyField(
        Source, related_name="runs", help_text="Sources polled in this run."
    )
    discovered = models.ManyToManyField(
        Source,
        related_name="discovered_in",
        blank=True,
        help_text="Sources whose items have been listed in this run (discovery finished).",
    )

    def __str__(self) -> str:
        return f"run {self.pk}"


class DocState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    DONE = "done", _("Done")


class Outcome(models.TextChoices):
    NEW = "new", _("New")
    CHANGED = "changed", _("Changed")
    UNCHANGED = "unchanged", _("Unchanged")
    FAILED = "failed", _("Failed")


class Document(models.Model):
    """One archived, readable item with its metadata; unique by (url, variant)."""

    source = models.ForeignKey(
        Source,
        on_delete=models.CASCADE,
        related_name="documents",
        help_text="Source it was found through.",
    )
    url = models.URLField(
        max_length=2000, help_text="URL as discovered (item link, entry link or file name)."
    )
    variant = models.CharField(
        max_length=12,
        blank=True,
        default="",
        help_text="Language of a listing item when several language versions share one link.",
    )
    final_url = models.URLField(max_length=2000, blank=True, help_text="URL after redirects.")
    parent_listing = models.URLField(
        max_length=2000, blank=True, help_text="Listing, feed or sitemap URL the item was found on."
    )
    sha256 = models.CharField(
        max_length=64, blank=True, db_index=True, help_text="SHA-256 of the archived bytes."
    )
    archived_path = models.CharField(
        max_length=300, blank=True, help_text="Path of the raw bytes, relative to ARCHIVE_DIR."
    )
    http_status = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="HTTP status of the last fetch."
    )
    content_type = models.CharField(
        max_length=200, blank=True, help_text="Content-Type of the archived bytes."
    )
    http_headers = models.JSONField(
        default=dict, blank=True, help_text="Selected response headers."
    )
    etag = models.CharField(max_length=300, blank=True, help_text="ETag for conditional GET.")
    last_modified = models.CharField(
        max_length=100, blank=True, help_text="Last-Modified for conditional GET."
    )
    fetched_at = models.DateTimeField(
        null=True, blank=True, help_text="When the bytes were last fetched."
    )
    title = models.CharField(
        max_length=1000, blank=True, help_text="Title (the listing's, else the page's)."
    )
    published = models.DateField(null=True, blank=True, help_text="Publication date.")
    author = models.CharField(max_length=500, blank=True, help_text="Author or byline.")
    language = models.CharField(max_length=12, blank=True, help_text="Detected language code.")
    text = models.TextField(
        blank=True, help_text="Clean main text, Unicode repaired and NFC-normalised."
    )
    characters = models.PositiveIntegerField(
        default=0, help_text="Length of the text in characters."
    )
    error = models.TextField(
        blank=True, help_text="Readable reason the last attempt failed; blank if it worked."
    )
    item_title = models.CharField(
        max_length=1000, blank=True, help_text="Title as shown on the listing/feed."
    )
    item_date_text = models.CharField(
        max_length=200, blank=True, help_text="Date as written on the listing."
    )
    item_published = models.DateField(
        null=True, blank=True, help_text="Date parsed from the listing/feed."
    )
    item_summary = models.TextField(blank=True, help_text="Summary shown on the listing/feed.")
    item_language = models.CharField(
        max_length=12, blank=True, help_text="Language of the listing item."
    )
    minhash = models.BinaryField(null=True, blank=True, help_text="MinHash signature of the text.")
    duplicate_group = models.PositiveBigIntegerField(
        null=True,
        blank=True,
        db_index=True,
        help_text="Near-duplicate group: id of the first document of the group.",
    )
    state = models.CharField(
        max_length=10,
        choices=DocState.choices,
        default=DocState.QUEUED,
        help_text="Queued or done.",
    )
    outcome = models.CharField(
        max_length=10, choices=Outcome.choices, blank=True, help_text="Outcome of the last attempt."
    )
    last_run = models.ForeignKey(
        IngestRun,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
        help_text="Run that last queued the document.",
    )
    created_at = models.DateTimeField(
        auto_now_add=True, help_text="When the document was first seen."
    )
    updated_at = models.DateTimeField(auto_now=True, help_text="When the row last changed.")

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["url", "variant"], name="unique_document_url")
        ]

    def __str__(self) -> str:
        return self.title or self.url


class MinHashBand(models.Model):
    """One LSH band of a document's MinHash: documents sharing a band are duplicate candidates.

    Kept in the database (not in memory) so every worker process shares one index and memory
    stays flat however many documents there are.
    """

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="bands", help_text="The document."
    )
    band = models.PositiveSmallIntegerField(help_text="Band number.")
    value = models.BigIntegerField(help_text="Hash of the band's MinHash values.")

    class Meta:
        indexes = [models.Index(fields=["value"], name="minhash_value_lookup")]
        constraints = [
            models.UniqueConstraint(fields=["document", "band"], name="unique_document_band")
        ]

    def __str__(self) -> str:
        return f"band {self.band} of document {self.document_id}"


class Host(models.Model):
    """Politeness state of one host, shared by all workers: robots.txt and the next free slot."""

    name = models.CharField(max_length=300, unique=True, help_text="scheme://host:port.")
    robots_txt = models.TextField(
        blank=True, help_text="Cached robots.txt body (blank: allow all)."
    )
    robots_fetched_at = models.DateTimeField(
        null=True, blank=True, help_text="When robots.txt was read."
    )
    next_slot = models.DateTimeField(
        null=True, blank=True, help_text="Earliest time of the next request."
    )

    def __str__(self) -> str:
        return self.name
