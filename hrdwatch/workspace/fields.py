"""A date typed as year, month and day boxes where any may be left empty ("March 2019", "2015").

The value is a ``core.dates.PartialDate``: the first day of the known period plus its precision,
exactly what the record stores. Impossible dates are refused with a message saying why.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from hrdwatch.core.dates import PartialDate, PartialDateError, Precision


class PartialDateWidget(forms.MultiWidget):
    template_name = "workspace/widgets/partial_date.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        def box(placeholder: Any, size: int) -> forms.NumberInput:
            return forms.NumberInput(
                attrs={
                    "inputmode": "numeric",
                    "placeholder": placeholder,
                    "aria-label": placeholder,
                    "size": size,
                    "class": f"date-part size-{size}",
                }
            )

        super().__init__([box(_("year"), 4), box(_("month"), 2), box(_("day"), 2)], attrs)

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, PartialDate) and value.date is not None:
            parts = [value.date.year, value.date.month, value.date.day]
            keep = {Precision.YEAR: 1, Precision.MONTH: 2, Precision.DAY: 3}.get(value.precision, 0)
            return parts[:keep] + [None] * (3 - keep)
        if isinstance(value, list | tuple):
            return list(value)
        return [None, None, None]


class PartialDateField(forms.MultiValueField):
    """Year, month, day; any may be empty, but not a day without its month or a month without its year."""

    widget = PartialDateWidget
    default_error_messages = {
        "gap": _(
            "Give the year (and the month) before the day: a date may be a year, a month or a day."
        ),
        "invalid_date": _("This date does not exist (check the day and the month)."),
    }

    def __init__(self, **kwargs: Any) -> None:
        fields = (
            forms.IntegerField(min_value=1800, max_value=2200, required=False),
            forms.IntegerField(min_value=1, max_value=12, required=False),
            forms.IntegerField(min_value=1, max_value=31, required=False),
        )
        kwargs.setdefault("required", False)
        super().__init__(fields, require_all_fields=False, **kwargs)

    def compress(self, data_list: list[Any]) -> PartialDate:
        year, month, day = (list(data_list) + [None, None, None])[:3]
        if (day and not month) or (month and not year):
            raise forms.ValidationError(self.error_messages["gap"], code="gap")
        text = "-".join(str(p) for p in (year, month, day) if p)
        try:
            return PartialDate.parse(text)
        except PartialDateError:
            raise forms.ValidationError(
                self.error_messages["invalid_date"], code="invalid_date"
            ) from None


def date_parts(value: PartialDate) -> list[int | None]:
    """The parts to keep in a draft (JSON) for a partial date."""
    return PartialDateWidget().decompress(value)
