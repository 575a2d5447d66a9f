"""``hrdwatch demo --no-serve``: loads the data and an administrator once, then reuses them."""

from __future__ import annotations

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from hrdwatch.records.models import Case, Defender

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("demo", "--no-serve", *args, stdout=out)
    return out.getvalue()


def test_first_run_loads_demo_data_and_prints_the_administrator_password():
    output = _run("--size", "30", "--seed", "11")
    assert Defender.objects.filter(is_fictional=True).count() == 30
    password = re.search(r"as 'admin' with password (\S+)", output)
    assert password, output
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(password.group(1))
    assert len(password.group(1)) >= 20
    assert "http://127.0.0.1:8000/admin/" in output


def test_second_run_reuses_the_database_and_the_administrator():
    _run("--size", "30", "--seed", "11")
    defenders, cases = Defender.objects.count(), Case.objects.count()
    admin_password = get_user_model().objects.get(username="admin").password
    output = _run("--size", "30", "--seed", "11")
    assert "already loaded" in output
    assert "hrdwatch changepassword admin" in output
    assert "with password" not in output
    assert (Defender.objects.count(), Case.objects.count()) == (defenders, cases)
    assert get_user_model().objects.get(username="admin").password == admin_password
