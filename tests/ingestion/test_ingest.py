"""End-to-end ingestion through the CLI commands, served from the local test site."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from hrdwatch.ingestion import archive
from hrdwatch.ingestion.dedupe import regroup_ungrouped
from hrdwatch.ingestion.models import Document, Source

from .commands import listed, run

pytestmark = pytest.mark.django_db


def test_listing_page_items_become_documents_with_their_own_titles_and_dates(site):
    run("sources", "add", site.url("/appeals.html"))
    summary = run("ingest")
    assert Source.objects.get().kind == "listing"
    docs = {d["title"]: d for d in listed()}
    assert set(docs) == {
        "Land rights defender detained after protest in Long An province",
        'Human rights lawyer sentenced to eight years for "subversion"',
        "Blogger feared disappeared after arrest at Tân Sơn Nhất airport",
        "Journalist beaten in custody, denied medical care",
    }
    detained = docs["Land rights defender detained after protest in Long An province"]
    assert detained["published"] == "2020-03-03"
    assert detained["language"] == "en"
    assert detained["characters"] > 500 and len(detained["sha256"]) == 64
    assert "Trần Thị Hoa" in Document.objects.get(pk=detained["id"]).text
    assert "Donate" not in Document.objects.get(pk=detained["id"]).text
    missing = docs["Journalist beaten in custody, denied medical care"]
    assert missing["error"].startswith("HTTP 404") and missing["published"] == "2019-12-09"
    assert "new 3" in summary and "failed 1" in summary and "missing-page.html: HTTP 404" in summary


def test_second_run_is_idempotent_and_counts_unchanged(site):
    run("sources", "add", site.url("/news/index.html"))
    run("ingest")
    first = listed()
    archived = sorted(p.name for p in Path(settings.ARCHIVE_DIR).rglob("*"))
    site.requests.clear()
    summary = run("ingest")
    assert [dict(d, fetched_at=None) for d in listed()] == [
        dict(d, outcome="unchanged", fetched_at=None) for d in first
    ]
    assert "unchanged 3" in summary and "new 0" in summary
    assert any(etag for _path, etag in site.requests), "second run sends conditional requests"
    assert sorted(p.name for p in Path(settings.ARCHIVE_DIR).rglob("*")) == archived


def test_listing_dates_in_many_formats_and_scripts(site):
    run("sources", "add", site.url("/news/index.html"), "--kind", "listing")
    run("sources", "add", site.url("/communiques.html"), "--kind", "listing")
    run("ingest")
    by_title = {d["title"]: d for d in listed()}
    assert (
        by_title["Woman activist released after serving four-year sentence"]["published"]
        == "2020-06-18"
    )
    assert (
        by_title["Trial of three environmental defenders postponed again"]["published"]
        == "2015-10-09"
    )
    zhang = by_title["维权律师张某被刑事拘留"]
    assert zhang["published"] == "2020-03-26" and zhang["language"] == "zh"
    assert "，" in Document.objects.get(pk=zhang["id"]).text, "full-width punctuation kept"
    avocate = by_title["Arrestation arbitraire d'une avocate des droits humains"]
    assert avocate["published"] == "2020-05-06" and avocate["language"] == "fr"
    assert "Maître Aïcha" in Document.objects.get(pk=avocate["id"]).text, (
        "latin-1 page without charset read"
    )


def test_bilingual_listing_keeps_each_language_version(site):
    run("sources", "add", site.url("/bilingual.html"), "--kind", "listing")
    run("ingest")
    docs = listed()
    assert len(docs) == 6
    assert sorted(d["language"] for d in docs) == ["en"] * 3 + ["vi"] * 3
    english = {d["title"]: d for d in docs if d["language"] == "en"}
    assert (
        english["Environmental activist prosecuted over Facebook posts"]["published"]
        == "2020-05-06"
    )
    vietnamese = [d["title"] for d in docs if d["language"] == "vi"]
    assert "Mục sư Tin Lành bị đánh đập khi bị thẩm vấn" in vietnamese
    assert all(not d["error"] for d in docs)
    again = run("ingest")
    assert len(listed()) == 6 and "unchanged 6" in again


def test_feeds_and_sitemaps_are_followed(site):
    run("sources", "add", site.url("/feed.xml"))
    run("sources", "add", site.url("/atom.xml"), "--kind", "feed")
    run("sources", "add", site.url("/sitemap.xml"))
    assert sorted(Source.objects.values_list("kind", flat=True)) == ["feed", "feed", "sitemap"]
    run("ingest")
    docs = {d["url"].split("/", 3)[3]: d for d in listed()}
    assert docs["appeals/2020-02-18-lawyer-sentenced.html"]["published"] == "2020-02-18"
    assert docs["ru/zaderzhan-pravozashchitnik.html"]["language"] == "ru"
    assert docs["ru/zaderzhan-pravozashchitnik.html"]["title"] == "Задержан правозащитник в Казани"
    assert docs["news/trial-postponed.html"]["characters"] > 200
    assert len(docs) == 5


def test_uploaded_files_are_read(fixtures_dir):
    for name in ("report.pdf", "submission.docx", "appeal.eml", "note.txt", "broken.pdf"):
        run("sources", "add", str(fixtures_dir / "files" / name))
    summary = run("ingest")
    docs = {Document.objects.get(pk=d["id"]).source.file_name: d for d in listed()}
    assert "57 cases" in Document.objects.get(pk=docs["report.pdf"]["id"]).text
    assert docs["report.pdf"]["title"] == "Annual report on defenders in detention 2020"
    assert (
        docs["submission.docx"]["title"] == "Submission to the Working Group on Arbitrary Detention"
    )
    assert "Detention Centre No. 1" in Document.objects.get(pk=docs["submission.docx"]["id"]).text
    assert (
        docs["appeal.eml"]["language"] == "vi"
        and docs["appeal.eml"]["title"] == "Khẩn cấp: nhà báo bị bắt"
    )
    assert docs["appeal.eml"]["published"] == "2020-03-23"
    assert docs["note.txt"]["characters"] > 50
    assert docs["broken.pdf"]["error"].startswith("cannot read the PDF")
    assert "new 4" in summary and "failed 1" in summary


def test_syndicated_copies_are_grouped_as_near_duplicates(site):
    run("sources", "add", site.url("/news/woman-activist-released.html"), "--kind", "article")
    run("sources", "add", site.url("/syndicated.html"), "--kind", "article")
    run("sources", "add", site.url("/news/trial-postponed.html"), "--kind", "article")
    run("ingest")
    groups = {d["url"].rsplit("/", 1)[1]: d["duplicate_group"] for d in listed()}
    assert groups["woman-activist-released.html"] is not None
    assert groups["woman-activist-released.html"] == groups["syndicated.html"]
    assert groups["trial-postponed.html"] is None


def test_copies_two_workers_committed_unseen_are_grouped_by_the_second_look(site):
    """Two batches grouped at the same moment do not see each other; the batch that commits
    last finds the other copy after its commit."""
    run("sources", "add", site.url("/news/woman-activist-released.html"), "--kind", "article")
    run("sources", "add", site.url("/syndicated.html"), "--kind", "article")
    run("sources", "add", site.url("/news/trial-postponed.html"), "--kind", "article")
    run("ingest")
    Document.objects.update(duplicate_group=None)  # as if each copy was grouped unseen
    copy = Document.objects.get(url=site.url("/syndicated.html"))
    unrelated = Document.objects.get(url=site.url("/news/trial-postponed.html"))
    assert regroup_ungrouped([copy.pk, unrelated.pk]) == 1
    groups = {d["url"].rsplit("/", 1)[1]: d["duplicate_group"] for d in listed()}
    assert groups["woman-activist-released.html"] == groups["syndicated.html"] is not None
    assert groups["trial-postponed.html"] is None
    assert regroup_ungrouped([copy.pk, unrelated.pk]) == 0, "nothing left to join"


def test_same_bytes_are_archived_once(site):
    run("sources", "add", site.url("/feed.xml"))
    run("sources", "add", site.url("/appeals.html"))
    run("ingest")
    hashes = [d["sha256"] for d in listed() if d["sha256"]]
    assert len(hashes) == len(set(hashes)) and archive.verify() == []


def test_since_skips_older_items(site):
    run("sources", "add", site.url("/appeals.html"))
    run("ingest", "--since", "2020-02-01")
    assert sorted(d["published"] for d in listed()) == ["2020-02-18", "2020-03-03"]


def test_documents_show_prints_metadata_and_text(site):
    run("sources", "add", site.url("/news/trial-postponed.html"), "--kind", "article")
    run("ingest")
    shown = run("documents", "show", str(Document.objects.get().pk))
    assert "title: Trial of three environmental defenders postponed again" in shown
    assert "hunger strike" in shown


def test_adding_the_same_url_twice_keeps_one_source(site):
    run("sources", "add", site.url("/feed.xml"))
    again = run("sources", "add", site.url("/feed.xml"))
    assert "already followed" in again and Source.objects.count() == 1
    assert "feed" in run("sources", "list")
