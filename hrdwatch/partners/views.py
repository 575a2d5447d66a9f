"""Account pages: log in (throttled by django-axes), TOTP enrolment and verification, log out.

Reviewers, editors, administrators and staff must pass a TOTP check each session
(``middleware.RequireTwoFactorMiddleware`` sends them here); the permission object treats them
as the public until they have.
"""

from __future__ import annotations

import base64
from io import BytesIO
from typing import Any

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from hrdwatch.audit.log import Actor, record

from .permissions import forget, needs_two_factor


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Six-digit code from your authenticator app"), max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return "/"


class LoginView(auth_views.LoginView):
    """Django's login view; django-axes (authentication backend + middleware) locks out repeated
    failures; accounts that need a second factor go on to enrolment or verification."""

    template_name = "partners/login.html"
    redirect_authenticated_user = True
    next_page = "/"

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        record(Actor.from_request(self.request), "account.login", form.get_user())
        if needs_two_factor(form.get_user()):
            step = "partners:verify" if user_has_device(form.get_user()) else "partners:setup"
            return redirect(f"{redirect(step).url}?next={self.get_success_url()}")
        return response


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        record(Actor.from_request(request), "account.logout", request.user)
    logout(request)
    return redirect("/")


def _qr_data_uri(url: str) -> str:
    """The otpauth:// URL as an SVG QR code in a data: URI (allowed by the CSP's img-src)."""
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


@never_cache
@login_required
def setup_two_factor(request: HttpRequest) -> HttpResponse:
    """Enrol an authenticator app: show the secret as a QR code, confirm with a first code."""
    if user_has_device(request.user):
        return redirect("partners:verify")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name="authenticator", confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].strip()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            forget(request.user)
            record(Actor.from_request(request), "account.2fa_enrolled", request.user)
            return HttpResponseRedirect(_next_url(request))
        form.add_error("token", _("That code is not valid; check your device's clock."))
    secret = base64.b32encode(device.bin_key).decode()
    return render(request, "partners/setup_2fa.html", {
        "form": form, "qr": _qr_data_uri(device.config_url), "secret": secret,
        "next": _next_url(request),
    })


@never_cache
@login_required
def verify_two_factor(request: HttpRequest) -> HttpResponse:
    """Ask for the current TOTP code of an enrolled device."""
    if not user_has_device(request.user):
        return redirect("partners:setup")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["token"].strip()
        for device in devices_for_user(request.user):
            if device.verify_token(token):
                otp_login(request, device)
                forget(request.user)
                record(Actor.from_request(request), "account.2fa_verified", request.user)
                return HttpResponseRedirect(_next_url(request))
        record(Actor.from_request(request), "account.2fa_failed", request.user)
        form.add_error("token", _("That code is not valid."))
    return render(request, "partners/verify_2fa.html", {"form": form, "next": _next_url(request)})
