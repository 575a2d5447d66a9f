from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "hrdwatch.review"
    label = "review"
    verbose_name = "Review"

    def ready(self) -> None:
        from . import notifications  # noqa: F401
