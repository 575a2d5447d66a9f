"""Name keys: one person's name written in many scripts and spellings, reduced to comparable forms.

A name is turned into one or more *forms* (the Latin spelling as given, a romanisation of the
original script, several romanisations where the script's language is ambiguous). Each form is a list
of canonical tokens plus a consonant skeleton per token. Two names are compared form against form,
token against token, ignoring order (family name first or last), with these deliberate rules:

* Chinese characters are romanised with pypinyin, which reads simplified and traditional characters
  alike; two names both written in characters must have the same readings in the same order, so
  two people whose given and family names are the same syllables swapped never match.
* Cyrillic is romanised per language (Belarusian, Ukrainian, Russian rules) and, because a
  Belarusian or Ukrainian name is often published in Russian spelling, Russian text also gets the
  h-for-g reading.
* Arabic and Persian script carry no short vowels, so they are compared through consonant skeletons.
* Spelling variants (Abd el / Abdel, Mohammed / Muhammad, Yusuf / Yousef) and Cantonese
  surname romanisations (Wong = Huang or Wang) map to one canonical token.
* Names that no transliteration connects come from the alias table (see ``aliases``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import IntEnum
from functools import lru_cache

from anyascii import anyascii
from pypinyin import Style, lazy_pinyin
from rapidfuzz.distance import OSA, Indel, JaroWinkler

from hrdwatch.core.text import detect_script, fold

_SPLIT = re.compile(r"[\s,./()\[\]\"_·•・‧]+")
_APOSTROPHES = re.compile(r"['’ʻʼ`‘ʹ]")
_NON_LETTERS = re.compile(r"[^a-z]")
_ARTICLES = frozenset({"al", "el", "ul", "ol"})
_ABD_PREFIXES = ("abdoul", "abdel", "abdal", "abdul", "abdol", "abdil", "abdu", "abd")
_HAN_DOTS = ("·", "•", "・", "‧", "．")

# Spelling variants of one name, folded to one canonical token. Extend with care: every entry is a
# claim that the spellings are the same name everywhere.
VARIANTS: dict[str, str] = {
    **dict.fromkeys(
        ["mohammed", "mohamed", "mohammad", "mohamad", "muhammed", "muhamad", "mohd", "mohammod",
         "muhammet", "mehmet", "mahomed", "mouhamed", "muhamed", "mohamud", "mohammud"],
        "muhammad",
    ),
    **dict.fromkeys(["yousef", "youssef", "yousif", "yusef", "yosef", "youcef", "yussuf", "yousuf"], "yusuf"),
    **dict.fromkeys(["ahmed", "ahmet", "akhmed"], "ahmad"),
    **dict.fromkeys(["hussein", "husain", "hussain", "husayn", "hossein", "hosein", "huseyin"], "husayn"),
    **dict.fromkeys(["hassan", "hasan"], "hasan"),
    **dict.fromkeys(["mahmoud", "mahmud", "mahmood"], "mahmud"),
    **dict.fromkeys(["mustafa", "mostafa", "moustafa", "mustapha"], "mustafa"),
    **dict.fromkeys(["ibrahim", "ebrahim", "ibraheem"], "ibrahim"),
    **dict.fromkeys(["omar", "umar"], "umar"),
    **dict.fromkeys(["osman", "othman", "uthman"], "uthman"),
    **dict.fromkeys(["ibn", "ben", "bin"], "bin"),
    **dict.fromkeys(["aleksandr", "alexander", "alexandr", "aliaksandr", "oleksandr", "alyaksandr"], "aleksandr"),
    **dict.fromkeys(["sergey", "sergei", "siarhei", "serhiy", "serhii", "sergii"], "sergey"),
    **dict.fromkeys(["dmitry", "dmitri", "dzmitry", "dmytro", "dzmitryi", "dzmitryj", "dmitriy", "dmitrij"], "dmitry"),
    **dict.fromkeys(["aisha", "aicha", "aysha", "aischa", "ayesha"], "aisha"),
    **dict.fromkeys(["yuri", "yury", "yuriy", "iurii", "jurij", "iuryi", "juryj", "yuryy", "yurii"], "yuri"),
    **dict.fromkeys(["andrei", "andrey", "andrej", "andrii", "andriy", "andrei", "andrew"], "andrei"),
    **dict.fromkeys(["natalia", "natalya", "natallia", "natalja", "natallja", "natallya"], "natalia"),
    **dict.fromkeys(["olga", "olha", "volha", "volga"], "olga"),
    **dict.fromkeys(["elena", "alena", "olena", "yelena", "ielena", "jelena"], "elena"),
    # East Slavic forms of one name (Belarusian, Russian, Ukrainian) and their romanisations
    **dict.fromkeys(["tatiana", "tatyana", "tatjana", "tatstsiana", "tatsiana", "tatstsyana", "tatsyana",
                     "tacciana", "tetiana", "tetyana"], "tatiana"),
    **dict.fromkeys(["ekaterina", "yekaterina", "katsiaryna", "katsyaryna", "katerina", "kateryna",
                     "kaciaryna"], "ekaterina"),
    **dict.fromkeys(["svetlana", "sviatlana", "svyatlana", "svjatlana", "svitlana"], "svetlana"),
    **dict.fromkeys(["nikolai", "nikolay", "nikolaj", "mikola", "mikalai", "mykola", "mikalaj"], "nikolai"),
    **dict.fromkeys(["vladimir", "uladzimir", "volodymyr", "wladimir"], "vladimir"),
    **dict.fromkeys(["igor", "ihar", "ihor", "igar"], "igor"),
    **dict.fromkeys(["anna", "hanna", "ganna", "ana"], "anna"),
    **dict.fromkeys(["vasily", "vasili", "vasiliy", "vasil", "vasyl", "vasilii", "wasil"], "vasily"),
    **dict.fromkeys(["leonid", "leanid"], "leonid"),
    **dict.fromkeys(["roman", "raman"], "roman"),
    **dict.fromkeys(["maksim", "maxim", "maksym", "maksimm"], "maksim"),
    **dict.fromkeys(["viktor", "viktar", "victor", "wiktar"], "viktor"),
    **dict.fromkeys(["evgeny", "evgeniy", "yevgeny", "yauhen", "yevhen", "ievgen", "jauhen"], "evgeny"),
    **dict.fromkeys(["ksenia", "kseniya", "ksenija", "kseniia"], "ksenia"),
    **dict.fromkeys(["irina", "iryna", "iryina"], "irina"),
    **dict.fromkeys(["lyudmila", "liudmila", "ludmila", "ljudmila", "liudmyla"], "lyudmila"),
    **dict.fromkeys(["darya", "daria", "darja", "dariya", "daryia", "darija"], "darya"),
    **dict.fromkeys(["pavel", "paval", "pavlo", "paul"], "pavel"),
    **dict.fromkeys(["aliaksei", "alexei", "aleksei", "alexey", "aleksey", "oleksii"], "aleksei"),
}

_CANONICAL = frozenset(VARIANTS.values())

# Cantonese (Hong Kong, Macau, diaspora) romanisations of common surnames and their Mandarin pinyin.
CANTONESE_SURNAMES: dict[str, frozenset[str]] = {
    key: frozenset(value.split())
    for key, value in {
        "wong": "huang wang", "chan": "chen", "cheung": "zhang", "lee": "li", "ng": "wu",
        "lau": "liu", "leung": "liang", "ho": "he", "tse": "xie", "yip": "ye", "kwok": "guo",
        "lam": "lin", "tsang": "zeng", "chow": "zhou", "law": "luo", "lo": "lu luo", "lai": "li lai",
        "mak": "mai", "tang": "deng", "cheng": "zheng", "fung": "feng", "yeung": "yang",
        "choi": "cai", "tam": "tan", "kwan": "guan", "szeto": "situ", "chu": "zhu", "au": "ou",
        "ko": "gao", "kong": "jiang", "yuen": "yuan", "chung": "zhong", "lui": "lu lei",
        "siu": "xiao", "sze": "shi", "wan": "yin wen", "tong": "tang", "hui": "xu", "koo": "gu",
        "kam": "jin gan", "man": "wen", "pang": "peng", "shek": "shi", "tsui": "xu cui",
        "wu": "hu wu", "yu": "yu", "yau": "qiu you", "poon": "pan", "luk": "lu", "mok": "mo",
    }.items()
}

_COMPOUND_SURNAMES = frozenset(
    "欧阳 歐陽 司马 司馬 诸葛 諸葛 上官 司徒 东方 東方 夏侯 皇甫 尉迟 尉遲 公孙 公孫 慕容 长孙 長孫 宇文 "
    "令狐 西门 西門 端木 独孤 獨孤 南宫 南宮".split()
)

_BE = {"а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "ie", "ё": "io", "ж": "zh",
       "з": "z", "і": "i", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
       "р": "r", "с": "s", "т": "t", "у": "u", "ў": "w", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
       "ш": "sh", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia", "'": "", "’": ""}
_UK = {**_BE, "е": "e", "є": "ie", "и": "y", "ї": "i", "й": "i", "щ": "shch", "ю": "iu", "я": "ia"}
_RU = {**_BE, "г": "g", "е": "e", "ё": "e", "и": "i", "й": "y", "щ": "shch", "ъ": "", "ю": "yu",
       "я": "ya"}


class NameLevel(IntEnum):
    """How strongly two names agree; the linkage gate requires at least ``LOOSE``."""

    CONFLICT = -1  # both written in Chinese characters, and the characters differ
    NONE = 0
    LOOSE = 1  # every token of the shorter name found in the longer one, or only via skeletons
    STRONG = 2  # every token matched, some only approximately
    EXACT = 3  # the same canonical tokens, or listed together in the alias table


@dataclass(frozen=True)
class NameForm:
    """One way of writing a name: canonical tokens and how they were obtained."""

    tokens: tuple[str, ...]
    kind: str  # latin, abjad (Arabic/Persian), han, translit (a foreign name in characters), cyrl
    han_key: str = ""  # tone-marked readings of Chinese characters, in written order

    @property
    def skeletons(self) -> tuple[str, ...]:
        return tuple(skeleton(t) for t in self.tokens)

    @property
    def key(self) -> str:
        return " ".join(sorted(self.tokens))

    @property
    def skeleton_key(self) -> str:
        return " ".join(sorted(s for s in self.skeletons if s))


@dataclass(frozen=True)
class NameMatch:
    """The outcome of comparing two names, with the reason shown to reviewers."""

    level: NameLevel
    reason: str


@dataclass
class PersonName:
    """All forms of one record's name (Latin spelling, original script, alias groups)."""

    forms: list[NameForm]
    alias_groups: frozenset[str] = field(default_factory=frozenset)

    @property
    def han_keys(self) -> set[str]:
        return {f.han_key for f in self.forms if f.kind == "han"}


