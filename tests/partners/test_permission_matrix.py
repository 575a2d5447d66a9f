"""Every route × every role × public, partner-only and restricted records.

Routes come from the URL configuration and the API schema, so a view added later is covered
without editing this file. For each response the test checks that:

- nothing fails with a server error;
- a view that declares its permission (``permission_required``) answers exactly as
  ``permissions.can`` says: login redirect for anonymous users, 403 for others;
- a route outside the public namespaces that declares nothing does not serve anonymous users;
- no canary planted in a record the role may not see appears anywhere in the response (pages,
  search results, API, feeds, exports, sitemap, error pages).
"""

from __future__ import annotations

import pytest

from hrdwatch.partners.permissions import can
from hrdwatch.records.levels import ReviewState, Visibility
from hrdwatch.records.models import Case, Defender, Event, Source
from tests.partners.fixtures import login, plant_canaries
from tests.partners.routes import all_routes, api_schema_paths, response_text, urls_for

# Namespaces whose pages anyone may open (what they show is filtered by the visibility gate).
PUBLIC_NAMESPACES = {
    "",
    "publication",
    "publication:statistics",
    "api",
    "partners",
    "advocacy",
    "report",
}
ENTITLED_REVIEWERS = {"a_reviewer", "a_editor", "a_administrator", "net_administrator"}
DENIED = {301, 302, 401, 403, 404, 405}
ROLES = [
    "anonymous",
    "outsider",
    "a_viewer",
    "a_documenter",
    "a_reviewer",
    "a_editor",
    "a_administrator",
    "b_viewer",
    "b_documenter",
    "b_reviewer",
    "b_editor",
    "b_administrator",
    "b_staff",
    "net_administrator",
]


def _forbidden(role: str, planted) -> list[str]:
    if role in {"anonymous", "outsider"}:
        return planted.not_public
    if role.startswith("b_"):
        return planted.restricted
    return []


def _few_objects(planted) -> list:
    """One published public case, one partner-only and one restricted case, their defenders."""
    public = planted.public_case
    cases = [
        public,
        *[
            Case.all_objects.filter(visibility=level).first()
            for level in (Visibility.PARTNERS, Visibility.RESTRICTED)
        ],
    ]
    return [*cases, *[c.defender for c in cases], *planted.archive]


def _objects(planted) -> list:
    """Public and hidden records whose ids fill the routes' placeholders (org A's uploaded
    document and its candidate first, so every id route tries them)."""
    hidden_cases = list(
        Case.all_objects.exclude(visibility=Visibility.PUBLIC, review_state=ReviewState.PUBLISHED)
    )
    return [
        *planted.archive,
        *Case.all_objects.filter(visibility=Visibility.PUBLIC, review_state=ReviewState.PUBLISHED),
        *hidden_cases,
        *Defender.all_objects.filter(cases__in=hidden_cases).distinct(),
        *Defender.all_objects.filter(is_published=True),
        *Event.all_objects.exclude(visibility=Visibility.PUBLIC),
        *Source.all_objects.exclude(visibility=Visibility.PUBLIC),
    ]


def _login_redirect(response) -> bool:
    return response.status_code == 302 and "/login" in response.get("Location", "")


@pytest.mark.slow
@pytest.mark.parametrize("role", ROLES)
def test_every_route_answers_each_role_as_the_permission_object_says(client, world, role):
    planted = plant_canaries(world)
    _sweep(client, world, role, planted, _few_objects(planted), queries=False)


@pytest.mark.slow
@pytest.mark.parametrize("role", ["anonymous", "b_viewer", "b_reviewer", "b_staff"])
def test_no_canary_reaches_a_viewer_not_entitled_to_it(client, world, role):
    """The leak sweep: every hidden record's id in every route, and search queries."""
    planted = plant_canaries(world)
    _sweep(client, world, role, planted, _objects(planted), queries=True)


