"""Step 3 takes several events (each with its partial date, certainty and place) and an archived
document as the source, the quote checked against its archived text."""

from __future__ import annotations

import datetime as dt

import pytest

from hrdwatch.records.guard import writes_allowed
from hrdwatch.records.levels import Visibility
from hrdwatch.records.models import Source
from tests.partners.fixtures import login, make_source
from tests.workspace.test_record_case import DETENTION, FACTS, PERSON, start, step_url

pytestmark = pytest.mark.django_db
ARCHIVED = "Le 5 mars 2024, Amina Haddad a été arrêtée à Rabat. Elle a été transférée à Salé."


def archived(org, visibility=Visibility.PARTNERS, title="Communiqué archivé") -> Source:
    source = make_source(org, visibility, title)
    with writes_allowed("test data"):
        source.archived_text = ARCHIVED
        source.save()
    return source


def submit(client, world, facts: dict) -> object:
    login(client, world.users["a_documenter"])
    draft = start(client)
    client.post(step_url(draft, "person"), PERSON)
    client.post(step_url(draft, "person"), {"go": "new_person"})
    client.post(step_url(draft, "detention"), DETENTION)
    response = client.post(step_url(draft, "facts"), {**facts, "go": "submit"})
    draft.refresh_from_db()
    return draft, response


def test_several_events_are_recorded(client, world):
    facts = {
        **FACTS,
        "event1_type": "transfer",
        "event1_date_0": "2024",
        "event1_date_1": "4",
        "event1_date_2": "2",
        "event1_certainty": "confirmed",
        "event1_place": "Prison locale de Salé",
        "event2_type": "trial",
        "event2_date_0": "2024",
        "event2_certainty": "alleged",
    }
    draft, response = submit(client, world, facts)
    assert draft.case is not None, response.content.decode()[:3000]
    codes = sorted(draft.case.events.values_list("event_type__code", flat=True))
    assert codes == sorted(["arrest", "charge", "transfer", "trial"])
    transfer = draft.case.events.get(event_type__code="transfer")
    assert (transfer.date, transfer.date_precision) == (dt.date(2024, 4, 2), "day")
    assert transfer.place == "Prison locale de Salé" and transfer.certainty == "confirmed"
    trial = draft.case.events.get(event_type__code="trial")
    assert (trial.date, trial.date_precision, trial.certainty) == (
        dt.date(2024, 1, 1),
        "year",
        "alleged",
    )


def test_an_event_row_without_its_kind_is_refused(client, world):
    login(client, world.users["a_documenter"])
    draft = start(client)
    response = client.post(
        step_url(draft, "facts"), {**FACTS, "event1_place": "Salé", "go": "next"}
    )
    assert response.status_code == 200 and "Say what happened." in response.content.decode()


def test_an_archived_document_is_the_source_and_the_quote_is_checked(client, world):
    document = archived(world.a)
    hidden = archived(world.b, Visibility.RESTRICTED, "Secret de B")
    login(client, world.users["a_documenter"])
    page = client.get(step_url(start(client), "facts")).content.decode()
    assert "Communiqué archivé" in page and "Secret de B" not in page
    client.logout()
    wrong = {
        **FACTS,
        "source_url": "",
        "source_document": document.uid,
        "quote": "Pas dans le texte.",
    }
    draft, response = submit(client, world, wrong)
    assert draft.case is None
    page = client.get(step_url(draft, "facts") + "?check=1").content.decode()
    assert "The quoted sentence is not in the archived text" in page
    right = {
        **FACTS,
        "source_url": "",
        "source_document": document.uid,
        "quote": "Amina Haddad a été arrêtée à Rabat.",
    }
    draft, _response = submit(client, world, right)
    assert draft.case is not None
    evidence = draft.case.events.get(event_type__code="arrest").evidence.get()
    assert evidence.source == document and evidence.quote == right["quote"]
    stolen = {**FACTS, "source_url": "", "source_document": hidden.uid, "quote": ""}
    draft, _response = submit(client, world, stolen)
    assert draft.case is None
