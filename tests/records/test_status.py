import datetime as dt

import pytest

from hrdwatch.records import models as m
from hrdwatch.records.guard import writes_allowed
from hrdwatch.records.status import TimelineEntry, derive_status
from tests.builders import build_sample, term

D = dt.date


def entries(*items):
    return [
        TimelineEntry(code, date, "day", certainty, i)
        for i, (code, date, certainty) in enumerate(items)
    ]


def test_status_follows_the_latest_event():
    assert (
        derive_status(entries(("arrest", D(2019, 1, 1), "confirmed"))) == "detained_awaiting_trial"
    )
    assert (
        derive_status(
            entries(
                ("arrest", D(2019, 1, 1), "confirmed"),
                ("sentence", D(2020, 1, 1), "confirmed"),
            )
        )
        == "detained_convicted"
    )
    assert (
        derive_status(
            entries(
                ("arrest", D(2019, 1, 1), "confirmed"),
                ("sentence", D(2020, 1, 1), "confirmed"),
                ("release", D(2022, 1, 1), "confirmed"),
            )
        )
        == "released"
    )


def test_events_are_ordered_by_date_not_by_entry_order():
    assert (
        derive_status(
            entries(
                ("release", D(2022, 1, 1), "confirmed"),
                ("arrest", D(2019, 1, 1), "confirmed"),
            )
        )
        == "released"
    )


def test_a_trial_after_conviction_does_not_undo_it_and_disputed_events_are_ignored():
    assert (
        derive_status(
            entries(
                ("conviction", D(2020, 1, 1), "confirmed"),
                ("trial", D(2020, 6, 1), "confirmed"),
            )
        )
        == "detained_convicted"
    )
    assert (
        derive_status(
            entries(
                ("arrest", D(2019, 1, 1), "confirmed"),
                ("release", D(2020, 1, 1), "disputed"),
            )
        )
        == "detained_awaiting_trial"
    )


def test_events_that_say_nothing_about_liberty_give_no_status():
    assert derive_status(entries(("travel_ban", D(2019, 1, 1), "confirmed"))) is None


@pytest.mark.django_db
def test_a_case_is_flagged_when_its_stated_status_disagrees_with_its_timeline():
    sample = build_sample()
    case = sample.case
    assert case.derived_status.code == "detained_convicted"
    assert case.status_conflict is False
    assert case.arrest_date == D(2019, 3, 5)
    with writes_allowed("test data"):
        m.Event.objects.create(
            case=case,
            event_type=term("event_type", "release"),
            date=D(2023, 1, 10),
            date_precision="day",
            visibility="public",
        )
    case.refresh_from_db()
    assert case.derived_status.code == "released"
    assert case.status_conflict is True
    assert case.release_date == D(2023, 1, 10)
    with writes_allowed("test data"):
        case.status = term("case_status", "released")
        case.save()
    case.refresh_from_db()
    assert case.status_conflict is False


@pytest.mark.django_db
def test_a_defender_is_public_only_while_a_case_is_published():
    sample = build_sample()
    assert sample.defender.is_published
    with writes_allowed("test data"):
        sample.case.review_state = "withdrawn"
        sample.case.save()
    sample.defender.refresh_from_db()
    assert not sample.defender.is_published


@pytest.mark.django_db
def test_derived_values_come_from_the_public_timeline_and_reviewers_see_the_full_picture():
    sample = build_sample()
    case = sample.case
    with writes_allowed("test data"):
        m.Event.objects.create(
            case=case,
            event_type=term("event_type", "release"),
            date=D(2023, 1, 10),
            date_precision="day",
            visibility="partners",
        )
    case.refresh_from_db()
    assert (case.derived_status.code, case.status_conflict, case.release_date) == (
        "detained_convicted",
        False,
        None,
    )
    assert case.full_derived_status.code == "released"
    assert case.hidden_facts_differ is True


@pytest.mark.django_db
def test_a_hidden_earlier_arrest_moves_no_public_date():
    sample = build_sample()
    case = sample.case
    with writes_allowed("test data"):
        m.Event.objects.create(
            case=case,
            event_type=term("event_type", "arrest"),
            date=D(2015, 1, 1),
            date_precision="day",
            visibility="restricted",
        )
    case.refresh_from_db()
    assert case.arrest_date == D(2019, 3, 5)
    assert case.hidden_facts_differ is True
