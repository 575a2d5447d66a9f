"""Two words of a name: the same word, a spelling of it, or two words (the token level of ``names``).

Kept apart from the name level because these rules are about letters and syllables only: pinyin
syllables, Cantonese surname readings, Slavic and Vietnamese spellings, typos, vowels written
differently. ``token_strength`` answers for one pair of words; ``names`` combines the answers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz.distance import OSA, Indel, JaroWinkler

from hrdwatch.core.text import fold

from .forms import (
    MIN_LOOSE_SIMILARITY,
    groups_spelt_like,
    same_onset,
    skeleton,
    slavic_skeleton,
)
from .spellings import CANONICAL, CANTONESE_SURNAMES, SPELLINGS, VIETNAMESE_FAMILY_NAMES

_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def _surname_variants(token: str) -> frozenset[str]:
    return CANTONESE_SURNAMES.get(token, frozenset()) | {token}


def close_spelling(a: str, b: str) -> bool:
    """A dropped, doubled or swapped letter: a typo. A replaced letter is not accepted here,
    because Minghui and Minghua, or Hanna and Hanan, are different names; nor is a different first
    letter (Uyen and Xuyen are two names)."""
    if not (a and b) or a[0] != b[0] or JaroWinkler.similarity(a, b) < 0.88:
        return False
    if sorted(a) == sorted(b):
        return OSA.distance(a, b) == 1
    # two dropped or doubled letters in a long name, but never a replaced one (Bialiatski / Bialiawski)
    return Indel.distance(a, b) <= (2 if min(len(a), len(b)) >= 8 and len(a) != len(b) else 1)


@lru_cache(maxsize=1)
def _pinyin_syllables() -> frozenset[str]:
    from pypinyin.constants import PINYIN_DICT

    readings = ",".join(PINYIN_DICT.values())
    plain = "".join(
        c for c in unicodedata.normalize("NFKD", readings) if not unicodedata.combining(c)
    )
    return frozenset(s for s in plain.replace("ü", "v").split(",") if set(s) & set("aeiouv"))


@lru_cache(maxsize=100_000)
def is_pinyin(token: str) -> bool:
    """Whether a token is a run of Mandarin syllables (where every vowel tells names apart).

    A syllable that starts with a vowel starts the token: inside a word pinyin sets it off with an
    apostrophe (Xi'an), so Daemi is not da-e-mi."""
    syllables = _pinyin_syllables()
    reachable = [True] + [False] * len(token)
    for end in range(1, len(token) + 1):
        reachable[end] = any(
            reachable[start]
            and token[start:end] in syllables
            and (start == 0 or token[start] not in "aeo")
            for start in range(max(0, end - 6), end)
        )
    return reachable[-1]


def _transliteration_skeleton(token: str, chinese: bool) -> str:
    """Chinese characters render foreign (Uyghur, Tibetan) sounds loosely: x for s, no h."""
    return skeleton(token.replace("x", "s") if chinese else token).replace("h", "")


def _chinese_looking(tokens: Iterable[str]) -> bool:
    """Every token a run of pinyin syllables or a Cantonese surname: a Chinese name, where vowels
    tell names apart. Leila or Mona alone read as pinyin too, but not Leila Al-Dosari."""
    return all(is_pinyin(t) or t in CANTONESE_SURNAMES for t in tokens)


def syllables(token: str) -> int:
    """Runs of vowels in a romanised token: Hung 1, Minghui 2, Aliaksandr 3."""
    return len(_VOWEL_GROUPS.findall(token))


def _vietnamese_looking(tokens: tuple[str, ...]) -> bool:
    """One syllable per token and a common Vietnamese family name: Hùng and Hằng, Khánh and Hạnh
    differ by a vowel or one letter, and are different names."""
    return bool(set(tokens) & VIETNAMESE_FAMILY_NAMES) and all(syllables(t) == 1 for t in tokens)


@lru_cache(maxsize=200_000)
def vowels_matter(tokens: tuple[str, ...]) -> bool:
    """A Chinese or Vietnamese name: spellings that differ by a vowel are different names."""
    return _chinese_looking(tokens) or _vietnamese_looking(tokens)


def _slavic_variant(a: str, b: str) -> bool:
    """Two romanisations of one East Slavic name (see ``slavic_skeleton``), of two syllables or
    more: one-syllable names share consonants too easily."""
    return (
        syllables(a) >= 2
        and syllables(b) >= 2
        and len(_VOWEL_GROUPS.sub("", a)) >= 3  # consonants as written: Dziadok / Dedok
        and slavic_skeleton(a) == slavic_skeleton(b)
    )


def one_spelling(token: str) -> str:
    """Long vowels written the English or the French way, or not marked (Kareem, Karim; Yousouf,
    Yusuf; Hakheeh, Hakhih; Rezaei, Rezaee), sh and ch written the French way (Darwich, Darwish;
    Stefanovitch, Stefanovich), the French ou for w between vowels (Badaoui, Badawi), the Egyptian
    or Maghrebi g or dj for j (Natig, Natij; Djamel, Jamel), the Azerbaijani or Gulf q for g
    (Tofiq, Tofig), the French -che (Darwiche, Darwish), a hard c (Isaac, Isaak) and the Spanish b
    and v, one sound (Abelino, Avelino): one spelling."""
    french_w = re.sub(r"(?<=[aei])ou(?=[aei]|$)", "w", token)
    hard_c = re.sub(r"ck|c(?![hiey])", "k", re.sub(r"(?<=ch)e$", "", french_w))
    english = hard_c.replace("tch", "ch").replace("ch", "sh").replace("dj", "j").replace("q", "g")
    english = english.replace("v", "b")
    long_vowels = english.replace("g", "j").replace("ee", "i").replace("oo", "u").replace("ou", "u")
    return re.sub(r"(?<=[aeiou])(ei|ie)$", "i", long_vowels)


def _typo_of_listed(known: str, other: str) -> bool:
    """A typo in one listed spelling of a known name (Aiicha for Aicha, folded to Aisha)."""
    return known in CANONICAL and any(close_spelling(s, other) for s in SPELLINGS[known])


@lru_cache(maxsize=500_000)  # the same two words meet again and again across name pairs
def token_strength(a: str, b: str, kinds: tuple[str, str], vowels: bool = True) -> int:
    """3: same token; 2: spelling variant; 1: skeleton only (abjad, transliteration); 0: no.

    ``vowels``: both names are Chinese or Vietnamese (see ``vowels_matter``)."""
    if a == b or _surname_variants(a) & _surname_variants(b):
        return 3
    if a in CANONICAL and b in CANONICAL:
        return 0  # two known, different names (Hasan and Husayn share a skeleton)
    known = _listed_strength(a, b)
    if known is not None:
        return known
    if "translit" in kinds:
        ta = _transliteration_skeleton(a, kinds[0] == "translit")
        return 1 if ta and ta == _transliteration_skeleton(b, kinds[1] == "translit") else 0
    if (
        not vowels
        and "abjad" not in kinds
        and (_slavic_variant(a, b) or one_spelling(a) == one_spelling(b))
    ):
        return 2
    if "abjad" in kinds:
        return _abjad_strength(a, b)
    return _skeleton_strength(a, b, vowels)


def _listed_strength(a: str, b: str) -> int | None:
    """A close spelling, or a spelling of a listed name; None when neither tells."""
    if min(len(a), len(b)) >= 4 and (
        close_spelling(a, b) or _typo_of_listed(a, b) or _typo_of_listed(b, a)
    ):
        return 2
    if a in CANONICAL or b in CANONICAL:  # a spelling the variant table does not list yet
        known, other = (a, b) if a in CANONICAL else (b, a)
        groups = groups_spelt_like(other)
        if known in groups:
            return 2 if len(groups) == 1 else 1  # Hosain: Hasan or Husayn?
    return None


def _abjad_strength(a: str, b: str) -> int:
    """Arabic script: t+h in الفتاح is two letters, not the th of Fattah's Latin spelling, and
    ذ is dh or th in English (al-Hathloul, الهذلول), as ث is th: consonants only, at most 1."""
    if _letters_skeleton(a) == _letters_skeleton(b):
        return 1
    if _letters_skeleton(a.replace("dh", "th")) == _letters_skeleton(b.replace("dh", "th")):
        return 1
    sa = skeleton(a)
    return 1 if sa and sa == skeleton(b) else 0


def _skeleton_strength(a: str, b: str, vowels: bool) -> int:
    """Same consonants in Latin script: a spelling variant, vowels written differently, or not
    the same name."""
    sa = skeleton(a)
    if not sa or sa != skeleton(b) or vowels:
        return 0  # Minghui and Minghua, Hung and Hang: the vowels are the name
    similarity = JaroWinkler.similarity(a, b)
    if similarity < MIN_LOOSE_SIMILARITY:
        return 0  # Nguyen and Ningjian share consonants, not a name
    if len(sa) >= 3 and min(len(a), len(b)) >= 5 and similarity >= 0.8:
        return 2
    # vowels written differently: Huda / Hoda, Layla / Leila, Qasim / Kassem, Emad / Imad
    if len(sa) >= 3 or (len(sa) == 2 and same_onset(a, b) and max(len(a), len(b)) <= 6):
        return 1
    return 0


@lru_cache(maxsize=100_000)
def _letters_skeleton(token: str) -> str:
    """Consonants letter by letter, without reading digraphs (for Arabic script)."""
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouyw]", "", token))


