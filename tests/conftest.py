"""Shared fixtures. The suite runs on SQLite by default and on PostgreSQL with DATABASE_URL set."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in English: a request's LocaleMiddleware leaves its language on the thread."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def _isolated_data_dir(settings, tmp_path):
    """Every test writes archived files and media into its own temporary data directory."""
    settings.DATA_DIR = tmp_path / "data"
    settings.ARCHIVE_DIR = settings.DATA_DIR / "archive"
    settings.MEDIA_ROOT = str(settings.DATA_DIR / "media")
    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    yield


@pytest.fixture
def verified_admin_client(client, django_user_model):
    """A superuser logged in with a confirmed TOTP device, as two-factor login leaves them."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = django_user_model.objects.create_superuser(
        "root-admin", "root@example.org", "unused-password-123"
    )
    device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def world(db):
    """A small network: organisations A, B and a network-wide one, one account per role
    (``tests/partners/fixtures.py``)."""
    from tests.partners.fixtures import build_world

    return build_world()


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef, request):
    """Fixtures build their records with the write guard lifted (the explicit exception the guard
    allows for tests); test bodies change records through ``hrdwatch.actions`` like the code."""
    from hrdwatch.records.guard import writes_allowed

    with writes_allowed(f"test fixture {fixturedef.argname}"):
        return (yield)
