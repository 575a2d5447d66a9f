"""Per-record columns the Splink model compares: name keys, blocking keys and tidied fields.

Everything language-aware happens here, in Python, once per record; the Splink model then only
compares plain strings, arrays and numbers, so the same SQL runs on DuckDB and on Spark.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from itertools import combinations
from typing import Any

from hrdwatch.core.dates import Precision
from hrdwatch.core.text import fold

from .bearers import MEAN_REPORTS, own_records
from .forms import NameForm, skeleton, slavic_skeleton
from .inputs import LinkRecord
from .names import PersonName
from .spellings import CANTONESE_SURNAMES
from .tokens import one_spelling, syllables, vowels_matter

_EPOCH = dt.date(1900, 1, 1)
# Most records one blocking key may gather; a block of n records costs n*(n-1)/2 comparisons.
MAX_BLOCK = 400
# Most blocked pairs (duplicates across keys included) one run compares: about 100 s of DuckDB on
# this 2-core machine. Up to ~100k records the limit above keeps well within it.
PAIR_BUDGET = 30_000_000
MIN_BLOCK = 25
FEATURE_COLUMNS = (
    "unique_id",
    "name_key",
    "name_keys",
    "skel_keys",
    "part_keys",
    "block_keys",
    "country",
    "birth_year",
    "gender",
    "role",
    "arrest_date",
    "arrest_day",
    "arrest_month",
    "arrest_year",
    "place",
    "name_n",
    "name_nc",
    "name_sources",
    "name_own",
    "name_floor",
)
# Records of other people assumed to bear a very common short name, whatever the records hold
# (see ``common_name_floor``); other names assume half a record.
COMMON_NAME_FLOOR = 3.0
NAME_FLOOR = 0.5


def part_keys(form: NameForm) -> set[str]:
    """Keys of the name without a middle name or second family name (first+last, first+second,
    and in a name of four words or more first+last but one: Luis Prado for Luis Alberto Prado
    Gil), spelt as written (``k:``) and as consonant skeletons (``s:``)."""
    tokens = form.tokens
    parts = [tokens] if len(tokens) < 3 else [(tokens[0], tokens[-1]), tokens[:2]]
    if len(tokens) >= 4:
        parts.append((tokens[0], tokens[-2]))
    keys = set()
    for part in parts:
        keys.add("k:" + " ".join(sorted(part)))
        skeletons = sorted(skeleton(t) for t in part)
        if all(skeletons) and sum(map(len, skeletons)) >= 4:
            keys.add("s:" + " ".join(skeletons))
    return keys


def skeleton_keys(form: NameForm) -> set[str]:
    """The form's consonant skeleton, and for a name of Latin or Cyrillic letters where vowels do
    not tell names apart, its East Slavic skeleton (``v:``): Sevcuk and Shawchuk meet there."""
    keys = {form.skeleton_key} if len(form.skeleton_key) >= 4 else set()
    if form.kind in {"latin", "cyrl"} and len(form.tokens) >= 2 and not vowels_matter(form.tokens):
        slavic = sorted(slavic_skeleton(t) for t in form.tokens)
        if all(slavic) and sum(map(len, slavic)) >= 5:
            keys.add("v:" + " ".join(slavic))
    return keys


def _form_block_keys(form: NameForm) -> set[str]:
    """Keys under which two spellings of one name meet: exact, skeleton, anagram, token + initials."""
    tokens = form.tokens
    keys = {"k:" + form.key, "a:" + "".join(sorted("".join(tokens)))}
    skeletons = form.skeletons
    keys |= {k if k.startswith("v:") else "s:" + k for k in skeleton_keys(form)}
    keys |= part_keys(form)
    if form.kind in {"latin", "cyrl"} and not vowels_matter(tokens):  # Tofiq / Tofig, Badaoui
        keys.add("o:" + " ".join(sorted(one_spelling(t) for t in tokens)))
    if len(tokens) == 3:  # any two of three: a middle name left out and the order changed
        keys |= {"k:" + " ".join(sorted(pair)) for pair in combinations(tokens, 2)}
    if len(tokens) >= 2 and form.kind not in {"abjad", "translit"}:
        for i, token in enumerate(tokens):
            initials = "".join(sorted(t[0] for j, t in enumerate(tokens) if j != i))
            if len(token) >= 3:  # one token as written, the others may carry a typo
                keys.add(f"t:{token}|{initials}")
            if len(skeletons[i]) >= 3:
                keys.add(f"u:{skeletons[i]}|{initials}")
            for mandarin in CANTONESE_SURNAMES.get(token, ()):  # Wong = Huang or Wang
                keys.add("k:" + " ".join(sorted([*tokens[:i], mandarin, *tokens[i + 1 :]])))
    return keys


def place_key(place: str) -> str:
    """A detention place compared without case, accents or word order."""
    return " ".join(sorted(fold(place).replace(",", " ").split()))


def common_name_floor(name: PersonName) -> float:
    """How many other people's records a name is assumed to be shared with, at the least.

    A set of records is a small sample of the population: a Chinese name with a one-syllable given
    name (Wang Li, Li Na, Wong Li in Hong Kong) or a Vietnamese family name with a given name only
    is borne by a great many people, even when the records hold it twice. Two such records that agree on nothing else
    are not taken for one person on the name alone.
    """
    for form in name.forms:
        if form.kind == "han" and len(form.han_key) == 2:
            return COMMON_NAME_FLOOR
        spelt_by_sound = form.kind == "cantonese" or (
            form.kind == "latin" and vowels_matter(form.tokens)
        )
        if spelt_by_sound and len(form.tokens) == 2 and all(syllables(t) == 1 for t in form.tokens):
            return COMMON_NAME_FLOOR
    return NAME_FLOOR


@lru_cache(maxsize=200_000)
def name_columns(name: PersonName) -> dict[str, Any]:
    """The name's columns of a Splink row (cached: the same name is reported many times)."""
    forms = name.forms
    block_keys: set[str] = {f"alias:{group}" for group in name.alias_groups}
    for form in forms:
        block_keys |= _form_block_keys(form)
    return {
        "name_key": forms[0].key if forms else None,
        "name_keys": sorted({f.key for f in forms} | {f"alias:{g}" for g in name.alias_groups}),
        "skel_keys": sorted({k for f in forms for k in skeleton_keys(f)}),
        "part_keys": sorted({k for f in forms for k in part_keys(f)}),
        "block_keys": sorted(block_keys),
        "name_floor": common_name_floor(name),
    }


