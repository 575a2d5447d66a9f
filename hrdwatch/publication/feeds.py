"""Atom feeds: new and updated cases site-wide, and the updates on one defender's cases."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from hrdwatch.core.dates import format_partial_human
from hrdwatch.records.models import Defender, Event
from hrdwatch.records.visibility import Gate, Viewer

from .labels import language
from .models import SearchEntry
from .rows import CaseRow, case_rows
from .views.defender import public_defender

FEED_SIZE = 50


class LatestCasesFeed(Feed):
    """New and updated public cases, latest first."""

    feed_type = Atom1Feed

    def title(self) -> str:
        return _("hrdwatch: new and updated cases")

    def subtitle(self) -> str:
        return _("Human rights defenders deprived of liberty, as documented by the network.")

    def link(self) -> str:
        return reverse("publication:cases")

    def items(self) -> list[CaseRow]:
        ids = SearchEntry.objects.order_by("-updated_at", "-id").values_list("case_id", flat=True)[
            :FEED_SIZE
        ]
        return case_rows(list(ids), Gate(Viewer.public()))

    def item_title(self, item: CaseRow) -> str:
        return f"{item.name} ({item.country_name}): {item.status_label}"

    def item_description(self, item: CaseRow) -> str:
        fictional = _("Fictional demo record.") + " " if item.is_fictional else ""
        return fictional + (item.summary or item.status_label)

    def item_link(self, item: CaseRow) -> str:
        return item.url

    def item_guid(self, item: CaseRow) -> str:
        return item.case_uid

    def item_updateddate(self, item: CaseRow) -> dt.datetime:
        return item.updated_at


class DefenderFeed(Feed):
    """Updates on one defender's public cases: each timeline event, latest change first."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Defender:
        return public_defender(kwargs["uid"])[1]

    def title(self, obj: Defender) -> str:
        return _("Updates on the case of %(name)s") % {"name": obj.display_name}

    def link(self, obj: Defender) -> str:
        return reverse("publication:defender", args=[obj.uid])

    def items(self, obj: Defender) -> list[Event]:
        return list(
            Gate(Viewer.public())
            .events()
            .filter(case__defender=obj)
            .select_related("event_type")
            .order_by("-updated_at", "-id")[:FEED_SIZE]
        )

    def item_title(self, item: Event) -> str:
        return f"{format_partial_human(item.date, item.date_precision)}: {item.event_type.label(language())}"

    def item_description(self, item: Event) -> str:
        return item.translations.get(language(), {}).get("description") or item.description

    def item_link(self, item: Event) -> str:
        return reverse("publication:defender", args=[item.case.defender.uid]) + f"#{item.uid}"

    def item_guid(self, item: Event) -> str:
        return item.uid

    def item_updateddate(self, item: Event) -> dt.datetime:
        return item.updated_at
