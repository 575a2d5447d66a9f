"""The flat, one-row-per-case layout used by CSV and XLSX import and export.

Columns are declared once here (name and meaning; docs/import-export.md is generated from this
list and checked by a test). A row describes one defender and one of their cases, with the main
moments of its timeline; several rows with the same ``defender_id`` add cases to one defender.
The JSON format carries everything; this layout is the one partners fill in spreadsheets.
"""

from __future__ import annotations

from typing import Any

from hrdwatch.records.base import new_uid

LIST_SEPARATOR = ";"
NAME_SEPARATOR = "|"

COLUMNS: list[tuple[str, str]] = [
    ("defender_id", "Required. Your stable identifier for the person; re-imports update the same defender."),
    ("display_name", "Required. Name in Latin script."),
    ("name_original_script", "Name in its original script."),
    ("other_names", "Other names and spellings, separated by |."),
    ("gender", "Gender code: female, male, non_binary, unknown."),
    ("birth_date", "YYYY, YYYY-MM or YYYY-MM-DD."),
    ("nationality", "ISO 3166-1 country (alpha-2, alpha-3 or English name)."),
    ("roles", "Role codes separated by ; (lawyer;journalist)."),
    ("areas_of_work", "Area-of-work codes separated by ;."),
    ("affiliations", "Organisations the defender works with."),
    ("biography", "Public biography."),
    ("defender_visibility", "public, partners or restricted (default partners)."),
    ("case_id", "Your stable identifier for the case; empty for a defender without a case."),
    ("country", "Detaining country (ISO 3166-1). Required with case_id."),
    ("region", "Region or province."),
    ("city", "City."),
    ("status", "Status code: detained_awaiting_trial, detained_convicted, disappeared, house_arrest, released, released_conditionally, died_in_custody."),
    ("arrest_date", "Date of arrest: YYYY, YYYY-MM or YYYY-MM-DD."),
    ("arrest_place", "Where the arrest happened."),
    ("charges", "Charges as worded, separated by |."),
    ("charge_category", "Charge category code for the charges (state_security, terrorism_extremism, false_information, public_order, fraud_economic, espionage_foreign_agent, other)."),
    ("legal_provision", "Article(s) of law invoked."),
    ("sentence_date", "Date of the sentence."),
    ("sentence_months", "Prison term in months."),
    ("release_date", "Date of release."),
    ("authorities", "Authorities responsible."),
    ("wgad_categories", "WGAD categories met, separated by ; (I;II;III)."),
    ("wgad_reasoning", "Why the detention is arbitrary."),
    ("summary", "Public summary of the case."),
    ("case_visibility", "public, partners or restricted (default partners)."),
    ("review_state", "candidate, draft, in_review, verified, published or withdrawn (default draft)."),
    ("owner", "Slug of the partner organisation that owns the record."),
    ("source_url", "URL of the source that supports the case."),
    ("source_title", "Title of that source."),
    ("source_publisher", "Publisher of that source."),
    ("source_published", "Publication date of that source (YYYY-MM-DD)."),
]
COLUMN_NAMES = [name for name, _ in COLUMNS]
REQUIRED = {"defender_id", "display_name"}


class TableError(ValueError):
    """The table as a whole cannot be read (missing or unknown columns)."""


def check_header(header: list[str]) -> list[str]:
    """Normalised column names; missing required or unknown columns are an error for the file."""
    names = [str(h or "").strip().lower() for h in header]
    missing = sorted(REQUIRED - set(names))
    if missing:
        raise TableError(f"missing required column(s): {', '.join(missing)}")
    unknown = [n for n in names if n and n not in COLUMN_NAMES]
    if unknown:
        raise TableError(f"unknown column(s): {', '.join(unknown)} (see docs/import-export.md)")
    return names


def _split(value: str, separator: str) -> list[str]:
    return [part.strip() for part in (value or "").split(separator) if part.strip()]


