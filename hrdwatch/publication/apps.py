from django.apps import AppConfig


class PublicationConfig(AppConfig):
    name = "hrdwatch.publication"
    label = "publication"
    verbose_name = "Public site"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the receivers)
