from django.apps import AppConfig


class ExportsConfig(AppConfig):
    name = "hrdwatch.exports"
    label = "exports"
