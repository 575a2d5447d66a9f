"""``hrdwatch organisations`` and ``hrdwatch members``: the operator's way to run organisations,
with the same rules and audit entries as the pages."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.management import CommandError, call_command

from hrdwatch.audit.models import AuditEntry
from hrdwatch.partners.models import Invitation, Membership, Organisation, Role
from hrdwatch.partners.permissions import Action, can

pytestmark = pytest.mark.django_db


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_organisations_create_list_show():
    out, _ = run("organisations", "create", "Lawyers for Liberty", "--country", "France")
    assert "lawyers-for-liberty" in out and "members invite" in out
    organisation = Organisation.objects.get(slug="lawyers-for-liberty")
    assert organisation.country == "FR"
    entry = AuditEntry.objects.get(action="organisation.create")
    assert entry.via == "cli" and entry.organisation_id == organisation.pk
    assert "lawyers-for-liberty" in run("organisations", "list")[0]
    assert "no members yet" in run("organisations", "show", "lawyers-for-liberty")[0]


def test_organisations_refuse_a_duplicate_or_unknown_country_clearly():
    run("organisations", "create", "Org", "--slug", "org")
    with pytest.raises(CommandError, match="exists already"):
        run("organisations", "create", "Other", "--slug", "org")
    with pytest.raises(CommandError, match="two-letter ISO code"):
        run("organisations", "create", "Else", "--country", "Atlantis")
    with pytest.raises(CommandError, match="organisations list"):
        run("organisations", "show", "nowhere")


def test_members_add_set_role_remove_each_audited(world):
    run("members", "add", "org-a", "newcomer", "--role", "documenter", "--email", "n@example.org")
    user = User.objects.get(username="newcomer")
    assert can(user, Action.CREATE_CASE, world.a) and not can(user, Action.CREATE_CASE, world.b)
    listing = run("members", "list", "org-a")[0]
    assert "newcomer" in listing and "documenter" in listing and "not enrolled" in listing
    run("members", "set-role", "org-a", "newcomer", "viewer")
    user = User.objects.get(username="newcomer")
    assert not can(user, Action.CREATE_CASE, world.a)
    run("members", "remove", "org-a", "newcomer")
    user = User.objects.get(username="newcomer")
    assert not can(user, Action.VIEW_REPORTS, world.a)
    ended = Membership.all_objects.get(user=user)
    assert ended.ended_at is not None, "removing ends the membership; the row is kept"
    assert "newcomer" not in run("members", "list", "org-a")[0]
    actions = list(AuditEntry.objects.filter(organisation=world.a).values_list("action", flat=True))
    assert {"membership.add", "membership.role", "membership.end"} <= set(actions)
    # Added again later: the same membership comes back.
    run("members", "add", "org-a", "newcomer", "--role", "viewer")
    assert Membership.objects.get(user=user).pk == ended.pk


def test_the_last_administrator_cannot_be_removed_or_demoted(world):
    with pytest.raises(CommandError, match="at least one administrator"):
        run("members", "remove", "org-a", "a_administrator")
    with pytest.raises(CommandError, match="at least one administrator"):
        run("members", "set-role", "org-a", "a_administrator", "viewer")
    run(
        "members",
        "add",
        "org-a",
        "a_viewer_two",
        "--role",
        "administrator",
        "--email",
        "x@example.org",
    )
    run("members", "set-role", "org-a", "a_administrator", "viewer")


def test_members_errors_name_what_to_do(world):
    with pytest.raises(CommandError, match="give --email"):
        run("members", "add", "org-a", "ghost", "--role", "viewer")
    with pytest.raises(CommandError, match="not a current member"):
        run("members", "remove", "org-a", "b_viewer")
    with pytest.raises(CommandError, match="already a member"):
        run("members", "add", "org-a", "a_viewer", "--role", "viewer")


def test_members_invite_prints_the_link_and_mails_it(world):
    out, err = run("members", "invite", "org-a", "Karim@Example.org", "--role", "documenter")
    link = out.strip()
    assert re.fullmatch(r"https?://\S+/workspace/organisation/invitations/[\w-]+/", link)
    assert "sent to" in err
    assert mail.outbox[-1].to == ["karim@example.org"] and link in mail.outbox[-1].body
    invitation = Invitation.objects.get()
    assert (
        invitation.role == Role.DOCUMENTER
        and link.rstrip("/").split("/")[-1] not in invitation.digest
    )
    assert AuditEntry.objects.filter(action="invitation.send", via="cli").exists()
    run("members", "invite", "org-a", "quiet@example.org", "--role", "viewer", "--no-mail")
    assert len(mail.outbox) == 1


def test_help_teaches_the_roles_and_examples():
    parser = (
        __import__("hrdwatch.partners.management.commands.members", fromlist=["Command"])
        .Command()
        .create_parser("hrdwatch", "members")
    )
    text = parser.format_help()
    assert "administrator" in text and "members invite" in text and "set-role" in text
