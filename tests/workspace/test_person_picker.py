"""The person picker: two people with the same name each come with what tells them apart
(country, birth year, role, status, the organisation that recorded them), and a person the user
may not see is never offered — not by name, not by another of their names, not by uid."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from hrdwatch.records.levels import Visibility
from hrdwatch.records.models import Defender, DefenderName
from hrdwatch.vocab.models import Vocabulary
from hrdwatch.workspace.models import Draft
from hrdwatch.workspace.people import describe, search_people
from tests.partners.fixtures import login, make_case, make_defender, term

pytestmark = pytest.mark.django_db


def person(owner, *, nationality: str, born: int, role: str, visibility: str) -> Defender:
    defender = make_defender(owner, visibility=visibility, name="Ali Karimi")
    defender.nationality, defender.birth_date = nationality, dt.date(born, 1, 1)
    defender.save()
    defender.roles.add(term(Vocabulary.ROLE, role))
    make_case(owner, defender=defender, visibility=visibility)
    return defender


@pytest.fixture
def namesakes(world):
    ours = person(world.a, nationality="IR", born=1970, role="journalist", visibility="partners")
    theirs = person(world.b, nationality="AF", born=1991, role="lawyer", visibility="partners")
    hidden = person(world.b, nationality="IQ", born=1985, role="blogger", visibility="restricted")
    DefenderName.objects.create(
        defender=hidden, name="Ali Karimi Secret", visibility=Visibility.RESTRICTED
    )
    return ours, theirs, hidden


def row_of(page: str, uid: str) -> str:
    """The picker's list item for ``uid`` (its name button and its distinguishing facts)."""
    found = re.search(rf"<li><button[^>]*value=\"{uid}\".*?</li>", page, re.S)
    assert found, f"{uid} is not offered"
    return found.group(0)


def test_namesakes_are_shown_with_what_tells_them_apart(client, world, namesakes):
    ours, theirs, _hidden = namesakes
    login(client, world.users["a_documenter"])
    client.post("/workspace/new/")
    draft = Draft.objects.get()
    page = client.get(f"/workspace/drafts/{draft.pk}/person/?q=Ali+Karimi").content.decode()
    first, second = row_of(page, ours.uid), row_of(page, theirs.uid)
    for row, facts in (
        (first, ["Iran", "born 1970", "Journalist", "recorded by Org A"]),
        (second, ["Afghanistan", "born 1991", "Lawyer", "recorded by Org B"]),
    ):
        for fact in facts:
            assert fact in row, (fact, row)
    status = term(Vocabulary.CASE_STATUS).label()
    assert status in first and status in second
    assert first.replace(ours.uid, "") != second.replace(theirs.uid, "")


def test_a_person_the_user_may_not_see_is_never_offered(client, world, namesakes):
    ours, theirs, hidden = namesakes
    user = world.users["a_documenter"]
    for query in ("Ali Karimi", "Karimi", "Ali Karimi Secret", hidden.uid):
        assert hidden.uid not in {row.uid for row in search_people(user, query)}, query
    assert describe(user, hidden.uid) is None
    assert {row.uid for row in search_people(world.users["b_documenter"], "Ali Karimi")} >= {
        hidden.uid
    }, "its own organisation finds it"

    login(client, user)
    client.post("/workspace/new/")
    draft = Draft.objects.get()
    url = f"/workspace/drafts/{draft.pk}/person/"
    page = client.get(url + "?q=Ali+Karimi").content.decode()
    assert hidden.uid not in page and "born 1985" not in page
    assert "Ali Karimi Secret" not in client.get(url + "?q=Secret").content.decode()
    assert client.post(url, {"pick": hidden.uid}).status_code == 404
    draft.refresh_from_db()
    assert not draft.step("person").get("defender")
