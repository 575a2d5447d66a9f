"""Act in one tap (#24): the "Take action" block of a defender's page, its letters in EN/FR/ES with
CLDR country names, prepositions and dates, the authorities as data, campaigns, alerts, sharing,
the embed code and the link preview; the demo's campaigns."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from django.test import override_settings
from django.urls import reverse

from hrdwatch.advocacy.letters import letter_for, recipients_for
from hrdwatch.advocacy.models import Campaign
from hrdwatch.advocacy.places import country_words, letter_date, since
from hrdwatch.demo.generator import generate
from hrdwatch.records.status import standing
from hrdwatch.records.visibility import Gate

pytestmark = pytest.mark.django_db

# English words that must not appear in a French or Spanish letter (outside names and quotations);
# words French or Spanish share with English ("Office", "Justice", "Nations", "Defender") are left out.
ENGLISH_WORDS = {
    "the", "of", "and", "to", "release", "released", "head", "state", "detention", "detained",
    "charge", "charges", "charged", "minister", "president", "king", "embassy", "united",
    "your", "country", "dear", "sincerely", "since", "days", "human", "rights", "whereabouts",
    "prosecutor", "chair", "working", "group", "arbitrary", "geneva", "switzerland", "c/o",
    "security", "spreading", "false", "information", "terrorism", "order", "fraud", "espionage",
    "other", "judiciary", "government", "placeholder", "example", "held", "urge", "letter",
}  # fmt: skip


@pytest.mark.parametrize(
    ("code", "lang", "in_", "of"),
    [
        ("BH", "fr", "à Bahreïn", "de Bahreïn"),
        ("VN", "fr", "au Viêt Nam", "du Viêt Nam"),
        ("CN", "fr", "en Chine", "de la Chine"),
        ("EG", "fr", "en Égypte", "de l'Égypte"),
        ("IR", "fr", "en Iran", "de l'Iran"),
        ("PH", "fr", "aux Philippines", "des Philippines"),
        ("US", "fr", "aux États-Unis", "des États-Unis"),
        ("IL", "fr", "en Israël", "d'Israël"),
        ("CU", "fr", "à Cuba", "de Cuba"),
        ("BH", "es", "en Baréin", "de Baréin"),
        ("BH", "en", "in Bahrain", "of Bahrain"),
        ("PH", "en", "in the Philippines", "of the Philippines"),
        ("HK", "en", "in Hong Kong", "of Hong Kong"),
    ],
)
def test_countries_take_the_right_preposition(code, lang, in_, of):
    words = country_words(code, lang)
    assert (words.in_, words.of) == (in_, of)


def test_dates_come_from_cldr_at_their_precision():
    day, first = dt.date(2024, 3, 5), dt.date(2024, 3, 1)
    assert since(day, "day", "fr") == "depuis le 5 mars 2024"
    assert since(first, "day", "fr") == "depuis le 1er mars 2024"
    assert since(first, "month", "fr") == "depuis mars 2024"  # never "depuis le mars 2024"
    assert since(day, "day", "es") == "desde el 5 de marzo de 2024"
    assert since(first, "month", "es") == "desde marzo de 2024"
    assert since(day, "day", "en") == "since 5 March 2024"
    assert since(first, "year", "en") == "since 2024"
    assert letter_date(None, "unknown", "fr") == "" and since(day, "unknown", "en") == ""


def test_authorities_are_translated_data_with_a_fallback():
    bahrain = recipients_for("BH", "fr")
    assert bahrain[0].title == "Roi de Bahreïn" and bahrain[0].salutation == "Sire"
    assert bahrain[0].placeholder and bahrain[0].email.endswith(".invalid")
    elsewhere = recipients_for("NI", "es")  # no entry of its own: the default wording
    assert elsewhere[0].title == "Jefatura del Estado de Nicaragua"
    assert "Misión Permanente de Nicaragua" in elsewhere[0].address[0]
    assert elsewhere[-1].title.startswith("Presidencia-Relatoría")
    assert recipients_for("NI", "en")[0].title == "Head of State of Nicaragua"


def test_a_network_can_use_its_own_authorities_file(tmp_path):
    own = tmp_path / "authorities.yaml"
    own.write_text(
        "roles: {ombud: {en: 'Ombudsperson {of}', fr: 'Médiateur {of}'}}\n"
        "channels: {}\ndefault: [{role: ombud, postal: ['1 Example Street'],"
        " email: 'ombud@example.org'}]\n",
        encoding="utf-8",
    )
    with override_settings(HRDWATCH_AUTHORITIES_FILE=str(own)):
        (only,) = recipients_for("CU", "fr")
    assert only.title == "Médiateur de Cuba" and only.email == "ombud@example.org"
    assert only.address == ("1 Example Street",) and not only.placeholder


def _words_outside(text: str, names: set[str]) -> set[str]:
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, " ")
    text = re.sub(r"«[^»]*»|“[^”]*”", " ", text)  # quotations may stay in their language
    return {w.lower() for w in re.findall(r"[\w/]+", text)}


@pytest.fixture
def demo(db):
    generate(60, seed=24)
    return [
        case
        for case in Gate().cases().select_related("status", "defender")
        if standing(case).detained and case.release_date is None  # as the page decides
    ]


def _letter_on_page(client, case, lang: str) -> str:
    url = reverse("publication:defender", args=[case.defender.uid])
    body = client.get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    match = re.search(rf'id="{case.uid}-letter"[^>]*>(.*?)</div>', body, re.S)
    assert match, f"no letter on {url} in {lang}"
    return html.unescape(re.sub(r"<[^>]+>", " ", match.group(1)))


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_no_english_word_in_french_and_spanish_letters(client, demo, lang):
    assert len(demo) >= 10
    countries = set()
    for case in demo[:25]:
        names = {case.defender.display_name, case.city, case.region} - {""}
        letter = _letter_on_page(client, case, lang)
        english = _words_outside(letter, names) & ENGLISH_WORDS
        assert not english, f"{case.uid} ({case.country}) in {lang}: {sorted(english)}\n{letter}"
        assert "en/au" not in letter and "depuis le mars" not in letter and "{" not in letter
        recipients = recipients_for(case.country, lang)
        for recipient in recipients:
            text = " ".join([recipient.title, *recipient.address])
            assert not _words_outside(text, set()) & ENGLISH_WORDS, text
        countries.add(case.country)
    assert len(countries) >= 3


def test_charges_are_the_wording_in_english_and_the_category_elsewhere(demo):
    case = demo[0]
    charges = [{"wording": "spreading false news", "category": "Diffusion de fausses informations"}]
    assert "diffusion de fausses informations" in letter_for(case, "X", charges, "fr").text
    assert "spreading" not in letter_for(case, "X", charges, "fr").text
    english = [{"wording": "spreading false news", "category": "Spreading false information"}]
    assert "on charges of spreading false news" in letter_for(case, "X", english, "en").text


def test_the_action_block_leads_the_page(client, demo):
    case = demo[0]
    url = reverse("publication:defender", args=[case.defender.uid])
    body = client.get(url).content.decode()
    block = body.index('class="take-action"')
    assert block < body.index("Timeline") and block < body.index('class="status-line"')
    assert f'id="{case.uid}-letter"' in body and '<textarea id="' + case.uid not in body
    # the copy button is an enhancement: hidden until the script shows it, letter is plain text
    assert re.search(r'<button type="button" class="copy-button" data-copy="[^"]+-letter"', body)
    assert 'class="copy-button"' in body and " hidden>" in body
    assert "advocacy/action.js" in body and "<script>" not in body
    assert f"/act/alerts/?defender={case.defender.uid}" in body  # follow this case
    assert (
        "mastodonshare.com" in body and "&lt;iframe src=&quot;http://testserver/act/card/" in body
    )


def test_open_graph_tags_point_to_the_card_image(client, demo):
    case = demo[0]
    body = client.get(reverse("publication:defender", args=[case.defender.uid])).content.decode()
    image = re.search(r'<meta property="og:image" content="([^"]+)"', body).group(1)
    assert image.startswith("http://testserver/act/card/") and ".png" in image
    response = client.get(html.unescape(image).removeprefix("http://testserver"))
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert '<meta property="og:title"' in body and 'name="twitter:card"' in body


def test_print_keeps_whole_paragraphs():
    from django.contrib.staticfiles import finders

    css = open(finders.find("advocacy/advocacy.css"), encoding="utf-8").read()  # noqa: PTH123
    printing = css[css.index("@media print") :]
    assert ".act-text p" in printing and "break-inside: avoid" in printing


def test_the_card_links_to_the_host_the_site_is_served_on(client, demo):
    uid = demo[0].defender.uid
    body = client.get(f"/act/card/{uid}/", HTTP_HOST="hrd.example.org").content.decode()
    assert 'href="http://hrd.example.org/defenders/' in body or "http://hrd.example.org/" in body
    assert "127.0.0.1:8000" not in body
    with override_settings(SITE_URL="https://watch.example.net", SITE_URL_CONFIGURED=True):
        body = client.get(f"/act/card/{uid}/", HTTP_HOST="internal:8080").content.decode()
    assert "https://watch.example.net/" in body and "internal:8080" not in body


def test_demo_ships_two_campaigns_of_detained_defenders(client, demo):
    campaigns = Campaign.objects.filter(is_published=True)
    assert campaigns.count() == 2
    for campaign in campaigns:
        cases = list(campaign.cases.select_related("status"))
        assert len(cases) >= 3 and all(standing(c).detained for c in cases)
    listing = client.get("/act/campaigns/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Libérez les journalistes" in listing
    slug = campaigns.first().slug
    page = client.get(f"/act/campaigns/{slug}/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    letter = re.search(r'id="letter-text"[^>]*>(.*?)</div>', page, re.S).group(1)
    assert "Nous vous demandons" in letter and "$" not in letter
    assert 'data-copy="letter-text"' in page and "advocacy/action.js" in page
    linked = campaigns.first().cases.first()
    page = client.get(reverse("publication:defender", args=[linked.defender.uid])).content.decode()
    assert reverse("advocacy:campaign", args=[campaigns.first().slug]) in page


def test_campaigns_and_alerts_are_in_the_main_navigation(client, db):
    body = client.get("/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    nav = body[body.index('<ul class="nav">') : body.index("</ul>", body.index('<ul class="nav">'))]
    assert 'href="/act/campaigns/"' in nav and 'href="/act/alerts/"' in nav


def test_the_alerts_form_asks_for_a_country_by_name(client, db, mailoutbox):
    body = client.get("/act/alerts/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '<select name="country"' in body and '<option value="BH">Bahreïn</option>' in body
    assert "ISO" not in body and 'class="alerts-form"' in body
    response = client.post("/act/alerts/", {"email": "a@example.org", "country": "BH"})
    assert response.status_code == 200 and len(mailoutbox) == 1
    from hrdwatch.advocacy.models import AlertSubscription

    assert AlertSubscription.objects.get().country == "BH"
    assert (
        client.post("/act/alerts/", {"email": "b@example.org", "country": "XX"}).status_code == 200
    )
    assert AlertSubscription.objects.count() == 1  # an unknown country is refused


def test_following_one_case_names_the_defender(client, demo):
    defender = demo[0].defender
    body = client.get(f"/act/alerts/?defender={defender.uid}").content.decode()
    assert defender.display_name in body and f'value="{defender.uid}"' in body


def test_how_long_reads_in_days_and_years_with_cldr_numbers():
    from hrdwatch.advocacy.letters import _held

    assert _held("A", 5222, "en") == "A has been held for 5,222 days (more than 14 years)"
    assert _held("A", 5222, "fr") == "A est détenu·e depuis 5\u202f222 jours (plus de 14 ans)"
    assert _held("A", 400, "es") == "A lleva 400 días detenido/a (más de un año)"
    assert _held("A", 30, "fr") == "A est détenu·e depuis 30 jours"
    assert "?" not in _held("A", None, "en") and _held("A", None, "es") == "A sigue detenido/a"
