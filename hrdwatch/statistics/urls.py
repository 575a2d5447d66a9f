"""Statistics URLs, mounted under /statistics/ by the public site."""

from django.urls import path, re_path

from . import views

app_name = "statistics"
urlpatterns = [
    path("", views.statistics_page, name="page"),
    re_path(r"^charts/(?P<name>[a-z_]+)\.svg$", views.chart, name="chart"),
    re_path(r"^data/(?P<name>[a-z_]+)\.(?P<fmt>csv|json)$", views.data, name="data"),
]
