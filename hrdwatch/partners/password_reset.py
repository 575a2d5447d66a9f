"""Password reset by e-mail, with Django's own views and signed, expiring, single-use links.

The link carries a token derived from the account's password hash and last login, so it stops
working once used (the password changed) and after ``PASSWORD_RESET_TIMEOUT``. The request page
answers the same whether or not the address belongs to an account, and each client address may
ask only ``HRDWATCH_RESET_RATE`` times (``core.throttle``), so the form cannot be used to mail
someone repeatedly. A completed reset writes an ``account.password_reset`` audit entry.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse_lazy

from hrdwatch.audit.log import Actor, record
from hrdwatch.core.throttle import allow


class RequestView(auth_views.PasswordResetView):
    """Ask for a link by e-mail address."""

    template_name = "partners/password_reset_form.html"
    email_template_name = "partners/email/password_reset.txt"
    subject_template_name = "partners/email/password_reset_subject.txt"
    success_url = reverse_lazy("partners:password_reset_done")

    def form_valid(self, form: Any) -> HttpResponse:
        rate = str(getattr(settings, "HRDWATCH_RESET_RATE", "5/h"))
        if not allow(self.request, "password-reset", rate):
            return HttpResponseRedirect(self.get_success_url())  # same answer, no mail
        self.extra_email_context = {"site_url": settings.SITE_URL}
        return super().form_valid(form)


class DoneView(auth_views.PasswordResetDoneView):
    template_name = "partners/password_reset_done.html"


class ConfirmView(auth_views.PasswordResetConfirmView):
    """Choose a new password from the link; a used or expired link shows why it cannot."""

    template_name = "partners/password_reset_confirm.html"
    success_url = reverse_lazy("partners:password_reset_complete")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        record(
            Actor.from_request(self.request),
            "account.password_reset",
            form.user,
            details={"by": "e-mail link"},
        )
        return response


class CompleteView(auth_views.PasswordResetCompleteView):
    template_name = "partners/password_reset_complete.html"
