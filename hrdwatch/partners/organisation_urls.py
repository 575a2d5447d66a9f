"""Organisation administration and the triage of reported detentions, mounted at
/workspace/organisation/ (before the workspace's own URLs)."""

from django.urls import path

from . import views_invitations, views_members, views_reports

app_name = "organisation"
urlpatterns = [
    path("", views_members.index, name="index"),
    path("new/", views_members.new_organisation, name="new"),
    path("reports/", views_reports.report_list, name="reports"),
    path("reports/<int:pk>/", views_reports.report_detail, name="report"),
    path("reports/<int:pk>/triage/", views_reports.report_triage, name="triage"),
    path("invitations/<str:token>/", views_invitations.accept, name="accept"),
    path("<slug:slug>/", views_members.members, name="members"),
    path("<slug:slug>/members/<int:pk>/role/", views_members.change_role, name="role"),
    path("<slug:slug>/members/<int:pk>/remove/", views_members.remove, name="remove"),
    path(
        "<slug:slug>/invitations/<int:pk>/revoke/", views_members.revoke_invitation, name="revoke"
    ),
]
