"""Sources behind the record, the evidence that ties a fact to a source, and advocacy on a case."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hrdwatch.core.dates import PRECISION_CHOICES, Precision
from hrdwatch.vocab.models import Term, Vocabulary

from ..base import RecordBase
from .cases import Case, Event
from .people import Defender


class Source(RecordBase):
    """A document behind the record: a report, article, appeal, court document or testimony."""

    UID_PREFIX = "src"

    external_id = models.CharField(
        max_length=200,
        null=True,
        blank=True,
        unique=True,
        verbose_name=_("external id"),
        help_text="Identifier in an imported system.",
    )
    url = models.URLField(
        max_length=2000,
        blank=True,
        verbose_name=_("url"),
        help_text="Where the document was published.",
    )
    title = models.CharField(
        max_length=500, verbose_name=_("title"), help_text="Title of the document."
    )
    publisher = models.CharField(
        max_length=300, blank=True, verbose_name=_("publisher"), help_text="Who published it."
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sources",
        verbose_name=_("organisation"),
        help_text="Partner organisation that published or supplied it.",
    )
    published = models.DateField(
        null=True, blank=True, verbose_name=_("published"), help_text="Publication date."
    )
    language = models.CharField(
        max_length=12, blank=True, verbose_name=_("language"), help_text="Language code (BCP 47)."
    )
    archived_text = models.TextField(
        blank=True,
        verbose_name=_("archived text"),
        help_text="Archived plain text of the document.",
    )
    content_hash = models.CharField(
        max_length=64,
        blank=True,
        db_index=True,
        verbose_name=_("content hash"),
        help_text="SHA-256 of the archived bytes.",
    )
    retrieved_at = models.DateTimeField(
        null=True,
        blank=True,
        verbose_name=_("retrieved at"),
        help_text="When the document was fetched.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["-published", "title"]

    def __str__(self) -> str:
        return self.title


class Evidence(RecordBase):
    """Which source supports which event or field, with the quoted passage."""

    UID_PREFIX = "evd"

    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        related_name="evidence",
        verbose_name=_("source"),
        help_text="The supporting source.",
    )
    defender = models.ForeignKey(
        Defender,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="evidence",
        verbose_name=_("defender"),
        help_text="Defender the evidence concerns.",
    )
    case = models.ForeignKey(
        Case,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="evidence",
        verbose_name=_("case"),
        help_text="Case the evidence concerns.",
    )
    event = models.ForeignKey(
        Event,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="evidence",
        verbose_name=_("event"),
        help_text="Event the evidence supports.",
    )
    field = models.CharField(
        max_length=100,
        blank=True,
        verbose_name=_("field"),
        help_text="Field it supports, e.g. 'date' or 'sentence_months'; blank for the whole item.",
    )
    quote = models.TextField(
        blank=True, verbose_name=_("quote"), help_text="The exact passage of the source."
    )
    start = models.PositiveIntegerField(
        null=True,
        blank=True,
        verbose_name=_("start"),
        help_text="Start offset of the quote in the archived text.",
    )
    end = models.PositiveIntegerField(
        null=True,
        blank=True,
        verbose_name=_("end"),
        help_text="End offset of the quote in the archived text.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return f"{self.source} → {self.event or self.case or self.defender}"


class Intervention(RecordBase):
    """An advocacy action on a case: appeal, letter, UN communication, trial observation..."""

    UID_PREFIX = "int"

    external_id = models.CharField(
        max_length=200,
        null=True,
        blank=True,
        unique=True,
        verbose_name=_("external id"),
        help_text="Identifier in an imported system.",
    )
    case = models.ForeignKey(
        Case,
        on_delete=models.CASCADE,
        related_name="interventions",
        verbose_name=_("case"),
        help_text="The case acted on.",
    )
    intervention_type = models.ForeignKey(
        Term,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"vocabulary": Vocabulary.INTERVENTION_TYPE},
        verbose_name=_("intervention type"),
        help_text="Kind of action.",
    )
    date = models.DateField(
        null=True,
        blank=True,
        verbose_name=_("date"),
        help_text="When (first day of the known period).",
    )
    date_precision = models.CharField(
        max_length=8,
        choices=PRECISION_CHOICES,
        default=Precision.UNKNOWN,
        verbose_name=_("date precision"),
        help_text="Precision of the date.",
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interventions",
        verbose_name=_("organisation"),
        help_text="Organisation that acted.",
    )
    title = models.CharField(max_length=300, verbose_name=_("title"), help_text="Short title.")
    description = models.TextField(
        blank=True, verbose_name=_("description"), help_text="What was done."
    )
    outcome = models.TextField(blank=True, verbose_name=_("outcome"), help_text="Result, if known.")
    url = models.URLField(
        max_length=2000,
        blank=True,
        verbose_name=_("url"),
        help_text="Link to the published action.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("intervention")
        verbose_name_plural = _("interventions")
        ordering = ["case", "date"]

    def __str__(self) -> str:
        return self.title
