"""The review queue keeps the machine's output frozen beside reviewers' work across runs."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from hrdwatch.extraction.extractors import get_extractor
from hrdwatch.extraction.extractors.rules import RuleExtractor
from hrdwatch.extraction.models import Candidate, CandidateStatus, DefenderMatch, MatchKind
from hrdwatch.extraction.queue import StoreReport, name_key, store_candidates
from hrdwatch.extraction.schema import ExtractedEvent, ExtractedVictim
from hrdwatch.ingestion.models import Document, Source
from hrdwatch.records.guard import writes_allowed
from hrdwatch.records.models import Defender, DefenderName
from tests.extraction.examples import NEWS_WITH_QUOTED_PEOPLE

pytestmark = pytest.mark.django_db


class NewerRules(RuleExtractor):
    """The same rules under a newer version number, as after an upgrade."""

    version = "99.0"


@pytest.fixture
def document() -> Document:
    source = Source.objects.create(slug="test-news", name="Test news", kind="web")
    return Document.objects.create(
        source=source,
        url="http://127.0.0.1/a",
        text=NEWS_WITH_QUOTED_PEOPLE,
        published="2022-06-16",
    )


def victim(name: str, event: str = "arrest") -> ExtractedVictim:
    return ExtractedVictim(name=name, events=[ExtractedEvent.model_validate({"type": event})])


def test_command_proposes_candidates_with_extractor_name_and_version(document: Document) -> None:
    call_command("propose_candidates")
    (candidate,) = Candidate.objects.filter(document=document)
    assert (candidate.name, candidate.extractor_name) == ("Tran Minh Khoa", "rules")
    assert candidate.extractor_version == get_extractor("rules").version
    assert candidate.machine["country"] == "VN"
    call_command("propose_candidates")  # idempotent
    assert Candidate.objects.filter(document=document).count() == 1


def test_new_version_updates_machine_output_but_keeps_reviewer_work(document: Document) -> None:
    rules = get_extractor("rules")
    report = StoreReport()
    (candidate,) = store_candidates(document, rules, [victim("Ana Duarte")], report)
    candidate.edits = {"country": "VE"}
    candidate.status = CandidateStatus.ACCEPTED
    candidate.save()

    newer = NewerRules()
    store_candidates(document, newer, [victim("ANA DUARTE", "detention")], report)
    candidate.refresh_from_db()
    assert candidate.extractor_version == "99.0"
    assert candidate.machine["events"][0]["type"] == "detention"
    assert candidate.edits == {"country": "VE"} and candidate.status == CandidateStatus.ACCEPTED
    assert candidate.needs_rereview
    assert candidate.current()["country"] == "VE"
    assert report.created == 1 and report.rereview == 1


def test_person_no_longer_proposed_is_withdrawn_only_if_reviewed(document: Document) -> None:
    rules, report = get_extractor("rules"), StoreReport()
    reviewed, untouched = store_candidates(
        document, rules, [victim("Ana Duarte"), victim("Ben Osei")], report
    )
    reviewed.status = CandidateStatus.REJECTED
    reviewed.save()
    store_candidates(document, rules, [], report)
    assert not Candidate.objects.filter(pk=untouched.pk).exists()
    reviewed.refresh_from_db()
    assert reviewed.withdrawn and reviewed.status == CandidateStatus.REJECTED


@writes_allowed("test data")
def test_candidates_are_checked_against_known_defenders(document: Document) -> None:
    exact = Defender.objects.create(display_name="Ana Duarte")
    folded = Defender.objects.create(display_name="Ben Osei")
    DefenderName.objects.create(defender=folded, name="OSEI Bén")
    Defender.objects.create(display_name="Someone Else")
    store_candidates(
        document, get_extractor("rules"), [victim("Ana Duarte"), victim("Bén Osei")], StoreReport()
    )
    matches = {(m.candidate.name, m.defender_id, m.kind) for m in DefenderMatch.objects.all()}
    assert matches == {
        ("Ana Duarte", exact.pk, MatchKind.EXACT),
        ("Bén Osei", folded.pk, MatchKind.FOLDED),
    }


def test_name_key_ignores_case_accents_and_order() -> None:
    assert name_key("Bén Osei") == name_key("OSEI ben") == "ben osei"


def test_evidence_is_highlighted_and_escaped() -> None:
    from hrdwatch.extraction.highlight import highlight_spans

    html = highlight_spans("<b>X</b> was arrested and held.", [(13, 21), (26, 30), (18, 21)])
    assert html == "&lt;b&gt;X&lt;/b&gt; was <mark>arrested</mark> and <mark>held</mark>."


def test_candidate_page_needs_a_reviewer(client, document: Document) -> None:
    (candidate,) = store_candidates(
        document, get_extractor("rules"), [victim("Ana Duarte")], StoreReport()
    )
    response = client.get(f"/candidates/{candidate.pk}/")
    assert response.status_code == 302 and "login" in response["Location"]


def test_candidate_page_is_refused_to_a_mere_viewer(client, document: Document) -> None:
    from hrdwatch.partners.models import Organisation, Role
    from tests.partners.fixtures import make_user

    viewer = make_user("viewer", Organisation.objects.create(slug="org", name="Org"), Role.VIEWER)
    (candidate,) = store_candidates(
        document, get_extractor("rules"), [victim("Ana Duarte")], StoreReport()
    )
    client.force_login(viewer)
    assert client.get(f"/candidates/{candidate.pk}/").status_code == 403


def test_reviewer_sees_the_document_with_evidence_marked(client, document: Document) -> None:
    from hrdwatch.extraction.queue import source_document
    from hrdwatch.partners.models import Organisation, Role
    from tests.partners.fixtures import login, make_user

    document.refresh_from_db()
    rules = get_extractor("rules")
    store_candidates(document, rules, rules.extract(source_document(document)), StoreReport())
    candidate = Candidate.objects.get(document=document)
    reviewer = make_user(
        "reviewer", Organisation.objects.create(slug="org", name="Org"), Role.REVIEWER
    )
    page = login(client, reviewer).get(f"/candidates/{candidate.pk}/").content.decode()
    assert "Tran Minh Khoa" in page
    assert "<mark>sentenced</mark>" in page and "<mark>arrested</mark>" in page


def test_queue_sorts_by_confidence_and_keeps_each_documents_warnings(document: Document) -> None:
    from hrdwatch.extraction.models import ExtractionRun
    from hrdwatch.extraction.queue import documents_with_warnings, review_queue
    from tests.extraction.multilingual import UNSUPPORTED

    call_command("propose_candidates")
    rules = get_extractor("rules")
    sure = ExtractedVictim(name="Ana Sure", confidence=0.9, events=[ExtractedEvent(type="arrest")])
    unsure = ExtractedVictim(
        name="Ben Unsure", confidence=0.3, events=[ExtractedEvent(type="arrest")]
    )
    store_candidates(document, rules, [unsure, sure, victim("Tran Minh Khoa")], StoreReport())
    # Most confident first; a candidate stored without a confidence comes last.
    assert [c.name for c in review_queue()] == ["Ana Sure", "Ben Unsure", "Tran Minh Khoa"]
    other = Document.objects.create(
        source=document.source, url="http://127.0.0.1/az", text=UNSUPPORTED
    )
    call_command("propose_candidates", "--document", str(other.pk))
    run = ExtractionRun.objects.get(document=other, extractor_name="rules")
    assert run.warnings == ["unsupported_language:az", "no_publication_date"]
    assert run.victims == 0
    assert [r.document_id for r in documents_with_warnings()] == [other.pk]


def test_reviewer_sees_confidence_and_the_documents_warnings(client, document: Document) -> None:
    from hrdwatch.extraction.queue import record_run
    from hrdwatch.extraction.schema import Extraction
    from hrdwatch.partners.models import Organisation, Role
    from tests.partners.fixtures import login, make_user

    rules = get_extractor("rules")
    (candidate,) = store_candidates(
        document, rules, [ExtractedVictim(name="Ana Sure", confidence=0.8)], StoreReport()
    )
    record_run(document, rules, Extraction(language="xx", warnings=["unsupported_language:xx"]))
    reviewer = make_user(
        "reviewer", Organisation.objects.create(slug="org", name="Org"), Role.REVIEWER
    )
    page = login(client, reviewer).get(f"/candidates/{candidate.pk}/").content.decode()
    assert "confidence 0.80" in page
    assert "<code>unsupported_language:xx</code>" in page
