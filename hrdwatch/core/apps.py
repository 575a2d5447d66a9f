from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "hrdwatch.core"
    label = "core"
    verbose_name = "Core helpers"
