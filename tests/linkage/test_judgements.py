"""Reviewers' judgements win over the model on every run; merges keep everything and undo."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from hrdwatch.actions.merging import do_merge, do_undo_merge
from hrdwatch.core.dates import PartialDate, Precision
from hrdwatch.linkage.candidates import link_known_defenders, match_candidate
from hrdwatch.linkage.inputs import LinkRecord
from hrdwatch.linkage.judgements import already_answered, do_judge, do_undo_judgement
from hrdwatch.linkage.models import NameAlias
from hrdwatch.partners.models import Membership, Organisation
from hrdwatch.records import models as m
from hrdwatch.records.guard import writes_allowed
from hrdwatch.vocab.models import Term

pytestmark = pytest.mark.django_db


@pytest.fixture
def org() -> Organisation:
    return Organisation.objects.create(slug="ngo", name="NGO", country="CN")


@pytest.fixture
def editor(org: Organisation):
    user = get_user_model().objects.create_user("editor", password="x")  # noqa: S106
    Membership.objects.create(user=user, organisation=org, role="editor")
    return user


def defender(
    org: Organisation,
    name: str,
    original: str = "",
    born: int | None = None,
    country: str = "CN",
    arrested: dt.date | None = None,
) -> m.Defender:
    with writes_allowed("test data"):
        return _defender(org, name, original, born, country, arrested)


def _defender(
    org: Organisation,
    name: str,
    original: str,
    born: int | None,
    country: str,
    arrested: dt.date | None,
) -> m.Defender:
    person = m.Defender.objects.create(
        display_name=name,
        name_original_script=original,
        nationality=country,
        owner=org,
        birth_date=dt.date(born, 1, 1) if born else None,
        birth_date_precision="year" if born else "unknown",
    )
    if arrested:
        status = Term.objects.filter(vocabulary="case_status").earliest("id")
        case = m.Case.objects.create(defender=person, country=country, status=status, owner=org)
        m.Case.all_objects.filter(pk=case.pk).update(
            arrest_date=arrested, arrest_date_precision="day"
        )
    return person


def same_cluster(a: m.Defender, b: m.Defender) -> bool:
    clusters = link_known_defenders().clusters
    return clusters[a.uid] == clusters[b.uid]


def test_not_the_same_overrides_the_model_and_survives_re_runs(org: Organisation, editor) -> None:
    a = defender(org, "Wang Minghui", "王明辉", 1976, arrested=dt.date(2015, 8, 3))
    b = defender(org, "Minghui Wang", "", 1976, arrested=dt.date(2015, 8, 3))
    assert same_cluster(a, b)  # the model links them
    judgement = do_judge(
        editor, a.uid, b.uid, "not_same", note="different fathers' names in the sources"
    )
    assert not same_cluster(a, b)
    assert not same_cluster(a, b)  # and again on the next run
    assert already_answered(b.uid, a.uid) == "not_same"  # the question is not asked again
    do_undo_judgement(editor, judgement)
    assert same_cluster(a, b)


def test_same_person_judgement_joins_records_the_model_keeps_apart(
    org: Organisation, editor
) -> None:
    a = defender(org, "Tenzin Dorje", country="CN")
    b = defender(org, "丹增多吉", country="CN")
    assert not same_cluster(a, b)
    do_judge(editor, a.uid, b.uid, "same")
    assert same_cluster(a, b)
    assert same_cluster(a, b)


def test_reviewer_alias_connects_names_in_later_runs(org: Organisation, editor) -> None:
    a = defender(org, "Tenzin Dorje", born=1980, arrested=dt.date(2019, 3, 1))
    b = defender(org, "丹增多吉", born=1980, arrested=dt.date(2019, 3, 1))
    assert not same_cluster(a, b)
    NameAlias.objects.create(name="Tenzin Dorje", same_as="丹增多吉", added_by=editor)
    assert same_cluster(a, b)


def test_merge_keeps_every_record_and_name_and_can_be_undone(org: Organisation, editor) -> None:
    keep = defender(org, "Wang Minghui", "", 1976, arrested=dt.date(2015, 8, 3))
    duplicate = defender(org, "Minghui Wang", "王明辉", 1976, arrested=dt.date(2015, 8, 5))
    with writes_allowed("test data"):
        m.DefenderName.objects.create(defender=duplicate, name="Ming-hui Wang")
    duplicate_case, keep_case = duplicate.cases.get(), keep.cases.get()

    merge = do_merge(editor, keep, duplicate, note="same lawyer, same arrest")

    assert set(keep.cases.all()) == {keep_case, duplicate_case}
    assert {"Minghui Wang", "王明辉", "Ming-hui Wang"} <= set(
        keep.names.values_list("name", flat=True)
    )
    assert m.Defender.all_objects.get(pk=duplicate.pk).is_deleted  # soft-deleted, still there
    assert merge.judgement is not None and merge.judgement.verdict == "same"

    do_undo_merge(editor, merge)

    duplicate.refresh_from_db()
    assert not duplicate.is_deleted
    assert list(duplicate.cases.all()) == [duplicate_case]
    assert list(duplicate.names.values_list("name", flat=True)) == ["Ming-hui Wang"]
    assert list(keep.cases.all()) == [keep_case] and not keep.names.exists()
    merge.judgement.refresh_from_db()
    assert merge.judgement.undone_at is not None


def test_new_candidate_is_matched_to_a_known_defender_with_reasons(org: Organisation) -> None:
    known = defender(org, "Wang Minghui", "王明辉", 1976, arrested=defender_date())
    defender(org, "Wang Minghua", "王明华", 1979, arrested=defender_date())  # his sister
    defender(org, "Nguyen Van Binh", "", 1969, country="VN", arrested=dt.date(2017, 12, 16))
    candidate = LinkRecord(
        record_id="candidate:1",
        name="Minghui Wang",
        name_original_script="王明輝",
        country="CN",
        arrest_date=PartialDate(dt.date(2015, 8, 10), Precision.DAY),
    )
    matches = match_candidate(candidate)
    assert [match.defender for match in matches] == [known]
    text = matches[0].describe()
    assert text.startswith("probably the same as Wang Minghui, ")
    assert "same name in Chinese characters" in text or "same name in pinyin" in text
    assert "same country" in text
    assert "arrest date within 7 days" in text


def defender_date() -> dt.date:
    return dt.date(2015, 8, 3)