def feature_row(record: LinkRecord, name: PersonName) -> dict[str, Any]:
    """The Splink input row of one record."""
    arrest = record.arrest_date
    return {
        "unique_id": record.record_id,
        **name_columns(name),
        "country": record.country or None,
        "birth_year": record.birth_year,
        "gender": record.gender or None,
        "role": record.role or None,
        "arrest_date": arrest.iso() or None,
        "arrest_day": (arrest.date - _EPOCH).days if arrest.date else None,
        "arrest_month": arrest.date.strftime("%Y-%m")
        if arrest.date and arrest.precision != Precision.YEAR
        else None,
        "arrest_year": arrest.date.year if arrest.date else None,
        "place": place_key(record.detention_place) or None,
    }


def _narrowed(rows: list[dict[str, Any]], limit: int, counts: Counter[str]) -> list[list[str]]:
    """Block keys of each row with every key shared by more than ``limit`` records narrowed by
    country; a key still too common is narrowed again by birth year and, separately, by arrest
    year, and dropped if even those are too common (other keys of the same records still meet).

    Among hundreds of namesakes only a shared birth year or arrest year can tell one person's
    reports apart, so those pairs are the ones worth the comparisons. ``counts``: records per key.
    """
    crowded = {key for key, n in counts.items() if n > limit}
    keys = [
        [
            key if key not in crowded else f"{key}|{row['country']}" if row["country"] else ""
            for key in row["block_keys"]
        ]
        for row in rows
    ]
    counts = Counter(key for row_keys in keys for key in row_keys)
    keys = [
        [
            narrower
            for key in row_keys
            if key
            for narrower in (
                [key]
                if counts[key] <= limit
                else [
                    f"{key}|{label}{row[column]}"
                    for label, column in (("b", "birth_year"), ("y", "arrest_year"))
                    if row[column] is not None
                ]
            )
        ]
        for row, row_keys in zip(rows, keys, strict=True)
    ]
    counts = Counter(key for row_keys in keys for key in row_keys)
    return [sorted({key for key in row_keys if counts[key] <= limit}) for row_keys in keys]


