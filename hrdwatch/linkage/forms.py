"""Name forms: one written name reduced to canonical tokens, per script.

Chinese characters are read with pypinyin (simplified and traditional alike); Cyrillic is
romanised by its likely language (Belarusian, Ukrainian, Russian, plus a Russian text's h-reading);
Arabic and Persian script lose the article and a final ta marbuta and keep their consonants;
Latin spellings lose accents and articles, join Abd + name and fold variant spellings
(``spellings``). Comparing forms is ``names``' job.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache

from anyascii import anyascii
from opencc import OpenCC
from pypinyin import Style, lazy_pinyin
from rapidfuzz.distance import JaroWinkler

from hrdwatch.core.text import detect_script, fold

from .german import german_in_english
from .spellings import (
    BE,
    COMPOUND_SURNAMES,
    NAME_READINGS,
    NOT_GLUED_ARTICLES,
    RU,
    SPELLINGS,
    UK,
    VARIANTS,
)

# Two Latin tokens with the same consonant skeleton must still look alike at least this much
# (Jaro-Winkler): Hegazy / Hijazi is 0.67, Nguyen / Ningjian 0.51.
MIN_LOOSE_SIMILARITY = 0.6

_SPLIT = re.compile(r"[\s,./()\[\]\"_·•・‧]+")
_APOSTROPHES = re.compile(r"['’ʻʼ`‘ʹ]")
_NON_LETTERS = re.compile(r"[^a-z]")
_ARTICLES = frozenset({"al", "el", "ul", "ol"})
# Words joined to the name after them, and the one spelling they take (Abu al-Khair = Abulkhair)
_JOINED_WORDS = {
    **dict.fromkeys(("abd", "abdel", "abdal", "abdul", "abdol", "abdu"), "abd"),
    **dict.fromkeys(("abu", "abou", "abul", "aboul"), "abu"),
}
_GLUED_PREFIXES = (
    *((p, "abd") for p in ("abdoul", "abdel", "abdal", "abdul", "abdol", "abdil", "abdu", "abd")),
    *((p, "abu") for p in ("aboul", "abul", "abou")),
)
# The French ï between vowels, which English writes y (Oïoub, Oyub; Bokaïev, Bokayev).
_FRENCH_Y = re.compile("(?<=[aeiouAEIOU])[ïÏ](?=[aeiou])")
_HAN_DOTS = ("·", "•", "・", "‧", "．")
# Letters only Turkish, Azerbaijani and other Turkic Latin alphabets use, and how English spells
# those alphabets' letters: Səbinə Əliyeva is Sabina Aliyeva, Ruslan Cəfərov is Jafarov.
_TURKIC_LETTERS = frozenset("əƏıİğĞ")
_TURKIC_IN_ENGLISH = str.maketrans(
    {
        "c": "j", "C": "J", "ç": "ch", "Ç": "Ch", "ş": "sh", "Ş": "Sh", "ğ": "", "Ğ": "",
        "ı": "i", "İ": "I", "ə": "a", "Ə": "A", "x": "kh", "X": "Kh", "q": "g", "Q": "G",
    }
)  # fmt: skip
# Where a Latin name may be spelt in a Turkic alphabet even without its other letters: Turkey,
# Azerbaijan, and Crimea, reported under Ukraine or Russia (Server Celil is Dzhelil there).
TURKIC_COUNTRIES = frozenset({"TR", "AZ", "UA", "RU"})
_TURKIC_C = re.compile(r"[cC](?![hHkKzZsS])")
# Leading words a name is often given without, where that is the custom (a name of three words or
# more is also read without its first, when that is one of them):
# * a devotional Muhammad or Ahmad in Turkey, Azerbaijan, South and South-East Asia (Mehmet Ali
#   Yıldız is Ali Yıldız, Muhammad Rafiq Hossain Rafiq Hossain). Not in the Arab world, where the
#   name after it is the father's (Mohamed Ahmed Ali is Ahmed Ali's son), nor in Iran (Mohammad
#   Reza is one given name);
# * a devotional José or María where Spanish or Portuguese is spoken (José Andrés Molina Rivas
#   is Andrés Molina), when three words remain: José Tovar Pérez and María Tovar Pérez, brother
#   and sister, are no Tovar Pérez; nor in a compound (María José, José María, María del Carmen);
# * a Burmese honorific, which is no part of the name (Ma Thida Win, U Zaw Lin, Daw Khin
#   Mya Aye), unless the name repeats it (Ko Ko Gyi, Ma Ma Lay).
_DEVOTIONAL = frozenset({"muhammad", "ahmad"})
_HISPANIC_DEVOTIONAL = frozenset({"jose", "maria"})
# words that make a José or María part of a compound given name (María José, María del Carmen)
_COMPOUND_GIVEN_NAMES = frozenset({"jose", "maria", "del", "de", "da", "la", "los"})
# (Maung, Saw, Sai, Nang and Naw are often the name itself: Maung Saung Kha)
_BURMESE_HONORIFICS = frozenset({"u", "daw", "ko", "ma"})
# Where Spanish is spoken: a second family name, the mother's, is given last and often left out.
HISPANIC_COUNTRIES = frozenset(
    "AR BO CL CO CR CU DO EC SV GT HN MX NI PA PY PE PR UY VE ES GQ".split()
)
LEFT_OUT_FIRST_WORDS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("TR", "AZ", "BD", "PK", "IN", "ID", "MY"), _DEVOTIONAL),
    **dict.fromkeys((*HISPANIC_COUNTRIES, "BR", "PT", "AO", "MZ", "PH"), _HISPANIC_DEVOTIONAL),
    "MM": _BURMESE_HONORIFICS,
}
# Titles written before a name, dropped when two names or more remain after them.
_HONORIFICS = frozenset(
    "dr prof mr mrs ms mme mlle sr sra dona don sheikh shaikh sheikha imam ayatollah hojatoleslam "
    "haji hajji father fr rev pastor bishop seyed seyyed sayed sayyed sayyid seyyid monsenor mons "
    "msgr monsignor mgr archbishop cardinal".split()
)
# Generation suffixes written after a name (Pavel Sokolov Jr.), dropped likewise.
NAME_SUFFIXES = frozenset("jr jnr junior snr senior ii iii".split())


@dataclass(frozen=True)
class NameForm:
    """One way of writing a name: canonical tokens and how they were obtained."""

    tokens: tuple[str, ...]
    # latin, abjad (Arabic/Persian), han, translit (a foreign name in characters), cyrl, cantonese
    # (a name in characters as Hong Kong romanises it), wade (a name in characters in Wade-Giles)
    kind: str
    han_key: str = ""  # the characters in simplified form, in written order

    # cached: blocking keys, name counts and comparisons ask for them again and again
    @cached_property
    def skeletons(self) -> tuple[str, ...]:
        return tuple(skeleton(t) for t in self.tokens)

    @cached_property
    def key(self) -> str:
        return " ".join(sorted(self.tokens))

    @cached_property
    def skeleton_key(self) -> str:
        return " ".join(sorted(s for s in self.skeletons if s))


@lru_cache(maxsize=200_000)
def skeleton(token: str) -> str:
    """Consonant skeleton: spelling-insensitive core used for loose transliterations and abjads.

    A final h after a vowel is left out: the Arabic ta marbuta is written or not (Sarah / Sara,
    Hamzah / Hamza, Fatimah / Fatima)."""
    t = re.sub(r"(?<=[aeiou])h$", "", token) if len(token) > 3 else token
    for a, b in (
        ("kh", "h"),
        ("gh", "k"),
        ("ph", "f"),
        ("th", "t"),
        ("dh", "d"),
        ("shch", "s"),
        ("sh", "s"),
        ("ch", "c"),
        ("zh", "j"),
        ("dj", "j"),
        ("ts", "c"),
        ("tz", "c"),
        ("cz", "c"),
        ("sz", "s"),
        ("ck", "k"),
        ("x", "h"),
        ("q", "k"),
    ):
        t = t.replace(a, b)
    # Slavic ja/je/ju after a consonant, -ej/-ij/-yj at the end: spellings of a vowel
    t = re.sub(r"(?<=[b-df-hj-np-tv-z])j(?=[aeiou])|(?<=[eiy])j$", "", t)
    t = re.sub(r"[aeiouyw]", "", t.replace("g", "j"))
    return re.sub(r"(.)\1+", r"\1", t)


@lru_cache(maxsize=100_000)
def slavic_skeleton(token: str) -> str:
    """Consonants (and u) as the competing romanisations of East Slavic names agree on them: г as
    g or h, ў as w, u or v, ч as ch or c, х as kh, h or ch, я as ia, ja or ya (Sevcuk, Shauchuk
    and Shevchuk; Horskii and Gorski). Belarusian ц and дз where Russian has т and д before a soft
    vowel (Tsikhanouski and Tikhanovsky, Dzianis and Denis) are one consonant too."""
    t = re.sub(r"dz(?=[ie])", "d", re.sub(r"(?:ts|c)(?=[ie])", "t", token))
    for a, b in (("shch", "s"), ("sh", "s"), ("zh", "z"), ("kh", "h"), ("ch", "c"), ("ts", "c")):
        t = t.replace(a, b)
    t = re.sub(r"(?<=[aeo])u(?![aeiouy])", "v", t.replace("w", "v").replace("g", "h"))
    # у is u in every romanisation (Kurovich is not Korovich); other vowels vary (akanye: а for
    # an unstressed о; я as ia, ja, ya or e)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeioyj]", "", t))


def same_onset(a: str, b: str) -> bool:
    """Same first letter, or both start with a vowel (Arabic initial vowels: Emad / Imad, Esraa / Israa)."""
    return a[0] == b[0] or (a[0] in "aeiou" and b[0] in "aeiou")


@lru_cache(maxsize=100_000)
def groups_spelt_like(token: str) -> frozenset[str]:
    """Known names that a token spells but for its vowels or a doubled letter (Aliena for Alena,
    Kacjaryna for Katsiaryna): those with a listed spelling of the same skeleton."""
    sk = skeleton(token)
    if len(sk) < 2:
        return frozenset()
    return frozenset(
        canonical
        for canonical, spellings in SPELLINGS.items()
        if any(
            skeleton(s) == sk
            and same_onset(s, token)
            and JaroWinkler.similarity(s, token) >= MIN_LOOSE_SIMILARITY
            for s in spellings
        )
    )


def _canonical_tokens(raw: list[str]) -> list[str]:
    """Drop articles, join Abd or Abu + name, fold variant spellings."""
    tokens: list[str] = []
    pending = ""  # "abd" or "abu" waiting for the name it is joined to
    for tok in raw:
        if not tok:
            continue
        if pending:
            if tok in _ARTICLES:
                continue
            tokens.append(pending + VARIANTS.get(tok, tok))
            pending = ""
            continue
        if tok in _ARTICLES:
            continue
        if tok in _JOINED_WORDS:
            pending = _JOINED_WORDS[tok]
            continue
        if (
            len(tok) >= 7
            and tok[:2] in {"al", "el"}
            and tok[2] not in "aeiouy"
            and tok not in VARIANTS
            and tok not in NOT_GLUED_ARTICLES
            and not groups_spelt_like(tok)
        ):
            tok = tok[2:]  # a glued article: Alkhawaja = Al-Khawaja (not Alyaksandr, Aljaksandr)
        for prefix, joined in _GLUED_PREFIXES:
            if tok.startswith(prefix) and len(tok) > len(prefix) + 2:
                tok = joined + tok[len(prefix) :]  # Abdelfattah = Abd el-Fattah, Abulkhair
                break
        tokens.append(VARIANTS.get(tok, tok))
    if pending:
        tokens.append(pending)
    return tokens


def _latin_tokens(text: str) -> list[str]:
    """Tokens of a Latin (or any romanised) spelling; hyphenated parts are joined."""
    text = _APOSTROPHES.sub("", anyascii(fold(_FRENCH_Y.sub("y", text))).lower())
    raw: list[str] = []
    for word in _SPLIT.split(text):
        parts = [p for p in word.split("-") if p]
        while len(parts) > 1 and parts[0] in _ARTICLES:
            parts = parts[1:]
        if len(parts) > 1 and parts[0] in _JOINED_WORDS:
            raw.extend(parts)
            continue
        raw.append(_NON_LETTERS.sub("", "".join(parts)))
    raw = [t for t in raw if t]
    while len(raw) > 2 and raw[0] in _HONORIFICS:
        raw = raw[1:]  # Dr. Karim Al-Hassan, Sheikh Omar Saleh
    while len(raw) > 2 and raw[-1] in NAME_SUFFIXES:
        raw = raw[:-1]
    return _canonical_tokens(raw)


def _cyrillic_language(text: str) -> str:
    low = text.lower()
    if "ў" in low or ("і" in low and "и" not in low and not set("їєґ") & set(low)):
        return "be"
    if set("їєґі") & set(low):
        return "uk"
    return "ru"


def _cyrillic_forms(text: str) -> list[NameForm]:
    """Romanise Cyrillic by the rules of its likely language, plus a Russian text's h-reading."""
    low = fold(text)
    lang = _cyrillic_language(text)
    tables = {"be": [BE], "uk": [UK], "ru": [RU, {**RU, "г": "h"}]}[lang]
    forms = []
    for table in tables:
        romanised = "".join(table.get(ch, ch) for ch in low)
        forms.append(NameForm(tuple(_latin_tokens(romanised)), "cyrl"))
    forms.append(NameForm(tuple(_latin_tokens(anyascii(text))), "cyrl"))
    return list(dict.fromkeys(forms))


