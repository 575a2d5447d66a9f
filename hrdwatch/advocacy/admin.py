"""Campaigns and alert subscriptions in the partners' editing interface."""

from __future__ import annotations

from django.contrib import admin

from .models import AlertSubscription, Campaign


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ("title", "slug", "is_published", "organisation", "updated_at")
    list_filter = ("is_published",)
    search_fields = ("title", "slug")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("cases",)


@admin.register(AlertSubscription)
class AlertSubscriptionAdmin(admin.ModelAdmin):
    list_display = ("email", "language", "country", "defender_uid", "confirmed_at", "unsubscribed_at")
    list_filter = ("language", "confirmed_at", "unsubscribed_at")
    search_fields = ("email",)
    readonly_fields = ("token", "created_at", "confirmed_at", "unsubscribed_at")
