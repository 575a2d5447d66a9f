"""Backup then restore gives the same record; damaged or wrongly decrypted backups change nothing."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError

from hrdwatch import actions
from hrdwatch.operations.backup import dump_database
from hrdwatch.records.models import Case, Defender
from hrdwatch.vocab.models import Vocabulary
from tests.partners.fixtures import build_world, make_defender, make_source, term

pytestmark = pytest.mark.django_db(transaction=True)


def _content() -> list:
    """The whole database as comparable data, in a stable order."""
    rows = json.loads(dump_database())
    return sorted(rows, key=lambda r: (r["model"], json.dumps(r["pk"])))


@pytest.fixture
def populated(settings):
    world = build_world()
    source = make_source(world.a)
    defender = make_defender(world.a, name="Zhang Wei 张伟")
    actions.do_create_case(
        world.users["a_documenter"],
        defender=defender,
        organisation=world.a,
        source=source,
        country="CN",
        status=term(Vocabulary.CASE_STATUS),
        summary="Détenue — résumé",
    )
    # A time under a millisecond past the second: Django's "json" format would drop it.
    User.objects.filter(pk=world.users["a_documenter"].pk).update(
        date_joined=dt.datetime(2026, 1, 2, 12, 0, 0, 412, tzinfo=dt.UTC)
    )
    archive = settings.ARCHIVE_DIR / "ab" / "abcdef.html"
    archive.parent.mkdir(parents=True)
    archive.write_bytes("<p>archived document é</p>".encode())
    return world


def _empty_instance():
    call_command("flush", interactive=False, verbosity=0)  # re-runs post_migrate (vocabularies)


@pytest.mark.parametrize("encrypted", [False, True])
def test_backup_then_restore_into_an_empty_instance_gives_the_same_record(
    populated, settings, tmp_path, monkeypatch, encrypted
):
    if encrypted:
        monkeypatch.setenv("HRDWATCH_BACKUP_PASSPHRASE", "a long passphrase")
    before = _content()
    archived = (settings.ARCHIVE_DIR / "ab" / "abcdef.html").read_bytes()
    target = tmp_path / "backup.hrd"
    call_command("backup", str(target))
    _empty_instance()
    (settings.ARCHIVE_DIR / "ab" / "abcdef.html").unlink()
    assert not Defender.objects.exists()
    call_command("restore", str(target))
    assert _content() == before
    assert (settings.ARCHIVE_DIR / "ab" / "abcdef.html").read_bytes() == archived
    assert Case.objects.get().defender.display_name == "Zhang Wei 张伟"
    assert User.objects.get(username="a_documenter").date_joined.microsecond == 412


def test_encrypted_backup_hides_its_content_and_refuses_a_wrong_passphrase(
    populated, tmp_path, monkeypatch
):
    target = tmp_path / "backup.hrd"
    monkeypatch.setenv("HRDWATCH_BACKUP_PASSPHRASE", "right passphrase")
    call_command("backup", str(target))
    assert b"Zhang" not in target.read_bytes()
    _empty_instance()
    monkeypatch.setenv("HRDWATCH_BACKUP_PASSPHRASE", "wrong passphrase")
    with pytest.raises(CommandError, match="Wrong passphrase"):
        call_command("restore", str(target))
    monkeypatch.delenv("HRDWATCH_BACKUP_PASSPHRASE")
    with pytest.raises(CommandError, match="encrypted"):
        call_command("restore", str(target))
    assert not Defender.objects.exists()


@pytest.mark.parametrize("damage", ["flip", "truncate"])
def test_corrupted_backup_is_refused_and_touches_nothing(populated, tmp_path, damage):
    target = tmp_path / "backup.hrd"
    call_command("backup", str(target))
    data = bytearray(target.read_bytes())
    if damage == "flip":
        data[len(data) // 2] ^= 0xFF
    else:
        del data[len(data) // 2 :]
    target.write_bytes(bytes(data))
    _empty_instance()
    terms = list(term(Vocabulary.CASE_STATUS).__class__.objects.values_list("pk", "code"))
    with pytest.raises(CommandError, match="damaged|Checksum"):
        call_command("restore", str(target))
    assert not Defender.objects.exists()
    assert list(term(Vocabulary.CASE_STATUS).__class__.objects.values_list("pk", "code")) == terms


def test_restore_refuses_an_instance_that_already_holds_data(populated, tmp_path):
    target = tmp_path / "backup.hrd"
    call_command("backup", str(target))
    with pytest.raises(CommandError, match="already holds data"):
        call_command("restore", str(target))