@lru_cache(maxsize=200_000)
def skeleton(token: str) -> str:
    """Consonant skeleton: spelling-insensitive core used for loose transliterations and abjads."""
    t = token
    for a, b in (("kh", "h"), ("gh", "k"), ("ph", "f"), ("th", "t"), ("dh", "d"), ("shch", "s"),
                 ("sh", "s"), ("ch", "c"), ("zh", "j"), ("dj", "j"), ("ts", "c"), ("tz", "c"),
                 ("cz", "c"), ("sz", "s"), ("ck", "k"), ("x", "h"), ("q", "k")):
        t = t.replace(a, b)
    # Slavic ja/je/ju after a consonant, -ej/-ij/-yj at the end: spellings of a vowel
    t = re.sub(r"(?<=[b-df-hj-np-tv-z])j(?=[aeiou])|(?<=[eiy])j$", "", t)
    t = re.sub(r"[aeiouyw]", "", t.replace("g", "j"))
    return re.sub(r"(.)\1+", r"\1", t)


def _canonical_tokens(raw: list[str]) -> list[str]:
    """Drop articles, join Abd + name, fold variant spellings."""
    tokens: list[str] = []
    pending_abd = False
    for tok in raw:
        if not tok:
            continue
        if pending_abd:
            if tok in _ARTICLES:
                continue
            tokens.append("abd" + VARIANTS.get(tok, tok))
            pending_abd = False
            continue
        if tok in _ARTICLES:
            continue
        if tok in {"abd", "abdel", "abdal", "abdul", "abdol", "abdu"}:
            pending_abd = True
            continue
        if len(tok) >= 7 and tok[:2] in {"al", "el"} and tok[2] not in "aeiou":
            tok = tok[2:]  # a glued article: Alkhawaja = Al-Khawaja
        for prefix in _ABD_PREFIXES:
            if tok.startswith(prefix) and len(tok) > len(prefix) + 2:
                tok = "abd" + tok[len(prefix):]
                break
        tokens.append(VARIANTS.get(tok, tok))
    if pending_abd:
        tokens.append("abd")
    return tokens


