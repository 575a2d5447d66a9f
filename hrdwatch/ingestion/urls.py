"""URLs of the ingestion app."""

from django.urls import URLPattern, URLResolver

app_name = "ingestion"
urlpatterns: list[URLPattern | URLResolver] = []
