"""URLs of the advocacy app, mounted at /act/."""

from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "advocacy"
urlpatterns: list[URLPattern | URLResolver] = [
    path("campaigns/", views.campaign_list, name="campaigns"),
    path("campaigns/<slug:slug>/", views.campaign_detail, name="campaign"),
    path("campaigns/<slug:slug>/letter-sent", views.letter_sent, name="letter-sent"),
    path("card/<slug:uid>/", views.card, name="card"),
    path("card/<slug:uid>.png", views.card_image, name="card-image"),
    path("alerts/", views.subscribe, name="alerts-subscribe"),
    path("alerts/confirm/<str:token>/", views.confirm, name="alerts-confirm"),
    path("alerts/unsubscribe/<str:token>/", views.unsubscribe, name="alerts-unsubscribe"),
    path("alerts/feed.atom", views.AlertFeed(), name="alerts-feed"),
    path("dossiers/wgad/<slug:uid>.<str:fmt>", views.wgad_dossier, name="wgad-dossier"),
]
