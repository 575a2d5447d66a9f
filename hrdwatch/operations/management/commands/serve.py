"""``hrdwatch serve``: the site on gunicorn (a production WSGI server), static files by WhiteNoise."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser, SystemCheckError


def run_gunicorn(options: dict[str, Any]) -> None:
    """Serve the already configured Django application with gunicorn until stopped."""
    from django.core.wsgi import get_wsgi_application
    from gunicorn.app.base import BaseApplication

    application = get_wsgi_application()

    class Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    Server().run()


class Command(BaseCommand):
    help = (
        "Serve your instance with gunicorn and WhiteNoise (SQLite by default, PostgreSQL with DATABASE_URL).\n\n"
        "Prints the findings of 'check --deploy' first. Behind a TLS reverse proxy use "
        "DJANGO_SETTINGS_MODULE=hrdwatch.project.settings.production (docs/deploy.md)."
    )
    requires_system_checks: list[str] = []  # the deployment check below reports them instead

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--host", default="127.0.0.1", help="Address to listen on (default 127.0.0.1)."
        )
        parser.add_argument(
            "--port", type=int, default=8000, help="Port to listen on (default 8000)."
        )
        parser.add_argument("--workers", type=int, default=2, help="Worker processes (default 2).")

    def handle(self, *args: Any, **options: Any) -> None:
        database = settings.DATABASES["default"]
        if "sqlite" in str(database["ENGINE"]) and not Path(str(database["NAME"])).exists():
            raise CommandError(
                f"no database at {database['NAME']}: create the instance first with "
                "'hrdwatch init' (or set HRDWATCH_DATA_DIR / DATABASE_URL)"
            )
        Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)  # WhiteNoise expects it
        self.stdout.write(self.deploy_findings())
        url = f"http://{options['host']}:{options['port']}/"
        self.stdout.write(
            f"Serving {url} with gunicorn ({options['workers']} workers); Ctrl+C stops it."
        )
        self.stdout.flush()
        run_gunicorn(
            {
                "bind": f"{options['host']}:{options['port']}",
                "workers": options["workers"],
                "accesslog": "-",
                "errorlog": "-",
                "timeout": 120,
            }
        )

    def deploy_findings(self) -> str:
        """The output of ``check --deploy``, whatever it finds (it never stops the server)."""
        out = io.StringIO()
        try:
            call_command("check", deploy=True, stdout=out, stderr=out)
        except SystemCheckError as exc:
            out.write(str(exc))
        text = out.getvalue().strip() or "no issues"
        return f"Deployment check (hrdwatch check --deploy):\n{text}\n"
