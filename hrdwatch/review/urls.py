"""The review queue and review screen, mounted at /review/."""

from django.urls import path

from . import views

app_name = "review"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("reverify/", views.reverify_queue, name="reverify"),
    path("case/<str:uid>/", views.case_review, name="case"),
    path("case/<str:uid>/<slug:step>/", views.case_transition, name="transition"),
]
