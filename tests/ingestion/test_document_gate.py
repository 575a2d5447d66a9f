"""Documents and extraction candidates read through the one visibility gate: an organisation's
uploaded file (a witness statement) reaches only its members, on every page that shows it, and
two organisations uploading the same file never share or collide."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from hrdwatch.audit.models import AuditEntry
from hrdwatch.extraction.models import Candidate
from hrdwatch.ingestion.models import Document, Source, SourceKind
from hrdwatch.ingestion.queries import readable_documents
from hrdwatch.partners.permissions import viewer_for
from hrdwatch.records.visibility import Gate, Viewer
from tests.partners.fixtures import login

pytestmark = pytest.mark.django_db

WITNESS = "CANARYWITNESS statement: the guards beat him in cell 4."


def _upload(org, text: str = WITNESS, file_name: str = "statement.txt") -> Document:
    source = Source.objects.create(
        slug=f"upload-{org.slug}-{file_name}",
        name=file_name,
        kind=SourceKind.FILE,
        organisation=org,
        file_name=file_name,
    )
    return Document.objects.create(
        source=source, url=f"upload://{org.slug}/{file_name}", text=text, title=file_name
    )


def _candidate(document: Document) -> Candidate:
    machine = {
        "name": "Ana Duarte",
        "aliases": [],
        "country": "FR",
        "roles": ["lawyer"],
        "events": [],
    }
    return Candidate.objects.create(
        document=document,
        extractor_name="rules",
        extractor_version="1",
        key="ana duarte",
        name="Ana Duarte",
        machine=machine,
        machine_updated_at=timezone.now(),
    )


def test_the_gate_decides_which_documents_and_candidates_a_viewer_reads(world):
    own = _upload(world.a)
    web = Document.objects.create(
        source=Source.objects.create(
            slug="web", name="Web", kind=SourceKind.ARTICLE, url="https://example.org/"
        ),
        url="https://example.org/a",
        text="A published article.",
    )
    candidate = _candidate(own)
    a, b = Gate(viewer_for(world.users["a_viewer"])), Gate(viewer_for(world.users["b_editor"]))
    everything = Document.objects.all()
    assert set(a.documents(everything)) == {own, web}
    assert set(b.documents(everything)) == {web}
    assert not Gate(Viewer.public()).documents(everything).exists()
    assert list(a.candidates(Candidate.objects.all())) == [candidate]
    assert not b.candidates(Candidate.objects.all()).exists()
    assert set(readable_documents(world.users["b_editor"])) == {web}, "queries delegate to the gate"


@pytest.mark.parametrize("role", ["b_reviewer", "b_editor", "b_administrator"])
def test_a_reviewer_of_another_organisation_never_reads_the_uploaded_text(client, world, role):
    candidate = _candidate(_upload(world.a))
    login(client, world.users[role])
    for url in (
        f"/candidates/{candidate.pk}/",
        f"/documents/{candidate.document_id}/",
        f"/documents/{candidate.document_id}/original/",
        "/documents/",
        "/documents/sources/",
    ):
        response = client.get(url)
        body = response.content.decode() if not response.streaming else ""
        assert response.status_code in {200, 403, 404}, url
        assert "CANARYWITNESS" not in body and "statement.txt" not in body, url
    assert client.get(f"/candidates/{candidate.pk}/").status_code in {403, 404}
    login(client, world.users["a_reviewer"])
    assert "CANARYWITNESS" in client.get(f"/candidates/{candidate.pk}/").content.decode()


def test_two_organisations_uploading_the_same_file_each_keep_their_own(client, world):
    """The upload collision: same bytes, same name, two organisations."""
    data = b"Statement of the witness, CANARYCOLLIDE."
    for role, org in (("a_documenter", world.a), ("b_documenter", world.b)):
        login(client, world.users[role])
        upload = SimpleUploadedFile("witness.txt", data, "text/plain")
        response = client.post(
            "/documents/sources/add/", {"upload": upload, "organisation": org.slug}, follow=True
        )
        assert "already followed" not in response.content.decode()
    sources = Source.objects.filter(kind=SourceKind.FILE)
    assert {s.organisation for s in sources} == {world.a, world.b}
    assert {e.actor.username for e in AuditEntry.objects.filter(action="source.added")} == {
        "a_documenter",
        "b_documenter",
    }
    call_command("ingest", stdout=StringIO())
    documents = Document.objects.filter(source__kind=SourceKind.FILE)
    assert {d.source.organisation for d in documents} == {world.a, world.b}
    assert len({d.url for d in documents}) == 2
    for role, org in (("a_viewer", world.a), ("b_viewer", world.b)):
        readable = readable_documents(world.users[role]).filter(source__kind=SourceKind.FILE)
        assert [d.source.organisation for d in readable] == [org]


def test_the_same_upload_twice_in_one_organisation_is_followed_once(client, world):
    login(client, world.users["a_documenter"])
    for _ in range(2):
        upload = SimpleUploadedFile("witness.txt", b"Same bytes.", "text/plain")
        client.post("/documents/sources/add/", {"upload": upload, "organisation": world.a.slug})
    assert Source.objects.filter(kind=SourceKind.FILE).count() == 1


def test_the_gate_names_uploaded_files_as_ingestion_does():
    from hrdwatch.records.visibility import UPLOADED_FILE

    assert UPLOADED_FILE == SourceKind.FILE


def test_showing_an_uploaded_file_to_its_organisation_is_a_logged_restricted_view(client, world):
    candidate = _candidate(_upload(world.a))
    login(client, world.users["a_reviewer"])
    for url in (f"/candidates/{candidate.pk}/", f"/documents/{candidate.document_id}/"):
        assert client.get(url).status_code == 200
    entries = AuditEntry.objects.filter(action="restricted.view")
    assert entries.count() == 2
    assert {e.organisation_id for e in entries} == {world.a.pk}
    assert {e.actor for e in entries} == {world.users["a_reviewer"]}
    assert all("CANARYWITNESS" not in str(e.details) for e in entries)
