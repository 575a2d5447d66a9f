"""Accepting an invitation: the e-mailed link opens a form to choose a username and password
(or, for someone already logged in, one button); the membership follows. Used, withdrawn or
expired links are refused with a page that says so and what to do."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.contrib.auth.forms import UserCreationForm
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from hrdwatch.audit.log import Actor

from . import invitations
from .invitations import LinkProblem
from .membership import MembershipError
from .models import Invitation
from .permissions import needs_two_factor


class AcceptForm(UserCreationForm):  # type: ignore[type-arg]
    """Username and password twice (Django's password rules apply); the e-mail is the invited one."""

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username",)


def _refused(request: HttpRequest, problem: LinkProblem) -> HttpResponse:
    if problem is LinkProblem.UNKNOWN:
        raise Http404()
    return render(
        request, "partners/organisation/refused.html", {"problem": problem.value}, status=410
    )


def _welcome(request: HttpRequest, invitation: Invitation, form: AcceptForm | None) -> HttpResponse:
    """Accept for the logged-in user, or for a new account made from ``form`` (both or neither)."""
    user: Any
    try:
        with transaction.atomic():
            if form is None:
                user = request.user
            else:
                user = form.save(commit=False)
                user.email = invitation.email
                user.save()
            invitations.accept(invitation, user, Actor.from_request(request))
    except MembershipError as error:
        return render(
            request,
            "partners/organisation/refused.html",
            {"problem": "", "message": str(error)},
            status=409,
        )
    if form is not None:
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    if needs_two_factor(user):
        return redirect("partners:setup")
    return redirect(settings.LOGIN_REDIRECT_URL)


@never_cache
def accept(request: HttpRequest, token: str) -> HttpResponse:
    """Open (GET) or use (POST) an invitation link."""
    invitation = invitations.find(token)
    problem = invitations.problem_with(invitation)
    if problem is not None or invitation is None:
        return _refused(request, problem or LinkProblem.UNKNOWN)
    if request.user.is_authenticated:
        if request.method == "POST":
            return _welcome(request, invitation, None)
        return render(
            request, "partners/organisation/accept.html", {"invitation": invitation, "form": None}
        )
    form = AcceptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return _welcome(request, invitation, form)
    return render(
        request, "partners/organisation/accept.html", {"invitation": invitation, "form": form}
    )
