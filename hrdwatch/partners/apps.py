from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "hrdwatch.partners"
    label = "partners"
    verbose_name = "Partners"
