"""The flat, one-row-per-case layout used by CSV and XLSX import and export.

The columns are declared once, in ``spec.TABLE_COLUMNS`` (docs/import-export.md is generated from
them). A row describes one defender and one of their cases, with the main moments of its
timeline; several rows with the same ``defender_id`` add cases to one defender. Every dict built
from a row carries ``__columns__`` (interchange field -> column as the file names it), so an error
names the cell to fix rather than an internal field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hrdwatch.core.text import detect_script
from hrdwatch.records.base import new_uid

from .convert import RowError, sentence_cells
from .spec import CODES, LIST, TABLE_COLUMNS

LIST_SEPARATOR = CODES
NAME_SEPARATOR = LIST
UNKNOWN_DATE = {"unknown", "?", "n/a"}
COLUMNS: list[tuple[str, str]] = [(c.name, c.meaning) for c in TABLE_COLUMNS]
COLUMN_NAMES = [c.name for c in TABLE_COLUMNS]
REQUIRED = {c.name for c in TABLE_COLUMNS if c.required}


class TableError(ValueError):
    """The table as a whole cannot be read (a required column is missing, a mapping is wrong)."""


def read_header(
    header: list[Any], mapping: dict[str, str] | None = None
) -> tuple[list[str], dict[str, str], list[str]]:
    """(field of each column or "", field -> column as the file names it, warnings).

    Column names are matched case-insensitively; ``mapping`` renames a file's column to a field.
    Unknown columns are ignored with a warning; a missing required column is an error.
    """
    mapping = {k.strip().lower(): v.strip().lower() for k, v in (mapping or {}).items()}
    for source, target in mapping.items():
        if target not in COLUMN_NAMES:
            raise TableError(
                f"--map {source}={target}: unknown field {target!r} (see docs/import-export.md)"
            )
    fields, labels, unknown = [], {}, []
    for cell in header:
        label = str(cell or "").strip()
        name = mapping.get(label.lower(), label.lower().replace(" ", "_"))
        if name in COLUMN_NAMES and name not in labels:
            fields.append(name)
            labels[name] = label
        else:
            fields.append("")
            if label:
                unknown.append(label)
    missing = sorted(REQUIRED - set(labels))
    if missing:
        raise TableError(
            f"missing required column(s): {', '.join(missing)} (found: {', '.join(map(str, header))})"
        )
    warnings = (
        [
            f"column(s) ignored, not part of the format: {', '.join(unknown)} "
            "(see docs/import-export.md, or map one with --map COLUMN=FIELD)"
        ]
        if unknown
        else []
    )
    return fields, labels, warnings


def check_header(header: list[str]) -> list[str]:
    """Field of each column (kept for callers that need no labels or warnings)."""
    return read_header(header)[0]


def _split(value: str, separator: str) -> list[str]:
    return [part.strip() for part in (value or "").split(separator) if part.strip()]


def _message(exc: RowError) -> str:
    return str(exc).partition(": ")[2] or str(exc)


def _date(value: str) -> str:
    """A date cell; ``unknown`` means the fact happened on an unknown date."""
    return "" if value.strip().lower() in UNKNOWN_DATE else value


class _Row:
    """One table row: its cells by field, the file's column names, and the errors found here."""

    def __init__(self, row: dict[str, Any], labels: dict[str, str]) -> None:
        self.row, self.labels = row, labels
        self.errors: list[tuple[str, str]] = []

    def get(self, key: str) -> str:
        value = self.row.get(key)
        return "" if value is None else str(value).strip()

    def columns(self, **fields: str) -> dict[str, str]:
        return {field: self.labels.get(column, column) for field, column in fields.items()}

    def parallel(self, key: str, count: int) -> list[str]:
        """One value per item of a list (charges, sources): as many values, one for all, or none."""
        raw = self.get(key)
        parts = [part.strip() for part in raw.split(LIST)] if raw else []
        if len(parts) in (0, 1):
            return [parts[0] if parts else ""] * count
        if len(parts) != count:
            self.errors.append(
                (
                    self.labels.get(key, key),
                    f"{len(parts)} values separated by | for {count} "
                    f"item(s); give one value per item, in the same order, or a single value for all",
                )
            )
            return [""] * count
        return parts


