from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspaceConfig(AppConfig):
    name = "hrdwatch.workspace"
    verbose_name = _("Workspace")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from hrdwatch.partners import intake

        from .reports import open_draft

        intake.hooks.open_draft = open_draft
