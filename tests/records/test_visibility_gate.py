import io

import pytest

from hrdwatch.exports.base import exporters
from hrdwatch.records.guard import writes_allowed
from hrdwatch.records.levels import Visibility
from hrdwatch.records.models import CaseShare
from hrdwatch.records.visibility import Gate, Viewer
from tests.builders import CANARY, build_sample

pytestmark = pytest.mark.django_db


def export_text(fmt: str, viewer: Viewer) -> str:
    buffer = io.BytesIO()
    exporters()[fmt]().write(viewer, buffer)
    data = buffer.getvalue()
    if fmt == "xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(data)).active
        return "\n".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row)
    return data.decode()


@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx"])
@pytest.mark.parametrize("level", [Visibility.PUBLIC, Visibility.PARTNERS])
def test_restricted_canaries_never_reach_a_public_or_partner_export(fmt, level):
    build_sample()
    text = export_text(fmt, Viewer.at_level(level))
    assert "Nguy" in text  # the public defender is there
    assert CANARY not in text


def test_a_restricted_export_holds_every_canary():
    build_sample()
    text = export_text("json", Viewer.at_level(Visibility.RESTRICTED))
    for suffix in ["family", "health", "event", "name", "quote", "source", "defender", "case"]:
        assert f"{CANARY}-{suffix}" in text


def test_restricted_data_is_visible_to_the_owner_and_to_organisations_it_shared_with():
    sample = build_sample()
    owner = Gate(Viewer(Visibility.RESTRICTED, frozenset({sample.org.pk})))
    stranger = Gate(Viewer(Visibility.RESTRICTED, frozenset({sample.other_org.pk})))
    assert owner.sensitive_details().filter(text__contains=CANARY).count() == 2
    assert stranger.sensitive_details().count() == 0
    assert stranger.events().filter(description__contains=CANARY).count() == 0
    with writes_allowed("test data"):
        CaseShare.objects.create(case=sample.case, organisation=sample.other_org)
    assert stranger.events().filter(description__contains=CANARY).count() == 1
    assert stranger.sensitive_details().filter(case=sample.case).count() == 1


def test_the_public_sees_only_published_public_cases():
    sample = build_sample()
    public = Gate()
    assert list(public.cases()) == [sample.case]
    assert not public.defenders().filter(pk=sample.hidden_defender.pk).exists()
    with writes_allowed("test data"):
        sample.case.review_state = "in_review"
        sample.case.save()
    assert not public.cases().exists()
    assert not public.defenders().exists()
    assert Gate(Viewer.at_level("partners")).cases().filter(pk=sample.case.pk).exists()


def test_photos_reach_the_public_only_with_consent():
    sample = build_sample()
    defender = sample.defender
    defender.photo = "photos/x.jpg"
    assert not Gate().may_see_photo(defender)
    assert Gate(Viewer.at_level("partners")).may_see_photo(defender)
    defender.photo_consent = True
    assert Gate().may_see_photo(defender)


def test_organisations_working_at_risk_are_never_named_to_the_public():
    sample = build_sample()
    sample.other_org.is_public = False
    sample.other_org.save()
    assert Gate().organisation_name(sample.other_org) == ""
    assert Gate().organisation_name(sample.org) == "Local NGO"
    assert (
        Gate(Viewer.at_level("partners")).organisation_name(sample.other_org) == "International NGO"
    )
    text = export_text("json", Viewer.public())
    assert "International NGO" not in text
