"""``hrdwatch organisations``: list, create and show the network's partner organisations.

Creating organisations is the network operator's (superuser's) job; each organisation's
administrators then run their own members at /workspace/organisation/ or with ``hrdwatch members``.
"""

from __future__ import annotations

from argparse import ArgumentParser, RawDescriptionHelpFormatter
from typing import IO, Any, cast

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_otp.plugins.otp_totp.models import TOTPDevice
from rich.console import Console
from rich.table import Table

from hrdwatch.audit.log import Actor
from hrdwatch.partners.membership import MembershipError, create_organisation
from hrdwatch.partners.models import Membership, Organisation, OrganisationKind

EXAMPLES = """
examples:
  hrdwatch organisations list
  hrdwatch organisations create "Lawyers for Liberty" --country FR --slug lawyers-liberty
  hrdwatch organisations show lawyers-liberty
then give it a first administrator:
  hrdwatch members add lawyers-liberty USERNAME --role administrator
  hrdwatch members invite lawyers-liberty someone@example.org --role administrator
"""


def find_organisation(slug: str) -> Organisation:
    """The organisation with this identifier, or an error that lists how to find it."""
    try:
        return Organisation.objects.get(slug=slug)
    except Organisation.DoesNotExist:
        raise CommandError(
            f"no organisation {slug!r}; 'hrdwatch organisations list' shows their identifiers"
        ) from None


def enrolled_two_factor(user_ids: list[int]) -> set[int]:
    """Which of these accounts have a confirmed authenticator (django-otp TOTP device)."""
    return set(
        TOTPDevice.objects.filter(user_id__in=user_ids, confirmed=True).values_list(
            "user_id", flat=True
        )
    )


class Command(BaseCommand):
    help = (
        "Partner organisations: list, create (the operator's job), show with members.\n"
        "  organisations list\n"
        "  organisations create NAME [--country CODE] [--slug ID] [--kind local|international|network]\n"
        "  organisations show ID"
    )

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, epilog=EXAMPLES, **kwargs)
        parser.formatter_class = RawDescriptionHelpFormatter
        return parser

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("list", help="Every organisation with its identifier and member count.")
        create = sub.add_parser("create", help="Create an organisation (audited).")
        create.add_argument("name", help="Full name, e.g. 'Lawyers for Liberty'.")
        create.add_argument(
            "--country", default="", help="Where it is based: ISO code (FR) or name (France)."
        )
        create.add_argument(
            "--slug",
            default="",
            help="Short identifier used in URLs and commands (default: from the name).",
        )
        create.add_argument(
            "--kind",
            choices=[k.value for k in OrganisationKind],
            default=OrganisationKind.LOCAL.value,
            help="Default: local.",
        )
        show = sub.add_parser("show", help="One organisation and its current members.")
        show.add_argument("slug", help="The identifier 'organisations list' shows.")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "list":
            self.list_organisations()
        elif action == "create":
            try:
                organisation = create_organisation(
                    Actor(user=None),
                    options["name"],
                    country=options["country"],
                    slug=options["slug"],
                    kind=options["kind"],
                )
            except MembershipError as error:
                raise CommandError(str(error)) from None
            self.stdout.write(
                f"created {organisation.slug} ({organisation.name}); next: "
                f"hrdwatch members invite {organisation.slug} EMAIL --role administrator"
            )
        else:
            self.show(find_organisation(options["slug"]))

    def console(self) -> Console:
        return Console(file=cast(IO[str], self.stdout), width=140)

    def list_organisations(self) -> None:
        table = Table("id", "name", "kind", "country", "members")
        for organisation in Organisation.objects.order_by("slug"):
            count = Membership.objects.filter(organisation=organisation).count()
            table.add_row(
                organisation.slug,
                organisation.name,
                organisation.kind,
                organisation.country or "-",
                str(count),
            )
        self.console().print(table)

    def show(self, organisation: Organisation) -> None:
        self.stdout.write(
            f"{organisation.name} ({organisation.slug}), {organisation.kind}, "
            f"country {organisation.country or '-'}"
        )
        members_table(self.console(), organisation)


def members_table(console: Console, organisation: Organisation) -> None:
    """Print the organisation's current members: username, e-mail, role, two-factor enrolment."""
    memberships = list(
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("user__username")
    )
    enrolled = enrolled_two_factor([m.user_id for m in memberships])
    table = Table("username", "e-mail", "role", "two-factor")
    for membership in memberships:
        table.add_row(
            membership.user.get_username(),
            membership.user.email,
            membership.role,
            "enrolled" if membership.user_id in enrolled else "not enrolled",
        )
    console.print(table if memberships else "no members yet")