def row_to_record(row: dict[str, str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(defender, sources header entries) in the interchange shape for one table row."""
    get = lambda key: (row.get(key) or "").strip() if isinstance(row.get(key), str) or row.get(key) is None else row.get(key)  # noqa: E731
    defender_id = str(get("defender_id"))
    defender: dict[str, Any] = {
        "external_id": defender_id,
        "display_name": get("display_name"),
        "name_original_script": get("name_original_script"),
        "gender": get("gender") or None,
        "birth_date": get("birth_date"),
        "nationality": get("nationality"),
        "roles": _split(str(get("roles")), LIST_SEPARATOR),
        "areas_of_work": _split(str(get("areas_of_work")), LIST_SEPARATOR),
        "affiliations": get("affiliations"),
        "biography": get("biography"),
        "visibility": get("defender_visibility"),
        "owner": get("owner") or None,
        "names": [
            {"name": n, "visibility": get("defender_visibility")}
            for n in _split(str(get("other_names")), NAME_SEPARATOR)
        ],
        "cases": [],
    }
    source: dict[str, Any] = {}
    case_id = str(get("case_id"))
    if not case_id:
        return defender, source
    if get("source_url"):
        external_id = f"url:{get('source_url')}"
        source = {
            "uid": new_uid("src", external_id, "Source"),
            "external_id": external_id,
            "url": get("source_url"),
            "title": get("source_title") or get("source_url"),
            "publisher": get("source_publisher"),
            "published": get("source_published"),
            "visibility": get("case_visibility"),
        }
    events: list[dict[str, Any]] = []

    def event(kind: str, date: Any, **extra: Any) -> None:
        events.append({"external_id": f"{case_id}:{kind}", "event_type": kind, "date": date,
                       "visibility": get("case_visibility"), **extra})

    if get("arrest_date") or get("arrest_place"):
        event("arrest", get("arrest_date"), place=get("arrest_place"))
    charges = _split(str(get("charges")), NAME_SEPARATOR)
    if charges:
        event("charge", "", charges=[
            {"wording": c, "legal_provision": get("legal_provision"),
             "category": get("charge_category") or "other", "visibility": get("case_visibility")}
            for c in charges
        ])
    if get("sentence_date") or get("sentence_months"):
        event("sentence", get("sentence_date"), sentence_months=get("sentence_months"),
              sentence_kind="term" if get("sentence_months") else "")
    if get("release_date"):
        event("release", get("release_date"))
    case: dict[str, Any] = {
        "external_id": case_id,
        "country": get("country"),
        "region": get("region"),
        "city": get("city"),
        "status": get("status") or None,
        "authorities": get("authorities"),
        "wgad_categories": _split(str(get("wgad_categories")), LIST_SEPARATOR),
        "wgad_reasoning": get("wgad_reasoning"),
        "summary": get("summary"),
        "visibility": get("case_visibility"),
        "review_state": get("review_state"),
        "owner": get("owner") or None,
        "events": events,
        "evidence": [{"source": source["uid"], "visibility": get("case_visibility")}] if source else [],
    }
    if not case["country"]:
        case["country"] = None
    defender["cases"].append(case)
    return defender, source


def record_to_rows(defender: dict[str, Any], sources: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Table rows (one per case) for a serialised defender; the inverse of ``row_to_record``."""
    base = {
        "defender_id": defender.get("external_id") or defender["uid"],
        "display_name": defender["display_name"],
        "name_original_script": defender["name_original_script"],
        "other_names": f" {NAME_SEPARATOR} ".join(n["name"] for n in defender["names"]),
        "gender": defender["gender"] or "",
        "birth_date": defender["birth_date"] or "",
        "nationality": defender["nationality"],
        "roles": LIST_SEPARATOR.join(defender["roles"]),
        "areas_of_work": LIST_SEPARATOR.join(defender["areas_of_work"]),
        "affiliations": defender["affiliations"],
        "biography": defender["biography"],
        "defender_visibility": defender["visibility"],
        "owner": defender["owner"] or "",
    }
    if not defender["cases"]:
        return [base]
    rows = []
    for case in defender["cases"]:
        events = case["events"]
        arrest, sentence, release = (
            next((e for e in events if e["event_type"] == kind), None) for kind in ("arrest", "sentence", "release")
        )
        charges = [c for e in events for c in e["charges"]]
        cited = [sources[e["source"]] for e in case["evidence"] if e["source"] in sources]
        source = cited[0] if cited else {}
        rows.append({
            **base,
            "case_id": case.get("external_id") or case["uid"],
            "country": case["country"], "region": case["region"], "city": case["city"],
            "status": case["status"] or "",
            "arrest_date": (arrest or {}).get("date") or "", "arrest_place": (arrest or {}).get("place") or "",
            "charges": f" {NAME_SEPARATOR} ".join(c["wording"] for c in charges),
            "charge_category": charges[0]["category"] if charges else "",
            "legal_provision": charges[0]["legal_provision"] if charges else "",
            "sentence_date": (sentence or {}).get("date") or "",
            "sentence_months": (sentence or {}).get("sentence_months") or "",
            "release_date": (release or {}).get("date") or "",
            "authorities": case["authorities"],
            "wgad_categories": LIST_SEPARATOR.join(case["wgad_categories"]),
            "wgad_reasoning": case["wgad_reasoning"], "summary": case["summary"],
            "case_visibility": case["visibility"], "review_state": case["review_state"],
            "owner": case["owner"] or base["owner"],
            "source_url": source.get("url", ""), "source_title": source.get("title", ""),
            "source_publisher": source.get("publisher", ""), "source_published": source.get("published") or "",
        })
    return rows
