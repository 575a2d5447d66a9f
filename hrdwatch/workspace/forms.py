"""The three steps of recording a case, as plain Django forms (they work without JavaScript).

Every label, help text, choice and error is translated; vocabulary choices come from the terms'
own labels in the active language, countries from ``core.countries`` in the active language.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrdwatch.core.countries import country_choices, country_name
from hrdwatch.records.levels import Certainty
from hrdwatch.vocab.models import Term, Vocabulary

from .events import add_event_fields, archived_document, archived_documents, clean_event_rows
from .fields import PartialDateField

AUTO = {"dir": "auto"}


def term_choices(vocabulary: str, blank: bool = True) -> list[tuple[str, str]]:
    """(code, label in the active language) for one vocabulary."""
    rows = [(t.code, t.label()) for t in Term.objects.filter(vocabulary=vocabulary).order_by("id")]
    return ([("", "—")] if blank else []) + rows


def countries() -> list[tuple[str, str]]:
    rows = sorted(
        ((code, country_name(code)) for code, _name in country_choices()), key=lambda r: r[1]
    )
    return [("", "—"), *rows]


class StepForm(forms.Form):
    """A step of the case; choices are filled per request so labels follow the language
    (``user``: the documenter, for choices that depend on what they may see)."""

    vocabularies: dict[str, str] = {}
    country_fields: tuple[str, ...] = ()

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        for name, vocabulary in self.vocabularies.items():
            field = self.fields[name]
            blank = not isinstance(field, forms.MultipleChoiceField)
            field.choices = term_choices(vocabulary, blank=blank)  # type: ignore[attr-defined]
        for name in self.country_fields:
            self.fields[name].choices = countries()  # type: ignore[attr-defined]


class PersonForm(StepForm):
    """Step 1: who. A known person (picked from the search) or a new one."""

    vocabularies = {"gender": Vocabulary.GENDER, "roles": Vocabulary.ROLE}
    country_fields = ("nationality",)

    defender = forms.CharField(required=False, widget=forms.HiddenInput)
    name = forms.CharField(
        label=_("Name"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs=AUTO),
        help_text=_("As usually written, in any script."),
    )
    name_original = forms.CharField(
        label=_("Name in its original script"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs=AUTO),
        help_text=_("For example in Arabic, Cyrillic or Chinese characters."),
    )
    gender = forms.ChoiceField(label=_("Gender"), required=False)
    birth_year = forms.IntegerField(
        label=_("Year of birth"),
        required=False,
        min_value=1900,
        max_value=2100,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    age = forms.IntegerField(
        label=_("Or age"),
        required=False,
        min_value=0,
        max_value=120,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        help_text=_("If the year of birth is not known."),
    )
    nationality = forms.ChoiceField(label=_("Nationality"), required=False)
    roles = forms.MultipleChoiceField(
        label=_("Roles"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("defender") and not (data.get("name") or "").strip():
            self.add_error("name", _("Give the person's name, or pick a person already recorded."))
        if data.get("birth_year") is None and data.get("age") is not None:
            data["birth_year"] = timezone.now().year - data["age"]
        return data


class DetentionForm(StepForm):
    """Step 2: the deprivation of liberty."""

    vocabularies = {"status": Vocabulary.CASE_STATUS}
    country_fields = ("country",)

    country = forms.ChoiceField(label=_("Country that detains the person"))
    city = forms.CharField(
        label=_("City or region"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs=AUTO),
    )
    place = forms.CharField(
        label=_("Place of detention"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs=AUTO),
        help_text=_("Prison, police station or other place, as named."),
    )
    arresting_forces = forms.CharField(
        label=_("Arresting authority"),
        required=False,
        widget=forms.TextInput(attrs=AUTO),
        help_text=_("Police, security service..."),
    )
    status = forms.ChoiceField(label=_("Current situation"))


class FactsForm(StepForm):
    """Step 3: what happened, with its source, and restricted notes."""

    vocabularies = {
        "charge_category": Vocabulary.CHARGE_CATEGORY,
        "note_kind": Vocabulary.SENSITIVE_KIND,
    }

    arrest_date = PartialDateField(
        label=_("Date of arrest"),
        help_text=_("Year, month and day: leave empty what is not known."),
    )
    certainty = forms.ChoiceField(
        label=_("Is the arrest confirmed?"),
        widget=forms.RadioSelect,
        choices=[(c.value, c.label) for c in (Certainty.CONFIRMED, Certainty.ALLEGED)],
        initial=Certainty.CONFIRMED.value,
    )
    charge_wording = forms.CharField(
        label=_("Charge, as worded"),
        max_length=500,
        required=False,
        widget=forms.TextInput(attrs=AUTO),
        help_text=_("The words the authorities used."),
    )
    charge_article = forms.CharField(
        label=_("Article of law"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs=AUTO),
        help_text=_("For example: Criminal Code art. 117."),
    )
    charge_category = forms.ChoiceField(label=_("Kind of charge"), required=False)
    sentence_months = forms.IntegerField(
        label=_("Sentence, in months"),
        required=False,
        min_value=0,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    source_document = forms.ChoiceField(
        label=_("Source: an archived document"),
        required=False,
        help_text=_("A document your organisation archived; the quote is checked against it."),
    )
    source_url = forms.URLField(
        label=_("Or a web address"),
        max_length=2000,
        required=False,
        assume_scheme="https",
        help_text=_("Where these facts were published."),
    )
    source_title = forms.CharField(
        label=_("Title of the source"),
        max_length=500,
        required=False,
        widget=forms.TextInput(attrs=AUTO),
    )
    quote = forms.CharField(
        label=_("Quoted sentence"),
        required=False,
        widget=forms.Textarea(attrs={**AUTO, "rows": 3}),
        help_text=_("Copy the sentence of the source that says this."),
    )
    note_kind = forms.ChoiceField(label=_("Kind of restricted note"), required=False)
    note_text = forms.CharField(
        label=_("Restricted note"),
        required=False,
        widget=forms.Textarea(attrs={**AUTO, "rows": 3}),
        help_text=_(
            "Family or lawyer contacts, health, risks. Only your organisation sees this; never published."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["source_document"].choices = [  # type: ignore[attr-defined]
            ("", "—"),
            *((d.uid, d.title or d.url) for d in archived_documents(self.user)),
        ]
        add_event_fields(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        document = archived_document(self.user, data.get("source_document") or "")
        if document is None and not data.get("source_url"):
            self.add_error(
                "source_url", _("Give the source: an archived document or a web address.")
            )
        quote = " ".join((data.get("quote") or "").split())
        if document is not None and quote and quote not in " ".join(document.archived_text.split()):
            self.add_error(
                "quote", _("The quoted sentence is not in the archived text of this source.")
            )
        clean_event_rows(self, data)
        if (data.get("charge_wording") or "").strip() and not data.get("charge_category"):
            self.add_error("charge_category", _("Say what kind of charge this is."))
        if (data.get("note_text") or "").strip() and not data.get("note_kind"):
            self.add_error("note_kind", _("Say what kind of note this is."))
        return data


FORMS: dict[str, type[StepForm]] = {
    "person": PersonForm,
    "detention": DetentionForm,
    "facts": FactsForm,
}
TITLES = {
    "person": _("The person"),
    "detention": _("The deprivation of liberty"),
    "facts": _("What happened, and the source"),
}


def raw_values(form_class: type[StepForm], post: Any) -> dict[str, Any]:
    """The submitted values of a step's fields exactly as typed (lists for multiple choices)."""
    form = form_class()
    kept: dict[str, Any] = {}
    for name, field in form.fields.items():
        keys = (
            [f"{name}_{i}" for i in range(3)]
            if isinstance(field, forms.MultiValueField)
            else [name]
        )
        for key in keys:
            if isinstance(field, forms.MultipleChoiceField):
                kept[key] = post.getlist(key) if hasattr(post, "getlist") else post.get(key, [])
            elif key in post:
                kept[key] = post.get(key)
    return kept
