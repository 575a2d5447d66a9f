"""The partners' workspace, mounted at /workspace/ (organisation pages live under
/workspace/organisation/, served by hrdwatch.partners)."""

from django.urls import path

from . import candidates, case_actions, cases, correct, views

app_name = "workspace"
urlpatterns = [
    path("", views.home, name="home"),
    path("new/", views.new_draft, name="new"),
    path("drafts/<int:pk>/<slug:step>/", views.step_view, name="step"),
    path("drafts/<int:pk>/<slug:step>/autosave/", views.autosave, name="autosave"),
    path("drafts/<int:pk>/discard/", views.discard, name="discard"),
    path("cases/<slug:uid>/", cases.case_page, name="case"),
    path("cases/<slug:uid>/submit/", cases.submit_case, name="submit"),
    path("cases/<slug:uid>/edit/", correct.edit_case, name="edit"),
    path("cases/<slug:uid>/revert/", case_actions.revert, name="revert"),
    path("cases/<slug:uid>/share/", case_actions.share, name="share"),
    path("candidates/", candidates.queue, name="candidates"),
    path("candidates/<int:pk>/", candidates.candidate_page, name="candidate"),
    path("candidates/<int:pk>/accept/", candidates.accept, name="accept"),
    path("candidates/<int:pk>/reject/", candidates.reject, name="reject"),
]
