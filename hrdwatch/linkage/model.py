"""The Splink model: blocking, comparisons, EM training and scoring, on DuckDB or on Spark.

Why the scores are not Splink's raw match weights: Splink assumes the compared fields are
independent given match status. They are not for people arrested in one crackdown: siblings,
co-defendants, a father and son share the arrest date, the country and often the place. So the
positive evidence of those fields is *capped* (``CAPS``) before the weights are summed, and the name
carries most of the weight; the name gate and cluster coherence (``clusters``) come on top.
"""

from __future__ import annotations

import math
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import pyarrow as pa
import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import Linker, SettingsCreator, block_on

from .features import NAME_FLOOR
from .names import NameLevel

Backend = Literal["duckdb", "spark"]

# Bits of evidence one field may add at most (positive side) or take away at most (negative side).
CAPS: dict[str, tuple[float, float]] = {
    "name": (-20.0, 20.0),
    "country": (-2.0, 2.0),
    "birth_year": (-10.0, 6.0),
    "gender": (-8.0, 0.5),
    "role": (-1.0, 1.0),
    "arrest_date": (-2.0, 5.0),
    "place": (-0.5, 2.0),
}
FIELDS = tuple(CAPS)


# Memory DuckDB may use before spilling to disk: at 1M records the Python side holds about 5 GB, and
# the whole run must stay under 8 GB (peak 7.6 GiB with 3GB, 6.8 GiB with 2GB, 10 s slower; on
# 2026-11-24 7,537 MiB in 506 s with 2GB and 7,051 MiB in 493 s with 1.5GB, the same clusters).
DUCKDB_MEMORY = "1.5GB"

# Prior m and u probabilities per comparison level (first level first, ELSE last). They make the
# model usable on small sets; EM re-estimates m (and random sampling u) when there is enough data.
PRIORS: dict[str, tuple[list[float], list[float]]] = {
    "name": ([0.5, 0.2, 0.13, 0.08, 0.05, 0.04], [1e-5, 2e-6, 1e-5, 1e-5, 1e-5, 0.99996]),
    "country": ([0.95, 0.05], [0.1, 0.9]),
    "birth_year": ([0.8, 0.15, 0.05], [0.02, 0.04, 0.94]),
    "gender": ([0.98, 0.02], [0.5, 0.5]),
    "role": ([0.8, 0.2], [0.3, 0.7]),
    "arrest_date": ([0.5, 0.15, 0.15, 0.1, 0.1], [0.002, 0.002, 0.004, 0.05, 0.942]),
    "place": ([0.7, 0.3], [0.01, 0.99]),
}
# m of the name where only the name rules (``names.compare_names``) see the agreement that the
# levels above miss (a Cantonese spelling, a loose Belarusian romanisation, a typo in a short name):
# the m of the level that says as much.
RULES_M = {NameLevel.EXACT: 0.2, NameLevel.STRONG: 0.13, NameLevel.LOOSE: 0.05}
# Most such pairs the rules are asked about, those with the most other evidence first (about 8 s of
# name comparisons): at a million records most of them are namesakes' neighbours.
RULES_BUDGET = 50_000
# Below this many records the priors are used as they are: EM needs enough pairs to learn from.
# (Name frequencies count at every size: see ``_name_bits_sql``.)
MIN_RECORDS_TO_TRAIN = 500
# A rare name's share of a register's records, at the most: in a set too small to train on, the
# floor of other people's records bearing a name (see ``_name_base_sql``). One record in a thousand:
# it reaches the half record of larger sets where the model starts to be trained.
RARE_NAME_SHARE = NAME_FLOOR / MIN_RECORDS_TO_TRAIN
# EM sees about this many name-blocked pairs at most (Splink samples records to keep to it): a
# common name's block grows with the square of the records (Nguyen Van Hung at a million records).
EM_PAIRS = 2_000_000


# Fields whose m probabilities stay at their priors (see ``_train`` for why).
FIXED_M = frozenset({"name", "arrest_date"})


def _levels(field: str, *levels: Any) -> Any:
    m, u = PRIORS[field]
    if field in FIXED_M:
        for level, probability in zip(
            [lv for lv in levels if not isinstance(lv, cll.NullLevel)], m, strict=True
        ):
            level.configure(m_probability=probability, fix_m_probability=True)
    return cl.CustomComparison(output_column_name=field, comparison_levels=list(levels)).configure(
        m_probabilities=m,
        u_probabilities=u,
    )


