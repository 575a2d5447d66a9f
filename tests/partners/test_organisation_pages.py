"""Organisation administration at /workspace/organisation/: an administrator runs their own
organisation's members and invitations, and nobody else's."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.utils import timezone

from hrdwatch.audit.log import Actor
from hrdwatch.audit.models import AuditEntry
from hrdwatch.partners import invitations
from hrdwatch.partners.models import Invitation, Membership, Organisation, Role
from hrdwatch.partners.permissions import Action, can
from tests.partners.fixtures import PASSWORD, login, verify_device

LINK = re.compile(r"https?://\S+/workspace/organisation/invitations/[\w-]+/")


def _path(link: str) -> str:
    return "/" + link.split("/", 3)[3]


def test_an_invitation_end_to_end(client, world):
    """The administrator invites by e-mail; the link creates the account and the membership,
    once; every step is audited."""
    admin = world.users["a_administrator"]
    login(client, admin)
    page = client.get("/workspace/organisation/org-a/")
    assert page.status_code == 200 and "a_documenter" in page.content.decode()
    response = client.post(
        "/workspace/organisation/org-a/", {"email": "New.Person@example.org", "role": "documenter"}
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["new.person@example.org"]
    link = LINK.search(mail.outbox[0].body).group(0)  # type: ignore[union-attr]
    assert "new.person@example.org" in client.get("/workspace/organisation/org-a/").content.decode()
    client.logout()

    form = client.get(_path(link))
    assert form.status_code == 200 and "Org A" in form.content.decode()
    mismatch = client.post(
        _path(link),
        {"username": "newperson", "password1": PASSWORD, "password2": "something else entirely"},
    )
    assert mismatch.status_code == 200 and not User.objects.filter(username="newperson").exists()
    done = client.post(
        _path(link), {"username": "newperson", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert done.status_code == 302
    user = User.objects.get(username="newperson")
    assert user.email == "new.person@example.org" and user.check_password(PASSWORD)
    assert Membership.objects.get(user=user).role == Role.DOCUMENTER
    assert can(user, Action.CREATE_CASE, world.a) and not can(user, Action.CREATE_CASE, world.b)
    assert int(client.session["_auth_user_id"]) == user.pk, "the new member is logged in"

    client.logout()
    again = client.get(_path(link))
    assert again.status_code == 410 and "already been used" in again.content.decode()
    reuse = client.post(
        _path(link), {"username": "intruder", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert reuse.status_code == 410 and not User.objects.filter(username="intruder").exists()
    actions = set(AuditEntry.objects.filter(organisation=world.a).values_list("action", flat=True))
    assert {"invitation.send", "invitation.accept", "membership.add"} <= actions
    assert link.rstrip("/").rsplit("/", 1)[1] not in str(list(AuditEntry.objects.values("details")))


def test_expired_withdrawn_and_unknown_links_are_refused(client, world):
    invitation, link = invitations.invite(Actor(user=None), world.a, "late@example.org", "viewer")
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - dt.timedelta(seconds=1)
    )
    expired = client.post(
        _path(link), {"username": "late", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert expired.status_code == 410 and "expired" in expired.content.decode()
    assert not User.objects.filter(username="late").exists()
    withdrawn, link2 = invitations.invite(Actor(user=None), world.a, "w@example.org", "viewer")
    login(client, world.users["a_administrator"])
    client.post(f"/workspace/organisation/org-a/invitations/{withdrawn.pk}/revoke/")
    client.logout()
    assert client.get(_path(link2)).status_code == 410
    assert client.get("/workspace/organisation/invitations/not-a-real-token/").status_code == 404


def test_a_logged_in_user_accepts_with_their_own_account(client, world):
    _invitation, link = invitations.invite(
        Actor(user=None), world.b, "a_viewer@example.org", "viewer"
    )
    viewer = world.users["a_viewer"]
    login(client, viewer)
    assert client.post(_path(link)).status_code == 302
    assert set(
        Membership.objects.filter(user=viewer).values_list("organisation__slug", flat=True)
    ) == {"org-a", "org-b"}


def test_an_administrator_changes_roles_and_removes_members(client, world):
    login(client, world.users["a_administrator"])
    documenter = Membership.objects.get(user=world.users["a_documenter"])
    client.post(
        f"/workspace/organisation/org-a/members/{documenter.pk}/role/",
        {f"m{documenter.pk}-role": "editor"},
    )
    assert Membership.objects.get(pk=documenter.pk).role == Role.EDITOR
    client.post(f"/workspace/organisation/org-a/members/{documenter.pk}/remove/")
    ended = Membership.all_objects.get(pk=documenter.pk)
    assert ended.ended_at is not None
    assert not can(User.objects.get(pk=documenter.user_id), Action.VIEW_REPORTS, world.a)
    page = client.get("/workspace/organisation/org-a/").content.decode()
    assert '<span class="case-name">a_documenter<' not in page
    assert AuditEntry.objects.filter(
        action="membership.end", actor=world.users["a_administrator"]
    ).exists()
    own = Membership.objects.get(user=world.users["a_administrator"])
    response = client.post(f"/workspace/organisation/org-a/members/{own.pk}/remove/", follow=True)
    assert "at least one administrator" in response.content.decode()
    assert Membership.objects.filter(pk=own.pk).exists()


def test_the_members_page_shows_who_enrolled_two_factor(client, world):
    verify_device(world.users["a_editor"])
    login(client, world.users["a_administrator"])
    page = client.get("/workspace/organisation/org-a/").content.decode()
    rows = {name: page[page.index(f">{name}<") :][:600] for name in ("a_editor", "a_viewer")}
    assert "set up" in rows["a_editor"] and "not set up" not in rows["a_editor"]
    assert "not set up" in rows["a_viewer"]


@pytest.mark.parametrize("who", ["b_administrator", "a_editor", "a_viewer", "outsider"])
def test_other_organisations_and_non_administrators_get_nothing(client, world, who):
    login(client, world.users[who])
    member = Membership.objects.get(user=world.users["a_documenter"])
    responses = [
        client.get("/workspace/organisation/org-a/"),
        client.post(
            "/workspace/organisation/org-a/", {"email": "x@example.org", "role": "administrator"}
        ),
        client.post(
            f"/workspace/organisation/org-a/members/{member.pk}/role/",
            {f"m{member.pk}-role": "administrator"},
        ),
        client.post(f"/workspace/organisation/org-a/members/{member.pk}/remove/"),
    ]
    for response in responses:
        assert response.status_code in {403, 404}
        body = response.content.decode()
        assert "Org A" not in body and "a_documenter" not in body
    assert Membership.objects.get(pk=member.pk).role == Role.DOCUMENTER
    assert not Invitation.objects.exists() and not mail.outbox


def test_an_administrator_of_one_organisation_lands_on_it(client, world):
    login(client, world.users["b_administrator"])
    response = client.get("/workspace/organisation/")
    assert response.status_code == 302 and response["Location"].endswith("/org-b/")


def test_only_superusers_create_organisations(world, verified_admin_client):
    client = login(Client(), world.users["a_administrator"])
    assert (
        client.post("/workspace/organisation/new/", {"name": "Rogue", "kind": "local"}).status_code
        == 403
    )
    response = verified_admin_client.post(
        "/workspace/organisation/new/", {"name": "Freedom Now", "country": "SN", "kind": "local"}
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(slug="freedom-now")
    assert organisation.country == "SN"
    assert AuditEntry.objects.filter(
        action="organisation.create", organisation=organisation
    ).exists()
    reserved = verified_admin_client.post(
        "/workspace/organisation/new/", {"name": "Reports", "kind": "local"}
    )
    assert reserved.status_code == 200 and not Organisation.objects.filter(slug="reports").exists()