_VIETNAMESE_LETTERS = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")


def tone_marked_words(texts: Iterable[str]) -> frozenset[tuple[str, str, str]]:
    """Words of the names written in Vietnamese with their tone marks: folded, compared (see
    ``_tone_last``) and as written."""
    pairs = set()
    for text in texts:
        low = unicodedata.normalize("NFC", text or "").lower()
        if _VIETNAMESE_LETTERS.search(low):
            # đ written as d is a common slip of the keyboard, not another name
            written = low.replace("đ", "d").split()
            pairs |= {
                (fold(word), _tone_last(word), word) for word in written if not word.isascii()
            }
    return frozenset(pairs)


# Grave, acute, tilde, hook above, dot below: the five marks of Vietnamese tones.
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


def _tone_last(word: str) -> str:
    """A word with its tone mark moved after its letters: the old and the new placement of the
    mark (Hoá, Hóa; Thuý, Thúy) are one name."""
    letters = unicodedata.normalize("NFD", word)
    tones = "".join(c for c in letters if c in _TONE_MARKS)
    plain = "".join(c for c in letters if c not in _TONE_MARKS)
    return unicodedata.normalize("NFC", plain) + tones


def by_folded(marked: frozenset[tuple[str, str, str]]) -> dict[str, dict[str, str]]:
    """Folded word -> its compared forms -> a spelling as written."""
    written: dict[str, dict[str, str]] = {}
    for folded, compared, word in sorted(marked):
        written.setdefault(folded, {}).setdefault(compared, word)
    return written
