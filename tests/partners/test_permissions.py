"""The permission object: object-level rules, sharing, tokens, and the viewer it builds."""

from __future__ import annotations

import pytest

from hrdwatch import actions
from hrdwatch.partners.models import Role
from hrdwatch.partners.permissions import Action, can, viewer_for
from hrdwatch.partners.tokens import authenticate_token, issue_token, revoke_token
from hrdwatch.records.levels import ReviewState, Visibility
from hrdwatch.records.models import SensitiveDetail
from hrdwatch.records.visibility import Gate
from hrdwatch.vocab.models import Vocabulary
from tests.partners.fixtures import make_case, term


@pytest.fixture
def restricted_case(world):
    case = make_case(world.a, visibility=Visibility.PARTNERS)
    SensitiveDetail.objects.create(
        case=case, kind=term(Vocabulary.SENSITIVE_KIND), text="lawyer's phone"
    )
    return case


def test_restricted_data_is_for_the_owner_and_organisations_it_shares_with(world, restricted_case):
    case = restricted_case
    assert can(world.users["a_viewer"], Action.VIEW_RESTRICTED, case)
    assert not can(world.users["b_editor"], Action.VIEW_RESTRICTED, case)
    assert not Gate(viewer_for(world.users["b_viewer"])).sensitive_details().exists()
    actions.do_share_case(world.users["a_editor"], case, world.b)
    assert can(world.users["b_viewer"], Action.VIEW_RESTRICTED, case)
    assert Gate(viewer_for(world.users["b_viewer"])).sensitive_details().exists()
    actions.do_unshare_case(world.users["a_editor"], case, world.b)
    assert not can(world.users["b_viewer"], Action.VIEW_RESTRICTED, case)


def test_only_the_owners_editors_share(world, restricted_case):
    from django.core.exceptions import PermissionDenied

    for name in ("a_documenter", "a_reviewer", "b_editor"):
        with pytest.raises(PermissionDenied):
            actions.do_share_case(world.users[name], restricted_case, world.b)


@pytest.mark.parametrize(
    "role,create,edit_draft,edit_verified,publish,restore",
    [
        (Role.VIEWER, False, False, False, False, False),
        (Role.DOCUMENTER, True, True, False, False, False),
        (Role.REVIEWER, True, True, False, False, False),
        (Role.EDITOR, True, True, True, True, False),
        (Role.ADMINISTRATOR, True, True, True, True, True),
    ],
)
def test_roles_build_on_each_other(
    world, role, create, edit_draft, edit_verified, publish, restore
):
    user = world.users[f"a_{role}"]
    draft = make_case(world.a)
    verified = make_case(world.a, state=ReviewState.VERIFIED)
    assert can(user, Action.CREATE_CASE, world.a) is create
    assert can(user, Action.EDIT_CASE, draft) is edit_draft
    assert can(user, Action.EDIT_CASE, verified) is edit_verified
    assert can(user, Action.PUBLISH_CASE, verified) is publish
    assert can(user, Action.RESTORE_RECORD, draft) is restore
    other = make_case(world.b)
    assert not can(user, Action.EDIT_CASE, other)
    assert not can(user, Action.CREATE_CASE, world.b)


def test_network_wide_administrator_sees_every_organisations_restricted_data(world):
    viewer = viewer_for(world.users["net_administrator"])
    assert viewer.all_organisations
    assert viewer_for(world.users["a_administrator"]).organisations == frozenset({world.a.pk})
    assert viewer_for(None).is_public and viewer_for(world.users["outsider"]).is_public


def test_exports_are_limited_to_what_the_role_may_see(world):
    assert can(None, Action.EXPORT, Visibility.PUBLIC)
    assert not can(None, Action.EXPORT, Visibility.PARTNERS)
    assert can(world.users["b_viewer"], Action.EXPORT, Visibility.PARTNERS)
    assert not can(world.users["a_administrator"], Action.EXPORT, Visibility.RESTRICTED)
    assert can(world.users["net_administrator"], Action.EXPORT, Visibility.RESTRICTED)


def test_tokens_are_hashed_capped_and_revocable(world):
    token, raw = issue_token(world.users["a_editor"], "script", max_role=Role.DOCUMENTER)
    assert raw not in token.digest and token.digest != raw
    user = authenticate_token(raw)
    assert user == world.users["a_editor"]
    draft = make_case(world.a)
    verified = make_case(world.a, state=ReviewState.VERIFIED)
    assert can(user, Action.EDIT_CASE, draft)
    assert not can(user, Action.PUBLISH_CASE, verified), "capped at documenter"
    assert authenticate_token(raw + "x") is None and authenticate_token("") is None
    revoke_token(token)
    assert authenticate_token(raw) is None


def test_unknown_actions_are_an_error_not_a_yes(world):
    with pytest.raises(ValueError):
        can(world.users["a_administrator"], "case.teleport", None)
