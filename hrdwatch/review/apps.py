from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "hrdwatch.review"
    label = "review"
