"""One audit entry per action from each caller — the web pages, the API, the import, merge and
undo, candidate acceptance — and none missing for a restricted view or a partners or restricted
export. Each case drives its caller once and names the entry it must leave."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.management import call_command

from hrdwatch import actions
from hrdwatch.audit.log import Actor
from hrdwatch.audit.models import AuditEntry
from hrdwatch.partners.tokens import issue_token
from hrdwatch.records import models as m
from hrdwatch.records.levels import ReviewState, Visibility
from tests.actions.test_callers import _candidate
from tests.partners.fixtures import login, make_case, make_defender

pytestmark = pytest.mark.django_db


@dataclass
class Expected:
    action: str
    actor: str | None  # username, None for the system
    organisation: str | None  # slug
    uid: str  # the object's uid ("" when the entry names no record)
    via: str


CSV = (
    "defender_id,display_name,case_id,country,status,arrest_date\n"
    "D9,Imported Person,C9,FR,detained_awaiting_trial,2021-02-03\n"
)


def _web_review(client: Any, world: Any, tmp_path: Any) -> Expected:
    case = make_case(world.a, visibility=Visibility.PARTNERS, state=ReviewState.IN_REVIEW)
    login(client, world.users["b_reviewer"])
    client.post(f"/review/case/{case.uid}/", {"form": "decision", "decision": "approve"})
    return Expected("case.review", "b_reviewer", "org-a", case.uid, "web")


def _web_restricted_view(client: Any, world: Any, tmp_path: Any) -> Expected:
    case = make_case(world.a, visibility=Visibility.RESTRICTED, state=ReviewState.DRAFT)
    login(client, world.users["a_viewer"])
    assert client.get(f"/workspace/cases/{case.uid}/").status_code == 200
    return Expected("restricted.view", "a_viewer", "org-a", case.uid, "web")


def _api_restricted_view(client: Any, world: Any, tmp_path: Any) -> Expected:
    case = make_case(world.a, visibility=Visibility.RESTRICTED, state=ReviewState.DRAFT)
    _, raw = issue_token(world.users["a_viewer"], "script")
    client.get(f"/api/v1/cases/{case.uid}", HTTP_AUTHORIZATION=f"Bearer {raw}")
    return Expected("restricted.view", "a_viewer", "org-a", case.uid, "api")


def _import(client: Any, world: Any, tmp_path: Any) -> Expected:
    path = tmp_path / "cases.csv"
    path.write_text(CSV, encoding="utf-8")
    call_command("import", str(path), "--organisation", "org-a", stdout=io.StringIO())
    case = m.Case.objects.get(external_id="C9")
    return Expected("case.create", None, "org-a", case.uid, "import")


def _merge(client: Any, world: Any, tmp_path: Any) -> Expected:
    keep, duplicate = make_defender(world.a), make_defender(world.a)
    actions.do_merge(Actor(world.users["a_editor"], via="web"), keep, duplicate, note="same")
    return Expected("defender.merge", "a_editor", "org-a", keep.uid, "web")


def _undo_merge(client: Any, world: Any, tmp_path: Any) -> Expected:
    keep, duplicate = make_defender(world.a), make_defender(world.a)
    merge = actions.do_merge(world.users["a_editor"], keep, duplicate, note="same")
    actions.do_undo_merge(Actor(world.users["a_editor"], via="web"), merge)
    return Expected("defender.unmerge", "a_editor", "org-a", keep.uid, "web")


def _candidate_acceptance(client: Any, world: Any, tmp_path: Any) -> Expected:
    candidate = _candidate()
    login(client, world.users["a_documenter"])
    client.post(f"/workspace/candidates/{candidate.pk}/accept/", {})
    case = m.Case.objects.get()
    return Expected("candidate.accept", "a_documenter", "org-a", case.uid, "web")


def _export(level: str) -> Callable[[Any, Any, Any], Expected]:
    def run(client: Any, world: Any, tmp_path: Any) -> Expected:
        make_case(world.a, visibility=Visibility.RESTRICTED, state=ReviewState.DRAFT)
        out = tmp_path / f"{level}.json"
        call_command(
            "export",
            "--format",
            "json",
            "--visibility",
            level,
            "--output",
            str(out),
            stdout=io.StringIO(),
        )
        return Expected("export", None, None, "", "cli")

    return run


CALLERS = {
    "web review": _web_review,
    "web restricted view": _web_restricted_view,
    "api restricted view": _api_restricted_view,
    "import": _import,
    "merge": _merge,
    "undo merge": _undo_merge,
    "candidate acceptance": _candidate_acceptance,
    "partners export": _export(Visibility.PARTNERS),
    "restricted export": _export(Visibility.RESTRICTED),
}


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.HRDWATCH_API_RATE_PARTNER = "100000/min"


@pytest.mark.parametrize("caller", list(CALLERS))
def test_each_caller_leaves_one_entry_naming_actor_organisation_and_object(
    client, world, tmp_path, caller
):
    expected = CALLERS[caller](client, world, tmp_path)
    entries = AuditEntry.objects.filter(action=expected.action, object_uid=expected.uid)
    assert entries.count() == 1, list(AuditEntry.objects.values_list("action", "object_uid"))
    entry = entries.get()
    assert (
        entry.actor.username if entry.actor else None,
        entry.organisation.slug if entry.organisation else None,
        entry.via,
    ) == (expected.actor, expected.organisation, expected.via)
