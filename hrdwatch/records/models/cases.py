"""Cases (one deprivation of liberty of one defender) and their timeline of events and charges."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hrdwatch.core.dates import PRECISION_CHOICES, Precision
from hrdwatch.vocab.models import Term, Vocabulary

from ..base import RecordBase
from ..guard import GuardedManager, GuardedModel
from ..levels import Certainty, PlaceKind, ReviewState, SentenceKind, ShareLevel, WarrantShown
from .people import Defender


class PlaceOfDetention(RecordBase):
    """A named prison, police station, camp or secret site where defenders are held."""

    UID_PREFIX = "plc"

    external_id = models.CharField(
        max_length=200,
        null=True,
        blank=True,
        unique=True,
        verbose_name=_("external id"),
        help_text="Identifier in an imported system.",
    )
    name = models.CharField(
        max_length=300,
        verbose_name=_("name"),
        help_text="Name of the place in English or Latin script.",
    )
    name_original = models.CharField(
        max_length=300,
        blank=True,
        verbose_name=_("name original"),
        help_text="Name in the local script.",
    )
    kind = models.CharField(
        max_length=16,
        choices=PlaceKind.choices,
        default=PlaceKind.PRISON,
        verbose_name=_("kind"),
        help_text="Kind of place.",
    )
    country = models.CharField(
        max_length=2, verbose_name=_("country"), help_text="ISO 3166-1 alpha-2 code."
    )
    city = models.CharField(
        max_length=200, blank=True, verbose_name=_("city"), help_text="City or region."
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("place of detention")
        verbose_name_plural = _("places of detention")
        ordering = ["country", "name"]

    def __str__(self) -> str:
        return self.name


class Case(RecordBase):
    """One deprivation of liberty of one defender, with everything the WGAD asks about it."""

    UID_PREFIX = "case"

    external_id = models.CharField(
        max_length=200,
        null=True,
        blank=True,
        unique=True,
        verbose_name=_("external id"),
        help_text="Identifier in an imported system.",
    )
    defender = models.ForeignKey(
        Defender,
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("defender"),
        help_text="Who was deprived of liberty.",
    )
    country = models.CharField(
        max_length=2,
        db_index=True,
        verbose_name=_("country"),
        help_text="ISO 3166-1 alpha-2 code of the detaining state.",
    )
    region = models.CharField(
        max_length=200, blank=True, verbose_name=_("region"), help_text="Region, province or state."
    )
    city = models.CharField(max_length=200, blank=True, verbose_name=_("city"), help_text="City.")
    status = models.ForeignKey(
        Term,
        on_delete=models.PROTECT,
        related_name="cases_with_status",
        limit_choices_to={"vocabulary": Vocabulary.CASE_STATUS},
        verbose_name=_("status"),
        help_text="Current status as stated by the documenter.",
    )
    derived_status = models.ForeignKey(
        Term,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        verbose_name=_("derived status"),
        help_text="Status derived from the latest events of the timeline.",
    )
    status_conflict = models.BooleanField(
        default=False,
        editable=False,
        db_index=True,
        verbose_name=_("status conflict"),
        help_text="Derived: the stated status disagrees with the one the timeline implies.",
    )
    full_derived_status = models.ForeignKey(
        Term,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        verbose_name=_("status from the whole timeline"),
        help_text="Derived from every event, hidden ones included; for reviewers only, never shown to the public.",
    )
    hidden_facts_differ = models.BooleanField(
        default=False,
        editable=False,
        verbose_name=_("hidden facts differ"),
        help_text="Derived: the whole timeline implies another status or other dates than the public one.",
    )
    last_verified_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        db_index=True,
        verbose_name=_("last verified on"),
        help_text="When a reviewer last confirmed the case (set by an approval or a re-verification).",
    )
    public_updated_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        db_index=True,
        verbose_name=_("updated on"),
        help_text="When what the public sees of the case last changed: its publication, or the "
        "approval of a revision. Orders the latest updates and the feeds.",
    )
    last_verified_by = models.ForeignKey(
        "auth.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("last verified by"),
        help_text="The reviewer who last confirmed the case.",
    )
    arrest_date = models.DateField(
        null=True,
        blank=True,
        editable=False,
        db_index=True,
        verbose_name=_("arrest date"),
        help_text="Derived: date of the first arrest, detention or disappearance.",
    )
    arrest_date_precision = models.CharField(
        max_length=8,
        choices=PRECISION_CHOICES,
        default=Precision.UNKNOWN,
        editable=False,
        verbose_name=_("arrest date precision"),
        help_text="Precision of the arrest date.",
    )
    release_date = models.DateField(
        null=True,
        blank=True,
        editable=False,
        verbose_name=_("release date"),
        help_text="Derived: date of release or death, if any.",
    )
    authorities = models.TextField(
        blank=True,
        verbose_name=_("authorities"),
        help_text="Authorities responsible, as described by the sources.",
    )
    arresting_forces = models.TextField(
        blank=True,
        verbose_name=_("arresting forces"),
        help_text="Who carried out the arrest (police, security service...).",
    )
    arrest_warrant_shown = models.CharField(
        max_length=8,
        choices=WarrantShown.choices,
        default=WarrantShown.UNKNOWN,
        verbose_name=_("arrest warrant shown"),
        help_text="Whether a warrant was shown at arrest.",
    )
    reasons_given = models.TextField(
        blank=True,
        verbose_name=_("reasons given"),
        help_text="Reasons the authorities gave for the arrest and detention.",
    )
    legal_basis = models.TextField(
        blank=True, verbose_name=_("legal basis"), help_text="Legal basis invoked (laws, articles)."
    )
    detention_conditions = models.TextField(
        blank=True,
        verbose_name=_("detention conditions"),
        help_text="Conditions of detention (public part).",
    )
    wgad_categories = models.ManyToManyField(
        Term,
        blank=True,
        related_name="cases_in_wgad_category",
        limit_choices_to={"vocabulary": Vocabulary.WGAD_CATEGORY},
        verbose_name=_("WGAD categories"),
        help_text="WGAD categories I–V the detention meets.",
    )
    wgad_reasoning = models.TextField(
        blank=True,
        verbose_name=_("WGAD reasoning"),
        help_text="Why the detention is arbitrary, per category.",
    )
    domestic_remedies = models.TextField(
        blank=True,
        verbose_name=_("domestic remedies"),
        help_text="Domestic remedies tried and their results.",
    )
    summary = models.TextField(
        blank=True, verbose_name=_("summary"), help_text="Public summary of the case, in English."
    )
    translations = models.JSONField(
        default=dict,
        blank=True,
        verbose_name=_("translations"),
        help_text='Translated text fields, e.g. {"fr": {"summary": "..."}}.',
    )
    review_state = models.CharField(
        max_length=12,
        choices=ReviewState.choices,
        default=ReviewState.DRAFT,
        db_index=True,
        verbose_name=_("review state"),
        help_text="Workflow state; only published cases reach the public.",
    )
    owner = models.ForeignKey(
        "partners.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("owner"),
        help_text="Organisation that documents the case and controls its restricted data.",
    )
    is_fictional = models.BooleanField(
        default=False, verbose_name=_("is fictional"), help_text="Demo data: a fictional case."
    )
    history = HistoricalRecords(m2m_fields=[wgad_categories])

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-arrest_date", "id"]
        indexes = [
            models.Index(
                fields=["review_state", "visibility", "deleted_at", "country"],
                name="case_public_country_idx",
            ),
            models.Index(
                fields=["review_state", "visibility", "deleted_at", "status"],
                name="case_public_status_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.defender} ({self.country}, {self.arrest_date or '?'})"

    def translated(self, field: str, language: str) -> str:
        return str(self.translations.get(language, {}).get(field) or getattr(self, field))

    @property
    def public_updated(self) -> dt.datetime:
        """When what the public sees last changed (its first recording, for older rows)."""
        return self.public_updated_at or self.created_at


class Event(RecordBase):
    """One dated step of a case's timeline: arrest, charge, sentence, transfer, torture, release..."""

    UID_PREFIX = "evt"

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
        related_name="events",
        verbose_name=_("case"),
        help_text="The case this event belongs to.",
    )
    event_type = models.ForeignKey(
        Term,
        on_delete=models.PROTECT,
        related_name="events_of_type",
        limit_choices_to={"vocabulary": Vocabulary.EVENT_TYPE},
        verbose_name=_("event type"),
        help_text="What happened.",
    )
    date = models.DateField(
        null=True,
        blank=True,
        db_index=True,
        verbose_name=_("date"),
        help_text="When (first day of the known period).",
    )
    date_precision = models.CharField(
        max_length=8,
        choices=PRECISION_CHOICES,
        default=Precision.UNKNOWN,
        verbose_name=_("date precision"),
        help_text="How precisely the date is known.",
    )
    certainty = models.CharField(
        max_length=10,
        choices=Certainty.choices,
        default=Certainty.CONFIRMED,
        verbose_name=_("certainty"),
        help_text="Confirmed, alleged or disputed.",
    )
    place = models.CharField(
        max_length=300,
        blank=True,
        verbose_name=_("place"),
        help_text="Where it happened, as described.",
    )
    place_of_detention = models.ForeignKey(
        PlaceOfDetention,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name=_("place of detention"),
        help_text="Named place of detention, for arrests, detentions and transfers.",
    )
    description = models.TextField(
        blank=True, verbose_name=_("description"), help_text="What happened, in English."
    )
    sentence_kind = models.CharField(
        max_length=16,
        choices=SentenceKind.choices,
        blank=True,
        verbose_name=_("sentence kind"),
        help_text="For sentences: prison term, life, death...",
    )
    sentence_months = models.PositiveIntegerField(
        null=True,
        blank=True,
        verbose_name=_("sentence months"),
        help_text="For prison terms: length in months.",
    )
    fine_amount = models.DecimalField(
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        verbose_name=_("fine amount"),
        help_text="Fine imposed, if any.",
    )
    fine_currency = models.CharField(
        max_length=3,
        blank=True,
        verbose_name=_("fine currency"),
        help_text="ISO 4217 currency of the fine.",
    )
    translations = models.JSONField(
        default=dict,
        blank=True,
        verbose_name=_("translations"),
        help_text='Translated text fields, e.g. {"fr": {"description": "..."}}.',
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["case", "date", "id"]

    def __str__(self) -> str:
        return f"{self.event_type.code} {self.date or '?'}"


class Charge(RecordBase):
    """A charge brought in a charge, indictment or conviction event, as worded and categorised."""

    UID_PREFIX = "chg"

    event = models.ForeignKey(
        Event,
        on_delete=models.CASCADE,
        related_name="charges",
        verbose_name=_("event"),
        help_text="The event in which the charge was brought.",
    )
    wording = models.CharField(
        max_length=500,
        verbose_name=_("wording"),
        help_text="The charge as worded by the authorities.",
    )
    legal_provision = models.CharField(
        max_length=300,
        blank=True,
        verbose_name=_("legal provision"),
        help_text="Article of law, e.g. 'Criminal Code art. 105'.",
    )
    category = models.ForeignKey(
        Term,
        on_delete=models.PROTECT,
        related_name="charges_in_category",
        limit_choices_to={"vocabulary": Vocabulary.CHARGE_CATEGORY},
        verbose_name=_("category"),
        help_text="Category of the charge.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("charge")
        verbose_name_plural = _("charges")

    def __str__(self) -> str:
        return self.wording


class CaseShare(GuardedModel):
    """The owning organisation lets another organisation see a case's restricted data (and, at
    the ``edit`` level, edit the case as if it were its own)."""

    case = models.ForeignKey(
        Case,
        on_delete=models.CASCADE,
        related_name="shares",
        verbose_name=_("case"),
        help_text="The case shared.",
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        on_delete=models.CASCADE,
        related_name="shared_cases",
        verbose_name=_("organisation"),
        help_text="Organisation allowed to see the case's restricted data.",
    )
    shared_by = models.ForeignKey(
        "auth.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("shared by"),
        help_text="Who shared it.",
    )
    level = models.CharField(
        max_length=8,
        choices=ShareLevel.choices,
        default=ShareLevel.READ,
        verbose_name=_("level"),
        help_text="read: see the restricted data; edit: also edit the case as its owner's members do.",
    )
    created_at = models.DateTimeField(
        auto_now_add=True, verbose_name=_("created at"), help_text="When it was shared."
    )
    history = HistoricalRecords()

    objects = GuardedManager()

    class Meta:
        verbose_name = _("case share")
        verbose_name_plural = _("case shares")
        constraints = [
            models.UniqueConstraint(fields=["case", "organisation"], name="unique_case_share")
        ]

    def __str__(self) -> str:
        return f"{self.case} shared with {self.organisation}"
