from django.apps import AppConfig
from django.db.models.signals import post_migrate


class VocabConfig(AppConfig):
    name = "hrdwatch.vocab"
    label = "vocab"
    verbose_name = "Vocabularies"

    def ready(self) -> None:
        from .defaults import install_default_terms

        post_migrate.connect(install_default_terms, sender=self)
