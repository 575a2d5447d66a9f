"""Bad input never stops a batch: each failure is recorded on its document with a readable reason."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from hrdwatch.ingestion import archive
from hrdwatch.ingestion.fetch import FetchError, check_url, fetch
from hrdwatch.ingestion.models import Document, Source

pytestmark = pytest.mark.django_db


def ingest_articles(site, *paths: str) -> dict[str, Document]:
    for path in paths:
        call_command("sources", "add", site.url(path), "--kind", "article", stdout=StringIO())
    call_command("ingest", stdout=StringIO())
    return {doc.url.split("/", 3)[3]: doc for doc in Document.objects.all()}


def test_each_hostile_document_gets_its_own_error_and_the_batch_goes_on(site, settings):
    settings.HRDWATCH_FETCH_ATTEMPTS = 1
    site.hang_seconds = 3
    docs = ingest_articles(
        site,
        "/bomb",
        "/huge",
        "/loop-a",
        "/image",
        "/error",
        "/slow",
        "/to-file-scheme",
        "/private/secret.html",
        "/wrong-charset.html",
        "/moved",
    )
    assert "compression bomb" in docs["bomb"].error
    assert docs["huge"].error.startswith("too large") and "2,000,000" in docs["huge"].error
    assert docs["loop-a"].error.startswith("redirect loop")
    assert docs["image"].error == f"unexpected content type 'image/png' at {site.url('/image')}"
    assert docs["error"].error.startswith("HTTP 500")
    assert docs["slow"].error.startswith("timed out")
    assert "only http and https" in docs["to-file-scheme"].error
    assert "robots.txt" in docs["private/secret.html"].error
    repaired = docs["wrong-charset.html"]
    assert not repaired.error and "Le défenseur a été arrêté" in repaired.text, (
        "mojibake repaired by ftfy"
    )
    moved = docs["moved"]
    assert not moved.error and moved.final_url.endswith("/news/trial-postponed.html")
    assert archive.verify() == []


def test_transient_errors_are_retried(site, settings):
    settings.HRDWATCH_FETCH_ATTEMPTS = 3
    result = fetch(site.url("/flaky"))
    assert result.status == 200 and site.flaky_calls == 2


def test_broken_feed_is_recorded_on_the_source(site):
    call_command(
        "sources", "add", site.url("/broken-feed.xml"), "--kind", "feed", stdout=StringIO()
    )
    call_command("sources", "add", site.url("/feed.xml"), "--kind", "feed", stdout=StringIO())
    out = StringIO()
    call_command("ingest", stdout=out)
    broken = Source.objects.get(url=site.url("/broken-feed.xml"))
    assert broken.last_error.startswith("cannot read the feed")
    assert f"source {broken.slug} failed: cannot read the feed" in out.getvalue()
    assert Document.objects.count() == 2


def test_listing_without_items_is_a_recorded_error(site):
    call_command(
        "sources",
        "add",
        site.url("/news/trial-postponed.html"),
        "--kind",
        "listing",
        stdout=StringIO(),
    )
    call_command("ingest", stdout=StringIO())
    assert Source.objects.get().last_error.startswith("no dated items with links")


@pytest.mark.parametrize(
    "url", ["ftp://example.org/file", "file:///etc/passwd", "javascript:alert(1)", "gopher://x/"]
)
def test_non_http_urls_are_refused(url):
    with pytest.raises(FetchError, match="only http and https"):
        check_url(url)


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8000/", "http://localhost/", "http://[::1]/", "http://10.1.2.3/"]
)
def test_private_and_loopback_addresses_are_refused_unless_allowed(url, settings):
    settings.HRDWATCH_ALLOW_PRIVATE_URLS = False
    with pytest.raises(FetchError, match="non-public address"):
        check_url(url)
    settings.HRDWATCH_ALLOW_PRIVATE_URLS = True
    check_url(url)


def test_sources_add_refuses_other_schemes():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="only http and https"):
        call_command("sources", "add", "ftp://example.org/list", stdout=StringIO())


def test_malformed_html_listing_does_not_crash(site, tmp_path):
    page = tmp_path / "bad.html"
    page.write_bytes(
        b"<html><body><div><p>[03 March 2020]<a href='/x'>unclosed <b><i></div></table>"
        + b"\xff\xfe" * 50
    )
    call_command("sources", "add", str(page), stdout=StringIO())
    call_command("ingest", stdout=StringIO())
    assert Document.objects.get().error == ""
