"""Sources behind the record, the evidence that ties a fact to a source, and advocacy on a case."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from hrdwatch.core.dates import PRECISION_CHOICES, Precision
from hrdwatch.vocab.models import Term, Vocabulary

from ..base import RecordBase
from .cases import Case, Event
from .people import Defender


class Source(RecordBase):
    """A document behind the record: a report, article, appeal, court document or testimony."""

    UID_PREFIX = "src"

    external_id = models.CharField(max_length=200, null=True, blank=True, unique=True, help_text="Identifier in an imported system.")
    url = models.URLField(max_length=2000, blank=True, help_text="Where the document was published.")
    title = models.CharField(max_length=500, help_text="Title of the document.")
    publisher = models.CharField(max_length=300, blank=True, help_text="Who published it.")
    organisation = models.ForeignKey(
        "partners.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="sources",
        help_text="Partner organisation that published or supplied it.",
    )
    published = models.DateField(null=True, blank=True, help_text="Publication date.")
    language = models.CharField(max_length=12, blank=True, help_text="Language code (BCP 47).")
    archived_text = models.TextField(blank=True, help_text="Archived plain text of the document.")
    content_hash = models.CharField(max_length=64, blank=True, db_index=True, help_text="SHA-256 of the archived bytes.")
    retrieved_at = models.DateTimeField(null=True, blank=True, help_text="When the document was fetched.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-published", "title"]

    def __str__(self) -> str:
        return self.title


class Evidence(RecordBase):
    """Which source supports which event or field, with the quoted passage."""

    UID_PREFIX = "evd"

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="evidence", help_text="The supporting source.")
    defender = models.ForeignKey(Defender, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence", help_text="Defender the evidence concerns.")
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence", help_text="Case the evidence concerns.")
    event = models.ForeignKey(Event, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence", help_text="Event the evidence supports.")
    field = models.CharField(max_length=100, blank=True, help_text="Field it supports, e.g. 'date' or 'sentence_months'; blank for the whole item.")
    quote = models.TextField(blank=True, help_text="The exact passage of the source.")
    start = models.PositiveIntegerField(null=True, blank=True, help_text="Start offset of the quote in the archived text.")
    end = models.PositiveIntegerField(null=True, blank=True, help_text="End offset of the quote in the archived text.")
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "evidence"

    def __str__(self) -> str:
        return f"{self.source} → {self.event or self.case or self.defender}"


class Intervention(RecordBase):
    """An advocacy action on a case: appeal, letter, UN communication, trial observation..."""

    UID_PREFIX = "int"

    external_id = models.CharField(max_length=200, null=True, blank=True, unique=True, help_text="Identifier in an imported system.")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="interventions", help_text="The case acted on.")
    intervention_type = models.ForeignKey(
        Term, on_delete=models.PROTECT, related_name="+",
        limit_choices_to={"vocabulary": Vocabulary.INTERVENTION_TYPE}, help_text="Kind of action.",
    )
    date = models.DateField(null=True, blank=True, help_text="When (first day of the known period).")
    date_precision = models.CharField(max_length=8, choices=PRECISION_CHOICES, default=Precision.UNKNOWN, help_text="Precision of the date.")
    organisation = models.ForeignKey(
        "partners.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="interventions",
        help_text="Organisation that acted.",
    )
    title = models.CharField(max_length=300, help_text="Short title.")
    description = models.TextField(blank=True, help_text="What was done.")
    outcome = models.TextField(blank=True, help_text="Result, if known.")
    url = models.URLField(max_length=2000, blank=True, help_text="Link to the published action.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["case", "date"]

    def __str__(self) -> str:
        return self.title