def _latin_tokens(text: str) -> list[str]:
    """Tokens of a Latin (or any romanised) spelling; hyphenated parts are joined."""
    text = _APOSTROPHES.sub("", anyascii(fold(text)).lower())
    raw: list[str] = []
    for word in _SPLIT.split(text):
        parts = [p for p in word.split("-") if p]
        while len(parts) > 1 and parts[0] in _ARTICLES:
            parts = parts[1:]
        if len(parts) > 1 and parts[0] in {"abd", "abdel", "abdul", "abdal", "abu"}:
            raw.extend(parts)
            continue
        raw.append(_NON_LETTERS.sub("", "".join(parts)))
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
    tables = {"be": [_BE], "uk": [_UK], "ru": [_RU, {**_RU, "г": "h"}]}[lang]
    forms = []
    for table in tables:
        romanised = "".join(table.get(ch, ch) for ch in low)
        forms.append(NameForm(tuple(_latin_tokens(romanised)), "cyrl"))
    forms.append(NameForm(tuple(_latin_tokens(anyascii(text))), "cyrl"))
    return list(dict.fromkeys(forms))


def _abjad_form(text: str) -> NameForm:
    """Arabic or Persian script: drop the article, romanise consonants, join Abd + name."""
    words = []
    for word in _SPLIT.split(fold(text)):
        if word.startswith("ال") and len(word) > 3:
            word = word[2:]
        romanised = _NON_LETTERS.sub("", _APOSTROPHES.sub("", anyascii(word).lower()))
        if romanised:
            words.append("abd" if romanised == "bd" else romanised)
    return NameForm(tuple(_canonical_tokens(words)), "abjad")


