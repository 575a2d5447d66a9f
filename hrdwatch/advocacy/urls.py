"""URLs of the advocacy app."""

from django.urls import URLPattern, URLResolver

app_name = "advocacy"
urlpatterns: list[URLPattern | URLResolver] = []
