from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdvocacyConfig(AppConfig):
    name = "hrdwatch.advocacy"
    label = "advocacy"
    verbose_name = _("Advocacy")
