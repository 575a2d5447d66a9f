"""Listing pages shaped like real NGO sites, added and ingested the way a newcomer does it.

Each fixture under ``fixtures/site/ngo/`` imitates one family of sites (WordPress archive,
Drupal view, hand-written list, table layout, bilingual Vietnamese/English with dated summaries,
French SPIP) with
its chrome: menus, share buttons, donate links and "recent posts" sidebars repeating the items.
"""

from __future__ import annotations

import pytest

from hrdwatch.ingestion.models import Source
from hrdwatch.ingestion.registry import guess_kind

from .commands import listed, run

pytestmark = pytest.mark.django_db

# listing path -> (title, published, language, link path) of every item the listing shows
EXPECTED = {
    "/ngo/wp/news/": [
        ("Lawyer disbarred after defending detained activists", "2020-06-18", "en", "/ngo/wp/lawyer-disbarred/"),
        ("Independent journalist arrested at home in dawn raid", "2020-06-02", "en", "/ngo/wp/journalist-arrested-at-home/"),
        ("Trade union leader released on bail after 40 days", "2020-05-27", "en", "/ngo/wp/union-leader-released/"),
        ("Blogger sentenced to five years for Facebook posts", "2020-05-12", "en", "/ngo/wp/blogger-sentenced/"),
        ("Woman defender missing since Tuesday, family fears enforced disappearance", "2020-04-30", "en", "/ngo/wp/defender-missing/"),
        ("Student activist charged with public disorder", "2020-04-14", "en", "/ngo/wp/student-activist-charged/"),
        ("Pastor summoned for questioning for the fourth time", "2020-04-02", "en", "/ngo/wp/pastor-harassed/"),
    ],
    "/ngo/drupal/appeals/": [
        ("Defender detained incommunicado in Kampong Speu", "2020-03-10", "en", "/ngo/drupal/urgent-appeal/2020-03-10-defender-detained"),
        ("Lawyers threatened after filing torture complaint", "2020-02-25", "en", "/ngo/drupal/urgent-appeal/2020-02-25-lawyers-threatened"),
        ("Serious concern for the health of detained environmentalist", "2020-02-11", "en", "/ngo/drupal/urgent-appeal/2020-02-11-health-concern"),
        ("Travel ban imposed on women's rights defender", "2020-01-28", "en", "/ngo/drupal/urgent-appeal/2020-01-28-travel-ban"),
        ("Office of human rights organisation raided", "2020-01-14", "en", "/ngo/drupal/urgent-appeal/2020-01-14-office-raided"),
    ],
    "/ngo/plain/statements.htm": [
        ("Land activist beaten by unidentified men after court hearing", "2020-03-03", "en", "/ngo/plain/statements/2020-03-03.htm"),
        ("Court upholds ten-year sentence of labour rights lawyer", "2020-02-19", "en", "/ngo/plain/statements/2020-02-19.htm"),
        ("Environmental defender placed under house arrest", "2020-02-04", "en", "/ngo/plain/statements/2020-02-04.htm"),
        ("Joint statement on the detention of citizen journalists", "2020-01-21", "en", "/ngo/plain/statements/2020-01-21.htm"),
    ],
    "/ngo/old/news.html": [
        ("Three defenders held after peaceful assembly", "2015-10-09", "en", "/ngo/old/news/151009.html"),
        ("Hunger strike in Detention Centre No. 2", "2015-09-21", "en", "/ngo/old/news/150921.html"),
        ("Appeal: monk detained for teaching human rights", "2015-08-30", "en", "/ngo/old/news/150830.html"),
    ],
    "/ngo/vn/tin-tuc.html": [
        ("Blogger bị bắt vì viết về tranh chấp đất đai", "2020-03-26", "vi", "/ngo/vn/vi/blogger-bi-bat.html"),
        ("Blogger arrested over writings on land dispute", "2020-03-26", "en", "/ngo/vn/en/blogger-arrested.html"),
        ("Nhà báo tự do bị hành hung khi đưa tin", "2020-03-12", "vi", "/ngo/vn/vi/nha-bao-bi-danh.html"),
        ("Freelance journalist assaulted while reporting", "2020-03-12", "en", "/ngo/vn/en/journalist-beaten.html"),
        ("Kêu gọi trả tự do cho nhà hoạt động công đoàn", "2020-03-02", "vi", "/ngo/vn/en/call-release-union-activist.html"),
        ("Call for the release of trade union activist", "2020-03-02", "en", "/ngo/vn/en/call-release-union-activist.html"),
    ],
    # The listing date stands on its own line; each summary has an earlier event date in its text.
    "/ngo/mixed/tin.html": [
        ("Nhà báo Đỗ Thị Hằng bị tạm giữ", "2019-09-18", "vi", "/ngo/mixed/bai/do-thi-hang-vi.html"),
        ("Journalist Do Thi Hang taken into custody", "2019-09-18", "en", "/ngo/mixed/bai/do-thi-hang-en.html"),
        ("Luật sư Vũ Quốc Bảo bị cấm xuất cảnh", "2019-07-02", "vi", "/ngo/mixed/bai/vu-quoc-bao-vi.html"),
        ("Lawyer Vu Quoc Bao barred from leaving the country", "2019-07-02", "en", "/ngo/mixed/bai/vu-quoc-bao-en.html"),
    ],
    "/ngo/fr/actualites.html": [
        ("Arrestation arbitraire d'une avocate spécialisée en droit foncier", "2020-05-06", "fr", "/ngo/fr/spip.php-article-avocate-arretee.html"),
        ("Un syndicaliste condamné à trois ans de prison", "2020-04-22", "fr", "/ngo/fr/spip.php-article-syndicaliste-condamne.html"),
        ("Libération d'un journaliste après quatre mois de détention", "2020-04-09", "fr", "/ngo/fr/spip.php-article-journaliste-libere.html"),
    ],
}  # fmt: skip
CHROME_WORDS = ("Donate", "Share", "Partager", "Facebook", "Continue reading", "Lire la suite",
                "Posted in", "Leave a comment", "Read more", "more...", "Xem tiếp", "Recent Posts")  # fmt: skip


