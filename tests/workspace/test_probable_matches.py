""" "Probably the same as …, because …" before a new person is created in step 1: likely matches
from the linkage name keys, among the people the user may see only, each with why."""

from __future__ import annotations

import datetime as dt

import pytest

from hrdwatch.records.guard import writes_allowed
from hrdwatch.records.levels import Visibility
from hrdwatch.workspace.matches import probable_matches
from tests.partners.fixtures import login, make_defender
from tests.workspace.test_record_case import PERSON, start, step_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(world):
    with writes_allowed("test data"):
        seen = make_defender(world.a, name="Amina Haddad")
        seen.birth_date, seen.nationality = dt.date(1988, 1, 1), "MA"
        seen.save()
        spelt = make_defender(world.b, name="Aminah Hadad", visibility=Visibility.PARTNERS)
        hidden = make_defender(world.b, name="Amina Haddad", visibility=Visibility.RESTRICTED)
        make_defender(world.a, name="Karim Abdel")
    return seen, spelt, hidden


def test_matches_come_with_reasons_and_never_a_hidden_person(world, people):
    seen, spelt, hidden = people
    found = probable_matches(
        world.users["a_documenter"],
        {"name": "Amina Haddad", "birth_year": "1988", "nationality": "MA"},
    )
    uids = [m.person.uid for m in found]
    assert seen.uid in uids and hidden.uid not in uids
    first = found[0]
    assert first.person.uid == seen.uid
    assert "same name key" in first.reasons
    assert "same year of birth (1988)" in first.reasons
    assert any(r.startswith("same country") and "Morocco" in r for r in first.reasons)
    assert not any(m.person.name == "Karim Abdel" for m in found)


def test_the_original_script_beside_the_latin_name_counts(world, people):
    seen, _spelt, hidden = people
    found = probable_matches(
        world.users["a_documenter"], {"name": "Amina Haddad", "name_original": "أمينة حداد"}
    )
    uids = [m.person.uid for m in found]
    assert seen.uid in uids and hidden.uid not in uids


def test_step_one_proposes_matches_then_lets_the_user_pick_or_go_on(client, world, people):
    seen, _spelt, hidden = people
    login(client, world.users["a_documenter"])
    draft = start(client)
    response = client.post(step_url(draft, "person"), PERSON)
    assert response["Location"].endswith(step_url(draft, "person") + "#matches")
    page = client.get(step_url(draft, "person")).content.decode()
    assert "Probably the same as" in page and seen.uid in page and hidden.uid not in page
    assert "same name key" in page
    response = client.post(step_url(draft, "person"), {"go": "new_person"})
    assert response["Location"] == step_url(draft, "detention")
    draft.refresh_from_db()
    assert not draft.step("person").get("defender")
    # picking the proposed person instead
    other = start(client)
    client.post(step_url(other, "person"), PERSON)
    client.post(step_url(other, "person"), {"pick": seen.uid})
    other.refresh_from_db()
    assert other.step("person")["defender"] == seen.uid
    assert client.post(step_url(other, "person"), {"pick": hidden.uid}).status_code == 404


def test_matches_speak_french(client, world, people):
    login(client, world.users["a_documenter"])
    draft = start(client)
    client.post(step_url(draft, "person"), PERSON)
    page = client.get(step_url(draft, "person"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Probablement la même personne que" in page


def test_a_name_typed_in_arabic_script_only_finds_the_latin_record_of_the_same_country(
    world, people
):
    seen, _spelt, hidden = people
    found = probable_matches(
        world.users["a_documenter"], {"name": "أمينة حداد", "nationality": "MA"}
    )
    uids = [m.person.uid for m in found]
    assert hidden.uid not in uids
    assert seen.uid in uids
