from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "hrdwatch.records"
    label = "records"
    verbose_name = "Case record"

    def ready(self) -> None:
        from . import signals  # noqa: F401
        from .guard import guard_m2m
        from .models import Case, Defender

        guard_m2m(
            Defender.roles.through, Defender.areas_of_work.through, Case.wgad_categories.through
        )
