"""The public "Report a detention" form, mounted at /report/."""

from django.urls import path

from . import views_reports

app_name = "report"
urlpatterns = [path("", views_reports.report_form, name="form")]
