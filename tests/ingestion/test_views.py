"""The partner-only document page: archived text, original, metadata, duplicates, citing cases."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from hrdwatch.ingestion.models import Document

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(site):
    call_command(
        "sources",
        "add",
        site.url("/news/woman-activist-released.html"),
        "--kind",
        "article",
        stdout=StringIO(),
    )
    call_command(
        "sources", "add", site.url("/syndicated.html"), "--kind", "article", stdout=StringIO()
    )
    call_command("ingest", stdout=StringIO())
    return Document.objects.get(url=site.url("/news/woman-activist-released.html"))


def test_anonymous_and_non_staff_visitors_cannot_see_documents(client, document):
    assert client.get(f"/documents/{document.pk}/").status_code == 302
    user = get_user_model().objects.create_user("viewer", password="long-enough-password")
    client.force_login(user)
    assert client.get(f"/documents/{document.pk}/").status_code == 302
    assert client.get(f"/documents/{document.pk}/original/").status_code == 302


def test_staff_see_text_metadata_duplicates_and_the_archived_original(
    verified_admin_client, document
):
    client = verified_admin_client
    response = client.get(f"/documents/{document.pk}/")
    assert response.status_code == 200, response
    page = response.content.decode()
    assert "An Phước prison" in page
    assert document.sha256 in page
    assert "Activist freed after four years in prison" in page, "the syndicated copy is listed"
    assert "No case cites this document yet." in page
    original = client.get(f"/documents/{document.pk}/original/")
    assert original["Content-Disposition"].startswith("attachment")
    assert b"".join(original.streaming_content).startswith(b"<!DOCTYPE html>")
    assert "woman-activist-released" in client.get("/documents/").content.decode()