def row_to_record(row: dict[str, Any], labels: dict[str, str] | None = None) -> dict[str, Any]:
    """The defender (with its case, and the sources and places it cites) for one table row."""
    cells = _Row(row, labels or {name: name for name in COLUMN_NAMES})
    get = cells.get
    visibility = get("defender_visibility")
    defender: dict[str, Any] = {
        "external_id": get("defender_id"),
        "display_name": get("display_name"),
        "name_original_script": get("name_original_script"),
        "gender": get("gender") or None,
        "birth_date": get("birth_date"),
        "nationality": get("nationality"),
        "roles": _split(get("roles"), CODES),
        "areas_of_work": _split(get("areas_of_work"), CODES),
        "affiliations": get("affiliations"),
        "biography": get("biography"),
        "visibility": visibility,
        "owner": get("owner") or None,
        "names": _names(cells),
        "cases": [],
        "__header__": [],
        "__columns__": cells.columns(
            external_id="defender_id",
            display_name="display_name",
            name_original_script="name_original_script",
            gender="gender",
            birth_date="birth_date",
            nationality="nationality",
            roles="roles",
            areas_of_work="areas_of_work",
            affiliations="affiliations",
            biography="biography",
            visibility="defender_visibility",
            owner="owner",
        ),
    }
    if get("case_id"):
        defender["cases"].append(_case(cells, defender["__header__"]))
    defender["__errors__"] = cells.errors
    return defender


def _names(cells: _Row) -> list[dict[str, Any]]:
    """Other names, each with its kind and script (read from its letters when not given)."""
    names = _split(cells.get("other_names"), LIST)
    kinds, scripts = (
        cells.parallel(k, len(names)) for k in ("other_name_kind", "other_name_script")
    )
    return [
        {
            "name": name,
            "kind": kind or None,
            "script": script or detect_script(name),
            "visibility": cells.get("defender_visibility"),
            "__columns__": cells.columns(
                name="other_names",
                kind="other_name_kind",
                script="other_name_script",
                visibility="defender_visibility",
            ),
        }
        for name, kind, script in zip(names, kinds, scripts, strict=True)
    ]