def _settings(probability_two_random_records_match: float, trained: bool) -> SettingsCreator:
    """The model; ``trained``: EM will estimate it (else name sources count, see
    ``_own_records_sql``, and are kept beside each pair)."""
    name_levels = [
        cll.ExactMatchLevel("name_key"),
        cll.ArrayIntersectLevel("name_keys", 1),
        cll.ArrayIntersectLevel("skel_keys", 1),
        cll.ArrayIntersectLevel("part_keys", 1),
        cll.JaroWinklerLevel("name_key", 0.92),
        cll.ElseLevel(),
    ]
    comparisons = [
        _levels("name", cll.NullLevel("name_key"), *name_levels),
        _levels(
            "country", cll.NullLevel("country"), cll.ExactMatchLevel("country"), cll.ElseLevel()
        ),
        _levels(
            "birth_year",
            cll.NullLevel("birth_year"),
            cll.ExactMatchLevel("birth_year"),
            cll.AbsoluteDifferenceLevel("birth_year", 1),
            cll.ElseLevel(),
        ),
        _levels("gender", cll.NullLevel("gender"), cll.ExactMatchLevel("gender"), cll.ElseLevel()),
        _levels("role", cll.NullLevel("role"), cll.ExactMatchLevel("role"), cll.ElseLevel()),
        _levels(
            "arrest_date",
            cll.NullLevel("arrest_day"),
            cll.ExactMatchLevel("arrest_date"),
            cll.AbsoluteDifferenceLevel("arrest_day", 10),
            cll.ExactMatchLevel("arrest_month"),
            cll.ExactMatchLevel("arrest_year"),
            cll.ElseLevel(),
        ),
        _levels("place", cll.NullLevel("place"), cll.ExactMatchLevel("place"), cll.ElseLevel()),
    ]
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        probability_two_random_records_match=probability_two_random_records_match,
        blocking_rules_to_generate_predictions=[
            block_on("block_keys", arrays_to_explode=["block_keys"])
        ],
        comparisons=comparisons,
        retain_intermediate_calculation_columns=True,
        retain_matching_columns=False,
        additional_columns_to_retain=[
            "name_n",
            "name_nc",
            "name_floor",
            "name_own",
            *([] if trained else ["name_sources"]),
        ],
    )


def _db_api(backend: Backend) -> Any:
    if backend == "spark":
        from splink import SparkAPI

        from .spark import local_spark_session

        return SparkAPI(
            spark_session=local_spark_session(),
            break_lineage_method="persist",
            num_partitions_on_repartition=4,
        )
    import duckdb
    from splink import DuckDBAPI

    # Blocked pairs of a million records do not fit in memory at once: DuckDB spills to disk.
    connection = duckdb.connect()
    connection.execute(f"set memory_limit = '{DUCKDB_MEMORY}'")
    connection.execute(f"set temp_directory = '{tempfile.gettempdir()}/hrdwatch-linkage-duckdb'")
    return DuckDBAPI(connection=connection)


@dataclass(frozen=True, slots=True)
class ScoredPair:
    """A candidate pair with the capped evidence of each field, in bits."""

    left: str
    right: str
    bits: dict[str, float]
    prior_bits: float

    @property
    def weight(self) -> float:
        return self.prior_bits + sum(self.bits.values())

    @property
    def probability(self) -> float:
        return 1.0 / (1.0 + 2.0**-self.weight)


def _name_bits_sql(level_weights: list[float], count: int, others: str) -> str:
    """Evidence of agreeing names, calibrated on how many *other people's* records bear the name.

    For a name borne by ``n`` records, of which about ``r`` are the person's own, a different
    record agrees with it by chance with probability (n - r) / N (``others``: n - r, see
    ``_others_sql``), so the bits are log2(m * N / (n - r)); with the prior (about (r - 1) / N)
    that is log2(m * (r - 1) / (n - r)), whatever the size of the set. When both records
    name the same country, the count is the name's count within that country (names and
    countries go together: most Nguyens are Vietnamese), and the country adds nothing more.
    ``level_weights`` are the match weights of the name's levels, first level first (Splink
    keeps no level column without keeping every input column, so the level is told by its weight).
    """
    m_levels = PRIORS["name"][0]
    cases = []
    for weight, m in zip(level_weights[:-1], m_levels[:-1], strict=True):
        base = _name_base_sql(count, others, strong=m >= RULES_M[NameLevel.EXACT])
        if m == RULES_M[NameLevel.STRONG]:  # one consonant skeleton: Titijew and Titiev, but also
            # Julio and Julia Ramos, a brother and a sister, unless both genders are given
            strong = _name_base_sql(count, others, strong=True)
            base = f"(case when mw_gender > 0 then {strong} else {base} end)"
        cases.append(f"when {_is_level(weight)} then log2({m}) + {base}")
    return f"(case {' '.join(cases)} else mw_name end)"


