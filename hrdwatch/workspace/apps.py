from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspaceConfig(AppConfig):
    name = "hrdwatch.workspace"
    verbose_name = _("Workspace")
    default_auto_field = "django.db.models.BigAutoField"
