"""Every caller writes through the actions and leaves its audit entries: the bulk path (import,
demo), candidate acceptance, merge and undo (with the search index following)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from hrdwatch import actions
from hrdwatch.audit.models import AuditEntry
from hrdwatch.demo.generator import generate
from hrdwatch.extraction.models import Candidate, CandidateStatus
from hrdwatch.ingestion.models import Document, Source, SourceKind
from hrdwatch.publication.listing import ListingQuery, filtered_entries
from hrdwatch.publication.search.index import rebuild
from hrdwatch.records import models as m
from hrdwatch.records.guard import writes_allowed
from hrdwatch.records.levels import ReviewState, Visibility
from hrdwatch.vocab.models import Vocabulary
from tests.partners.fixtures import make_case, make_defender, make_source, term

pytestmark = pytest.mark.django_db

TEXT = "Lawyer Ana Duarte was arrested on 4 May 2021 and charged with subversion."


def test_a_bulk_load_is_one_transaction_with_an_entry_per_record_and_one_for_the_load(world):
    source = make_source(world.a)
    with actions.bulk_load(world.users["a_documenter"], via="import", label="cases.csv") as load:
        person = actions.do_create_defender(
            None, organisation=world.a, source=None, display_name="Imported person"
        )
        actions.do_create_case(
            None,
            defender=person,
            organisation=world.a,
            source=source,
            country="FR",
            status=term(Vocabulary.CASE_STATUS),
        )
    entries = AuditEntry.objects.filter(details__bulk=load.batch_id)
    assert sorted(entries.values_list("action", flat=True)) == [
        "bulk.load",
        "case.create",
        "defender.create",
    ]
    assert set(entries.values_list("via", flat=True)) == {"import"}
    assert set(entries.values_list("actor__username", flat=True)) == {"a_documenter"}
    assert entries.get(action="bulk.load").details["counts"] == {
        "case.create": 1,
        "defender.create": 1,
    }


def test_a_failing_bulk_load_leaves_nothing(world):
    with pytest.raises(PermissionDenied):
        with actions.bulk_load(world.users["a_documenter"], via="import", label="bad.csv"):
            actions.do_create_defender(None, organisation=world.a, source=None, display_name="One")
            actions.do_create_defender(None, organisation=world.b, source=None, display_name="Two")
    assert not m.Defender.all_objects.filter(display_name__in=["One", "Two"]).exists()
    assert not AuditEntry.objects.filter(action__in=["defender.create", "bulk.load"]).exists()


def test_only_the_system_or_a_superuser_seeds_published_demonstration_data(world):
    with pytest.raises(PermissionDenied):
        with actions.bulk_load(world.users["a_administrator"], via="demo", label="x", seed=True):
            pass
    generate(size=5, seed=3)
    load = AuditEntry.objects.get(action="bulk.load")
    assert load.via == "demo" and load.details["counts"]["defender.create"] == 5
    assert AuditEntry.objects.filter(action="defender.create", via="demo").count() == 5
    assert AuditEntry.objects.filter(action="case.create").count() == m.Case.objects.count()


def _candidate(org=None, uploaded: bool = False) -> Candidate:
    with writes_allowed("test data"):
        source = Source.objects.create(
            slug=f"feed-{uploaded}",
            name="A feed",
            organisation=org,
            kind=SourceKind.FILE if uploaded else "web",
        )
        document = Document.objects.create(
            source=source,
            url="https://example.org/a",
            text=TEXT,
            title="Lawyer arrested",
            sha256="ab" * 32,
        )
        start = TEXT.index("was arrested")
        machine = {
            "name": "Ana Duarte",
            "aliases": ["A. Duarte"],
            "country": "FR",
            "roles": ["lawyer"],
            "events": [
                {
                    "type": "arrest",
                    "date": "2021-05-04",
                    "charges": ["subversion"],
                    "evidence": [[start, start + 33]],
                }
            ],
        }
        return Candidate.objects.create(
            document=document,
            extractor_name="rules",
            extractor_version="1",
            key="ana duarte",
            name="Ana Duarte",
            machine=machine,
            machine_updated_at=timezone.now(),
        )


def test_an_accepted_candidate_becomes_a_draft_case_citing_its_document(world):
    candidate = _candidate()
    case = actions.do_accept_candidate(world.users["a_documenter"], candidate, organisation=world.a)
    assert (case.review_state, case.owner, case.visibility) == (
        ReviewState.DRAFT,
        world.a,
        Visibility.PARTNERS,
    )
    assert case.defender.display_name == "Ana Duarte"
    assert list(case.defender.names.values_list("name", flat=True)) == ["A. Duarte"]
    arrest = case.events.get()
    assert arrest.event_type.code == "arrest" and arrest.charges.get().wording == "subversion"
    quote = arrest.evidence.get(field="")
    assert quote.quote == "was arrested on 4 May 2021 and ch" and quote.start == TEXT.index("was")
    assert quote.source.content_hash == "ab" * 32
    case.refresh_from_db()
    assert case.status.code == "detained_awaiting_trial" and arrest.date is not None
    candidate.refresh_from_db()
    assert candidate.status == CandidateStatus.ACCEPTED
    accepted = AuditEntry.objects.get(action="candidate.accept")
    assert accepted.object_uid == case.uid and accepted.details["events"] == 1
    assert {
        "defender.create",
        "case.create",
        "event.create",
        "charge.create",
        "source.create",
        "name.create",
    } <= set(AuditEntry.objects.values_list("action", flat=True))


def test_another_organisations_uploaded_document_cannot_be_accepted(world):
    candidate = _candidate(org=world.b, uploaded=True)
    with pytest.raises(PermissionDenied):
        actions.do_accept_candidate(world.users["a_documenter"], candidate, organisation=world.a)
    with pytest.raises(PermissionDenied):  # nor can a member act for an organisation not theirs
        actions.do_accept_candidate(world.users["b_documenter"], candidate, organisation=world.a)
    case = actions.do_accept_candidate(world.users["b_documenter"], candidate, organisation=world.b)
    assert case.events.get().evidence.get(field="").source.visibility == Visibility.RESTRICTED


def test_a_merge_and_its_undo_keep_the_search_index_in_step(
    world, django_capture_on_commit_callbacks
):
    keep = make_case(
        world.a, state=ReviewState.PUBLISHED, defender=make_defender(world.a, name="Ana Duarte")
    ).defender
    duplicate = make_case(
        world.a, state=ReviewState.PUBLISHED, defender=make_defender(world.a, name="Ana Kovalenko")
    ).defender
    rebuild()
    editor = world.users["a_editor"]
    with django_capture_on_commit_callbacks(execute=True):
        merge = actions.do_merge(editor, keep, duplicate, note="same person")
    found = set(filtered_entries(ListingQuery(q="Kovalenko")).values_list("defender_id", flat=True))
    assert found == {keep.pk}, "the moved case is indexed under the kept defender"
    with django_capture_on_commit_callbacks(execute=True):
        actions.do_undo_merge(editor, merge)
    assert set(
        filtered_entries(ListingQuery(q="Kovalenko")).values_list("defender_id", flat=True)
    ) == {duplicate.pk}
    assert list(
        AuditEntry.objects.filter(action__startswith="defender.")
        .values_list("action", flat=True)
        .order_by("id")
    ) == ["defender.merge", "defender.unmerge"]
