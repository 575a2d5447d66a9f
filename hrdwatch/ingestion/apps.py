from django.apps import AppConfig


class IngestionConfig(AppConfig):
    name = "hrdwatch.ingestion"
    label = "ingestion"
