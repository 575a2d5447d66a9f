"""``hrdwatch init``: a real, empty instance of one's own (data folder, database, organisation, admin)."""

from __future__ import annotations

import secrets
import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import validate_email
from django.db import transaction
from django.utils.text import slugify

from hrdwatch.operations.instance import (
    ensure_secret_key,
    has_demo_data,
    is_initialised,
    marker_path,
    real_records,
    write_marker,
)
from hrdwatch.partners.models import Membership, Organisation, Role


class Command(BaseCommand):
    help = (
        "Create your own empty instance: data folder, database, a first organisation and its administrator.\n\n"
        "Asks for what is missing when run in a terminal, prints a one-time password and what to do "
        "next, and refuses to run over an existing instance. Then: hrdwatch serve."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--organisation", help="Name of your organisation.")
        parser.add_argument("--admin", help="Username of its administrator.")
        parser.add_argument("--email", help="E-mail address of the administrator.")

    def handle(self, *args: Any, **options: Any) -> None:
        data_dir = Path(settings.DATA_DIR)
        if is_initialised():
            raise CommandError(
                f"{data_dir} already holds an hrdwatch instance ({marker_path().name}); "
                "nothing was changed. Start it with: hrdwatch serve"
            )
        answers = {
            key: self._ask(key, options.get(key)) for key in ("organisation", "admin", "email")
        }
        self._validate(answers)
        data_dir.mkdir(parents=True, exist_ok=True)
        Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        existing = real_records() or (["demo data"] if self._has_demo() else [])
        if existing:
            raise CommandError(
                f"the database already holds {', '.join(existing)}; "
                "hrdwatch init only creates a new, empty instance. Nothing was changed."
            )
        password = secrets.token_urlsafe(18)
        with transaction.atomic():
            organisation = Organisation.objects.create(
                slug=slugify(answers["organisation"])[:50] or "organisation",
                name=answers["organisation"],
            )
            user = get_user_model().objects.create_superuser(
                answers["admin"], answers["email"], password
            )
            Membership.objects.create(user=user, organisation=organisation, role=Role.ADMINISTRATOR)
        ensure_secret_key(data_dir)
        write_marker(organisation.slug, user.get_username())
        self._next_steps(organisation, user.get_username(), password)

    def _ask(self, key: str, given: str | None) -> str:
        if given and given.strip():
            return given.strip()
        if not sys.stdin.isatty():
            raise CommandError(f"--{key} is required when not run in a terminal")
        prompts = {
            "organisation": "Name of your organisation: ",
            "admin": "Administrator's username: ",
            "email": "Administrator's e-mail: ",
        }
        answer = input(prompts[key]).strip()
        if not answer:
            raise CommandError(f"an answer is required for --{key}")
        return answer

    def _validate(self, answers: dict[str, str]) -> None:
        try:
            validate_email(answers["email"])
        except ValidationError:
            raise CommandError(f"--email: {answers['email']!r} is not an e-mail address") from None
        if not slugify(answers["organisation"]):
            raise CommandError(
                f"--organisation: {answers['organisation']!r} needs at least one letter or digit"
            )

    def _has_demo(self) -> bool:
        return has_demo_data()

    def _next_steps(self, organisation: Organisation, username: str, password: str) -> None:
        database = settings.DATABASES["default"]
        where = (
            database["NAME"]
            if "sqlite" in str(database["ENGINE"])
            else f"PostgreSQL database {database['NAME']}"
        )
        self.stdout.write(
            f"Instance created in {settings.DATA_DIR} (database: {where}).\n"
            f"Organisation: {organisation.name} ({organisation.slug})\n"
            f"Administrator: {username}, one-time password: {password}\n"
            "  This password is shown only once: keep it, and change it after the first login.\n\n"
            "Next steps:\n"
            "  1. hrdwatch serve                      start the site on http://127.0.0.1:8000\n"
            "  2. log in at http://127.0.0.1:8000/admin/ and enrol a TOTP app (two-factor login)\n"
            "  3. add members of your organisation in the admin (Memberships)\n"
            f"  4. hrdwatch import cases.csv --user {username} --dry-run   (docs/import-export.md)\n"
        )
