"""Every language with a file reads the structures real appeals use: a list of co-defendants
("Messrs. A, B and Ms. C", "MM.", "Sres."), family names in capitals, a relative date, a quoted
official who is not a victim, and a document that names nobody persecuted. Invented documents
(``multilingual.py``), never evaluation text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import call_command

from hrdwatch.extraction.extractors import get_extractor
from hrdwatch.extraction.rules.lexicon import languages
from hrdwatch.extraction.schema import Extraction, SourceDocument
from tests.extraction.multilingual import CASES, PUBLISHED, UNSUPPORTED, Case


def analyse(
    text: str, language: str | None = None, published: str | None = PUBLISHED
) -> Extraction:
    document = SourceDocument(id="doc", text=text, published=published, language=language)
    return get_extractor("rules").analyse(document)


def forms(victim: object) -> set[str]:
    return {victim.name, *victim.aliases}  # type: ignore[attr-defined]


def find(found: Extraction, names: set[str]) -> object | None:
    return next((v for v in found.victims if forms(v) & names), None)


def test_every_language_file_has_a_case() -> None:
    assert {case.language for case in CASES} == set(languages())


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.language)
def test_co_defendants_and_capitalised_family_names_are_victims(case: Case) -> None:
    found = analyse(case.appeal)
    assert found.language == case.language
    assert found.warnings == []
    for names in case.expected:
        assert find(found, names) is not None, (
            f"{sorted(names)} missing from {[v.name for v in found.victims]}"
        )
    assert len(found.victims) == len(case.expected)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.language)
def test_quoted_official_is_not_a_victim(case: Case) -> None:
    found = analyse(case.appeal)
    for official in case.not_victims:
        assert not any(official in forms(v) for v in found.victims)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.language)
def test_relative_date_is_resolved_against_publication(case: Case) -> None:
    found = analyse(case.appeal)
    for name, event_type, date in case.dated:
        victim = find(found, {name})
        assert victim is not None
        dates = {e.date for e in victim.events if e.type == event_type}  # type: ignore[attr-defined]
        assert date in dates, f"{name}: {event_type} dated {dates}, expected {date}"


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.language)
def test_relative_date_stays_unresolved_without_publication(case: Case) -> None:
    found = analyse(case.appeal, published=None)
    assert "no_publication_date" in found.warnings
    name, event_type, date = case.dated[0]
    victim = find(found, {name})
    assert victim is not None
    assert date not in {e.date for e in victim.events}  # type: ignore[attr-defined]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.language)
def test_detaining_state_and_confidence(case: Case) -> None:
    found = analyse(case.appeal)
    for victim in found.victims:
        assert victim.country == case.country
        assert victim.confidence is not None and 0 < victim.confidence <= 1


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.language)
def test_document_with_no_victim(case: Case) -> None:
    found = analyse(case.quiet)
    assert found.victims == []
    assert found.language == case.language


def test_russian_name_in_an_oblique_case_keeps_the_written_form_and_gives_the_nominative() -> None:
    found = analyse(next(c for c in CASES if c.language == "ru").appeal)
    victim = find(found, {"Ольгу ВОРОНОВУ"})
    assert victim is not None
    assert victim.name == "Ольгу ВОРОНОВУ"  # type: ignore[attr-defined]
    assert {"Ольга ВОРОНОВА", "Olga VORONOVA"} <= forms(victim)


def test_mentions_of_one_person_in_two_cases_are_one_victim() -> None:
    text = (
        "Полиция задержала журналиста Петра Соколова в Москве во вторник. "
        "Пётр Соколов был арестован на 15 суток, сообщили правозащитники."
    )
    found = analyse(text, "ru")
    assert [v.name for v in found.victims] in (["Петра Соколова"], ["Пётр Соколов"])
    assert "Пётр Соколов" in forms(found.victims[0])


def test_turkish_case_ending_after_an_apostrophe_is_not_part_of_the_name() -> None:
    text = "Polis, gazeteci Ahmet Kara'yı dün sabah evinde gözaltına aldı. Ahmet Kara'nın avukatı açıklama yaptı."
    found = analyse(text, "tr")
    assert [v.name for v in found.victims] == ["Ahmet Kara"]


def test_chinese_name_keeps_its_script_with_pinyin_as_alias() -> None:
    found = analyse("維權律師陳志強上週二在廣州被警方帶走，目前被關押在看守所。", "zh")
    victim = find(found, {"陳志強"})
    assert victim is not None and "Chen Zhiqiang" in victim.aliases  # type: ignore[attr-defined]


def test_unsupported_language_says_so_in_the_output_line(tmp_path: Path) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    lines = [
        {"id": "az", "text": UNSUPPORTED, "published": PUBLISHED},
        {"id": "blank", "text": "1234 ... ----"},
    ]
    source.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    call_command("extract", "--input", str(source), "--output", str(target))
    out = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert out[0]["warnings"] == ["unsupported_language:az"]
    assert out[0]["victims"] == []
    assert "unreadable_text" in out[1]["warnings"]


def test_declared_language_is_trusted_only_when_the_script_agrees() -> None:
    ru = next(c for c in CASES if c.language == "ru")
    assert analyse(ru.appeal, language="en").language == "ru"
    fr = next(c for c in CASES if c.language == "fr")
    assert analyse(fr.appeal, language="fr-FR").language == "fr"
