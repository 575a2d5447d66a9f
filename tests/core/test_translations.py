"""The interface in English, French and Spanish: every app's catalogues are complete and compiled,
no marked string is missing from them, and partner-facing pages and e-mails follow the language."""

from __future__ import annotations

import html
import shutil
from collections.abc import Iterable
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command

import hrdwatch
from hrdwatch import actions
from hrdwatch.advocacy.models import Campaign
from hrdwatch.extraction.extractors import get_extractor
from hrdwatch.extraction.models import Candidate
from hrdwatch.extraction.queue import StoreReport, store_candidates
from hrdwatch.extraction.schema import ExtractedEvent, ExtractedVictim
from hrdwatch.ingestion.models import Document, Source
from hrdwatch.records.levels import ReviewState, Visibility
from hrdwatch.vocab.models import Vocabulary
from tests.partners.fixtures import build_world, login, make_case, make_defender, make_source, term

PACKAGE = Path(hrdwatch.__file__).parent
APPS = sorted(path.parent.name for path in PACKAGE.glob("*/locale"))
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
CATALOGUES = [(app, language) for app in APPS for language in LANGUAGES]
PARTNER_FACING = ["advocacy", "audit", "extraction", "ingestion", "linkage", "partners", "review"]


def catalogue(app: str, language: str, suffix: str = "po") -> Path:
    return PACKAGE / app / "locale" / language / "LC_MESSAGES" / f"django.{suffix}"


def _keys(entries: Iterable[polib.POEntry | polib.MOEntry]) -> set[tuple[str | None, str, str]]:
    return {(e.msgctxt, e.msgid, e.msgid_plural) for e in entries if e.msgid and not e.obsolete}


def _translations(entries: Iterable[polib.POEntry | polib.MOEntry]) -> dict[tuple, tuple]:
    return {
        (e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items())))
        for e in entries
        if e.msgid and not e.obsolete
    }


def test_partner_facing_apps_have_catalogues():
    assert set(PARTNER_FACING) <= set(APPS)


@pytest.mark.parametrize(("app", "language"), CATALOGUES)
def test_catalogue_has_no_untranslated_or_fuzzy_entry(app, language):
    po = polib.pofile(str(catalogue(app, language)))
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    assert po.metadata.get("Plural-Forms"), "plural forms must be declared"


@pytest.mark.parametrize(("app", "language"), CATALOGUES)
def test_compiled_catalogue_is_up_to_date(app, language):
    po = polib.pofile(str(catalogue(app, language)))
    mo = polib.mofile(str(catalogue(app, language, "mo")))
    assert _translations(mo) == _translations(po.translated_entries()), (
        f"run compilemessages in hrdwatch/{app}"
    )
    assert mo.metadata.get("Plural-Forms") == po.metadata.get("Plural-Forms")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_string_translates_the_same_in_every_app(language):
    """Django merges the apps' catalogues (the first in INSTALLED_APPS wins), so a string that
    two apps translate differently would change one app's page from another app's catalogue."""
    seen: dict[tuple, dict[tuple, list[str]]] = {}
    for app in APPS:
        for key, translation in _translations(polib.pofile(str(catalogue(app, language)))).items():
            seen.setdefault(key, {}).setdefault(translation, []).append(app)
    assert {key: apps for key, apps in seen.items() if len(apps) > 1} == {}


@pytest.mark.parametrize("app", APPS)
def test_every_marked_string_is_in_the_catalogue(app, tmp_path, monkeypatch):
    """makemessages on a copy of the app finds nothing that the committed catalogue lacks."""
    copy = tmp_path / app
    shutil.copytree(
        PACKAGE / app, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo", "static")
    )
    monkeypatch.chdir(copy)
    call_command("makemessages", locale=[LANGUAGES[0]], verbosity=0)
    fresh = polib.pofile(str(copy / "locale" / LANGUAGES[0] / "LC_MESSAGES" / "django.po"))
    committed = polib.pofile(str(catalogue(app, LANGUAGES[0])))
    assert _keys(fresh) - _keys(committed) == set(), f"run makemessages in hrdwatch/{app}"


