from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionsConfig(AppConfig):
    """The action layer has no models; it is an app so that its messages are translated."""

    name = "hrdwatch.actions"
    label = "actions"
    verbose_name = _("Actions")
