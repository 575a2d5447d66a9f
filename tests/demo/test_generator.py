"""The demo generator: deterministic, labelled fictional, restricted data only in restricted rows."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import models, transaction

from hrdwatch.core.text import detect_script
from hrdwatch.demo.generator import (
    PARTNERS_MARKER,
    RESTRICTED_MARKER,
    DemoDataExists,
    generate,
)
from hrdwatch.demo.records import hidden_level
from hrdwatch.partners.models import Organisation
from hrdwatch.records.base import RecordBase
from hrdwatch.records.guard import writes_allowed
from hrdwatch.records.levels import Visibility
from hrdwatch.records.models import (
    Case,
    Charge,
    Defender,
    DefenderName,
    Event,
    EventPerpetrator,
    Evidence,
    Intervention,
    Perpetrator,
    PlaceOfDetention,
    SensitiveDetail,
    Source,
)
from hrdwatch.records.status import refresh_case
from hrdwatch.records.visibility import Gate, Viewer
from hrdwatch.vocab.models import Term

SIZE = 40
RECORD_MODELS: list[type[RecordBase]] = [
    Defender,
    DefenderName,
    SensitiveDetail,
    Case,
    Event,
    Charge,
    Perpetrator,
    EventPerpetrator,
    PlaceOfDetention,
    Source,
    Evidence,
    Intervention,
]
pytestmark = pytest.mark.django_db


def _snapshot() -> dict[str, list[tuple[Any, ...]]]:
    """Every generated row by uid, foreign keys as the uid/code/slug they point to (not raw ids)."""
    snapshot = {}
    for model in RECORD_MODELS:
        names = []
        for field in model._meta.concrete_fields:
            if field.name in {
                "id",
                "created_at",
                "updated_at",
                "last_verified_at",
            }:  # relative to now
                continue
            if isinstance(field, models.ForeignKey):
                target = field.related_model
                key = (
                    "code"
                    if target is Term
                    else "slug"
                    if target is Organisation
                    else "username"
                    if target is User
                    else "uid"
                )
                names.append(f"{field.name}__{key}")
            else:
                names.append(field.name)
        snapshot[model.__name__] = list(model.all_objects.order_by("uid").values_list(*names))
    snapshot["roles"] = sorted(
        Defender.roles.through.objects.values_list("defender__uid", "term__code")
    )
    snapshot["wgad"] = sorted(
        Case.wgad_categories.through.objects.values_list("case__uid", "term__code")
    )
    return snapshot


def _generate_and_snapshot(seed: int) -> dict[str, list[tuple[Any, ...]]]:
    with transaction.atomic():
        generate(size=SIZE, seed=seed)
        snapshot = _snapshot()
        transaction.set_rollback(True)
    return snapshot


def test_the_same_seed_generates_the_same_data_and_another_seed_does_not():
    first = _generate_and_snapshot(seed=7)
    assert len(first["Defender"]) == SIZE
    assert first == _generate_and_snapshot(seed=7)
    assert first["Defender"] != _generate_and_snapshot(seed=8)["Defender"]


def test_a_smaller_dataset_is_the_start_of_a_larger_one():
    with transaction.atomic():
        generate(size=5, seed=3)
        small = list(Defender.objects.order_by("uid").values_list("uid", "display_name"))
        transaction.set_rollback(True)
    generate(size=12, seed=3)
    assert set(small) <= set(Defender.objects.values_list("uid", "display_name"))


def test_counts_are_returned_per_model_and_match_the_database():
    counts = generate(size=SIZE, seed=1)
    assert counts["Defender"] == Defender.objects.count() == SIZE
    assert counts["Case"] == Case.objects.count() >= SIZE
    assert counts["Event"] == Event.objects.count()
    assert counts["Organisation"] == 16
    assert len({c for c in Case.objects.values_list("country", flat=True)}) >= 10


def test_generating_twice_into_the_same_database_is_refused():
    generate(size=3, seed=1)
    with pytest.raises(DemoDataExists):
        generate(size=3, seed=1)


def test_every_generated_defender_and_case_is_labelled_fictional():
    generate(size=SIZE, seed=2)
    assert not Defender.objects.filter(is_fictional=False).exists()
    assert not Case.objects.filter(is_fictional=False).exists()
    for biography, translations in Defender.objects.values_list("biography", "translations"):
        assert biography.startswith("Fictional demo record.")
        assert translations["fr"]["biography"].startswith("Dossier fictif")
    for summary in Case.objects.values_list("summary", flat=True):
        assert summary.startswith("Fictional demo record.")


def test_names_come_in_original_scripts_with_other_spellings():
    generate(size=200, seed=2024)
    originals = {
        detect_script(n)
        for n in Defender.objects.values_list("name_original_script", flat=True)
        if n
    }
    assert {"Hani", "Arab", "Cyrl", "Deva", "Mymr", "Thai"} <= originals
    assert {"Cyrl", "Latn"} <= set(DefenderName.objects.values_list("script", flat=True))
    pinyin = DefenderName.objects.filter(defender__nationality="CN", kind__code="transliteration")
    assert any(
        any(ch in name for ch in "āáǎàēéěèīíǐìōóǒòūúǔù")
        for name in pinyin.values_list("name", flat=True)
    )
    assert Defender.objects.filter(nationality="VN", display_name__regex="[Đđ]").exists()


def _text_fields(model: type[models.Model]) -> list[str]:
    return [
        f.name
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField) and f.name != "uid"
    ]


def test_restricted_and_partner_markers_appear_only_in_rows_of_that_level():
    generate(size=SIZE * 3, seed=5)
    found = {RESTRICTED_MARKER: 0, PARTNERS_MARKER: 0}
    for model in RECORD_MODELS:
        extra = ["review_state"] if model is Case else []
        for row in model.all_objects.values("visibility", *extra, *_text_fields(model)):
            shown_at = (
                hidden_level(row["visibility"], row["review_state"]) if extra else row["visibility"]
            )
            text = " ".join(
                str(v) for k, v in row.items() if k not in {"visibility", "review_state"}
            )
            for marker, level in (
                (RESTRICTED_MARKER, Visibility.RESTRICTED),
                (PARTNERS_MARKER, Visibility.PARTNERS),
            ):
                if marker in text:
                    assert shown_at == level, (model.__name__, text)
                    found[marker] += 1
    assert all(found.values())
    assert SensitiveDetail.objects.filter(visibility=Visibility.RESTRICTED).count() > SIZE
    assert not SensitiveDetail.objects.exclude(visibility=Visibility.RESTRICTED).exists()
    assert Event.objects.filter(visibility=Visibility.RESTRICTED).exists()
    assert Source.objects.filter(visibility=Visibility.RESTRICTED).exists()


def test_nothing_the_public_gate_lets_through_carries_a_marker():
    generate(size=SIZE * 3, seed=5)
    gate = Gate(Viewer.public())
    querysets = [
        gate.defenders(),
        gate.names(),
        gate.cases(),
        gate.events(),
        gate.charges(),
        gate.interventions(),
        gate.sources(),
        gate.evidence(),
        gate.perpetrators(),
        gate.perpetrator_links(),
        gate.places(),
        gate.sensitive_details(),
    ]
    assert gate.cases().exists() and gate.events().exists()
    for queryset in querysets:
        for row in queryset.values(*_text_fields(queryset.model)):
            text = " ".join(str(v) for v in row.values())
            assert RESTRICTED_MARKER not in text and PARTNERS_MARKER not in text, text


def test_derived_status_is_what_a_save_would_compute():
    generate(size=SIZE, seed=4)
    fields = (
        "derived_status_id",
        "status_conflict",
        "arrest_date",
        "arrest_date_precision",
        "release_date",
        "full_derived_status_id",
        "hidden_facts_differ",
    )
    generated = {row["id"]: row for row in Case.objects.values("id", *fields)}
    published = dict(Defender.objects.values_list("id", "is_published"))
    assert all(row["derived_status_id"] for row in generated.values())
    assert any(row["release_date"] for row in generated.values())
    with writes_allowed("test data"):
        for case_id in generated:
            refresh_case(case_id)
    assert {row["id"]: row for row in Case.objects.values("id", *fields)} == generated
    assert dict(Defender.objects.values_list("id", "is_published")) == published


def test_some_stated_statuses_deliberately_disagree_with_the_timeline():
    generate(size=SIZE * 3, seed=6)
    conflicts = Case.objects.filter(status_conflict=True)
    assert 0 < conflicts.count() < Case.objects.count() / 10
    for case in conflicts:
        assert case.status_id != case.derived_status_id


def test_new_rows_after_generation_get_fresh_ids():
    generate(size=5, seed=9)
    last = Defender.objects.order_by("-id").values_list("id", flat=True).first()
    with writes_allowed("test data"):
        extra = Defender.objects.create(display_name="Added by hand")
    assert last is not None and extra.pk > last


def test_every_text_fits_its_column():
    """SQLite does not enforce max_length; PostgreSQL would refuse the whole dataset."""
    generate(size=SIZE * 3, seed=2024)
    for model in RECORD_MODELS:
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField) and field.max_length:
                longest = max(
                    (len(v or "") for v in model.all_objects.values_list(field.name, flat=True)),
                    default=0,
                )
                assert longest <= field.max_length, (model.__name__, field.name, longest)


def test_reviewed_cases_carry_a_verification_date_and_a_few_are_stale():
    from hrdwatch.records.status import verification_cutoff

    generate(size=SIZE * 3, seed=6)
    published = Case.objects.filter(review_state="published")
    assert not published.filter(last_verified_at=None).exists()
    stale = published.filter(last_verified_at__lt=verification_cutoff()).count()
    assert 0 < stale < published.count() / 4
    assert not Case.objects.filter(review_state="draft").exclude(last_verified_at=None).exists()
