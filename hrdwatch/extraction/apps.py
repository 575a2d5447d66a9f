from django.apps import AppConfig


class ExtractionConfig(AppConfig):
    name = "hrdwatch.extraction"
    label = "extraction"