def _abjad_form(text: str) -> NameForm:
    """Arabic or Persian script: drop the article, romanise consonants, join Abd or Abu + name."""
    words = []
    text = re.sub(r"(?<=\w\w)ة(?!\w)", "", text)  # final ta marbuta, silent or -a: Fatima(h)
    for word in _SPLIT.split(fold(text)):
        if word.startswith("ال") and len(word) > 3:
            word = word[2:]
        romanised = _NON_LETTERS.sub("", _APOSTROPHES.sub("", anyascii(word).lower()))
        if romanised:
            words.append({"bd": "abd", "bw": "abu"}.get(romanised, romanised))
    return NameForm(tuple(_canonical_tokens(words)), "abjad")


def split_han_name(text: str) -> tuple[str, str]:
    if text[:2] in COMPOUND_SURNAMES and len(text) > 2:
        return text[:2], text[2:]
    return text[:1], text[1:]


def _han_forms(text: str) -> list[NameForm]:
    """Chinese characters: a native name (surname + given name) or a transliterated foreign one."""
    han = "".join(ch for ch in text if not ch.isspace())
    if any(dot in han for dot in _HAN_DOTS):
        parts = [p for p in re.split("[" + "".join(_HAN_DOTS) + "]", han) if p]
        tokens = tuple("".join(lazy_pinyin(p)) for p in parts)
        return [NameForm(tokens, "translit", "·".join(parts))]
    surname, given = split_han_name(han)
    tokens = ("".join(lazy_pinyin(surname)), "".join(lazy_pinyin(given)))
    # Wade-Giles, as Taiwan and older reports spell names: 楊智淵 is Yang Chih-yuan there
    wade = tuple(
        _latin_tokens(
            " ".join(
                "".join(lazy_pinyin(part, style=Style.WADEGILES)).replace("v", "u")  # v is ü
                for part in (surname, given)
            )
        )
    )
    key = _simplified(han)
    forms = [NameForm(tuple(t for t in tokens if t), "han", key)]
    if len(wade) == len(forms[0].tokens) and wade != forms[0].tokens:
        forms.append(NameForm(wade, "wade", key))
    if any(ch in NAME_READINGS for ch in han):  # 曾 as Zeng, beside pypinyin's ceng
        read = tuple(_name_reading(part) for part in (surname, given))
        forms.append(NameForm(tuple(t for t in read if t), "han", key))
    return list(dict.fromkeys(forms))


