"""The review queue and review screen, mounted at /review/."""

from django.urls import path

from . import revision_views, views

app_name = "review"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("reverify/", views.reverify_queue, name="reverify"),
    path("case/<str:uid>/", views.case_review, name="case"),
    path("case/<str:uid>/<slug:step>/", views.case_transition, name="transition"),
    path("revisions/", revision_views.revision_queue, name="revisions"),
    path("revisions/<int:pk>/", revision_views.revision_page, name="revision"),
    path("revisions/<int:pk>/decide/", revision_views.revision_decision, name="revision-decision"),
]
