from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "hrdwatch.operations"
    label = "operations"