def cap_block_sizes(
    rows: list[dict[str, Any]], limit: int = MAX_BLOCK, budget: int = PAIR_BUDGET
) -> None:
    """Keep blocks small, and their pairs within ``budget``: the block limit is halved until they fit.

    Namesakes grow with the square of the records: at a million records a common name's block
    holds hundreds of different people, and comparing them all costs more than it finds."""
    by_key = Counter(key for row in rows for key in row["block_keys"])
    pairs_at = _pairs_at_limit(rows, by_key)
    while limit > MIN_BLOCK and pairs_at(limit) > budget:
        limit //= 2
    for row, row_keys in zip(rows, _narrowed(rows, limit, by_key), strict=True):
        row["block_keys"] = row_keys


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def _pairs_at_limit(rows: list[dict[str, Any]], by_key: Counter[str]) -> Callable[[int], int]:
    """The pairs ``_narrowed`` would leave at a given block limit, from counts taken once (a pass
    of ``_narrowed`` over a million rows takes a minute; this takes one pass for every limit).
    ``by_key``: records per key."""
    wide = {key for key, n in by_key.items() if n > MIN_BLOCK}
    by_country = Counter(
        (key, row["country"])
        for row in rows
        if row["country"]
        for key in row["block_keys"]
        if key in wide
    )
    wide_country = {pair for pair, n in by_country.items() if n > MIN_BLOCK}
    by_year = Counter(
        (key, row["country"], label, row[column])
        for row in rows
        if row["country"]
        for key in row["block_keys"]
        if (key, row["country"]) in wide_country
        for label, column in (("b", "birth_year"), ("y", "arrest_year"))
        if row[column] is not None
    )

    def pairs_at(limit: int) -> int:
        return (
            sum(_pairs(n) for n in by_key.values() if n <= limit)
            + sum(_pairs(n) for (key, _), n in by_country.items() if n <= limit < by_key[key])
            + sum(
                _pairs(n)
                for (key, country, _, _), n in by_year.items()
                if n <= limit < by_country[key, country]
            )
        )

    return pairs_at


def _token_counts(rows: list[dict[str, Any]]) -> Counter[tuple[str, str | None]]:
    """Records bearing each word of a name, per country (None: all countries)."""
    counts: Counter[tuple[str, str | None]] = Counter()
    for row in rows:
        words = {w for key in row["name_keys"] if not key.startswith("alias:") for w in key.split()}
        for word in words:
            counts[word, None] += 1
            if row["country"] is not None:
                counts[word, row["country"]] += 1
    return counts


def _expected_namesakes(
    key: str, country: str | None, own: int, words: Counter[tuple[str, str | None]], total: int
) -> float:
    """Other people expected to bear the name by chance, from how common its words are in *other*
    names of the country (``own``: the records of the name itself, left out of every count)."""
    chance = 1.0
    for word in key.split():
        chance *= max(words[word, country] - own, 0.5) / total
    return total / MEAN_REPORTS * chance


