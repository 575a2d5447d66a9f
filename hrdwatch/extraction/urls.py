"""URLs of the extraction app."""

from django.urls import URLPattern, URLResolver, path

from hrdwatch.extraction import views

app_name = "extraction"
urlpatterns: list[URLPattern | URLResolver] = [
    path("<int:pk>/", views.candidate_detail, name="candidate"),
]
