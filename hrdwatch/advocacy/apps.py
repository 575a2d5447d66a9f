from django.apps import AppConfig


class AdvocacyConfig(AppConfig):
    name = "hrdwatch.advocacy"
    label = "advocacy"
