"""The one console script, ``hrdwatch``: every command is a Django management command underneath.

``hrdwatch --help`` lists hrdwatch's own commands with one line each; Django's built-in commands
(migrate, check, createsuperuser, ...) work too.
"""

from __future__ import annotations

import os
import sys

DEFAULT_SETTINGS = "hrdwatch.project.settings.demo"
CREATING_COMMANDS = {"init", "demo", "migrate"}


def _own_commands() -> list[tuple[str, str]]:
    """(name, first line of help) for every management command shipped in an hrdwatch app."""
    from django.core.management import load_command_class

    from hrdwatch.clidoc import own_command_names

    own = []
    for name, app in own_command_names():
        command = load_command_class(app, name)
        first_line = (command.help or "").strip().splitlines()[0] if command.help else ""
        own.append((name, first_line))
    return own


def print_overview() -> None:
    """The ``hrdwatch --help`` page: what each command is for, in one line."""
    commands = _own_commands()
    width = max((len(name) for name, _ in commands), default=10)
    print("usage: hrdwatch COMMAND [options]     (hrdwatch COMMAND --help for details)\n")
    print("hrdwatch commands:")
    for name, line in commands:
        print(f"  {name.ljust(width)}  {line}")
    print(
        "\nDjango commands also work, e.g. migrate, check --deploy, createsuperuser, shell.\n"
        "Data lives where DATABASE_URL says, else in a SQLite file inside HRDWATCH_DATA_DIR "
        "(default ./hrdwatch-data)."
    )


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``hrdwatch`` console script."""
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEFAULT_SETTINGS)
    import django
    from django.conf import settings

    django.setup()
    # Only the commands that create an instance create its data folder; reading commands never do.
    if len(argv) > 1 and argv[1] in CREATING_COMMANDS:
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    if len(argv) < 2 or argv[1] in {"-h", "--help", "help"} and len(argv) == 2:
        print_overview()
        return
    from django.core.management import execute_from_command_line

    argv[0] = "hrdwatch"
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
