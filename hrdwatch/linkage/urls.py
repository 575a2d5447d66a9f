"""URLs of the linkage app (mounted at /linkage/): reviewers' "same person?" pages."""

from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "linkage"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.proposal_list, name="proposals"),
    path("<int:pk>/", views.proposal_detail, name="proposal"),
    path("<int:pk>/answer/", views.answer, name="answer"),
    path("answers/<int:pk>/undo/", views.undo, name="undo"),
    path("aliases/", views.aliases, name="aliases"),
    path("aliases/<int:pk>/remove/", views.remove_alias, name="remove-alias"),
]