def _case(cells: _Row, header: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    get, case_id, visibility = cells.get, cells.get("case_id"), cells.get("case_visibility")
    sources = _sources(cells, header)
    return {
        "external_id": case_id,
        "country": get("country") or None,
        "region": get("region"),
        "city": get("city"),
        "status": get("status") or None,
        "authorities": get("authorities"),
        "wgad_categories": _split(get("wgad_categories"), CODES),
        "wgad_reasoning": get("wgad_reasoning"),
        "summary": get("summary"),
        "visibility": visibility,
        "review_state": get("review_state"),
        "owner": get("owner") or None,
        "events": _events(cells, header),
        "evidence": [
            {
                "source": uid,
                "visibility": visibility,
                "__columns__": cells.columns(source="source_url", visibility="case_visibility"),
            }
            for uid in sources
        ],
        "__columns__": cells.columns(
            external_id="case_id",
            country="country",
            region="region",
            city="city",
            status="status",
            authorities="authorities",
            wgad_categories="wgad_categories",
            wgad_reasoning="wgad_reasoning",
            summary="summary",
            visibility="case_visibility",
            review_state="review_state",
            owner="owner",
        ),
    }


def _sources(cells: _Row, header: list[tuple[str, dict[str, Any]]]) -> list[str]:
    urls = _split(cells.get("source_url"), LIST)
    titles, publishers, published = (
        cells.parallel(k, len(urls))
        for k in ("source_title", "source_publisher", "source_published")
    )
    uids = []
    for url, title, publisher, date in zip(urls, titles, publishers, published, strict=True):
        external_id = f"url:{url}"
        uid = new_uid("src", external_id, "Source")
        header.append(
            (
                "sources",
                {
                    "uid": uid,
                    "external_id": external_id,
                    "url": url,
                    "title": title or url,
                    "publisher": publisher,
                    "published": date,
                    "visibility": cells.get("case_visibility"),
                    "__columns__": cells.columns(
                        url="source_url",
                        title="source_title",
                        publisher="source_publisher",
                        published="source_published",
                        visibility="case_visibility",
                    ),
                },
            )
        )
        uids.append(uid)
    return uids


def _events(cells: _Row, header: list[tuple[str, dict[str, Any]]]) -> list[dict[str, Any]]:
    """The case's timeline from the row, in the order its facts happen (undated ones keep it)."""
    get, case_id = cells.get, cells.get("case_id")
    events: list[dict[str, Any]] = []

    def event(
        key: str, kind: str, date_column: str, certainty_column: str = "", **extra: Any
    ) -> dict[str, Any]:
        columns = cells.columns(date=date_column, visibility="case_visibility")
        if certainty_column:
            columns.update(cells.columns(certainty=certainty_column))
        columns.update(extra.pop("__columns__", {}))
        entry = {
            "external_id": f"{case_id}:{key}",
            "event_type": kind,
            "date": _date(get(date_column)),
            "certainty": get(certainty_column) if certainty_column else "",
            "visibility": get("case_visibility"),
            "__columns__": columns,
            **extra,
        }
        events.append(entry)
        return entry

    if get("arrest_date") or get("arrest_place"):
        event(
            "arrest",
            "arrest",
            "arrest_date",
            "arrest_certainty",
            place=get("arrest_place"),
            __columns__=cells.columns(place="arrest_place"),
        )
    _detention(cells, header, event)
    _charges(cells, event)
    if get("sentence_date") or get("sentence_months") or get("sentence_kind"):
        try:
            kind, months = sentence_cells(get("sentence_months"), get("sentence_kind"))
        except RowError as exc:
            cells.errors.append(
                (cells.labels.get("sentence_months", "sentence_months"), _message(exc))
            )
            kind, months = "", ""
        event(
            "sentence",
            "sentence",
            "sentence_date",
            "sentence_certainty",
            sentence_months=months,
            sentence_kind=kind,
            __columns__=cells.columns(
                sentence_months="sentence_months",
                sentence_kind="sentence_kind" if get("sentence_kind") else "sentence_months",
            ),
        )
    if get("release_date"):
        event("release", "release", "release_date", "release_certainty")
    if get("death_in_custody_date"):
        event("death", "death_in_custody", "death_in_custody_date")
    return events


def _detention(
    cells: _Row, header: list[tuple[str, dict[str, Any]]], event: Callable[..., Any]
) -> None:
    places = _split(cells.get("place_of_detention"), LIST)
    for index, (name, since) in enumerate(
        zip(places, cells.parallel("place_of_detention_since", len(places)), strict=True)
    ):
        external_id = f"place:{cells.get('country').upper()}:{name.lower()}"
        uid = new_uid("plc", external_id, "PlaceOfDetention")
        header.append(
            (
                "places",
                {
                    "uid": uid,
                    "external_id": external_id,
                    "name": name,
                    "country": cells.get("country"),
                    "visibility": cells.get("case_visibility"),
                    "__columns__": cells.columns(
                        name="place_of_detention", country="country", visibility="case_visibility"
                    ),
                },
            )
        )
        entry = event(
            f"detention:{index + 1}",
            "detention" if index == 0 else "transfer",
            "place_of_detention_since",
            place_of_detention=uid,
            __columns__=cells.columns(place_of_detention="place_of_detention"),
        )
        entry["date"] = _date(since)


def _charges(cells: _Row, event: Callable[..., Any]) -> None:
    """One charge event per charge date; each charge with its own category and article."""
    wordings = _split(cells.get("charges"), LIST)
    categories, provisions, dates = (
        cells.parallel(k, len(wordings))
        for k in ("charge_category", "legal_provision", "charge_date")
    )
    by_date: dict[str, list[dict[str, Any]]] = {}
    for wording, category, provision, date in zip(
        wordings, categories, provisions, dates, strict=True
    ):
        by_date.setdefault(_date(date), []).append(
            {
                "wording": wording,
                "legal_provision": provision,
                "category": category or "other",
                "visibility": cells.get("case_visibility"),
                "__columns__": cells.columns(
                    wording="charges",
                    legal_provision="legal_provision",
                    category="charge_category",
                    visibility="case_visibility",
                ),
            }
        )
    for date, charges in by_date.items():
        entry = event(
            "charge" + (f":{date}" if date else ""), "charge", "charge_date", charges=charges
        )
        entry["date"] = date


def _joined(values: list[str]) -> str:
    """Parallel values in one cell: one value when all agree, else one per item."""
    if not values or len(set(values)) == 1:
        return values[0] if values else ""
    return f" {LIST} ".join(values)


def _date_cell(event: dict[str, Any] | None) -> str:
    if event is None:
        return ""
    return event.get("date") or "unknown"


def record_to_rows(
    defender: dict[str, Any],
    sources: dict[str, dict[str, Any]],
    places: dict[str, dict[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """Table rows (one per case) for a serialised defender; the inverse of ``row_to_record``."""
    base = {
        "defender_id": defender.get("external_id") or defender["uid"],
        "display_name": defender["display_name"],
        "name_original_script": defender["name_original_script"],
        "other_names": f" {LIST} ".join(n["name"] for n in defender["names"]),
        "other_name_kind": _joined([n.get("kind") or "" for n in defender["names"]]),
        "other_name_script": _joined([n.get("script") or "" for n in defender["names"]]),
        "gender": defender["gender"] or "",
        "birth_date": defender["birth_date"] or "",
        "nationality": defender["nationality"],
        "roles": CODES.join(defender["roles"]),
        "areas_of_work": CODES.join(defender["areas_of_work"]),
        "affiliations": defender["affiliations"],
        "biography": defender["biography"],
        "defender_visibility": defender["visibility"],
        "owner": defender["owner"] or "",
    }
    if not defender["cases"]:
        return [base]
    return [
        {
            **base,
            **_case_cells(case, sources, places or {}),
            "owner": case["owner"] or base["owner"],
        }
        for case in defender["cases"]
    ]


def _case_cells(
    case: dict[str, Any], sources: dict[str, dict[str, Any]], places: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    events = case["events"]
    first = {
        kind: next((e for e in events if e["event_type"] == kind), None)
        for kind in ("arrest", "sentence", "release", "death_in_custody")
    }
    arrest, sentence = first["arrest"], first["sentence"]
    charged = [(e, c) for e in events if e["event_type"] == "charge" for c in e["charges"]]
    held = [
        e
        for e in events
        if e["event_type"] in {"detention", "transfer"} and e.get("place_of_detention") in places
    ]
    cited = [sources[e["source"]] for e in case["evidence"] if e["source"] in sources]
    months = (sentence or {}).get("sentence_months")
    return {
        "case_id": case.get("external_id") or case["uid"],
        "country": case["country"],
        "region": case["region"],
        "city": case["city"],
        "status": case["status"] or "",
        "arrest_date": _date_cell(arrest) if arrest else "",
        "arrest_place": (arrest or {}).get("place") or "",
        "arrest_certainty": (arrest or {}).get("certainty") or "",
        "place_of_detention": f" {LIST} ".join(
            places[e["place_of_detention"]]["name"] for e in held
        ),
        "place_of_detention_since": _joined([e.get("date") or "unknown" for e in held])
        if held
        else "",
        "charges": f" {LIST} ".join(c["wording"] for _e, c in charged),
        "charge_category": _joined([c["category"] or "" for _e, c in charged]),
        "legal_provision": _joined([c["legal_provision"] for _e, c in charged]),
        "charge_date": _joined([e.get("date") or "" for e, _c in charged]),
        "sentence_date": _date_cell(sentence),
        "sentence_months": months or "",
        "sentence_kind": (sentence or {}).get("sentence_kind") or "",
        "sentence_certainty": (sentence or {}).get("certainty") or "",
        "release_date": _date_cell(first["release"]),
        "release_certainty": (first["release"] or {}).get("certainty") or "",
        "death_in_custody_date": _date_cell(first["death_in_custody"]),
        "authorities": case["authorities"],
        "wgad_categories": CODES.join(case["wgad_categories"]),
        "wgad_reasoning": case["wgad_reasoning"],
        "summary": case["summary"],
        "case_visibility": case["visibility"],
        "review_state": case["review_state"],
        "source_url": f" {LIST} ".join(s.get("url", "") for s in cited),
        "source_title": _joined([s.get("title", "") for s in cited]),
        "source_publisher": _joined([s.get("publisher", "") for s in cited]),
        "source_published": _joined([s.get("published") or "" for s in cited]),
    }
