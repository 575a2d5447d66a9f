"""The reviewers' "same person?" pages: the queue of possible duplicates, the pair side by side,
answers that win over the model and survive a rebuild, merge and undo, and the visibility gate."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from hrdwatch.linkage.judgements import already_answered
from hrdwatch.linkage.models import DefenderMerge, Judgement, MergeProposal
from hrdwatch.records import models as m
from hrdwatch.records.guard import writes_allowed
from hrdwatch.records.levels import Visibility
from tests.partners.fixtures import login

from .test_judgements import defender

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(world):
    """Two records of one man (same characters, birth year and arrest) and his sister."""
    a = defender(world.a, "Wang Minghui", "王明辉", 1976, arrested=dt.date(2015, 8, 3))
    b = defender(world.a, "Minghui Wang", "王明輝", 1976, arrested=dt.date(2015, 8, 5))
    defender(world.a, "Wang Minghua", "王明华", 1979, arrested=dt.date(2015, 8, 3))
    return a, b


def rebuild() -> str:
    out = StringIO()
    call_command("propose_merges", stdout=out, stderr=StringIO())
    return out.getvalue()


def proposal_between(a: m.Defender, b: m.Defender) -> MergeProposal:
    left, right = sorted((a.uid, b.uid))
    return MergeProposal.objects.get(left=left, right=right)


def test_the_queue_proposes_the_same_man_not_his_sister(client, world, pair):
    a, b = pair
    assert "1 possible duplicates" in rebuild()
    proposal = proposal_between(a, b)
    assert proposal.probability > 0.5 and proposal.reasons
    login(client, world.users["a_reviewer"])
    queue = client.get("/linkage/").content.decode()
    assert "Wang Minghui" in queue and "Wang Minghua" not in queue
    page = client.get(f"/linkage/{proposal.pk}/").content.decode()
    assert "王明辉" in page and "王明輝" in page, "both records side by side"
    assert "same country" in page, "the model's reasons are shown"


def test_not_the_same_is_recorded_never_asked_again_and_can_be_undone(client, world, pair):
    a, b = pair
    rebuild()
    proposal = proposal_between(a, b)
    login(client, world.users["a_reviewer"])
    response = client.post(
        f"/linkage/{proposal.pk}/answer/", {"verdict": "not_same", "note": "different fathers"}
    )
    assert response.status_code == 302
    assert already_answered(a.uid, b.uid) == "not_same"
    judgement = Judgement.objects.get()
    assert (
        judgement.decided_by == world.users["a_reviewer"] and judgement.note == "different fathers"
    )
    assert judgement.model_probability == pytest.approx(proposal.probability)
    assert "Wang Minghui" not in client.get("/linkage/").content.decode()
    assert "0 possible duplicates" in rebuild(), "the answer survives a rebuild"
    client.post(f"/linkage/answers/{judgement.pk}/undo/")
    assert already_answered(a.uid, b.uid) is None
    assert "1 possible duplicates" in rebuild()


def test_an_editor_merges_from_the_pair_page_and_undoes_it(client, world, pair):
    a, b = pair
    rebuild()
    proposal = proposal_between(a, b)
    login(client, world.users["a_editor"])
    assert 'name="keep"' in client.get(f"/linkage/{proposal.pk}/").content.decode()
    client.post(f"/linkage/{proposal.pk}/answer/", {"verdict": "same", "keep": a.uid})
    merge = DefenderMerge.objects.get()
    assert (merge.kept, merge.merged) == (a, b)
    assert m.Defender.all_objects.get(pk=b.pk).is_deleted
    assert b.cases.count() == 0 and a.cases.count() == 2
    client.post(f"/linkage/answers/{merge.judgement_id}/undo/")
    merge.refresh_from_db()
    assert merge.undone_at is not None and not m.Defender.all_objects.get(pk=b.pk).is_deleted
    assert a.cases.count() == 1 and m.Defender.objects.get(pk=b.pk).cases.count() == 1


def test_a_reviewer_cannot_merge_another_organisations_defenders(client, world, pair):
    a, b = pair
    rebuild()
    proposal = proposal_between(a, b)
    login(client, world.users["b_reviewer"])
    assert 'name="keep"' not in client.get(f"/linkage/{proposal.pk}/").content.decode()
    forged = client.post(f"/linkage/{proposal.pk}/answer/", {"verdict": "same", "keep": a.uid})
    assert forged.status_code == 403
    assert not DefenderMerge.objects.exists() and not Judgement.objects.exists()
    response = client.post(f"/linkage/{proposal.pk}/answer/", {"verdict": "same"})
    assert response.status_code == 302, "the answer itself counts"
    assert already_answered(a.uid, b.uid) == "same" and not DefenderMerge.objects.exists()


def test_a_pair_hidden_by_the_gate_is_neither_listed_nor_answerable(client, world, pair):
    a, b = pair
    with writes_allowed("test data"):
        m.Defender.objects.filter(pk=b.pk).update(visibility=Visibility.RESTRICTED)
    rebuild()
    proposal = proposal_between(a, b)
    login(client, world.users["b_reviewer"])
    assert "Minghui Wang" not in client.get("/linkage/").content.decode()
    assert client.get(f"/linkage/{proposal.pk}/").status_code == 404
    assert client.post(f"/linkage/{proposal.pk}/answer/", {"verdict": "same"}).status_code == 404
    assert not Judgement.objects.exists()
    login(client, world.users["a_reviewer"])
    assert client.get(f"/linkage/{proposal.pk}/").status_code == 200


def test_visitors_and_documenters_are_kept_out_and_a_bad_answer_changes_nothing(
    client, world, pair
):
    rebuild()
    proposal = MergeProposal.objects.get()
    assert client.get("/linkage/").status_code == 302
    login(client, world.users["a_documenter"])
    assert client.get("/linkage/").status_code == 403
    login(client, world.users["a_reviewer"])
    response = client.post(f"/linkage/{proposal.pk}/answer/", {"verdict": "maybe"})
    assert response.status_code == 302 and not Judgement.objects.exists()


def test_the_pair_page_speaks_french(client, world, pair):
    rebuild()
    login(client, world.users["a_reviewer"])
    client.cookies["django_language"] = "fr"
    page = client.get(f"/linkage/{MergeProposal.objects.get().pk}/").content.decode()
    assert "Même personne ?" in page and "Pas la même personne" in page
    assert "même pays" in page, "the model's reasons are in French too"


def pending_candidate(name: str, country: str, arrested: str):
    from hrdwatch.extraction.models import Candidate
    from hrdwatch.ingestion.models import Document, Source

    source, _ = Source.objects.get_or_create(
        slug="news", defaults={"name": "News", "kind": "article", "url": "https://example.org/news"}
    )
    document = Document.objects.create(
        source=source, url=f"https://example.org/{name}", text=f"{name} was arrested on {arrested}."
    )
    machine = {
        "name": name,
        "aliases": [],
        "country": country,
        "roles": ["lawyer"],
        "events": [{"type": "arrest", "date": arrested, "charges": [], "evidence": []}],
    }
    return Candidate.objects.create(
        document=document,
        extractor_name="rules",
        extractor_version="1",
        key=name.lower(),
        name=name,
        machine=machine,
        machine_updated_at=timezone.now(),
    )


def test_a_pending_candidate_is_matched_to_the_known_defender_with_reasons(client, world, pair):
    from hrdwatch.extraction.models import DefenderMatch

    a, b = pair
    with writes_allowed("test data"):
        m.Defender.objects.filter(pk=b.pk).update(visibility=Visibility.RESTRICTED)
    candidate = pending_candidate("Minghui Wang", "CN", "2015-08-04")
    assert "probable matches" in rebuild()
    probable = DefenderMatch.objects.filter(candidate=candidate, kind="probable")
    assert a in {match.defender for match in probable} <= {a, b}
    assert all(match.probability > 0.5 and match.reasons for match in probable)
    login(client, world.users["b_reviewer"])  # sees the public record, not org A's restricted one
    page = client.get(f"/candidates/{candidate.pk}/").content.decode()
    assert b.uid not in page
    assert a.uid in page and "probably the same person" in page and "arrest date within" in page
    assert "Wang Minghua" not in page, "his sister is not proposed"
    rebuild()
    assert (
        DefenderMatch.objects.filter(candidate=candidate, kind="probable").count()
        == probable.count()
    )


def test_a_reviewer_adds_an_alias_the_model_then_uses_and_removal_is_audited(client, world):
    from hrdwatch.audit.models import AuditEntry
    from hrdwatch.linkage.models import NameAlias

    a = defender(world.a, "Tenzin Dorje", born=1980, arrested=dt.date(2019, 3, 1))
    b = defender(world.a, "丹增多吉", born=1980, arrested=dt.date(2019, 3, 1))
    assert "0 possible duplicates" in rebuild()
    login(client, world.users["a_reviewer"])
    assert (
        client.post(
            "/linkage/aliases/", {"name": "Tenzin Dorje", "same_as": " tenzin dorje "}
        ).status_code
        == 400
    ), "two spellings of one alias must differ"
    response = client.post(
        "/linkage/aliases/",
        {
            "name": "Tenzin Dorje",
            "same_as": "丹增多吉",
            "note": "Tibetan name in Chinese characters",
        },
    )
    assert response.status_code == 302
    alias = NameAlias.objects.get()
    assert alias.added_by == world.users["a_reviewer"]
    assert "1 possible duplicates" in rebuild()
    assert proposal_between(a, b).probability > 0.5
    assert "丹增多吉" in client.get("/linkage/aliases/", {"q": "Tenzin"}).content.decode()
    client.post(f"/linkage/aliases/{alias.pk}/remove/")
    assert not NameAlias.objects.exists()
    removed = AuditEntry.objects.get(action="linkage.alias_removed")
    assert removed.details["same_as"] == "丹增多吉" and removed.actor == world.users["a_reviewer"]
    login(client, world.users["a_documenter"])
    assert client.post("/linkage/aliases/", {"name": "x", "same_as": "y"}).status_code == 403
