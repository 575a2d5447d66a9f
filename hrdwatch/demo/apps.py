from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "hrdwatch.demo"
    label = "demo"

    def ready(self) -> None:
        from hrdwatch.operations.instance import demo_marks

        from .setting import ORGANISATIONS

        demo_marks.organisation_slugs = frozenset(slug for slug, *_ in ORGANISATIONS)
