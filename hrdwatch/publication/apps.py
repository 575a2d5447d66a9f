from django.apps import AppConfig


class PublicationConfig(AppConfig):
    name = "hrdwatch.publication"
    label = "publication"
