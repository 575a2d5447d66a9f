from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "hrdwatch.demo"
    label = "demo"