# All the records of a name, when each comes from another source (``features._name_counts``).
_ALL_FROM_SOURCES = (
    "(case when name_sources_l = name_n_l and name_sources_r = name_n_r"
    " then greatest(name_n_l, name_n_r) else 0 end)"
)


def _own_records_sql(by_match_rate: float, trained: bool, side: str) -> str:
    """How many records of one side's name are its bearer's own: as many as the match rate
    implies, or as the name's parts imply (``bearers``: a rare name reported eight times is one
    person's).

    Untrained, the rate is a guess (one pair in N), which makes the name of anyone reported more
    often than twice look shared; there, a name that every source reports once is taken to be one
    person's too (a rare name reported by four organisations). Trained on a large set, the
    rate is measured, and sources say little: namesakes are reported by different sources too.
    """
    own = [str(by_match_rate), f"name_own_{side}"]
    return f"greatest({', '.join(own if trained else [*own, _ALL_FROM_SOURCES])})"


def _others_sql(by_match_rate: float, trained: bool) -> str:
    """Records of other people bearing the name: on each side, the name's records less its
    bearer's own, the larger of the two (Lojain, reported twice, against Loujain, reported fifteen
    times by one person, is not fifteen other people's name)."""
    sides = []
    for side in ("l", "r"):
        n = f"(case when {_SAME_COUNTRY} then name_nc_{side} else name_n_{side} end)"
        sides.append(f"{n} - {_own_records_sql(by_match_rate, trained, side)}")
    return f"greatest({', '.join(sides)})"


def _name_base_sql(count: int, others: str, strong: bool = False) -> str:
    """log2(N / other people's records bearing the name): the name's evidence but for its m.

    Other people's records are at least the floor of the name's own commonness
    (``features.common_name_floor``). ``strong``: the names are one name, word for word (the
    model's first level) or as the name rules read it (a spelling); not one name within another
    (Hamid Sadeghi within Hamid Sadeghi Tabrizi, another man), nor a shared consonant skeleton
    (Julio and Julia Ramos). Then a rare name's floor, half a record, is lowered in a set too small
    to train on to one record in a thousand (``RARE_NAME_SHARE``): half a record of 155 would make
    a defender's rare name, reported at two arrests, no more likely his than another's.
    """
    rare = min(NAME_FLOOR, RARE_NAME_SHARE * count) if strong else NAME_FLOOR
    floors = [
        f"(case when name_floor_{side} > {NAME_FLOOR} then name_floor_{side} else {rare} end)"
        for side in ("l", "r")
    ]
    return f"log2({count} / greatest({others}, {', '.join(floors)}))"


def _is_level(weight: float) -> str:
    return f"abs(mw_name - ({weight})) < 1e-9"


def _at_levels_sql(level_weights: list[float]) -> str:
    """Whether the names agree at one of these levels (ELSE, the last, is no agreement)."""
    return "(" + " or ".join(_is_level(w) for w in level_weights) + ")"


_SAME_COUNTRY = "mw_country > 0"


def _capped_sql(field: str, name_bits: str, names_agree: str) -> str:
    low, high = CAPS[field]
    bits = f"mw_{field}"
    if field == "name":
        bits = name_bits
    elif field == "country":  # a shared country is already in the name count
        bits = f"(case when {_SAME_COUNTRY} and {names_agree} then 0 else mw_country end)"
    return f"greatest(least({bits}, {high}), {low})"


def _train(linker: Linker, say: Callable[[str], None]) -> None:
    """Unsupervised training: the match rate, u by random sampling, m of the other fields by EM.

    The name's m probabilities stay fixed at their priors: EM needs a blocking independent of the
    compared field, and the only name-independent blockings with enough matches in them (same
    arrest date and country) are dominated by people arrested together, where EM learns that
    "same crackdown" is a match and that names do not matter; exactly the peers' failure.
    The arrest date's m stay fixed too: in large sets the name blocking is full of namesakes, and
    EM then learns that a different arrest date says nothing.
    EM sees a sample of about ``EM_PAIRS`` pairs: pairs within a name grow with the square of the
    records, and the few m probabilities it learns need no more.
    """
    say("estimating how often two random records are the same person")
    linker.training.estimate_probability_two_random_records_match(
        [block_on("name_key", "birth_year"), block_on("name_key", "arrest_date")],
        recall=0.6,
    )
    say("estimating field agreement among different people (u)")
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=7)
    say("EM training (blocked on name)")
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("name_key"),
        max_pairs=EM_PAIRS,
    )


def _level_weights(linker: Linker, field: str) -> list[float]:
    """Match weights of a comparison's levels (the NULL level left out), first level first."""
    comparison = next(c for c in linker._settings_obj.comparisons if c.output_column_name == field)
    return [float(lv._match_weight) for lv in comparison.comparison_levels if not lv.is_null_level]