def _key_counts(
    rows: list[dict[str, Any]], sources: Sequence[str] | None
) -> tuple[Counter[str], Counter[tuple[str, str | None]], Counter[str]]:
    """Records per name key, per key and country, and sources reporting each key (see
    ``_name_counts``)."""

    def keys(row: dict[str, Any]) -> set[str]:
        return set(row["name_keys"]) | {k[2:] for k in row["part_keys"] if k.startswith("k:")}

    overall: Counter[str] = Counter()
    by_country: Counter[tuple[str, str | None]] = Counter()
    reported: set[tuple[str, str]] = set()
    for row in rows:
        for key in keys(row):
            overall[key] += 1
            by_country[key, row["country"]] += 1
    for row, source in zip(rows, sources or (), strict=False):
        if source.strip():
            reported.update((key, source.strip().casefold()) for key in keys(row))
    return overall, by_country, Counter(key for key, _ in reported)


def _name_counts(
    rows: list[dict[str, Any]], sources: Sequence[str] | None
) -> tuple[list[int], list[float], list[int], list[float]]:
    """How many records carry each record's name (``name_n``), how many of its own country
    (``name_nc``; records without a country count in proportion), how many sources report it
    (``name_sources``, when ``sources`` gives each row's source; else 0), and how many of those
    records are its bearer's own (``name_own``, see ``bearers``).

    An organisation reports one person once: four records of a name from four sources may all be
    one person's, while four from one source are four people. The model counts the records beyond
    the bearer's own as other people's (see ``model._others_sql``).

    A record's name counts every record with one of its forms, or with it as the name without a
    middle name (Nguyen Hung counts Nguyen Van Hung), and the most common form is taken: the
    model's name evidence is then calibrated against how many other people could bear the name.
    """

    overall, by_country, reporting = _key_counts(rows, sources)
    records_in: Counter[str | None] = Counter(row["country"] for row in rows)
    words = _token_counts(rows)
    name_n, name_nc, name_sources, name_own = [], [], [], []
    for row in rows:
        best, best_country, best_sources = 0, 1.0, 0
        # the commonest key made of words (an alias group's key counts several names at once)
        worded, worded_n, worded_country = "", 0, 0.0
        for key in row["name_keys"]:
            n = overall[key]
            if n > best:
                best_sources = reporting[key]
            unknown = by_country[key, None]
            if row["country"] is None:
                in_country = float(n)
            else:
                known = n - unknown
                here = by_country[key, row["country"]]
                in_country = here + unknown * here / known if known else float(n)
            best, best_country = max(best, n), max(best_country, in_country)
            if n > worded_n and not key.startswith("alias:"):
                worded, worded_n, worded_country = key, n, in_country
        name_n.append(max(best, 1))
        name_nc.append(best_country)
        name_sources.append(best_sources)
        country = row["country"]
        own, total = (
            (by_country[worded, country], records_in[country])
            if country is not None
            else (worded_n, len(rows))
        )
        namesakes = _expected_namesakes(worded, country, own, words, total) if worded else 0.0
        name_own.append(own_records(worded_country, namesakes))
    return name_n, name_nc, name_sources, name_own


def add_name_counts(rows: list[dict[str, Any]], sources: Sequence[str] | None = None) -> None:
    """Set ``name_n``, ``name_nc``, ``name_sources`` and ``name_own`` of every row (see
    ``_name_counts``); ``sources``: the source of each row, in order."""
    for row, n, nc, reporting, own in zip(rows, *_name_counts(rows, sources), strict=True):
        row["name_n"], row["name_nc"], row["name_sources"], row["name_own"] = n, nc, reporting, own


def feature_columns(rows: Iterable[dict[str, Any]]) -> dict[str, list[Any]]:
    """Rows turned into columns (the shape pyarrow and both Splink backends take)."""
    columns: dict[str, list[Any]] = {c: [] for c in FEATURE_COLUMNS}
    for row in rows:
        for column in FEATURE_COLUMNS:
            columns[column].append(row[column])
    return columns
