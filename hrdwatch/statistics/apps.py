from django.apps import AppConfig


class StatisticsConfig(AppConfig):
    name = "hrdwatch.statistics"
    label = "statistics"
