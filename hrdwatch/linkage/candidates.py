"""Matching against known defenders: a new candidate before review, and re-runs over the database.

Known defenders become linkage records (their display name, original-script name and every other
recorded name; nationality or the latest case's country; birth year; gender; first role; latest
arrest date), so the same model, gate and explanations serve the CSV command and the application.
Reviewers' judgements are applied on every run.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet

from hrdwatch.core.dates import PartialDate, Precision
from hrdwatch.records.models import Defender

from .aliases import AliasTable, load_alias_table
from .clusters import DEFAULT_THRESHOLD, Reason, contradiction, explain, summarise
from .inputs import LinkRecord
from .judgements import judgements_in_force
from .models import NameAlias
from .pipeline import LinkResult, link_records

_GENDER_CODES = {"male": "m", "female": "f"}


def alias_table() -> AliasTable:
    """The shipped alias file plus the aliases reviewers added in the application."""
    table = load_alias_table()
    for alias in NameAlias.objects.all():
        table.add_group(f"db:{alias.pk}", [alias.name, alias.same_as])
    return table


def defender_record(defender: Defender) -> tuple[LinkRecord, list[str]]:
    """A defender as a linkage record, with its other recorded names."""
    latest = defender.cases.exclude(arrest_date=None).order_by("-arrest_date").first()
    country = defender.nationality or (latest.country if latest else "")
    birth_year = (
        defender.birth_date.year
        if defender.birth_date and defender.birth_date_precision != Precision.UNKNOWN
        else None
    )
    role = defender.roles.order_by("code").first()
    gender = defender.gender.code if defender.gender else ""
    record = LinkRecord(
        record_id=defender.uid,
        name=defender.display_name,
        name_original_script=defender.name_original_script,
        country=country.upper(),
        birth_year=birth_year,
        gender=_GENDER_CODES.get(gender, gender),
        role=role.code if role else "",
        arrest_date=PartialDate(latest.arrest_date, Precision(latest.arrest_date_precision))
        if latest
        else PartialDate(None, Precision.UNKNOWN),
    )
    return record, list(defender.names.values_list("name", flat=True))


def known_defender_records(
    defenders: QuerySet[Defender] | None = None,
) -> tuple[list[LinkRecord], dict[str, list[str]]]:
    """Known defenders (all, or ``defenders``) as linkage records, with their other names."""
    queryset = (defenders if defenders is not None else Defender.objects.all()).select_related(
        "gender"
    )
    records, others = [], {}
    for defender in queryset.prefetch_related("names", "roles"):
        record, names = defender_record(defender)
        records.append(record)
        others[record.record_id] = names
    return records, others


def link_known_defenders(
    defenders: QuerySet[Defender] | None = None, threshold: float = DEFAULT_THRESHOLD
) -> LinkResult:
    """Which known defender records are the same person, with reviewers' judgements applied."""
    records, others = known_defender_records(defenders)
    return link_records(
        records,
        threshold=threshold,
        judgements=judgements_in_force([r.record_id for r in records]),
        aliases=alias_table(),
        other_names=others,
    )


@dataclass(frozen=True)
class CandidateMatch:
    """A known defender the candidate probably is, and why."""

    defender: Defender
    probability: float
    reasons: list[Reason]

    def describe(self) -> str:
        """'probably the same as X, 94%: same name in pinyin, same country, arrest date within 10 days'."""
        why = summarise(self.reasons) or "judged the same by a reviewer"
        return f"probably the same as {self.defender.display_name}, {self.probability:.0%}: {why}"


def match_candidate(
    candidate: LinkRecord,
    defenders: QuerySet[Defender] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    limit: int = 5,
) -> list[CandidateMatch]:
    """Known defenders the candidate probably is, best first (a reviewer confirms)."""
    records, others = known_defender_records(defenders)
    keys = [r.record_id for r in records] + [candidate.record_id]
    judged = judgements_in_force(keys)
    result = link_records(
        [*records, candidate],
        threshold=threshold,
        aliases=alias_table(),
        other_names=others,
        judgements=judged,
    )
    me = result.people[candidate.record_id]
    matches: list[tuple[float, str, list[Reason]]] = []
    for pair in _pairs_with(result, candidate.record_id):
        other = pair.right if pair.left == candidate.record_id else pair.left
        if frozenset((candidate.record_id, other)) in judged.different:
            continue
        if pair.probability < threshold or contradiction(me, result.people[other]):
            continue
        matches.append((pair.probability, other, explain(me, result.people[other], pair)))
    for left, right in judged.same:
        if candidate.record_id in (left, right):
            other = right if left == candidate.record_id else left
            matches = [m for m in matches if m[1] != other] + [(1.0, other, [])]
    matches.sort(key=lambda m: -m[0])
    by_uid = {d.uid: d for d in Defender.objects.filter(uid__in=[m[1] for m in matches[:limit]])}
    return [
        CandidateMatch(by_uid[uid], p, reasons)
        for p, uid, reasons in matches[:limit]
        if uid in by_uid
    ]


def _pairs_with(result: LinkResult, key: str) -> Iterable:
    return (p for p in result.pairs if key in (p.left, p.right))