def _split_han_name(text: str) -> tuple[str, str]:
    if text[:2] in _COMPOUND_SURNAMES and len(text) > 2:
        return text[:2], text[2:]
    return text[:1], text[1:]


def _han_forms(text: str) -> list[NameForm]:
    """Chinese characters: a native name (surname + given name) or a transliterated foreign one."""
    han = "".join(ch for ch in text if not ch.isspace())
    if any(dot in han for dot in _HAN_DOTS):
        parts = [p for p in re.split("[" + "".join(_HAN_DOTS) + "]", han) if p]
        tokens = tuple("".join(lazy_pinyin(p)) for p in parts)
        return [NameForm(tokens, "translit", "·".join(parts))]
    surname, given = _split_han_name(han)
    tone_key = " ".join(lazy_pinyin(han, style=Style.TONE3))
    tokens = ("".join(lazy_pinyin(surname)), "".join(lazy_pinyin(given)))
    return [NameForm(tuple(t for t in tokens if t), "han", tone_key)]


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
    tokens = tuple(_latin_tokens(text))
    return (NameForm(tokens, "latin"),) if tokens else ()


def person_name(
    name: str, original: str = "", alias_groups: frozenset[str] = frozenset(), others: Iterable[str] = (),
) -> PersonName:
    """All forms of a record's name (and of its other known names), de-duplicated."""
    forms = list(dict.fromkeys([*forms_of(name), *forms_of(original), *(f for o in others for f in forms_of(o))]))
    return PersonName([f for f in forms if f.tokens], alias_groups)


