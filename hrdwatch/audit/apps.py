from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "hrdwatch.audit"
    label = "audit"
