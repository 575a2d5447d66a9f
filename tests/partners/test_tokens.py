"""Members' own API tokens: issued once on /accounts/tokens/ or by ``hrdwatch tokens``, capped at a
role the member holds, revocable, audited without their value."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from hrdwatch.audit.models import AuditEntry
from hrdwatch.partners.models import PartnerToken
from hrdwatch.partners.permissions import Action, can
from hrdwatch.partners.tokens import authenticate_token, issue_token
from tests.partners.fixtures import login

TOKEN = re.compile(r"hrd_[A-Za-z0-9_-]{20,}")


def _issue_on_page(client, **fields) -> str:
    response = client.post(
        "/accounts/tokens/", {"name": "nightly import", "expires_in_days": "30", **fields}
    )
    assert response.status_code == 200
    found = TOKEN.search(response.content.decode())
    assert found, "the new token's value is shown once"
    return found.group(0)


def test_anonymous_visitors_are_sent_to_log_in(client, world):
    response = client.get("/accounts/tokens/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_viewer_issues_a_token_that_reads_the_api_as_them_and_sees_it_listed(client, world):
    viewer = world.users["a_viewer"]
    login(client, viewer)
    raw = _issue_on_page(client, max_role="viewer")
    assert authenticate_token(raw) == viewer
    assert client.get("/api/v1/defenders", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200
    page = client.get("/accounts/tokens/").content.decode()
    assert "nightly import" in page and raw not in page, "listed, but its value never again"
    token = PartnerToken.objects.get(user=viewer)
    assert token.expires_at is not None
    entry = AuditEntry.objects.get(action="token.issued")
    assert entry.actor == viewer and raw not in str(entry.details)


def test_a_member_cannot_give_a_token_more_than_their_own_role(client, world):
    login(client, world.users["a_viewer"])
    response = client.post("/accounts/tokens/", {"name": "escalate", "max_role": "editor"})
    assert response.status_code == 200 and not PartnerToken.objects.exists()
    assert "max_role" in response.context["form"].errors


def test_revoking_stops_the_token_and_only_the_owner_can_revoke_it(client, world):
    login(client, world.users["a_editor"])
    raw = _issue_on_page(client, max_role="documenter")
    token = PartnerToken.objects.get()
    login(client, world.users["b_editor"])
    assert client.post(f"/accounts/tokens/{token.pk}/revoke/").status_code == 404
    assert authenticate_token(raw) is not None
    login(client, world.users["a_editor"])
    assert client.post(f"/accounts/tokens/{token.pk}/revoke/").status_code == 302
    assert authenticate_token(raw) is None
    assert AuditEntry.objects.filter(action="token.revoked", actor=world.users["a_editor"]).exists()
    assert "revoked" in client.get("/accounts/tokens/").content.decode()


def test_a_script_acting_by_token_cannot_manage_tokens(world):
    _token, raw = issue_token(world.users["a_editor"], "script", max_role="editor")
    assert can(world.users["a_editor"], Action.MANAGE_TOKENS)
    assert not can(authenticate_token(raw), Action.MANAGE_TOKENS)


def test_the_command_issues_lists_and_revokes(world):
    out, err = StringIO(), StringIO()
    call_command(
        "tokens",
        "issue",
        "a_documenter",
        "--name",
        "sync",
        "--role",
        "documenter",
        "--expires-days",
        "0",
        stdout=out,
        stderr=err,
    )
    raw = out.getvalue().strip()
    assert TOKEN.fullmatch(raw) and authenticate_token(raw) == world.users["a_documenter"]
    token = PartnerToken.objects.get()
    assert token.expires_at is None and token.max_role == "documenter"
    listing = StringIO()
    call_command("tokens", "list", stdout=listing)
    assert token.prefix in listing.getvalue() and raw not in listing.getvalue()
    call_command("tokens", "revoke", token.prefix, stdout=StringIO())
    assert authenticate_token(raw) is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["issue", "nobody", "--name", "x"], "no account named"),
        (["issue", "a_viewer", "--name", "x", "--role", "editor"], "does not hold the role"),
        (["revoke", "hrd_"], "no active token"),
    ],
)
def test_the_command_explains_what_is_wrong(world, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("tokens", *args, stdout=StringIO(), stderr=StringIO())
    assert not PartnerToken.objects.exists()
