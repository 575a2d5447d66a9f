"""Step 3 extras: further events beyond the arrest (each with its date as year, month and day,
"alleged" or "confirmed", and place), and an archived document as the source.

The archived documents offered are the sources the gate lets the user see that have archived
text, newest first; one is taken only if the gate still shows it.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from hrdwatch.core.dates import Precision
from hrdwatch.partners.permissions import viewer_for
from hrdwatch.records.levels import Certainty
from hrdwatch.records.models import Source
from hrdwatch.records.visibility import Gate
from hrdwatch.vocab.models import Term, Vocabulary

from .fields import PartialDateField

EXTRA_EVENTS = 2  # rows shown without JavaScript; each may stay empty
DOCUMENTS_OFFERED = 30
AUTO = {"dir": "auto"}


def archived_documents(user: Any) -> QuerySet[Source]:
    if user is None:
        return Source.objects.none()
    return (
        Gate(viewer_for(user))
        .sources()
        .exclude(archived_text="")
        .only("uid", "title", "url")
        .order_by("-retrieved_at", "-id")[:DOCUMENTS_OFFERED]
    )


def archived_document(user: Any, uid: str) -> Source | None:
    """The archived source ``uid`` if the gate lets ``user`` see it."""
    if not uid or user is None:
        return None
    return Gate(viewer_for(user)).sources().exclude(archived_text="").filter(uid=uid).first()


def event_names(i: int) -> dict[str, str]:
    return {part: f"event{i}_{part}" for part in ("type", "date", "certainty", "place")}


def add_event_fields(form: forms.Form) -> None:
    types = [("", "—")] + [
        (t.code, t.label())
        for t in Term.objects.filter(vocabulary=Vocabulary.EVENT_TYPE).order_by("id")
    ]
    certainties = [(c.value, c.label) for c in (Certainty.CONFIRMED, Certainty.ALLEGED)]
    for i in range(1, EXTRA_EVENTS + 1):
        names = event_names(i)
        form.fields[names["type"]] = forms.ChoiceField(
            label=_("Another event: what happened"), required=False, choices=types
        )
        form.fields[names["date"]] = PartialDateField(label=_("Its date"))
        form.fields[names["certainty"]] = forms.ChoiceField(
            label=_("Is it confirmed?"), required=False, choices=certainties
        )
        form.fields[names["place"]] = forms.CharField(
            label=_("Where"), max_length=300, required=False, widget=forms.TextInput(attrs=AUTO)
        )


def clean_event_rows(form: forms.Form, data: dict[str, Any]) -> None:
    """A row with a date or place but no kind of event is refused (nothing is dropped silently)."""
    for i in range(1, EXTRA_EVENTS + 1):
        names = event_names(i)
        when = data.get(names["date"])
        filled = (when is not None and when.date is not None) or data.get(names["place"])
        if filled and not data.get(names["type"]):
            form.add_error(names["type"], _("Say what happened."))


def extra_events(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The filled rows as Event fields (cleaned data of the facts form)."""
    rows = []
    for i in range(1, EXTRA_EVENTS + 1):
        names = event_names(i)
        code = data.get(names["type"])
        if not code:
            continue
        when = data.get(names["date"])
        rows.append(
            {
                "event_type": Term.objects.filter(
                    vocabulary=Vocabulary.EVENT_TYPE, code=code
                ).first(),
                "date": when.date if when else None,
                "date_precision": when.precision if when else Precision.UNKNOWN,
                "certainty": data.get(names["certainty"]) or Certainty.CONFIRMED.value,
                "place": data.get(names["place"]) or "",
            }
        )
    return rows