def _surname_variants(token: str) -> frozenset[str]:
    return CANTONESE_SURNAMES.get(token, frozenset()) | {token}


def _close_spelling(a: str, b: str) -> bool:
    """A dropped, doubled or swapped letter: a typo. A replaced letter is not accepted here,
    because Minghui and Minghua, or Hanna and Hanan, are different names."""
    if JaroWinkler.similarity(a, b) < 0.88:
        return False
    if sorted(a) == sorted(b):
        return OSA.distance(a, b) == 1
    return Indel.distance(a, b) <= (2 if min(len(a), len(b)) >= 8 else 1)


@lru_cache(maxsize=1)
def _pinyin_syllables() -> frozenset[str]:
    from pypinyin.constants import PINYIN_DICT

    readings = ",".join(PINYIN_DICT.values())
    plain = "".join(c for c in unicodedata.normalize("NFKD", readings) if not unicodedata.combining(c))
    return frozenset(s for s in plain.replace("ü", "v").split(",") if set(s) & set("aeiouv"))


@lru_cache(maxsize=100_000)
def is_pinyin(token: str) -> bool:
    """Whether a token is a run of Mandarin syllables (where every vowel tells names apart)."""
    syllables = _pinyin_syllables()
    reachable = [True] + [False] * len(token)
    for end in range(1, len(token) + 1):
        reachable[end] = any(reachable[start] and token[start:end] in syllables for start in range(max(0, end - 6), end))
    return reachable[-1]


def _transliteration_skeleton(token: str, chinese: bool) -> str:
    """Chinese characters render foreign (Uyghur, Tibetan) sounds loosely: x for s, no h."""
    return skeleton(token.replace("x", "s") if chinese else token).replace("h", "")


def _token_strength(a: str, b: str, kinds: tuple[str, str]) -> int:
    """3: same token; 2: spelling variant; 1: skeleton only (abjad, transliteration); 0: no."""
    if a == b:
        return 3
    if _surname_variants(a) & _surname_variants(b):
        return 3
    if a in _CANONICAL and b in _CANONICAL:
        return 0  # two known, different names (Hasan and Husayn share a skeleton)
    if min(len(a), len(b)) >= 4 and _close_spelling(a, b):
        return 2
    if "translit" in kinds:
        ta = _transliteration_skeleton(a, kinds[0] == "translit")
        return 1 if ta and ta == _transliteration_skeleton(b, kinds[1] == "translit") else 0
    sa, sb = skeleton(a), skeleton(b)
    if sa and sa == sb:
        if "abjad" in kinds:
            return 1
        if is_pinyin(a) and is_pinyin(b):
            return 0  # Minghui and Minghua: in pinyin the vowels are the name
        shortest = min(len(a), len(b))
        if len(sa) >= 3 and shortest >= 5 and JaroWinkler.similarity(a, b) >= 0.8:
            return 2
        if len(sa) >= 3 or (len(sa) == 2 and a[0] == b[0] and max(len(a), len(b)) <= 6):
            return 1  # vowels written differently: Huda / Hoda, Layla / Leila, Qasim / Kassem
    return 0


def _match_tokens(fa: NameForm, fb: NameForm) -> tuple[dict[int, int], list[int]]:
    """Greedy best-first one-to-one token matching: position in a -> position in b, strengths."""
    kinds = (fa.kind, fb.kind)
    candidates = sorted(
        ((_token_strength(x, y, kinds), i, j) for i, x in enumerate(fa.tokens) for j, y in enumerate(fb.tokens)),
        reverse=True,
    )
    pairs: dict[int, int] = {}
    strengths: list[int] = []
    for strength, i, j in candidates:
        if strength and i not in pairs and j not in pairs.values():
            pairs[i] = j
            strengths.append(strength)
    return pairs, strengths


