"""Defenders: who they are, every name they are known by, and sensitive details about them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hrdwatch.core.dates import PRECISION_CHOICES, Precision
from hrdwatch.vocab.models import Term, Vocabulary

from ..base import RecordBase
from ..levels import Visibility


class Defender(RecordBase):
    """A human rights defender; one person, possibly several deprivations of liberty (cases)."""

    UID_PREFIX = "hrd"

    external_id = models.CharField(
        max_length=200,
        null=True,
        blank=True,
        unique=True,
        verbose_name=_("external id"),
        help_text="Identifier in the system this record was imported from (keeps re-imports idempotent).",
    )
    display_name = models.CharField(
        max_length=300,
        db_index=True,
        verbose_name=_("display name"),
        help_text="Name as usually written in Latin script.",
    )
    name_original_script = models.CharField(
        max_length=300,
        blank=True,
        verbose_name=_("name original script"),
        help_text="Name in its original script (e.g. Chinese, Arabic, Cyrillic).",
    )
    gender = models.ForeignKey(
        Term,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"vocabulary": Vocabulary.GENDER},
        verbose_name=_("gender"),
        help_text="Gender as the defender identifies.",
    )
    birth_date = models.DateField(
        null=True,
        blank=True,
        verbose_name=_("birth date"),
        help_text="Date of birth (first day of the known period).",
    )
    birth_date_precision = models.CharField(
        max_length=8,
        choices=PRECISION_CHOICES,
        default=Precision.UNKNOWN,
        verbose_name=_("birth date precision"),
        help_text="How precisely the birth date is known (day, month, year, unknown).",
    )
    nationality = models.CharField(
        max_length=2,
        blank=True,
        verbose_name=_("nationality"),
        help_text="ISO 3166-1 alpha-2 code of nationality.",
    )
    roles = models.ManyToManyField(
        Term,
        blank=True,
        related_name="defenders_with_role",
        limit_choices_to={"vocabulary": Vocabulary.ROLE},
        verbose_name=_("roles"),
        help_text="Roles: lawyer, journalist, activist...",
    )
    areas_of_work = models.ManyToManyField(
        Term,
        blank=True,
        related_name="defenders_in_area",
        limit_choices_to={"vocabulary": Vocabulary.AREA_OF_WORK},
        verbose_name=_("areas of work"),
        help_text="Areas of human-rights work.",
    )
    affiliations = models.TextField(
        blank=True,
        verbose_name=_("affiliations"),
        help_text="Organisations the defender belongs to or works with, one per line.",
    )
    biography = models.TextField(
        blank=True, verbose_name=_("biography"), help_text="Short public biography, in English."
    )
    photo = models.ImageField(
        upload_to="photos/",
        blank=True,
        verbose_name=_("photo"),
        help_text="Portrait; shown only with consent.",
    )
    photo_consent = models.BooleanField(
        default=False,
        verbose_name=_("photo consent"),
        help_text="The defender or family agreed that the photo may be published.",
    )
    translations = models.JSONField(
        default=dict,
        blank=True,
        verbose_name=_("translations"),
        help_text='Translated text fields, e.g. {"fr": {"biography": "..."}}.',
    )
    owner = models.ForeignKey(
        "partners.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="defenders",
        verbose_name=_("owner"),
        help_text="Organisation that documents this defender and controls its restricted data.",
    )
    is_published = models.BooleanField(
        default=False,
        db_index=True,
        editable=False,
        verbose_name=_("is published"),
        help_text="Derived: at least one of the defender's cases is published and public.",
    )
    is_fictional = models.BooleanField(
        default=False,
        verbose_name=_("is fictional"),
        help_text="Demo data: a fictional person, labelled as such everywhere.",
    )
    history = HistoricalRecords(m2m_fields=[roles, areas_of_work])

    class Meta:
        verbose_name = _("defender")
        verbose_name_plural = _("defenders")
        ordering = ["display_name"]
        indexes = [
            models.Index(
                fields=["is_published", "visibility", "deleted_at"], name="defender_public_idx"
            )
        ]

    def __str__(self) -> str:
        return self.display_name

    def translated(self, field: str, language: str) -> str:
        """A text field in ``language`` where a translation exists, else the original."""
        return str(self.translations.get(language, {}).get(field) or getattr(self, field))


class DefenderName(RecordBase):
    """Another name or spelling of a defender, with the script and where it was seen."""

    UID_PREFIX = "nam"

    defender = models.ForeignKey(
        Defender,
        on_delete=models.CASCADE,
        related_name="names",
        verbose_name=_("defender"),
        help_text="The defender.",
    )
    name = models.CharField(
        max_length=300, verbose_name=_("name"), help_text="The name exactly as written."
    )
    script = models.CharField(
        max_length=4,
        blank=True,
        verbose_name=_("script"),
        help_text="ISO 15924 script code, e.g. Latn, Hans, Arab, Cyrl.",
    )
    language = models.CharField(
        max_length=12,
        blank=True,
        verbose_name=_("language"),
        help_text="Language code (BCP 47), e.g. zh, vi, ar.",
    )
    kind = models.ForeignKey(
        Term,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"vocabulary": Vocabulary.NAME_KIND},
        verbose_name=_("kind"),
        help_text="Other spelling, pen name, birth name...",
    )
    seen_in = models.ForeignKey(
        "records.Source",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="names_seen",
        verbose_name=_("seen in"),
        help_text="Source where this spelling was seen.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("defender name")
        verbose_name_plural = _("defender names")
        ordering = ["defender", "name"]

    def __str__(self) -> str:
        return self.name


class SensitiveDetail(RecordBase):
    """A sensitive fact (family or lawyer contact, health, risk notes): restricted by default."""

    UID_PREFIX = "sen"

    defender = models.ForeignKey(
        Defender,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="sensitive_details",
        verbose_name=_("defender"),
        help_text="The defender it concerns.",
    )
    case = models.ForeignKey(
        "records.Case",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="sensitive_details",
        verbose_name=_("case"),
        help_text="The case it concerns, if specific to one.",
    )
    kind = models.ForeignKey(
        Term,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"vocabulary": Vocabulary.SENSITIVE_KIND},
        verbose_name=_("kind"),
        help_text="What kind of detail this is.",
    )
    text = models.TextField(verbose_name=_("text"), help_text="The detail itself.")
    visibility = models.CharField(
        max_length=12,
        choices=Visibility.choices,
        default=Visibility.RESTRICTED,
        db_index=True,
        verbose_name=_("visibility"),
        help_text="Who may see this detail; restricted (owning organisation only) by default.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sensitive detail")
        verbose_name_plural = _("sensitive details")

    def __str__(self) -> str:
        return f"{self.kind.code} detail"
