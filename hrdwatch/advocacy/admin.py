"""Campaigns and alert subscriptions in the partners' editing interface."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from hrdwatch.actions import do_link_campaign, do_unlink_campaign
from hrdwatch.audit.log import Actor

from .models import AlertSubscription, Campaign


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ("title", "slug", "is_published", "organisation", "updated_at")
    list_filter = ("is_published",)
    search_fields = ("title", "slug")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("cases",)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        """Campaign links are record changes: each goes through the actions (and the audit)."""
        campaign, actor = form.instance, Actor.from_request(request, via="admin")
        wanted = set(form.cleaned_data.get("cases") or [])
        current = set(campaign.cases.all())
        for case in wanted - current:
            do_link_campaign(actor, campaign, case)
        for case in current - wanted:
            do_unlink_campaign(actor, campaign, case)
        form.save_m2m = lambda: None
        super().save_related(request, form, formsets, change)


@admin.register(AlertSubscription)
class AlertSubscriptionAdmin(admin.ModelAdmin):
    list_display = (
        "email",
        "language",
        "country",
        "defender_uid",
        "confirmed_at",
        "unsubscribed_at",
    )
    list_filter = ("language", "confirmed_at", "unsubscribed_at")
    search_fields = ("email",)
    readonly_fields = ("token", "created_at", "confirmed_at", "unsubscribed_at")
