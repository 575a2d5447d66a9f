"""``hrdwatch members``: an organisation's members from the server's shell — the same changes as
the page at /workspace/organisation/, with the same rules and audit entries."""

from __future__ import annotations

from argparse import ArgumentParser, RawDescriptionHelpFormatter
from typing import IO, Any, cast

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.console import Console

from hrdwatch.audit.log import Actor
from hrdwatch.partners.invitations import INVITATION_DAYS, invite
from hrdwatch.partners.management.commands.organisations import find_organisation, members_table
from hrdwatch.partners.membership import MembershipError, add_member, end_membership, set_role
from hrdwatch.partners.models import Membership, Organisation, Role

ROLES = [r.value for r in Role]
EXAMPLES = f"""
roles, each including the ones before it: {", ".join(ROLES)}
  (reviewers, editors and administrators must set up two-factor authentication at first login)

examples:
  hrdwatch members list lawyers-liberty
  hrdwatch members add lawyers-liberty amina --role documenter --email amina@example.org
  hrdwatch members set-role lawyers-liberty amina reviewer
  hrdwatch members remove lawyers-liberty amina      (the membership ends; the account stays)
  hrdwatch members invite lawyers-liberty karim@example.org --role documenter
      (e-mails a one-time link valid {INVITATION_DAYS} days and prints it)
"""


class Command(BaseCommand):
    help = (
        "An organisation's members: list, add, set-role, remove, invite by e-mail link.\n"
        "  members list ORG\n"
        "  members add ORG USERNAME --role ROLE [--email ADDRESS]   (creates the account if new)\n"
        "  members set-role ORG USERNAME ROLE\n"
        "  members remove ORG USERNAME\n"
        "  members invite ORG EMAIL --role ROLE [--days 7] [--no-mail]"
    )

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, epilog=EXAMPLES, **kwargs)
        parser.formatter_class = RawDescriptionHelpFormatter
        return parser

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        listing = sub.add_parser(
            "list", help="Current members, their roles and two-factor enrolment."
        )
        listing.add_argument("org", help="The organisation's identifier ('organisations list').")
        add = sub.add_parser("add", help="Give an account a role (the account is created if new).")
        add.add_argument("org")
        add.add_argument("username")
        add.add_argument("--role", choices=ROLES, required=True)
        add.add_argument(
            "--email",
            default="",
            help="E-mail of a new account (it then sets its "
            "password with 'hrdwatch changepassword USERNAME' or by invitation).",
        )
        role = sub.add_parser("set-role", help="Change a member's role.")
        role.add_argument("org")
        role.add_argument("username")
        role.add_argument("role", choices=ROLES)
        remove = sub.add_parser("remove", help="End a membership (kept in the history).")
        remove.add_argument("org")
        remove.add_argument("username")
        invitation = sub.add_parser("invite", help="E-mail a one-time link and print it.")
        invitation.add_argument("org")
        invitation.add_argument("email")
        invitation.add_argument("--role", choices=ROLES, required=True)
        invitation.add_argument(
            "--days",
            type=int,
            default=INVITATION_DAYS,
            help=f"How long the link works (default: {INVITATION_DAYS}).",
        )
        invitation.add_argument(
            "--no-mail",
            action="store_true",
            help="Only print the link (send it yourself by a safe channel).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = find_organisation(options["org"])
        action = options["action"]
        try:
            if action == "list":
                members_table(Console(file=cast(IO[str], self.stdout), width=140), organisation)
            elif action == "add":
                self.add(organisation, options["username"], options["role"], options["email"])
            elif action == "set-role":
                set_role(
                    Actor(user=None),
                    self.membership(organisation, options["username"]),
                    options["role"],
                )
                self.stdout.write(
                    f"{options['username']} is now {options['role']} in {organisation.slug}"
                )
            elif action == "remove":
                end_membership(Actor(user=None), self.membership(organisation, options["username"]))
                self.stdout.write(
                    f"{options['username']} is no longer a member of {organisation.slug}"
                )
            else:
                _invitation, link = invite(
                    Actor(user=None),
                    organisation,
                    options["email"],
                    options["role"],
                    days=options["days"],
                    send=not options["no_mail"],
                )
                sent = (
                    "not sent (--no-mail)" if options["no_mail"] else f"sent to {options['email']}"
                )
                self.stderr.write(f"invitation {sent}; valid {options['days']} days, once:")
                self.stdout.write(link)
        except MembershipError as error:
            raise CommandError(str(error)) from None

    def add(self, organisation: Organisation, username: str, role: str, email: str) -> None:
        users = get_user_model()
        user = users.objects.filter(username=username).first()
        if user is None:
            if not email:
                raise CommandError(
                    f"no account named {username!r}; give --email to create it, or "
                    "use 'members invite' so the person chooses their password"
                )
            user = users.objects.create_user(username=username, email=email)
            self.stderr.write(
                f"created account {username} without a password; set one with "
                f"'hrdwatch changepassword {username}'"
            )
        add_member(Actor(user=None), organisation, user, role)
        self.stdout.write(f"{username} is now {role} in {organisation.slug}")

    def membership(self, organisation: Organisation, username: str) -> Membership:
        found = (
            Membership.objects.filter(organisation=organisation, user__username=username)
            .select_related("user")
            .first()
        )
        if found is None:
            raise CommandError(
                f"{username!r} is not a current member of {organisation.slug}; "
                f"'hrdwatch members list {organisation.slug}' shows who is"
            )
        return found
