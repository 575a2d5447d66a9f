from django.apps import AppConfig


class LinkageConfig(AppConfig):
    name = "hrdwatch.linkage"
    label = "linkage"