def score_pairs(
    records: pa.Table,
    backend: Backend = "duckdb",
    progress: Callable[[str], None] | None = None,
    min_probability: float = 0.0,
    name_level: Callable[[str, str], NameLevel] | None = None,
) -> list[ScoredPair]:
    """Train the model on these records (EM, unsupervised) and score every blocked pair; only pairs
    at ``min_probability`` or above leave the backend (at a million records most blocked pairs are
    namesakes, and Python objects for them would not fit in memory).

    ``name_level`` (record ids -> how the name rules compare their names) is asked about pairs whose
    names agree at no level of the model, or only loosely (below its skeleton level), but would
    clear ``min_probability`` if the rules read them as one name: the rules know spellings no SQL
    key captures, and the model and the gate should not disagree."""
    say = progress or (lambda _message: None)
    table = _db_api(backend).register(records)
    count = records.num_rows
    trainable = count >= MIN_RECORDS_TO_TRAIN
    linker = Linker(table, _settings(min(0.5, 1.0 / max(count, 2)), trainable), log_level=None)
    if trainable:
        _train(linker, say)
    say("scoring blocked pairs")
    predictions = linker.inference.predict()
    prior = linker._settings_obj._probability_two_random_records_match
    prior_bits = math.log2(prior / (1 - prior))
    floor = math.log2(min_probability / (1 - min_probability)) if 0 < min_probability < 1 else -1e9
    queries = _pair_queries(
        _level_weights(linker, "name"),
        _others_sql(1 + prior * (count - 1), trained=trainable),
        count,
        predictions.physical_name,
        prior_bits,
        floor,
        rules=name_level is not None,
    )
    pairs = []
    for asks_rules, sql in enumerate(queries):
        for row in linker.misc.query_sql(sql).as_record_list():
            pair = _with_rules(row, prior_bits, bool(asks_rules), name_level)
            if pair.weight >= floor:
                pairs.append(pair)
    return pairs


def _pair_queries(
    weights: list[float],
    others: str,
    count: int,
    table_name: str,
    prior_bits: float,
    floor: float,
    rules: bool,
) -> list[str]:
    """The SQL that takes the pairs over ``floor`` out of the predictions table, and, when the
    name rules are asked, the pairs the rules might save: names apart in the model, or agreeing
    only loosely (a left out family name, a loose spelling), but the rest would carry them."""
    agree = _at_levels_sql(weights[:-1])
    capped = {f: _capped_sql(f, _name_bits_sql(weights, count, others), agree) for f in FIELDS}
    total = " + ".join(capped.values())
    strong_base = _name_base_sql(count, others, strong=True)
    columns = ", ".join(
        ["unique_id_l", "unique_id_r", *(f"{sql} as {f}" for f, sql in capped.items())]
        + [
            f"{agree} as names_agree",
            f"{_name_base_sql(count, others)} as name_base",
            f"{strong_base} as strong_base",
        ]
    )
    # Built only from our own column names and numbers, never from input text.
    queries = [f"select {columns} from {table_name} where {prior_bits} + {total} >= {floor}"]  # noqa: S608
    if rules:
        rest = f"{prior_bits} + {total} - {capped['name']}"
        best = _capped_sql("name", f"(log2({max(RULES_M.values())}) + {strong_base})", agree)
        m_levels = PRIORS["name"][0]
        strong = [
            w for w, m in zip(weights, m_levels, strict=True) if m >= RULES_M[NameLevel.STRONG]
        ]
        queries.append(
            f"select {columns} from {table_name} where not {_at_levels_sql(strong)}"  # noqa: S608
            f" and {prior_bits} + {total} < {floor} and {rest} + {best} >= {floor}"
            f" order by {rest} desc limit {RULES_BUDGET}"
        )
    return queries


def _with_rules(
    row: dict[str, Any],
    prior_bits: float,
    asks_rules: bool,
    name_level: Callable[[str, str], NameLevel] | None,
) -> ScoredPair:
    """A scored row, its name evidence raised to what the name rules see when they know better."""
    pair = ScoredPair(
        str(row["unique_id_l"]),
        str(row["unique_id_r"]),
        {f: float(row[f]) for f in FIELDS},
        prior_bits,
    )
    if name_level is None or not (asks_rules or not row["names_agree"]):
        return pair
    level = name_level(pair.left, pair.right)
    if level < NameLevel.LOOSE:
        return pair
    low, high = CAPS["name"]
    name_base = row["strong_base" if level >= NameLevel.STRONG else "name_base"]
    bits = min(max(math.log2(RULES_M[level]) + float(name_base), low), high)
    if bits <= pair.bits["name"]:
        return pair
    return ScoredPair(pair.left, pair.right, {**pair.bits, "name": bits}, prior_bits)
