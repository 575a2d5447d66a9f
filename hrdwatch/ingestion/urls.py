"""URLs of the ingestion app (mounted at /documents/)."""

from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "ingestion"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.document_list, name="list"),
    path("<int:pk>/", views.document_detail, name="detail"),
    path("<int:pk>/original/", views.document_original, name="original"),
    path("sources/", views.source_list, name="sources"),
    path("sources/add/", views.source_add, name="add-source"),
]
