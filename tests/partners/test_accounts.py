"""Account security: two-factor enforcement, lockout after repeated failures, headers."""

from __future__ import annotations

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from hrdwatch.audit.models import AuditEntry
from tests.partners.fixtures import PASSWORD, login, make_user


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def _password_login(client, username, password=PASSWORD):
    return client.post("/accounts/login/", {"username": username, "password": password})


@pytest.fixture(autouse=True)
def _no_otp_throttle(settings):
    """django-otp delays the attempt after a failure; these tests try right after one."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def test_reviewer_must_enrol_and_verify_a_second_factor_before_reviewing(client, world):
    response = _password_login(client, "a_reviewer")
    assert response.status_code == 302 and "/accounts/2fa/setup/" in response["Location"]
    assert client.get("/review/").status_code == 302, "the queue waits for the second factor"
    assert client.get("/accounts/2fa/setup/").status_code == 200
    device = TOTPDevice.objects.get(user=world.users["a_reviewer"], confirmed=False)
    assert client.post("/accounts/2fa/setup/", {"token": "000000"}).status_code == 200
    response = client.post("/accounts/2fa/setup/", {"token": _code(device), "next": "/review/"})
    assert response.status_code == 302 and response["Location"] == "/review/"
    assert client.get("/review/").status_code == 200
    assert AuditEntry.objects.filter(action="account.2fa_enrolled").exists()


def test_enrolled_editor_must_verify_each_session(client, world):
    device = TOTPDevice.objects.create(user=world.users["a_editor"], name="phone", confirmed=True)
    response = _password_login(client, "a_editor")
    assert "/accounts/2fa/verify/" in response["Location"]
    assert client.get("/review/")["Location"].startswith("/accounts/2fa/verify/")
    assert client.post("/accounts/2fa/verify/", {"token": "123456"}).status_code == 200
    assert client.post("/accounts/2fa/verify/", {"token": _code(device)}).status_code == 302
    assert client.get("/review/").status_code == 200


def test_unverified_session_is_treated_as_the_public(rf, world):
    from hrdwatch.partners.permissions import can, viewer_for

    user = world.users["a_administrator"]
    user.is_verified = lambda: False
    assert viewer_for(user).is_public
    assert not can(user, "audit.view")


def test_documenters_and_viewers_need_no_second_factor(client, world):
    response = _password_login(client, "a_documenter")
    assert response.status_code == 302 and "2fa" not in response["Location"]


def test_repeated_failed_logins_lock_the_account(client, world, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _password_login(client, "a_viewer", "wrong password").status_code == 200
    assert _password_login(client, "a_viewer", "wrong password").status_code == 429
    locked = _password_login(client, "a_viewer")
    assert locked.status_code == 429, "even the right password is refused while locked"
    assert "_auth_user_id" not in client.session


def test_login_page_carries_strict_security_headers(client, db):
    response = client.get("/accounts/login/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()


def test_passwords_are_hashed_with_argon2_in_production_settings():
    from hrdwatch.project.settings import base

    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_logout_needs_post_and_ends_the_session(client, world):
    login(client, world.users["a_viewer"])
    assert client.get("/accounts/logout/").status_code == 405
    client.post("/accounts/logout/")
    assert "_auth_user_id" not in client.session


def test_login_never_redirects_to_another_site(client, world):
    response = client.post(
        "/accounts/login/?next=https://evil.example/",
        {"username": "a_viewer", "password": PASSWORD},
    )
    assert response["Location"] == "/workspace/"  # the default landing, never the other site
    make_user("spare")
