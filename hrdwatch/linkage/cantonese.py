"""Chinese names as Hong Kong and Macau write them in Latin letters: the Cantonese readings of the
characters (the Hong Kong Government romanisation, via cantoroman), beside pinyin."""

from __future__ import annotations

from functools import lru_cache
from itertools import islice, product
from typing import Any

from opencc import OpenCC

from .forms import NameForm, split_han_name

# Where Chinese names are read in Cantonese and romanised that way: 陳家明 is Chan Ka-ming there.
CANTONESE_COUNTRIES = frozenset({"HK", "MO"})
# Most Cantonese spellings of one name in characters (the readings of a character vary: Kwok / Gwok).
MAX_CANTONESE_FORMS = 4


@lru_cache(maxsize=1)
def _cantonese_readings() -> Any:
    from cantoroman import Cantonese  # Hong Kong Government romanisation, traditional characters

    return Cantonese()


@lru_cache(maxsize=1)
def _to_traditional() -> OpenCC:
    return OpenCC("s2t")


def hong_kong_syllables(token: str) -> str:
    """One spelling for syllables Hong Kong writes two ways: Tsz and Chi are both zi (子 Tsz, 志
    Chi), Sze and Si both si."""
    return token.replace("tsz", "chi").replace("sze", "si")


@lru_cache(maxsize=100_000)
def cantonese_forms(han: str) -> tuple[NameForm, ...]:
    """A Chinese name in characters as Hong Kong writes it in Latin letters (陳家明 Chan Ka-ming, 鄒美玲
    Chow Mei-ling): the usual readings of each character, surname and given name as two words.

    Pinyin alone never meets these spellings: Zou Meiling and Chow Mei-ling share no syllable.
    """
    surname, given = split_han_name(str(_to_traditional().convert(han)))
    readings = _cantonese_readings().getRoman(surname + given)
    if not surname or len(readings) != len(surname + given) or not all(readings):
        return ()
    choices = product(*(r[:2] for r in readings))
    forms = []
    for chosen in islice(choices, MAX_CANTONESE_FORMS):
        tokens = ("".join(chosen[: len(surname)]), "".join(chosen[len(surname) :]))
        forms.append(NameForm(tuple(hong_kong_syllables(t) for t in tokens if t), "cantonese"))
    return tuple(forms)
