"""``hrdwatch tokens``: issue, list and revoke partners' API tokens from the server's shell.

Members manage their own tokens at /accounts/tokens/; this command is for the operator who sets up
a partner's script (the token's value is printed once, on standard output only).
"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import IO, Any, cast

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.table import Table

from hrdwatch.audit.log import Actor
from hrdwatch.partners.models import ROLE_RANK, PartnerToken, Role
from hrdwatch.partners.permissions import principal
from hrdwatch.partners.tokens import is_active, issue_token, revoke_token


class Command(BaseCommand):
    help = (
        "API tokens for partners' scripts.\n"
        "  tokens issue USERNAME --name 'nightly import' [--role viewer] [--expires-days 90]\n"
        "  tokens list [--user USERNAME]\n"
        "  tokens revoke PREFIX   (the first characters shown by 'tokens list')\n"
        "A token acts as its user with at most --role, which may not exceed the user's own roles."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        issue = sub.add_parser("issue", help="Issue a token and print it once.")
        issue.add_argument("username", help="The account the token acts as.")
        issue.add_argument("--name", required=True, help="What the token is for.")
        issue.add_argument(
            "--role",
            choices=[r.value for r in Role],
            default=Role.VIEWER.value,
            help="The most the token may do (default: viewer).",
        )
        issue.add_argument(
            "--expires-days",
            type=int,
            default=90,
            help="Days until it stops working; 0 for never (default: 90).",
        )
        listing = sub.add_parser("list", help="List tokens (never their values).")
        listing.add_argument("--user", default="", help="Only this account's tokens.")
        revoke = sub.add_parser("revoke", help="Revoke a token at once.")
        revoke.add_argument(
            "prefix", help="The token's first characters, as 'tokens list' shows them."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "issue":
            self.issue(
                options["username"], options["name"], options["role"], options["expires_days"]
            )
        elif action == "list":
            self.list_tokens(options["user"])
        else:
            self.revoke(options["prefix"])

    def issue(self, username: str, name: str, role: str, days: int) -> None:
        user = self.user(username)
        if days < 0:
            raise CommandError("--expires-days must be 0 (never) or more")
        if ROLE_RANK[role] > principal(user).best_rank:
            raise CommandError(
                f"{username} does not hold the role {role} anywhere; a token cannot do more"
            )
        token, raw = issue_token(
            user, name, role, expires_in_days=days or None, actor=Actor(user=None)
        )
        self.stderr.write(
            f"issued {token.prefix}… for {username} ({role}); copy it now, it is not shown again:"
        )
        self.stdout.write(raw)

    def list_tokens(self, username: str) -> None:
        tokens = PartnerToken.objects.select_related("user").order_by(
            "user__username", "-created_at"
        )
        if username:
            tokens = tokens.filter(user=self.user(username))
        table = Table("prefix", "user", "name", "role", "created", "expires", "last used", "state")
        for token in tokens:
            state = "active" if is_active(token) else "revoked" if token.revoked_at else "expired"
            table.add_row(
                token.prefix,
                token.user.get_username(),
                token.name,
                token.max_role,
                f"{token.created_at:%Y-%m-%d}",
                f"{token.expires_at:%Y-%m-%d}" if token.expires_at else "never",
                f"{token.last_used_at:%Y-%m-%d}" if token.last_used_at else "never",
                state,
            )
        Console(file=cast(IO[str], self.stdout), width=140).print(table)

    def revoke(self, prefix: str) -> None:
        matches = list(
            PartnerToken.objects.filter(prefix__startswith=prefix, revoked_at__isnull=True)
        )
        if len(prefix) < 6 or len(matches) != 1:
            found = "no active token" if not matches else f"{len(matches)} active tokens"
            raise CommandError(
                f"{found} start with {prefix!r}; give the prefix 'tokens list' shows"
            )
        revoke_token(matches[0], actor=Actor(user=None))
        self.stdout.write(f"revoked {matches[0].prefix}… ({matches[0].name})")

    def user(self, username: str) -> Any:
        try:
            return get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"no account named {username!r}") from None
