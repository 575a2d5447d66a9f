"""Victims are told apart from people who are only mentioned, item by item, with evidence."""

from __future__ import annotations

import datetime as dt

from hrdwatch.extraction.extractors import get_extractor
from hrdwatch.extraction.rules.segment import split_items
from hrdwatch.extraction.schema import ExtractedVictim, SourceDocument
from tests.extraction.examples import (
    BILINGUAL_PAGE,
    FRENCH_NEWS,
    LISTING_PAGE,
    NEWS_WITH_QUOTED_PEOPLE,
    NO_VICTIMS,
    OPINION_WITH_CREDITS,
    ROUND_UP,
    SPANISH_NEWS,
)


def extract(text: str, published: str | None = "2022-06-16") -> list[ExtractedVictim]:
    document = SourceDocument(id="doc", text=text, published=published)
    return get_extractor("rules").extract(document)


def by_name(victims: list[ExtractedVictim]) -> dict[str, ExtractedVictim]:
    return {victim.name: victim for victim in victims}


def test_quoted_researcher_official_judge_author_and_law_are_not_victims() -> None:
    victims = by_name(extract(NEWS_WITH_QUOTED_PEOPLE))
    assert list(victims) == ["Tran Minh Khoa"]
    for mentioned in (
        "Sophie Lindqvist",
        "Pham Quoc Dat",
        "Le Van Thanh",
        "Daniel Okafor",
        "Magnitsky",
    ):
        assert not any(mentioned in name for name in victims)


def test_victim_events_roles_country_and_term() -> None:
    victim = by_name(extract(NEWS_WITH_QUOTED_PEOPLE))["Tran Minh Khoa"]
    assert victim.country == "VN"
    assert "lawyer" in victim.roles
    events = {event.type: event for event in victim.events}
    assert {"arrest", "conviction", "sentence"} <= set(events)
    assert events["sentence"].sentence_months == 84
    assert events["sentence"].date == "2022-06-14"  # "on Tuesday" before 16 June 2022
    assert events["arrest"].date == "2021-03"  # "in March last year"
    assert events["sentence"].charges == ["conducting propaganda against the state"]


def test_evidence_offsets_point_at_the_event_words() -> None:
    victim = extract(NEWS_WITH_QUOTED_PEOPLE)[0]
    for event in victim.events:
        assert event.evidence
        for start, end in event.evidence:
            quoted = NEWS_WITH_QUOTED_PEOPLE[start:end].lower()
            assert quoted in {
                "sentenced",
                "arrested",
                "held",
                "arrest",
                "incommunicado",
                "in prison",
            } or (quoted.startswith(("sentenc", "arrest", "held", "detain", "charge"))), quoted


def test_document_without_victims_yields_none() -> None:
    assert extract(NO_VICTIMS) == []


def test_listing_page_is_split_into_items() -> None:
    items = split_items(LISTING_PAGE)
    assert len(items) == 3
    assert LISTING_PAGE[items[1].start : items[1].end].startswith("Kenya")
    assert LISTING_PAGE[items[2].start : items[2].end].startswith("Peru")


def test_people_never_carry_from_one_item_to_another() -> None:
    victims = by_name(extract(LISTING_PAGE, published=None))
    assert set(victims) == {"Amina Wanjiru", "Jorge Quispe Mamani"}
    kenya, peru = victims["Amina Wanjiru"], victims["Jorge Quispe Mamani"]
    assert (kenya.country, peru.country) == ("KE", "PE")
    assert {e.type for e in kenya.events} >= {"arrest", "release"}
    # The Peru item mentions "Wanjiru's colleagues" and "charges": no charge crosses over.
    assert "charge" not in {e.type for e in kenya.events}
    assert {e.type for e in peru.events} == {"charge"}
    assert peru.events[0].date == "2023-04-15"
    assert peru.events[0].charges == ["disturbing public order"]


def test_french_and_spanish_documents() -> None:
    french = by_name(extract(FRENCH_NEWS))
    assert list(french) == ["Karim Benali"]
    assert french["Karim Benali"].country == "DZ"
    sentence = next(e for e in french["Karim Benali"].events if e.type == "sentence")
    assert (sentence.date, sentence.sentence_months) == ("2021-05-03", 24)

    spanish = by_name(extract(SPANISH_NEWS))
    assert list(spanish) == ["Lucía Herrera Solís"]
    victim = spanish["Lucía Herrera Solís"]
    assert victim.country == "NI"
    assert any(e.type == "arrest" and e.date == "2022-08-02" for e in victim.events)


def test_extraction_does_not_depend_on_today() -> None:
    first = extract(NEWS_WITH_QUOTED_PEOPLE, published="2022-06-16")
    assert dt.date.today() and first == extract(NEWS_WITH_QUOTED_PEOPLE, published="2022-06-16")


def test_bilingual_page_gives_one_person_once() -> None:
    victims = extract(BILINGUAL_PAGE, published="2024-03-21")
    assert [v.name for v in victims] == ["Paul Mbarga"]
    assert victims[0].country == "CM"
    assert any(e.type == "arrest" and e.date == "2024-03-03" for e in victims[0].events)


def test_round_up_gives_each_victim_the_country_of_their_own_story() -> None:
    victims = by_name(extract(ROUND_UP, published="2024-03-21"))
    assert {name: v.country for name, v in victims.items()} == {
        "Sonia Ben Amor": "TN",
        "Ahmed Fathy": "EG",
        "Grace Auma": "UG",
    }
    sentence = next(e for e in victims["Sonia Ben Amor"].events if e.type == "sentence")
    assert (sentence.date, sentence.sentence_months) == ("2024-03-19", 12)
    assert {e.type for e in victims["Ahmed Fathy"].events} >= {"release"}


def test_authors_senators_and_photo_credits_are_never_victims() -> None:
    assert extract(OPINION_WITH_CREDITS) == []
