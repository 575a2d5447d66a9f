"""A date of birth is never an event date, in any language with a file (invented sentences)."""

from __future__ import annotations

import datetime as dt

import pytest

from hrdwatch.extraction.rules.when import find_dates

BASE = dt.date(2024, 3, 14)


@pytest.mark.parametrize(
    "text",
    [
        "Lee, born in 1975, was arrested on 3 March 2023.",
        "Née en 1970, elle a été arrêtée le 3 mars 2023.",
        "Nacida en 1982, fue detenida el 3 de marzo de 2023.",
        "Nascido em 1979, foi preso em 3 de março de 2023.",
        "Иван Петров, 1980 года рождения, задержан 3 марта 2023 года.",
        "Ali Kaya (1985 doğumlu) 3 Mart 2023'te gözaltına alındı.",
        "Ông Trần Văn Bình (sinh năm 1979) bị bắt ngày 3 tháng 3 năm 2023.",
        "张明（1988年出生）于2023年3月3日被拘留。",
    ],
)
def test_only_the_event_date_is_found(text: str) -> None:
    assert [m.value for m in find_dates(text, BASE)] == ["2023-03-03"]
