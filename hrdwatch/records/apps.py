from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "hrdwatch.records"
    label = "records"
    verbose_name = "Case record"

    def ready(self) -> None:
        from . import signals  # noqa: F401
