"""``hrdwatch demo``: one command from an empty folder to a running site full of fictional cases."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import IO, Any, cast

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from hrdwatch.core.db import refresh_planner_statistics
from hrdwatch.demo.campaigns import add_demo_campaigns
from hrdwatch.demo.generator import generate, has_demo_data
from hrdwatch.operations.instance import is_initialised, real_records

ADMIN_USERNAME = "admin"


class Command(BaseCommand):
    help = (
        "Create the database, load the fictional demo dataset and serve the site on "
        "http://127.0.0.1:8000.\n\n"
        "Migrates, generates the demo data unless the database already has it (a second run reuses "
        "it), creates the administrator 'admin' with a printed password, then serves the site until "
        "stopped. --size 100000 builds benchmark-sized data in minutes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--size", type=int, default=400, help="Number of fictional defenders (default 400)."
        )
        parser.add_argument(
            "--seed", type=int, default=2024, help="Random seed; the same seed gives the same data."
        )
        parser.add_argument(
            "--no-serve", action="store_true", help="Prepare the database, then exit."
        )
        parser.add_argument(
            "--host", default="127.0.0.1", help="Address to serve on (default 127.0.0.1)."
        )
        parser.add_argument(
            "--port", type=int, default=8000, help="Port to serve on (default 8000)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.ending = ""  # rich writes its own line ends and progress redraws
        console = Console(file=cast(IO[str], self.stdout), highlight=False, soft_wrap=True)
        database = settings.DATABASES["default"]
        Path(settings.DATA_DIR).mkdir(parents=True, exist_ok=True)
        Path(settings.STATIC_ROOT).mkdir(
            parents=True, exist_ok=True
        )  # WhiteNoise expects it; stays empty
        if "sqlite" in str(database["ENGINE"]):
            Path(str(database["NAME"])).parent.mkdir(parents=True, exist_ok=True)
            console.print(f"Database: {database['NAME']} (SQLite)")
        else:
            console.print(f"Database: {database['NAME']} on {database.get('HOST') or 'localhost'}")
        call_command("migrate", interactive=False, verbosity=0)
        self._refuse_real_instance()
        if has_demo_data():
            console.print("Demo data already loaded: reusing the database.")
            add_demo_campaigns()  # a database made before the demo had campaigns gets them
        else:
            self._generate(console, options["size"], options["seed"])
        url = f"http://{options['host']}:{options['port']}/"
        self._administrator(console, url)
        if options["no_serve"]:
            return
        console.print(
            f"Serving the demo site at {url} (Ctrl+C to stop). Every record in it is fictional."
        )
        call_command(
            "runserver",
            f"{options['host']}:{options['port']}",
            use_reloader=False,
            use_threading=True,
            skip_checks=True,
        )

    def _refuse_real_instance(self) -> None:
        """Fictional people must never be mixed into a real record."""
        if is_initialised():
            raise CommandError(
                f"{settings.DATA_DIR} is an instance made by 'hrdwatch init': demo data is never "
                "loaded into it. Run the demo in another folder (or HRDWATCH_DATA_DIR)."
            )
        found = real_records()
        if found:
            raise CommandError(
                f"this database holds {', '.join(found)} that are not demo data: demo data is "
                "never mixed into a real record. Nothing was changed. Run the demo with another "
                "HRDWATCH_DATA_DIR or DATABASE_URL."
            )

    def _generate(self, console: Console, size: int, seed: int) -> None:
        columns = (
            TextColumn("Generating fictional defenders"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
        )
        with Progress(*columns, console=console, transient=False) as bar:
            task = bar.add_task("generate", total=size)
            counts = generate(
                size=size, seed=seed, progress=lambda done, _total: bar.update(task, completed=done)
            )
        console.print(", ".join(f"{n:,} {model}" for model, n in counts.items()))
        call_command("search", "rebuild")  # bulk inserts skip the signals that keep search in sync
        refresh_planner_statistics()  # the search tables are new too

    def _administrator(self, console: Console, url: str) -> None:
        """Create 'admin' with a strong random password the first time; never print it again."""
        users = get_user_model()
        if users.objects.filter(username=ADMIN_USERNAME).exists():
            console.print(
                f"Administrator '{ADMIN_USERNAME}' exists; log in at {url}admin/ "
                f"(reset the password with: hrdwatch changepassword {ADMIN_USERNAME})."
            )
            return
        password = secrets.token_urlsafe(18)
        users.objects.create_superuser(ADMIN_USERNAME, email="", password=password)
        console.print(
            f"Administrator created: log in at {url}admin/ as '{ADMIN_USERNAME}' "
            f"with password {password}"
        )
