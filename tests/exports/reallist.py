"""An invented list of political prisoners shaped like the real public ones (every name is made up).

Real lists give a place of detention for nearly everyone, sentences without a date, life
sentences, deaths in custody, several charges with their own articles, names in patronymic form
and in Cyrillic, and cite more than one source. ``rows()`` builds such a list deterministically.
"""

from __future__ import annotations

GIVEN = [
    "Elvar",
    "Nurlan",
    "Samira",
    "Tural",
    "Leyla",
    "Orkhan",
    "Gunel",
    "Rashad",
    "Aysel",
    "Kamran",
    "Zaur",
]
FATHERS = ["Tofig", "Ilham", "Vagif", "Rauf", "Sabir", "Mahir", "Anar"]
FAMILY = [
    "Qaradagli",
    "Mirzabeyli",
    "Sultanzade",
    "Nabiyeva",
    "Huseynli",
    "Tagizade",
    "Alakbarli",
    "Jafarova",
]
CYRILLIC = {
    "Elvar": "Эльвар",
    "Nurlan": "Нурлан",
    "Samira": "Самира",
    "Tural": "Турал",
    "Leyla": "Лейла",
    "Orkhan": "Орхан",
    "Gunel": "Гюнель",
    "Rashad": "Рашад",
    "Aysel": "Айсель",
    "Kamran": "Камран",
    "Zaur": "Заур",
}
PLACES = [
    "Pre-trial Detention Centre No. 1",
    "Penitentiary Institution No. 12",
    "Prison No. 4",
    "Penitentiary Institution No. 17",
]
CHARGES = [
    ("Smuggling by a group", "Art. 206.3.2", "fraud_economic"),
    ("Illegal entrepreneurship", "Art. 192.3.2", "fraud_economic"),
    ("Calls against the state", "Art. 281.2", "state_security"),
    ("Hooliganism", "Art. 221.3", "public_order"),
    ("Possession of narcotics", "Art. 234.4.3", "other"),
]
ROLES = ["journalist", "lawyer", "blogger", "activist"]
COLUMNS = [
    "defender_id",
    "display_name",
    "name_original_script",
    "other_names",
    "gender",
    "birth_date",
    "roles",
    "Notes (internal)",
    "case_id",
    "country",
    "status",
    "arrest_date",
    "arrest_certainty",
    "place_of_detention",
    "place_of_detention_since",
    "charges",
    "charge_category",
    "legal_provision",
    "charge_date",
    "sentence_date",
    "sentence_months",
    "release_date",
    "death_in_custody_date",
    "case_visibility",
    "source_url",
    "source_title",
    "source_published",
]
SIZE = 104


def person(i: int) -> dict[str, str]:
    given, father, family = (
        GIVEN[i % len(GIVEN)],
        FATHERS[i % len(FATHERS)],
        FAMILY[i % len(FAMILY)],
    )
    female = given in {"Samira", "Leyla", "Gunel", "Aysel"}
    patronymic = f"{given} {father} {'qizi' if female else 'oglu'} {family}"
    return {
        "given": given,
        "family": family,
        "patronymic": patronymic,
        "gender": "female" if female else "male",
    }


def row(i: int) -> dict[str, str]:
    """Row ``i`` (1-based) of the list: about one in seven a life sentence, one in eleven a death."""
    who = person(i)
    year = 2018 + i % 6
    arrest = f"{year}-{1 + i % 12:02d}-{1 + i % 27:02d}"
    first, second = CHARGES[i % len(CHARGES)], CHARGES[(i + 2) % len(CHARGES)]
    cells = {
        "defender_id": f"PP-{i:03d}",
        "display_name": f"{who['given']} {who['family']}",
        "name_original_script": f"{CYRILLIC[who['given']]} {who['family']}",
        "other_names": who["patronymic"],
        "gender": who["gender"],
        "birth_date": str(1960 + i % 35),
        "roles": ROLES[i % len(ROLES)],
        "Notes (internal)": f"checked by volunteer {i % 4}",
        "case_id": f"PP-{i:03d}-1",
        "country": "AZ",
        "status": "detained_awaiting_trial",
        "arrest_date": arrest,
        "arrest_certainty": "alleged" if i % 9 == 0 else "",
        "place_of_detention": PLACES[i % 2] + (f" | {PLACES[2 + i % 2]}" if i % 3 == 0 else ""),
        "place_of_detention_since": arrest + (f" | {year + 1}" if i % 3 == 0 else ""),
        "charges": f"{first[0]} | {second[0]}",
        "charge_category": f"{first[2]} | {second[2]}",
        "legal_provision": f"{first[1]} | {second[1]}",
        "charge_date": arrest if i % 2 else "",
        "sentence_date": "",
        "sentence_months": "",
        "release_date": "",
        "death_in_custody_date": "",
        "case_visibility": "public",
        "source_url": "https://example.org/lists/political-prisoners-2024"
        + (f" | https://example.org/news/{i}" if i % 4 == 0 else ""),
        "source_title": "List of political prisoners"
        + (" | Court hearing report" if i % 4 == 0 else ""),
        "source_published": "2024-05-01" + (f" | {year + 1}-02-10" if i % 4 == 0 else ""),
    }
    if i % 2 == 0:  # convicted; every second sentence has a length but no date, as in real lists
        cells.update(
            status="detained_convicted",
            sentence_months=str(36 + 12 * (i % 8)),
            sentence_date=f"{year + 1}-06" if i % 4 == 0 else "",
        )
    if i % 7 == 0:
        cells.update(status="detained_convicted", sentence_months="life", sentence_date="unknown")
    if i % 11 == 0:
        cells.update(status="died_in_custody", death_in_custody_date=f"{year + 2}-03-14")
    return cells


def rows() -> list[dict[str, str]]:
    return [row(i) for i in range(1, SIZE + 1)]


def as_csv(items: list[dict[str, str]], separator: str = ";") -> str:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\n")
    writer.writerow(COLUMNS)
    for item in items:
        writer.writerow([item[c] for c in COLUMNS])
    return buffer.getvalue()
