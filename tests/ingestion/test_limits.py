"""Hostile servers cannot hold or exhaust a worker: one total deadline, capped expansion."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import call_command

from hrdwatch.ingestion.fetch import FetchError, fetch
from hrdwatch.ingestion.limits import BoundedDecoder, TooLarge
from hrdwatch.ingestion.models import Document, Source

from .test_hostile import ingest_articles

pytestmark = pytest.mark.django_db


def test_a_server_dripping_its_headers_is_cut_at_the_deadline_without_retries(site, settings):
    settings.HRDWATCH_FETCH_ATTEMPTS = 3
    settings.HRDWATCH_FETCH_DEADLINE = 1.5
    with pytest.raises(
        FetchError, match=r"^too slow: .*/drip did not answer in full within the 1.5-second"
    ):
        fetch(site.url("/drip"))
    assert site.drip_calls == 1, "a deadline that has passed is not retried"


def test_the_deadline_covers_every_attempt(site, settings):
    settings.HRDWATCH_FETCH_ATTEMPTS = 10
    settings.HRDWATCH_FETCH_TIMEOUT = 1
    settings.HRDWATCH_FETCH_DEADLINE = 2.5
    site.hang_seconds = 3
    with pytest.raises(FetchError, match="^too slow"):
        fetch(site.url("/slow"))
    assert 2 <= sum(path == "/slow" for path, _ in site.requests) <= 3


def test_hostile_documents_are_recorded_and_the_batch_goes_on(site, settings):
    settings.HRDWATCH_FETCH_ATTEMPTS = 2
    settings.HRDWATCH_FETCH_DEADLINE = 1.5
    settings.HRDWATCH_DOCUMENT_MAX_EXPANDED_BYTES = 5_000_000
    docs = ingest_articles(site, "/drip", "/brotli-bomb", "/docx-bomb", "/gzipped", "/bomb")
    assert docs["drip"].error.startswith("too slow")
    assert "compression bomb" in docs["brotli-bomb"].error
    assert "compression bomb" in docs["bomb"].error
    assert re.fullmatch(
        r"the DOCX file would expand to 60,000,020 bytes from [\d,]+ "
        r"\(limit 5,000,000\): refused as a possible zip bomb",
        docs["docx-bomb"].error,
    )
    gzipped = docs["gzipped"]
    assert not gzipped.error and "postponed" in gzipped.text.lower()


def test_a_gzip_bomb_robots_txt_is_refused_on_the_document(site):
    site.robots_bomb = True
    docs = ingest_articles(site, "/news/trial-postponed.html")
    error = docs["news/trial-postponed.html"].error
    assert error == (
        f"robots.txt of {site.url('')} cannot be read: refused: {site.url('/robots.txt')} "
        "looks like a compression bomb (over 512,000 bytes from 8,192)"
    )


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "br", "gzip, br"])
def test_decompression_never_passes_the_cap(encoding):
    import gzip
    import zlib

    import brotli

    data = b"a" * 10_000_000
    for name in [e.strip() for e in encoding.split(",")]:
        data = {"gzip": gzip.compress, "deflate": zlib.compress, "br": brotli.compress}[name](data)
    decoder = BoundedDecoder(encoding, 1_000_000)
    with pytest.raises(TooLarge):
        for start in range(0, len(data), 4096):
            decoder.feed(data[start : start + 4096])
    assert decoder.total <= 1_000_000
    small = BoundedDecoder(encoding, 20_000_000)
    assert (
        sum(len(small.feed(data[i : i + 4096])) for i in range(0, len(data), 4096))
        + len(small.feed(b""))
        == 10_000_000
    )


def test_a_malformed_feed_among_followed_items_is_an_error_on_its_document(site):
    call_command(
        "sources", "add", site.url("/hostile-listing.html"), "--kind", "listing", stdout=StringIO()
    )
    call_command("ingest", stdout=StringIO())
    docs = {doc.url.split("/", 3)[3]: doc for doc in Document.objects.all()}
    assert set(docs) == {"malformed-feed.xml", "bomb", "news/trial-postponed.html"}
    assert docs["malformed-feed.xml"].error == (
        "the feed is malformed: line 13, column 43: not well-formed (invalid token)"
    )
    assert "compression bomb" in docs["bomb"].error
    assert not docs["news/trial-postponed.html"].error


def test_a_malformed_feed_source_is_recorded_and_its_readable_entries_followed(site):
    call_command(
        "sources", "add", site.url("/malformed-feed.xml"), "--kind", "feed", stdout=StringIO()
    )
    out = StringIO()
    call_command("ingest", stdout=out)
    source = Source.objects.get()
    assert source.last_error == (
        "the feed is malformed: line 13, column 43: not well-formed (invalid token); 2 entries were read anyway"
    )
    assert f"source {source.slug} failed: the feed is malformed" in out.getvalue()
    assert Document.objects.filter(error="").count() == 2
