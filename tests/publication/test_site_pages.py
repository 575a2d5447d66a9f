"""The site's own pages (methodology, licence, contact, privacy) and the /defenders/ and
/countries/ lists: in every language, editable in the admin, public data only."""

from __future__ import annotations

import pytest
from django.utils.html import escape

from hrdwatch.core.countries import country_name
from hrdwatch.publication.sitepages import SitePage, render_body
from hrdwatch.records.guard import writes_allowed
from tests.builders import CANARY, build_sample

pytestmark = pytest.mark.django_db

SLUGS = ("methodology", "licence", "contact", "privacy")
TITLES = {
    "en": {"methodology": "Methodology", "licence": "Licence", "privacy": "Privacy"},
    "fr": {"methodology": "Méthodologie", "licence": "Licence", "privacy": "Confidentialité"},
    "es": {"methodology": "Metodología", "licence": "Licencia", "privacy": "Privacidad"},
}


@pytest.fixture
def sample(indexed):
    with indexed():
        return build_sample()


@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize("slug", SLUGS)
def test_each_page_renders_in_each_language(client, language, slug):
    client.cookies["django_language"] = language
    response = client.get(f"/about/{slug}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}"' in html
    if slug in TITLES[language]:
        assert TITLES[language][slug] in html


def test_methodology_lists_the_review_checklist_and_licence_names_cc_by(client):
    methodology = client.get("/about/methodology/").content.decode()
    assert "At least one credible source supports the case." in methodology
    assert "<li>The person is a human rights defender.</li>" in methodology
    assert "CC BY 4.0" in client.get("/about/licence/").content.decode()


def test_unknown_page_is_not_found(client):
    assert client.get("/about/nothing/").status_code == 404


def test_contact_shows_the_configured_address_or_a_neutral_text(client, settings):
    settings.HRDWATCH_CONTACT_EMAIL = ""
    assert "No contact address has been published" in client.get("/about/contact/").content.decode()
    settings.HRDWATCH_CONTACT_EMAIL = "info@example.org"
    assert 'href="mailto:info@example.org"' in client.get("/about/contact/").content.decode()


def test_an_admin_edit_shows_up_and_falls_back_to_english(verified_admin_client, client):
    response = verified_admin_client.post(
        "/admin/publication/sitepage/add/",
        {
            "slug": "privacy",
            "title_en": "Our privacy",
            "body_en": "We keep <nothing>.\n\nSecond paragraph.",
            "title_fr": "Notre vie privée",
            "body_fr": "",
            "title_es": "",
            "body_es": "",
        },
    )
    assert response.status_code == 302
    saved = SitePage.objects.get(slug="privacy")
    assert saved.title_en == "Our privacy"
    assert saved.history.get().history_user.username == "root-admin"  # who changed it is kept
    html = client.get("/about/privacy/").content.decode()
    assert "Our privacy" in html
    assert "<p>We keep &lt;nothing&gt;.</p>" in html and "<p>Second paragraph.</p>" in html
    client.cookies["django_language"] = "fr"
    html = client.get("/about/privacy/").content.decode()
    assert '<div class="about-body" lang="en">' in html
    assert "<h1>Notre vie privée</h1>" in html  # the page's own language needs no mark


def test_the_admin_is_for_superusers_only(client, django_user_model):
    user = django_user_model.objects.create_user("staff", "s@example.org", "pw-123456789")
    user.is_staff = True
    user.save()
    client.force_login(user)
    assert client.get("/admin/publication/sitepage/").status_code != 200


def test_bodies_are_escaped_paragraphs_and_lists():
    html = render_body("<script>x</script>\n\n- one\n- <b>two</b>")
    assert (
        html
        == "<p>&lt;script&gt;x&lt;/script&gt;</p>\n<ul><li>one</li><li>&lt;b&gt;two&lt;/b&gt;</li></ul>"
    )


def test_the_footer_links_every_page_and_list(client):
    html = client.get("/about/licence/").content.decode()
    for url in ("/defenders/", "/countries/", *(f"/about/{slug}/" for slug in SLUGS)):
        assert f'href="{url}"' in html


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_defenders_list_shows_public_people_told_apart_and_no_one_else(client, sample, language):
    client.cookies["django_language"] = language
    response = client.get("/defenders/")
    html = response.content.decode()
    assert response.status_code == 200
    assert sample.defender.display_name in html
    assert f'href="/defenders/{sample.defender.uid}/"' in html
    # the country and birth year tell namesakes apart
    assert "1969" in html and escape(country_name("VN", language)) in html
    assert CANARY not in html
    assert sample.hidden_defender.uid not in html


def test_defenders_list_pages(client, sample, settings):
    from hrdwatch.publication.views import site_pages

    with writes_allowed("test data"):
        for n in range(site_pages.PER_PAGE):
            type(sample.defender).objects.create(
                display_name=f"Zz Person {n:03}", is_published=True, visibility="public"
            )
    first = client.get("/defenders/").content.decode()
    second = client.get("/defenders/?page=2").content.decode()
    assert 'rel="next"' in first and sample.defender.display_name in first
    assert "Zz Person 049" in second and sample.defender.display_name not in second


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_countries_list_counts_public_cases_and_links_each_country(client, sample, language):
    client.cookies["django_language"] = language
    html = client.get("/countries/").content.decode()
    assert 'href="/countries/VN/"' in html
    assert '<td class="num">1</td>' in html  # the hidden case is not counted
    assert CANARY not in html


@pytest.mark.parametrize(
    ("language", "defenders", "countries"),
    [("fr", "Défenseur·es", "Pays"), ("es", "Personas defensoras", "Países")],
)
def test_the_page_chrome_is_translated(client, language, defenders, countries):
    client.cookies["django_language"] = language
    assert f"<h1>{defenders}</h1>" in client.get("/defenders/").content.decode()
    html = client.get("/countries/").content.decode()
    assert f"<h1>{countries}</h1>" in html and f'href="/countries/">{countries}</a>' in html


def test_the_sitemap_lists_the_site_pages_and_lists(client):
    xml = client.get("/sitemap.xml").content.decode()
    for path in ("/defenders/", "/countries/", *(f"/about/{slug}/" for slug in SLUGS)):
        assert f"{path}</loc>" in xml