def _plausible_order(pairs: dict[int, int], size: int) -> bool:
    """Same order, reversed, or one name moved from the front to the back (family name first/last).

    Anything else (Nasser Yusuf X against Yusuf Nasser X) is another person: often a son named
    after his grandfather.
    """
    order = [pairs[i] for i in sorted(pairs)]
    forward = list(range(size))
    rotations = [forward[k:] + forward[:k] for k in (1, size - 1)]
    return order in (forward, forward[::-1], *rotations)


def _joined_match(a: tuple[str, ...], left_a: set[int], b: tuple[str, ...], left_b: set[int]) -> bool:
    """Unmatched tokens agree once split syllables are joined ("Quan Zhang" = "Quanzhang")."""
    ja = "".join(a[i] for i in sorted(left_a))
    jb = "".join(b[i] for i in sorted(left_b))
    return bool(ja) and (ja == jb or (len(ja) >= 6 and _close_spelling(ja, jb)))


def compare_forms(a: NameForm, b: NameForm) -> NameMatch:
    """Compare two forms of a name, order-insensitively."""
    pairs, strengths = _match_tokens(a, b)
    left_a = set(range(len(a.tokens))) - set(pairs)
    left_b = set(range(len(b.tokens))) - set(pairs.values())
    if (left_a or left_b) and _joined_match(a.tokens, left_a, b.tokens, left_b):
        strengths.append(3)
        left_a = left_b = set()
    if not strengths:
        return NameMatch(NameLevel.NONE, "names differ")
    if not left_a and not left_b:
        if len(a.tokens) == len(b.tokens) >= 3 and not _plausible_order(pairs, len(a.tokens)):
            return NameMatch(NameLevel.NONE, "the same names in another order")
        if min(strengths) == 3:
            return NameMatch(NameLevel.EXACT, "same name" + _how(a, b))
        if min(strengths) == 2:
            return NameMatch(NameLevel.STRONG, "name spelt differently" + _how(a, b))
        return NameMatch(NameLevel.LOOSE, "same consonants of the name" + _how(a, b))
    short, long_left = (a, left_b) if len(a.tokens) <= len(b.tokens) else (b, left_a)
    long_form = b if short is a else a
    inner = set(range(1, len(long_form.tokens) - 1))
    short_left = left_a if short is a else left_b
    abjad = "abjad" in (a.kind, b.kind)
    if not short_left and len(short.tokens) >= 2 and min(strengths) >= (1 if abjad else 2):
        if long_left <= inner:
            return NameMatch(NameLevel.LOOSE, "same name without a middle name" + _how(a, b))
        matched = sorted(pairs.values()) if short is a else sorted(pairs)
        if matched == list(range(len(short.tokens))):
            return NameMatch(NameLevel.LOOSE, "same name without the last name" + _how(a, b))
    return NameMatch(NameLevel.NONE, "only part of the name agrees")


def _how(a: NameForm, b: NameForm) -> str:
    kinds = {a.kind, b.kind}
    if "han" in kinds and kinds != {"han"}:
        return " in pinyin"
    if "translit" in kinds:
        return " (Chinese transliteration)"
    if "abjad" in kinds and kinds != {"abjad"}:
        return " (Arabic script)"
    if "cyrl" in kinds and kinds != {"cyrl"}:
        return " (Cyrillic romanised)"
    return ""


def compare_names(a: PersonName, b: PersonName) -> NameMatch:
    """The best agreement between any two forms; different Chinese characters always conflict."""
    if a.alias_groups & b.alias_groups:
        return NameMatch(NameLevel.EXACT, "listed together in the alias table")
    han_a, han_b = a.han_keys, b.han_keys
    if han_a and han_b:
        if han_a & han_b:
            return NameMatch(NameLevel.EXACT, "same name in Chinese characters")
        return NameMatch(NameLevel.CONFLICT, "different Chinese characters")
    best = NameMatch(NameLevel.NONE, "names differ")
    for fa in a.forms:
        for fb in b.forms:
            match = compare_forms(fa, fb)
            if match.level > best.level:
                best = match
                if best.level == NameLevel.EXACT:
                    return best
    return best
