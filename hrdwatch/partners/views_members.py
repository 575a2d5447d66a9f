"""Organisation administration at /workspace/organisation/: an organisation's administrators see
its members (role, two-factor enrolment), change roles, remove members and invite new ones by an
e-mailed link; superusers create organisations.

Every change goes through ``partners.membership`` / ``partners.invitations`` (checked with the
permission object and audited). Another organisation's page answers a bare 404, so its name and
members never show.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from hrdwatch.audit.log import Actor
from hrdwatch.core.countries import country_choices

from . import invitations
from .management.commands.organisations import enrolled_two_factor
from .membership import MembershipError, create_organisation, end_membership, set_role
from .models import Invitation, Membership, Organisation, OrganisationKind, Role
from .permissions import Action, can, organisations_where, permission_required


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=gettext_lazy("Role"), choices=Role.choices)


class InviteForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail address"))
    role = forms.ChoiceField(
        label=gettext_lazy("Role"), choices=Role.choices, initial=Role.DOCUMENTER
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].help_text = _(
            "A link to join is sent there. It works once and expires after %(days)s days."
        ) % {"days": invitations.INVITATION_DAYS}


class OrganisationForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200)
    slug = forms.SlugField(
        label=gettext_lazy("Short identifier"),
        required=False,
        max_length=50,
        help_text=gettext_lazy("Used in addresses and commands; made from the name if empty."),
    )
    country = forms.ChoiceField(label=gettext_lazy("Country"), required=False)
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=OrganisationKind.choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "—"), *country_choices()]  # type: ignore[attr-defined]


def _administered(request: HttpRequest, slug: str) -> Organisation:
    """The organisation, if the user administers it; otherwise a 404 that names nothing."""
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None or not can(request.user, Action.MANAGE_ORGANISATION, organisation):
        raise Http404()
    return organisation


@never_cache
@permission_required(Action.VIEW_REPORTS)
def index(request: HttpRequest) -> HttpResponse:
    """Every member's entry: the reported detentions, and the organisations this user
    administers (an administrator of exactly one goes straight to its page)."""
    organisations = organisations_where(request.user, Role.ADMINISTRATOR)
    may_create = can(request.user, Action.CREATE_ORGANISATION)
    if len(organisations) == 1 and not may_create:
        return redirect("organisation:members", slug=organisations[0].slug)
    return render(
        request,
        "partners/organisation/index.html",
        {
            "organisations": organisations,
            "may_create": may_create,
        },
    )


@never_cache
@permission_required(Action.CREATE_ORGANISATION)
def new_organisation(request: HttpRequest) -> HttpResponse:
    """A superuser creates an organisation, then invites its first administrator."""
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            organisation = create_organisation(
                Actor.from_request(request),
                data["name"],
                country=data["country"],
                slug=data["slug"],
                kind=data["kind"],
            )
        except MembershipError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Organisation created. Invite its first administrator."))
            return redirect("organisation:members", slug=organisation.slug)
    return render(request, "partners/organisation/new.html", {"form": form})


def _member_rows(organisation: Organisation) -> list[dict[str, Any]]:
    memberships = list(
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("user__username")
    )
    enrolled = enrolled_two_factor([m.user_id for m in memberships])
    return [
        {
            "membership": m,
            "two_factor": m.user_id in enrolled,
            "form": RoleForm(initial={"role": m.role}, prefix=f"m{m.pk}"),
        }
        for m in memberships
    ]


@never_cache
@permission_required(Action.MANAGE_ORGANISATION)
def members(request: HttpRequest, slug: str) -> HttpResponse:
    """Members, pending invitations, and the invitation form (which posts here)."""
    organisation = _administered(request, slug)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            invitations.invite(
                Actor.from_request(request), organisation, data["email"], data["role"]
            )
        except MembershipError as error:
            form.add_error("email", str(error))
        else:
            messages.success(request, _("Invitation sent to %(email)s.") % {"email": data["email"]})
            return redirect("organisation:members", slug=slug)
    return render(
        request,
        "partners/organisation/members.html",
        {
            "organisation": organisation,
            "rows": _member_rows(organisation),
            "form": form,
            "pending": invitations.pending(organisation),
        },
    )


def _membership(organisation: Organisation, pk: int) -> Membership:
    return get_object_or_404(
        Membership.objects.select_related("user"), pk=pk, organisation=organisation
    )


@require_POST
@permission_required(Action.MANAGE_ORGANISATION)
def change_role(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = _administered(request, slug)
    membership = _membership(organisation, pk)
    form = RoleForm(request.POST, prefix=f"m{membership.pk}")
    if form.is_valid():
        try:
            set_role(Actor.from_request(request), membership, form.cleaned_data["role"])
        except MembershipError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("%(user)s is now %(role)s.")
                % {"user": membership.user.get_username(), "role": membership.get_role_display()},
            )
    return redirect("organisation:members", slug=slug)


@require_POST
@permission_required(Action.MANAGE_ORGANISATION)
def remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = _administered(request, slug)
    membership = _membership(organisation, pk)
    try:
        end_membership(Actor.from_request(request), membership)
    except MembershipError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("%(user)s is no longer a member.") % {"user": membership.user.get_username()}
        )
    return redirect("organisation:members", slug=slug)


@require_POST
@permission_required(Action.MANAGE_ORGANISATION)
def revoke_invitation(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = _administered(request, slug)
    invitation = get_object_or_404(Invitation, pk=pk, organisation=organisation)
    invitations.revoke(Actor.from_request(request), invitation)
    messages.success(request, _("Invitation withdrawn."))
    return redirect("organisation:members", slug=slug)
