"""Account pages: log in (throttled by django-axes), TOTP enrolment and verification, log out,
and each member's own API tokens.

Reviewers, editors, administrators and staff must pass a TOTP check each session
(``middleware.RequireTwoFactorMiddleware`` sends them here); the permission object treats them
as the public until they have.
"""

from __future__ import annotations

import base64
from io import BytesIO
from typing import Any, cast

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from hrdwatch.audit.log import Actor, record

from .models import PartnerToken, Role
from .permissions import Action, forget, needs_two_factor, permission_required, roles_up_to_own
from .tokens import is_active, issue_token, revoke_token


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        max_length=8,
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
    redirect_authenticated_user = (
        True  # then to ?next= or settings.LOGIN_REDIRECT_URL (/workspace/)
    )

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
    return render(
        request,
        "partners/setup_2fa.html",
        {
            "form": form,
            "qr": _qr_data_uri(device.config_url),
            "secret": secret,
            "next": _next_url(request),
        },
    )


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


EXPIRY_CHOICES = [
    ("30", _("30 days")),
    ("90", _("90 days")),
    ("365", _("One year")),
    ("", _("Never")),
]


class NewTokenForm(forms.Form):
    """A token for one of the member's own scripts, capped at a role they hold."""

    name = forms.CharField(
        label=_("What is it for?"),
        max_length=100,
        help_text=_("For example: nightly import from our spreadsheet."),
    )
    max_role = forms.ChoiceField(
        label=_("The most it may do"),
        help_text=_("A token never does more than this role, whatever your own roles."),
    )
    expires_in_days = forms.TypedChoiceField(
        label=_("Expires after"),
        choices=EXPIRY_CHOICES,
        coerce=int,
        empty_value=None,
        initial="90",
        required=False,
    )

    def __init__(self, *args: Any, roles: list[Role], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["max_role"]).choices = [
            (r.value, r.label) for r in roles
        ]
        self.fields["max_role"].initial = Role.VIEWER


@never_cache
@permission_required(Action.MANAGE_TOKENS)
def tokens_page(request: HttpRequest) -> HttpResponse:
    """The member's own API tokens: issue one (its value shown once), see when each was used."""
    form = NewTokenForm(request.POST or None, roles=roles_up_to_own(request.user))
    issued = None
    if request.method == "POST" and form.is_valid():
        _token, issued = issue_token(
            request.user,
            form.cleaned_data["name"],
            form.cleaned_data["max_role"],
            expires_in_days=form.cleaned_data["expires_in_days"],
            actor=Actor.from_request(request),
        )
        form = NewTokenForm(roles=roles_up_to_own(request.user))
    tokens = [
        (token, is_active(token))
        for token in PartnerToken.objects.filter(user=cast(Any, request.user)).order_by(
            "-created_at"
        )
    ]
    return render(
        request, "partners/tokens.html", {"form": form, "issued": issued, "tokens": tokens}
    )


@require_POST
@permission_required(Action.MANAGE_TOKENS)
def revoke_token_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Revoke one of the member's own tokens (someone else's is not found)."""
    token = get_object_or_404(PartnerToken, pk=pk, user=cast(Any, request.user))
    revoke_token(token, actor=Actor.from_request(request))
    return redirect("partners:tokens")