@pytest.mark.parametrize("path", list(EXPECTED))
def test_each_item_of_a_real_world_listing_gets_its_own_title_date_summary_link_and_language(
    site, path
):
    run("sources", "add", site.url(path))
    assert Source.objects.get().kind == "listing", "the kind is guessed from the page"
    summary = run("ingest")
    docs = listed()
    expected = EXPECTED[path]
    got = [(d["title"], d["published"], d["language"], d["url"]) for d in docs]
    assert sorted(got) == sorted(
        (title, day, language, site.url(link)) for title, day, language, link in expected
    )
    for doc in docs:
        assert not doc["error"] and doc["characters"] > 200 and len(doc["sha256"]) == 64
        assert doc["summary"] and doc["summary"] not in doc["title"]
        assert not any(word in doc["summary"] for word in CHROME_WORDS), doc["summary"]
        assert doc["parent_listing"].startswith(site.url(path))
    assert f"new {len(expected)}" in summary and "failed 0" in summary

    again = run("ingest")
    assert "failed 0" in again and "new 0" in again and "changed 0" in again
    assert [(d["id"], d["sha256"]) for d in listed()] == [(d["id"], d["sha256"]) for d in docs]


def test_later_pages_are_followed_up_to_the_limit_and_only_while_they_bring_new_items(site):
    run("sources", "add", site.url("/ngo/wp/news/"), "--kind", "listing")
    run("ingest")
    pages = [path for path, _etag in site.requests if path.startswith("/ngo/wp/news/")]
    assert pages == ["/ngo/wp/news/", "/ngo/wp/news/page/2/", "/ngo/wp/news/page/3/"]
    assert len(listed()) == 7, "page 4 is beyond the default limit of three pages"

    site.requests.clear()
    summary = run("ingest")
    pages = [path for path, _etag in site.requests if path.startswith("/ngo/wp/news/")]
    assert pages == ["/ngo/wp/news/"], "nothing new on page 1, so page 2 is not read again"
    assert "unchanged 3" in summary and len(listed()) == 7


def test_max_pages_hint_reads_further(site):
    run("sources", "add", site.url("/ngo/wp/news/"), "--kind", "listing")
    Source.objects.update(hints={"max_pages": 5})
    run("ingest")
    assert len(listed()) == 9


def test_a_broken_next_page_ends_the_listing_without_failing_it(site):
    run("sources", "add", site.url("/news/index.html"), "--kind", "listing")
    summary = run("ingest")
    assert ("/news/page/2/", "") in site.requests
    assert "failed 0" in summary and not Source.objects.get().last_error


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/ngo/wp/news/", "listing"),
        ("/ngo/old/news.html", "listing"),
        ("/ngo/wp/lawyer-disbarred/", "article"),  # has a dated "Recent Posts" sidebar
        ("/ngo/vn/en/blogger-arrested.html", "article"),
        ("/feed.xml", "feed"),
        ("/atom.xml", "feed"),
        ("/sitemap.xml", "sitemap"),
    ],
)
def test_the_kind_of_a_url_is_guessed_from_what_it_serves(site, path, kind):
    assert guess_kind(site.url(path)) == kind