def _name_reading(part: str) -> str:
    """pypinyin's reading of a name part, with the readings characters take in names."""
    syllables = lazy_pinyin(part)
    if len(syllables) != len(part):  # not one syllable per character: leave it as read
        return "".join(syllables)
    return "".join(NAME_READINGS.get(c, s) for c, s in zip(part, syllables, strict=True))


@lru_cache(maxsize=1)
def _to_simplified() -> OpenCC:
    return OpenCC("t2s")


def _simplified(han: str) -> str:
    """Traditional characters as simplified ones (鄧 = 邓), so that one name written either way has
    one key, while homophones in other characters (祥 and 翔, both xiáng) keep theirs."""
    return str(_to_simplified().convert(han))


def without_first_word(forms: tuple[NameForm, ...], words: frozenset[str]) -> tuple[NameForm, ...]:
    """Latin forms of three words or more that begin with one of ``words``, without it (see
    ``LEFT_OUT_FIRST_WORDS``)."""
    return tuple(
        NameForm(f.tokens[1:], f.kind)
        for f in forms
        if f.kind == "latin"
        and len(f.tokens) >= 3
        and f.tokens[0] in words
        and f.tokens[1] != f.tokens[0]
        and not (
            f.tokens[0] in _HISPANIC_DEVOTIONAL
            and (len(f.tokens) < 4 or f.tokens[1] in _COMPOUND_GIVEN_NAMES)
        )
    )


