"""hrdwatch alerts: e-mail confirmed subscribers about new release, sentence, transfer and health events."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from hrdwatch.advocacy.alerts import send_alerts


class Command(BaseCommand):
    help = "Send pending e-mail alerts (release, sentence, transfer, health events) to confirmed subscribers."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Sent {send_alerts()} alert e-mail(s)")