def _sweep(client, world, role, planted, objects, queries) -> None:
    user = None if role == "anonymous" else world.users[role]
    login(client, user)
    forbidden = _forbidden(role, planted)
    routes = all_routes()
    schema_paths = set(api_schema_paths(client))
    covered = {r.template.rstrip("/") for r in routes}
    assert not {p.rstrip("/") for p in schema_paths} - covered, "API paths missing from the URLs"
    problems: list[str] = []
    seen: set[str] = set()
    for route in routes:
        for url in urls_for(route, objects, queries):
            response = client.get(url)
            status = response.status_code
            if status >= 500:
                problems.append(f"{url}: server error {status}")
                continue
            text = response_text(response)
            seen.update(c for c in planted.restricted if c in text)
            leaked = [c for c in forbidden if c in text]
            if leaked:
                problems.append(f"{url}: {role} sees {leaked[:3]}")
            if status == 405:  # GET on a POST-only view: nothing served
                continue
            if route.namespace.startswith("admin"):
                if (user is None or not user.is_staff) and status == 200 and route.name != "login":
                    problems.append(f"{url}: admin page served to {role}")
            elif route.required_action:
                allowed = can(user, route.required_action)
                if not allowed and user is None and not _login_redirect(response):
                    problems.append(f"{url}: anonymous got {status}, not the login page")
                elif not allowed and user is not None and status != 403:
                    problems.append(f"{url}: {role} got {status}, expected 403")
                elif allowed and (status not in {200, 302, 404, 405} or _login_redirect(response)):
                    problems.append(f"{url}: {role} may but got {status}")
            elif route.namespace not in PUBLIC_NAMESPACES and user is None and status not in DENIED:
                problems.append(f"{url}: declares no permission yet serves anonymous ({status})")
    assert not problems, "\n".join(problems[:40])
    if role in ENTITLED_REVIEWERS:
        assert seen, "the sweep must be able to find canaries where they are allowed"


def test_every_route_is_either_public_or_declares_its_permission():
    """A new private view must use ``permission_required`` (or deny anonymous users)."""
    private = [
        r
        for r in all_routes()
        if r.namespace not in PUBLIC_NAMESPACES and not r.namespace.startswith("admin")
    ]
    mine = [r for r in private if r.namespace in {"review", "audit"}]
    assert mine and all(r.required_action for r in mine), [r.template for r in mine]


def _owned_by(org) -> list:
    """Every row of ``org``'s records and archive, as stored (to compare before and after)."""
    from hrdwatch.extraction.models import Candidate
    from hrdwatch.ingestion.models import Document
    from hrdwatch.ingestion.models import Source as FollowedSource
    from hrdwatch.records import models as m

    tables = [
        m.Case.all_objects.filter(owner=org),
        m.Defender.all_objects.filter(owner=org),
        m.Event.all_objects.filter(case__owner=org),
        m.Charge.all_objects.filter(event__case__owner=org),
        m.DefenderName.all_objects.filter(defender__owner=org),
        m.SensitiveDetail.all_objects.filter(defender__owner=org),
        m.SensitiveDetail.all_objects.filter(case__owner=org),
        m.Evidence.all_objects.filter(case__owner=org),
        m.Intervention.all_objects.filter(case__owner=org),
        m.CaseShare.objects.filter(case__owner=org),
        FollowedSource.objects.filter(organisation=org),
        Document.objects.filter(source__organisation=org),
        Candidate.objects.filter(document__source__organisation=org),
    ]
    return [list(t.order_by("pk").values_list()) for t in tables]


@pytest.mark.slow
@pytest.mark.parametrize("role", ["b_documenter", "b_editor", "b_staff"])
def test_no_cross_organisation_write_through_any_route(client, world, role):
    """Every route POSTed by a member of B with A's ids (records, drafts, documents, candidates):
    nothing of A's changes, nothing is audited against A, no response shows A's restricted data."""
    from hrdwatch.audit.models import AuditEntry

    planted = plant_canaries(world)
    user = world.users[role]
    login(client, user)
    before = _owned_by(world.a)
    problems: list[str] = []
    form = {
        "summary": "CANARYWRITE",
        "text": "CANARYWRITE",
        "reason": "CANARYWRITE",
        "comment": "CANARYWRITE",
        "name": "CANARYWRITE",
        "organisation": world.b.slug,
        "level": "edit",
        "country": "FR",
    }
    for route in all_routes():
        if "logout" in route.name or "logout" in route.template:
            continue  # would end the session the sweep runs in
        for url in urls_for(route, _few_objects(planted), queries=False):
            response = client.post(url, form)
            text = response_text(response)
            if response.status_code >= 500:
                problems.append(f"POST {url}: server error {response.status_code}")
            leaked = [c for c in planted.restricted if c in text]
            if leaked:
                problems.append(f"POST {url}: {role} sees {leaked[:3]}")
    assert not problems, "\n".join(problems[:40])
    assert _owned_by(world.a) == before, "a member of B changed A's records"
    assert not AuditEntry.objects.filter(actor=user, organisation_id=world.a.pk).exists()
