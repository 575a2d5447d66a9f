"""One linkage run, the same for the ``link`` command, the benchmark and the database path."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import pyarrow as pa

from .aliases import AliasTable, load_alias_table
from .clusters import DEFAULT_THRESHOLD, Judgements, Person, cluster
from .features import (
    add_name_counts,
    cap_block_sizes,
    feature_columns,
    feature_row,
    name_columns,
)
from .inputs import LinkRecord
from .model import MIN_RECORDS_TO_TRAIN, Backend, ScoredPair, score_pairs
from .names import NameLevel, evidence_level


@dataclass
class LinkResult:
    """Cluster of each record, plus what is needed to explain any pair."""

    clusters: dict[str, str]
    people: dict[str, Person]
    pairs: list[ScoredPair]


def link_records(
    records: Sequence[LinkRecord],
    backend: Backend = "duckdb",
    threshold: float = DEFAULT_THRESHOLD,
    judgements: Judgements | None = None,
    aliases: AliasTable | None = None,
    progress: Callable[[str], None] | None = None,
    on_record: Callable[[], None] | None = None,
    other_names: Mapping[str, Sequence[str]] | None = None,
) -> LinkResult:
    """Name keys for every record, Splink scores for blocked pairs, then coherent clusters.

    ``other_names`` gives further known names of a record (a defender's other spellings).
    """
    say = progress or (lambda _message: None)
    table = aliases or load_alias_table()
    people: dict[str, Person] = {}
    rows = []
    for record in records:
        others = (other_names or {}).get(record.record_id, ())
        name = table.person_name(
            record.name,
            record.name_original_script,
            others,
            country=record.country,
        )
        person = Person(record, name)
        people[record.record_id] = person
        rows.append(feature_row(record, person.name))
        if on_record:
            on_record()
    # only an untrained model asks how many sources report a name (``model._own_records_sql``)
    small = len(records) < MIN_RECORDS_TO_TRAIN
    add_name_counts(rows, [r.source_org for r in records] if small else None)
    cap_block_sizes(rows)
    table = pa.table(feature_columns(rows))
    del rows  # a million row dicts: only the compact Arrow table goes on to the backend
    name_columns.cache_clear()

    def name_level(left: str, right: str) -> NameLevel:
        return evidence_level(people[left].name, people[right].name)

    pairs = (
        score_pairs(table, backend, say, min_probability=threshold, name_level=name_level)
        if table.num_rows > 1
        else []
    )
    say(f"clustering {len(pairs)} candidate pairs")
    return LinkResult(cluster(people, pairs, threshold, judgements), people, pairs)
