from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdvocacyConfig(AppConfig):
    name = "hrdwatch.advocacy"
    label = "advocacy"
    verbose_name = _("Advocacy")

    def ready(self) -> None:
        from hrdwatch.publication.views.defender import HOOKS
        from hrdwatch.records.guard import guard_m2m

        from .action import action_block
        from .letters import letter_for
        from .models import Campaign

        guard_m2m(Campaign.cases.through)  # campaign links change through the actions only
        HOOKS.letter, HOOKS.action = letter_for, action_block  # the defender page's call to action
