"""A fresh installation's database is created on first use, so a newcomer can start with
``hrdwatch sources add`` without knowing about ``hrdwatch migrate``. An existing database is never
migrated behind the user's back (upgrades stay an explicit ``hrdwatch migrate``)."""

from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import OutputWrapper
from django.db import DEFAULT_DB_ALIAS, connections


def ensure_database(stderr: OutputWrapper) -> None:
    """Create the tables when the database is empty (no migration was ever applied)."""
    if "django_migrations" not in connections[DEFAULT_DB_ALIAS].introspection.table_names():
        stderr.write("Setting up a new database (first run only; it takes a minute)...")
        call_command("migrate", verbosity=0, interactive=False)
