from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditingConfig(AppConfig):
    name = "hrdwatch.editing"
    label = "editing"
    verbose_name = _("Record editing")