# -- pages and e-mails in French ------------------------------------------------------------------
@pytest.fixture
def french(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    return client


def text(response) -> str:
    """The page with entities decoded, so apostrophes read as written in the catalogue."""
    return html.unescape(response.content.decode())


@pytest.mark.django_db
def test_login_page_follows_the_browser_language(client):
    page = text(client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="fr"))
    assert "le compte est bloqué pendant un certain temps" in page
    assert "the account is locked" not in page


@pytest.mark.django_db
def test_tokens_page_in_french(french):
    world = build_world()
    page = text(login(french, world.users["a_viewer"]).get("/accounts/tokens/"))
    assert "Jetons d'API" in page and "À quoi sert-il ?" in page and "Un an" in page


@pytest.mark.django_db
def test_review_queue_and_screen_in_french(french):
    world = build_world()
    case = make_case(world.a, visibility=Visibility.PARTNERS, state=ReviewState.IN_REVIEW)
    login(french, world.users["b_reviewer"])
    queue = text(french.get("/review/"))
    assert "File de relecture" in queue and "Ancienneté" in queue and "Plus d'un mois" in queue
    screen = text(french.get(f"/review/case/{case.uid}/"))
    assert "Critères d'inclusion" in screen and "Manque encore avant publication" in screen
    # help texts of the checklist model and the workflow's messages
    assert "La personne a été privée de liberté ou a disparu." in screen
    assert "Au moins une source est liée au dossier comme preuve." in screen


@pytest.mark.django_db
def test_candidate_page_in_french(french):
    document = Document.objects.create(
        source=Source.objects.create(slug="news", name="News", kind="web"),
        url="http://127.0.0.1/a",
        text="Tran Van Minh was arrested.",
    )
    victim = ExtractedVictim(
        name="Tran Van Minh", events=[ExtractedEvent.model_validate({"type": "arrest"})]
    )
    store_candidates(document, get_extractor("rules"), [victim], StoreReport())
    candidate = Candidate.objects.get(document=document)
    login(french, build_world().users["a_reviewer"])
    page = text(french.get(f"/candidates/{candidate.pk}/"))
    assert "Proposé par rules" in page and "en attente de relecture" in page


@pytest.mark.django_db
def test_campaign_and_alert_pages_and_mail_in_french(french):
    Campaign.objects.create(
        slug="lawyers", title="Free the lawyers", is_published=True, letter="Dear $addressee"
    )
    assert "Écrire aux autorités" in text(french.get("/act/campaigns/lawyers/"))
    assert "Campagnes" in text(french.get("/act/campaigns/"))
    form = text(french.get("/act/alerts/"))
    assert "Adresse e-mail" in form and "Seulement ce pays" in form
    done = text(french.post("/act/alerts/", {"email": "someone@example.org"}))
    assert "Consultez votre boîte de réception" in done
    assert mail.outbox[-1].subject == "Confirmez vos alertes hrdwatch"
    assert "Pour confirmer, ouvrez ce lien" in mail.outbox[-1].body


def test_audit_log_admin_in_french(verified_admin_client):
    verified_admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    page = text(verified_admin_client.get("/admin/audit/auditentry/"))
    assert (
        "Entrées du journal d'audit" in page and "Par type d'objet" in page and "Plaidoyer" in page
    )


@pytest.mark.django_db
def test_review_notices_are_written_in_the_site_language(
    settings, django_capture_on_commit_callbacks
):
    settings.LANGUAGE_CODE = "es"
    world = build_world()
    case = actions.do_create_case(
        world.users["a_documenter"],
        defender=make_defender(world.a, Visibility.PARTNERS),
        organisation=world.a,
        source=make_source(world.a),
        country="FR",
        status=term(Vocabulary.CASE_STATUS),
        visibility=Visibility.PARTNERS,
    )
    with django_capture_on_commit_callbacks(execute=True):
        actions.do_submit_for_review(world.users["a_documenter"], case)
    assert mail.outbox[-1].subject == "Un caso espera revisión"
    assert f"Caso {case.uid}:" in mail.outbox[-1].body
