"""The partner pages of the archive: sources (and adding one), the document list and one document
with its archived text, original, metadata, duplicates and citing cases."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from hrdwatch.audit.models import AuditEntry
from hrdwatch.ingestion.models import Document, Source, SourceKind
from hrdwatch.records.guard import writes_allowed
from hrdwatch.records.levels import Visibility
from hrdwatch.records.models import Evidence
from tests.partners.fixtures import login, make_case, make_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(site):
    for path in ("/news/woman-activist-released.html", "/syndicated.html"):
        call_command("sources", "add", site.url(path), "--kind", "article", stdout=StringIO())
    call_command("ingest", stdout=StringIO())
    return Document.objects.get(url=site.url("/news/woman-activist-released.html"))


def test_anonymous_visitors_go_to_login_and_non_members_are_refused(client, world, document):
    for url in (
        f"/documents/{document.pk}/",
        f"/documents/{document.pk}/original/",
        "/documents/",
        "/documents/sources/",
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response["Location"], url
    login(client, world.users["outsider"])
    assert client.get(f"/documents/{document.pk}/").status_code == 403
    assert client.get("/documents/").status_code == 403


def test_a_member_sees_text_metadata_duplicates_and_the_archived_original(client, world, document):
    login(client, world.users["b_viewer"])
    page = client.get(f"/documents/{document.pk}/").content.decode()
    assert "An Phước prison" in page
    assert document.sha256 in page
    assert "Activist freed after four years in prison" in page, "the syndicated copy is listed"
    assert "No case you may see cites this document yet." in page
    original = client.get(f"/documents/{document.pk}/original/")
    assert original["Content-Disposition"].startswith("attachment")
    assert original["Content-Type"] == "application/octet-stream"
    assert b"".join(original.streaming_content).startswith(b"<!DOCTYPE html>")


def test_the_list_filters_by_source_language_title_and_failure(client, world, document, site):
    call_command(
        "sources", "add", site.url("/broken-feed.xml"), "--kind", "feed", stdout=StringIO()
    )
    login(client, world.users["a_viewer"])
    everything = client.get("/documents/").content.decode()
    assert "woman-activist-released" in everything or "Activist" in everything
    by_title = client.get("/documents/", {"q": document.title[:12]}).content.decode()
    assert document.title[:12] in by_title
    assert (
        "No archived document matches"
        in client.get("/documents/", {"q": "no-such-title-anywhere"}).content.decode()
    )
    assert (
        "No archived document matches"
        in client.get("/documents/", {"language": "xx"}).content.decode()
    )
    assert (
        "No archived document matches"
        in client.get("/documents/", {"failed": "on"}).content.decode()
    ), "both documents were read"
    only_source = client.get("/documents/", {"source": document.source.slug}).content.decode()
    assert "1 document matches." in only_source
    assert client.get("/documents/", {"source": "<script>", "page": "999"}).status_code == 200


def test_citing_cases_go_through_the_visibility_gate(client, world, document):
    source = make_source(world.a, title="The article")
    restricted = make_case(world.a, visibility=Visibility.RESTRICTED)
    with writes_allowed("test data"):
        source.url = document.url
        source.save()
        Evidence.objects.create(case=restricted, source=source, visibility=Visibility.RESTRICTED)
    login(client, world.users["a_viewer"])
    assert restricted.uid in client.get(f"/documents/{document.pk}/").content.decode()
    login(client, world.users["b_viewer"])
    page = client.get(f"/documents/{document.pk}/").content.decode()
    assert restricted.uid not in page
    assert restricted.defender.display_name not in page


def test_an_organisations_uploaded_file_is_readable_only_by_its_members(
    client, world, fixtures_dir
):
    call_command(
        "sources",
        "add",
        str(fixtures_dir / "files" / "note.txt"),
        "--organisation",
        world.a.slug,
        stdout=StringIO(),
    )
    call_command("ingest", stdout=StringIO())
    document = Document.objects.get(source__kind=SourceKind.FILE)
    login(client, world.users["a_viewer"])
    assert client.get(f"/documents/{document.pk}/").status_code == 200
    assert client.get(f"/documents/{document.pk}/original/").status_code == 200
    login(client, world.users["b_editor"])
    assert client.get(f"/documents/{document.pk}/").status_code == 404
    assert client.get(f"/documents/{document.pk}/original/").status_code == 404
    assert f"/documents/{document.pk}/" not in client.get("/documents/").content.decode()
    login(client, world.users["net_administrator"])
    assert client.get(f"/documents/{document.pk}/").status_code == 200


def test_a_documenter_adds_a_url_and_uploads_a_file_and_both_are_audited(client, world, site):
    login(client, world.users["a_documenter"])
    page = client.get("/documents/sources/").content.decode()
    assert 'enctype="multipart/form-data"' in page
    response = client.post(
        "/documents/sources/add/",
        {
            "url": site.url("/appeals.html"),
            "kind": "listing",
            "name": "Appeals",
            "organisation": world.a.slug,
        },
    )
    assert response.status_code == 302
    followed = Source.objects.get(url=site.url("/appeals.html"))
    assert (followed.kind, followed.organisation, followed.origin) == ("listing", world.a, "web")
    upload = SimpleUploadedFile("witness.txt", b"Statement of the witness.", "text/plain")
    client.post("/documents/sources/add/", {"upload": upload, "organisation": world.a.slug})
    uploaded = Source.objects.get(kind=SourceKind.FILE)
    assert (uploaded.file_name, uploaded.organisation) == ("witness.txt", world.a)
    entries = AuditEntry.objects.filter(action="source.added")
    assert {e.object_id for e in entries} == {str(followed.pk), str(uploaded.pk)}
    assert {e.actor for e in entries} == {world.users["a_documenter"]}
    assert "Appeals" in client.get("/documents/sources/").content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {},  # neither an address nor a file
        {"url": "ftp://example.org/report"},
        {
            "url": "http://127.0.0.1:9/private"
        },  # refused: tests allow private URLs only for fetching
        {"url": "https://example.org/a", "kind": "file"},
    ],
)
def test_bad_additions_are_refused_readably_and_store_nothing(client, world, settings, data):
    settings.HRDWATCH_ALLOW_PRIVATE_URLS = False
    login(client, world.users["a_documenter"])
    response = client.post("/documents/sources/add/", {"organisation": world.a.slug, **data})
    assert response.status_code == 400
    assert 'class="errorlist' in response.content.decode()
    assert not Source.objects.exists()
    assert not AuditEntry.objects.filter(action="source.added").exists()


def test_a_viewer_sees_sources_but_cannot_add_one(client, world):
    login(client, world.users["a_viewer"])
    assert "multipart/form-data" not in client.get("/documents/sources/").content.decode()
    response = client.post(
        "/documents/sources/add/", {"url": "https://example.org/", "organisation": world.a.slug}
    )
    assert response.status_code == 403
    assert not Source.objects.exists()


def test_a_documenter_cannot_add_a_source_for_another_organisation(client, world):
    login(client, world.users["a_documenter"])
    response = client.post(
        "/documents/sources/add/", {"url": "https://example.org/", "organisation": world.b.slug}
    )
    assert response.status_code == 400
    assert not Source.objects.exists()


def test_the_pages_follow_the_language(client, world, document):
    login(client, world.users["a_documenter"])
    client.cookies["django_language"] = "fr"
    assert "Texte archivé" in client.get(f"/documents/{document.pk}/").content.decode()
    assert "Ajouter une source" in client.get("/documents/sources/").content.decode()


def test_members_find_the_partner_pages_in_the_header_and_visitors_do_not(client, world):
    assert "/documents/" not in client.get("/").content.decode()
    login(client, world.users["a_documenter"])
    header = client.get("/").content.decode()
    assert 'href="/documents/"' in header and 'href="/documents/sources/"' in header
    assert 'href="/review/"' not in header, "a documenter has no review queue"
    assert '<form method="post" action="/accounts/logout/"' in header
    login(client, world.users["a_reviewer"])
    assert 'href="/review/"' in client.get("/").content.decode()
