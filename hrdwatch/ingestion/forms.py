"""The editing interface's way to add a source: a URL to follow or a file to archive."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from hrdwatch.partners.models import Organisation

from .fetch import option
from .models import SourceKind


class AddSourceForm(forms.Form):
    url = forms.URLField(
        label=_("Address to follow"),
        required=False,
        max_length=2000,
        assume_scheme="https",
        help_text=_("A news or urgent-appeals page, a feed, a sitemap or one article."),
    )
    upload = forms.FileField(
        label=_("Or a file to archive"),
        required=False,
        help_text=_("HTML, PDF, DOCX, plain text or an e-mail (.eml)."),
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("Find out from the address")), *SourceKind.choices],
    )
    name = forms.CharField(label=_("Name"), required=False, max_length=300)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        to_field_name="slug",
        help_text=_("An uploaded file is readable only by this organisation's members."),
    )

    def __init__(self, *args: Any, organisations: list[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Organisation.objects.filter(pk__in=[o.pk for o in organisations])
        if len(organisations) == 1:
            field.initial = organisations[0].slug

    def clean_upload(self) -> Any:
        upload = self.cleaned_data.get("upload")
        limit = int(option("HRDWATCH_FETCH_MAX_BYTES", 20_000_000))
        if upload is not None and upload.size > limit:
            raise ValidationError(
                _("This file is too large (%(size)s bytes; the limit is %(limit)s)."),
                params={"size": f"{upload.size:,}", "limit": f"{limit:,}"},
            )
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("url")) == bool(data.get("upload")):
            raise ValidationError(
                _("Give an address to follow or a file to archive: one of the two.")
            )
        if data.get("upload") and data.get("kind") not in ("", SourceKind.FILE):
            self.add_error("kind", _("An uploaded file can only be of the kind “Uploaded file”."))
        if data.get("url") and data.get("kind") == SourceKind.FILE:
            self.add_error("kind", _("An address cannot be of the kind “Uploaded file”."))
        return data
