"""Controlled vocabularies as translatable data, so a network can extend them without code."""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Vocabulary(models.TextChoices):
    """The lists the record uses; each term belongs to one."""

    ROLE = "role", _("Role of the defender")
    AREA_OF_WORK = "area_of_work", _("Area of human-rights work")
    GENDER = "gender", _("Gender")
    CASE_STATUS = "case_status", _("Case status")
    EVENT_TYPE = "event_type", _("Event type")
    CHARGE_CATEGORY = "charge_category", _("Charge category")
    WGAD_CATEGORY = "wgad_category", _("WGAD category")
    INTERVENTION_TYPE = "intervention_type", _("Intervention type")
    PERPETRATOR_TYPE = "perpetrator_type", _("Perpetrator type")
    PERPETRATOR_ROLE = "perpetrator_role", _("Perpetrator role in an event")
    SENSITIVE_KIND = "sensitive_kind", _("Kind of sensitive detail")
    NAME_KIND = "name_kind", _("Kind of name")


class Term(models.Model):
    """One value of a vocabulary, with its label and description in English, French and Spanish."""

    vocabulary = models.CharField(
        max_length=32,
        choices=Vocabulary.choices,
        db_index=True,
        verbose_name=_("vocabulary"),
        help_text="The vocabulary this term belongs to.",
    )
    code = models.SlugField(
        max_length=64,
        verbose_name=_("code"),
        help_text="Stable machine code, used in imports, exports and the API.",
    )
    label_en = models.CharField(
        max_length=200, verbose_name=_("label en"), help_text="Label in English."
    )
    label_fr = models.CharField(
        max_length=200, blank=True, verbose_name=_("label fr"), help_text="Label in French."
    )
    label_es = models.CharField(
        max_length=200, blank=True, verbose_name=_("label es"), help_text="Label in Spanish."
    )
    description_en = models.TextField(
        blank=True, verbose_name=_("description en"), help_text="Definition in English."
    )
    description_fr = models.TextField(
        blank=True, verbose_name=_("description fr"), help_text="Definition in French."
    )
    description_es = models.TextField(
        blank=True, verbose_name=_("description es"), help_text="Definition in Spanish."
    )
    sort_order = models.PositiveIntegerField(
        default=0, verbose_name=_("sort order"), help_text="Position in lists."
    )
    is_active = models.BooleanField(
        default=True,
        verbose_name=_("is active"),
        help_text="Inactive terms stay on old records but are not offered for new ones.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        ordering = ["vocabulary", "sort_order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["vocabulary", "code"], name="unique_term_code")
        ]

    def __str__(self) -> str:
        return self.label()

    def label(self, language: str | None = None) -> str:
        """The label in ``language`` (the active language by default), falling back to English."""
        lang = (language or get_language() or "en").split("-")[0]
        return str(getattr(self, f"label_{lang}", "") or self.label_en)

    def description(self, language: str | None = None) -> str:
        lang = (language or get_language() or "en").split("-")[0]
        return str(getattr(self, f"description_{lang}", "") or self.description_en)
