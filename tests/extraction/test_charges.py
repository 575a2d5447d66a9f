"""Charges are kept as worded and sorted into categories for statistics."""

from __future__ import annotations

import pytest

from hrdwatch.extraction.rules.charges import categorise_charge, find_charges


@pytest.mark.parametrize(
    ("charge", "category"),
    [
        ("inciting subversion of state power", "subversion"),
        ("conducting propaganda against the state", "subversion"),
        ("spreading false news", "false_information"),
        ("insulting the king", "defamation_insult"),
        ("picking quarrels and provoking trouble", "public_order"),
        ("membership of a terrorist organisation", "terrorism"),
        ("tax evasion", "financial"),
        ("apología del terrorismo", "terrorism"),
        ("atteinte à la sûreté de l'État par la propagande", "propaganda_incitement"),
        ("parking offence", "other"),
    ],
)
def test_charge_categories(charge: str, category: str) -> None:
    assert categorise_charge(charge) == category


def test_charges_are_found_as_worded_with_offsets() -> None:
    sentence = "The editor was charged with spreading false news and detained."
    found = find_charges(sentence)
    assert [wording for _, _, wording in found] == ["spreading false news"]
    start, end, wording = found[0]
    assert sentence[start:end] == wording


def test_quoted_charge_counts_only_when_it_reads_like_a_charge() -> None:
    sentence = 'The court convicted her of "disseminating propaganda" after a "friendly chat".'
    assert [w for _, _, w in find_charges(sentence)] == ["disseminating propaganda"]
