"""What every record form of the admin adds to the model's fields: the version the editor started
from (so a newer save by someone else is never overwritten) and the source the editor cites."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from hrdwatch.records.models import Source


class ActionForm(forms.ModelForm):
    """A model form whose save goes through ``hrdwatch.actions`` (see ``editing.admin``)."""

    expected_version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        instance = self.instance
        if instance is not None and instance.pk and hasattr(instance, "version"):
            self.fields["expected_version"].initial = instance.version


class CitedForm(ActionForm):
    """The main form of a record page: also asks which source supports the change."""

    cited_source = forms.CharField(
        label=_("Cited source"),
        required=False,
        max_length=40,
        help_text=_(
            "Identifier (src-…) of the source that supports this change; required when "
            "the facts change."
        ),
    )

    def clean_cited_source(self) -> Source | None:
        uid = (self.cleaned_data.get("cited_source") or "").strip()
        if not uid:
            return None
        source = Source.objects.filter(uid=uid).first()
        if source is None:
            raise forms.ValidationError(_("No source has this identifier."))
        return source


def model_values(form: forms.ModelForm) -> dict[str, Any]:
    """The cleaned values of the form's model fields (not the version or the cited source)."""
    names = {f.name for f in form._meta.model._meta.get_fields()}
    return {
        k: v for k, v in form.cleaned_data.items() if k in names and k in form.fields and k != "id"
    }
