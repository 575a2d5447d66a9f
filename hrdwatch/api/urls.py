"""URLs of the api app: the django-ninja API, mounted at /api/v1/ (OpenAPI at /api/v1/openapi.json)."""

from django.urls import URLPattern, URLResolver, path

from .api import api

urlpatterns: list[URLPattern | URLResolver] = [path("", api.urls)]
