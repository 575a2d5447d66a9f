"""Audit log export, mounted at /audit/ (browsing is in the admin)."""

from django.urls import path

from . import views_audit

app_name = "audit"
urlpatterns = [
    path("export.csv", views_audit.export_csv, name="export"),
]
