from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def create_cache_table(app_config: AppConfig, using: str = "default", **kwargs: Any) -> None:
    """``migrate`` also creates the database cache table (a no-op with Redis): the shared page
    cache must exist before the first request, whichever way the instance was set up.

    post_migrate is sent per app with models (this one has none): act once, for django.contrib.auth.
    """
    from django.core.management import call_command

    if app_config.label != "auth":
        return
    call_command("createcachetable", database=using, verbosity=0)


class CoreConfig(AppConfig):
    name = "hrdwatch.core"
    label = "core"
    verbose_name = "Core helpers"

    def ready(self) -> None:
        post_migrate.connect(create_cache_table, dispatch_uid="core.create_cache_table")