@lru_cache(maxsize=100_000)
def turkic_forms(text: str) -> tuple[NameForm, ...]:
    """A Latin name from where Turkic alphabets are used, with a c that English would not write
    read as the Turkic c, which English spells dzh there (Celal, Dzhelal; Cemilev, Dzhemilev)."""
    if detect_script(text) != "Latn" or not _TURKIC_C.search(text):
        return ()
    english = _TURKIC_C.sub("dzh", text).translate(_TURKIC_IN_ENGLISH)
    form = NameForm(tuple(_latin_tokens(english)), "latin")
    return (form,) if form.tokens else ()


@lru_cache(maxsize=500_000)
def forms_of(text: str) -> tuple[NameForm, ...]:
    """Every form of one written name, depending on its script (cached: names repeat a lot)."""
    text = unicodedata.normalize("NFKC", (text or "").strip())
    if not text:
        return ()
    script = detect_script(text)
    if script == "Hani":
        return tuple(_han_forms(text))
    if script == "Cyrl":
        return tuple(_cyrillic_forms(text))
    if script in {"Arab", "Hebr"}:
        return (_abjad_form(text),)
    spellings = [text]
    if _TURKIC_LETTERS & set(text):
        spellings.append(text.translate(_TURKIC_IN_ENGLISH))
    german = german_in_english(text)
    if german:
        spellings.append(german)
    forms = (NameForm(tuple(_latin_tokens(t)), "latin") for t in spellings)
    return tuple(dict.fromkeys(f for f in forms if f.tokens))
