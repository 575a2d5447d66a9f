"""Perpetrators: the people and institutions responsible, linked to the events they took part in."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hrdwatch.vocab.models import Term, Vocabulary

from ..base import RecordBase
from .cases import Event


class Perpetrator(RecordBase):
    """A person (judge, police chief, prison director) or institution (court, unit, facility)."""

    UID_PREFIX = "per"

    external_id = models.CharField(
        max_length=200,
        null=True,
        blank=True,
        unique=True,
        verbose_name=_("external id"),
        help_text="Identifier in an imported system.",
    )
    name = models.CharField(
        max_length=300, verbose_name=_("name"), help_text="Name in Latin script."
    )
    name_original = models.CharField(
        max_length=300,
        blank=True,
        verbose_name=_("name original"),
        help_text="Name in the local script.",
    )
    perpetrator_type = models.ForeignKey(
        Term,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"vocabulary": Vocabulary.PERPETRATOR_TYPE},
        verbose_name=_("perpetrator type"),
        help_text="Person, court, judge, police unit...",
    )
    country = models.CharField(
        max_length=2, verbose_name=_("country"), help_text="ISO 3166-1 alpha-2 code."
    )
    position = models.CharField(
        max_length=300,
        blank=True,
        verbose_name=_("position"),
        help_text="Position or rank, for a person.",
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        verbose_name=_("parent"),
        help_text="Institution the person or unit belongs to.",
    )
    identifiers = models.JSONField(
        default=dict,
        blank=True,
        verbose_name=_("identifiers"),
        help_text='Known identifiers, e.g. {"birth_date": "1970", "passport": "...", "wikidata": "Q..."}.',
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("perpetrator")
        verbose_name_plural = _("perpetrators")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class EventPerpetrator(RecordBase):
    """A perpetrator's part in an event: who arrested, prosecuted, sentenced, held or ill-treated."""

    UID_PREFIX = "epr"

    event = models.ForeignKey(
        Event,
        on_delete=models.CASCADE,
        related_name="perpetrator_links",
        verbose_name=_("event"),
        help_text="The event.",
    )
    perpetrator = models.ForeignKey(
        Perpetrator,
        on_delete=models.PROTECT,
        related_name="event_links",
        verbose_name=_("perpetrator"),
        help_text="Who took part.",
    )
    role = models.ForeignKey(
        Term,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"vocabulary": Vocabulary.PERPETRATOR_ROLE},
        verbose_name=_("role"),
        help_text="Their part in the event.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("perpetrator link")
        verbose_name_plural = _("perpetrator links")

    def __str__(self) -> str:
        return f"{self.perpetrator} ({self.role.code})"
