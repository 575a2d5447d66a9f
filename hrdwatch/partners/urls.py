"""Account pages, mounted at /accounts/."""

from django.urls import path

from . import password_reset, views

app_name = "partners"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("2fa/setup/", views.setup_two_factor, name="setup"),
    path("2fa/verify/", views.verify_two_factor, name="verify"),
    path("tokens/", views.tokens_page, name="tokens"),
    path("tokens/<int:pk>/revoke/", views.revoke_token_view, name="revoke_token"),
    path("password_reset/", password_reset.RequestView.as_view(), name="password_reset"),
    path("password_reset/done/", password_reset.DoneView.as_view(), name="password_reset_done"),
    path(
        "reset/<uidb64>/<token>/",
        password_reset.ConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("reset/done/", password_reset.CompleteView.as_view(), name="password_reset_complete"),
]
