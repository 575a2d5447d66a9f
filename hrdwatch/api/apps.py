from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "hrdwatch.api"
    label = "api"
