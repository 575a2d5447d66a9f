"""Name keys: one person's name written in many scripts and spellings, reduced to comparable forms.

A name is turned into one or more *forms* (``forms``: the Latin spelling as given, a romanisation of the
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

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import IntEnum
from functools import lru_cache
from itertools import product

from rapidfuzz.distance import JaroWinkler

from .cantonese import CANTONESE_COUNTRIES, cantonese_forms, hong_kong_syllables
from .forms import (
    HISPANIC_COUNTRIES,
    LEFT_OUT_FIRST_WORDS,
    TURKIC_COUNTRIES,
    NameForm,
    forms_of,
    skeleton,
    turkic_forms,
    without_first_word,
)
from .spellings import CANTONESE_SURNAMES
from .tokens import (
    by_folded,
    close_spelling,
    is_pinyin,
    token_strength,
    tone_marked_words,
    vowels_matter,
)
from .wording import Words, gettext_noop, words
from .written import written_names


class NameLevel(IntEnum):
    """How strongly two names agree; the linkage gate requires at least ``LOOSE``."""

    CONFLICT = -1  # both written in Chinese characters, and the characters differ
    NONE = 0
    LOOSE = 1  # every token of the shorter name found in the longer one, or only via skeletons
    STRONG = 2  # every token matched, some only approximately
    EXACT = 3  # the same canonical tokens, or listed together in the alias table


@dataclass(frozen=True)
class NameMatch:
    """The outcome of comparing two names, with the reason shown to reviewers."""

    level: NameLevel
    reason: Words


@dataclass(frozen=True)
class PersonName:
    """All forms of one record's name (Latin spelling, original script, alias groups).

    Frozen and hashable: many records carry the same name, so comparisons are cached by name.
    """

    forms: tuple[NameForm, ...]
    alias_groups: frozenset[str] = field(default_factory=frozenset)
    # (folded, compared, as written) of each word of a name written with Vietnamese tone marks
    tone_marked: frozenset[tuple[str, str, str]] = field(default_factory=frozenset)
    # from where a second (the mother's) family name is given and often left out
    # (``forms.HISPANIC_COUNTRIES``)
    two_family_names: bool = False

    @property
    def han_keys(self) -> set[str]:
        return {f.han_key for f in self.forms if f.kind == "han"}


def person_name(
    name: str,
    original: str = "",
    alias_groups: frozenset[str] = frozenset(),
    others: Iterable[str] = (),
    country: str = "",
) -> PersonName:
    """All forms of a record's name (and of its other known names), de-duplicated; a field may
    hold several names (a pen name in brackets, another spelling after a slash). The record's
    ``country`` adds the readings customary there: Cantonese (``CANTONESE_COUNTRIES``), the
    Turkic c (``TURKIC_COUNTRIES``), a leading Muhammad, José or
    Burmese honorific left out (``LEFT_OUT_FIRST_WORDS``)."""
    turkic = country in TURKIC_COUNTRIES
    forms = dict.fromkeys(
        form
        for text in (name, original, *others)
        for written in written_names(text)
        for form in forms_of(written) + (turkic_forms(written) if turkic else ())
    )
    if country in LEFT_OUT_FIRST_WORDS:
        forms |= dict.fromkeys(without_first_word(tuple(forms), LEFT_OUT_FIRST_WORDS[country]))
    if (
        country in CANTONESE_COUNTRIES
    ):  # Latin names there are Cantonese; characters are read so too
        forms = dict.fromkeys(
            NameForm(tuple(hong_kong_syllables(t) for t in f.tokens), "cantonese")
            if f.kind == "latin" and any(t in CANTONESE_SURNAMES for t in f.tokens)
            else f
            for f in forms
        )
        read = [c for f in forms if f.kind == "han" for c in cantonese_forms(f.han_key)]
        forms |= dict.fromkeys(read)
    marked = tone_marked_words((name, original, *others))
    return PersonName(
        tuple(f for f in forms if f.tokens), alias_groups, marked, country in HISPANIC_COUNTRIES
    )


def _tone_conflict(a: PersonName, b: PersonName) -> Words | None:
    """Two names written with Vietnamese tone marks where one word differs only by its marks:
    Hùng and Hưng, Lan and Lân are different names, as different Chinese characters are."""
    if not (a.tone_marked and b.tone_marked):
        return None
    written_a, written_b = by_folded(a.tone_marked), by_folded(b.tone_marked)
    for folded in written_a.keys() & written_b.keys():
        if written_a[folded].keys().isdisjoint(written_b[folded].keys()):
            x, y = (next(iter(w[folded].values())) for w in (written_a, written_b))
            return words(
                gettext_noop("different Vietnamese names (%(first)s, %(second)s)"),
                first=x.title(),
                second=y.title(),
            )
    return None


def _match_tokens(fa: NameForm, fb: NameForm, vowels: bool) -> tuple[dict[int, int], list[int]]:
    """Greedy best-first one-to-one token matching: position in a -> position in b, strengths.

    ``vowels``: both names are Chinese or Vietnamese (see ``vowels_matter``)."""
    kinds = (fa.kind, fb.kind)
    # strongest first; among equals the earlier tokens, so that a repeated name (Mohammad
    # Mohammad Dakem) leaves the inner one unmatched
    candidates = sorted(
        (
            (token_strength(x, y, kinds, vowels), i, j)
            for i, x in enumerate(fa.tokens)
            for j, y in enumerate(fb.tokens)
        ),
        key=lambda candidate: (-candidate[0], candidate[1], candidate[2]),
    )
    pairs: dict[int, int] = {}
    strengths: list[int] = []
    for strength, i, j in candidates:
        if strength and i not in pairs and j not in pairs.values():
            pairs[i] = j
            strengths.append(strength)
    return pairs, strengths


@lru_cache(maxsize=16)
def _block_reversals(size: int) -> frozenset[tuple[int, ...]]:
    """Every order made by cutting the name into runs and writing the runs last to first: the
    same order, reversed, the family name moved to the front or back, and a two-part given name
    moved as one (Duong Thi Hoang Lan / Hoang Lan Thi Duong)."""
    orders = set()
    for cuts in product((False, True), repeat=size - 1):
        runs: list[list[int]] = [[0]]
        for position, cut in enumerate(cuts, start=1):
            if cut:
                runs.append([position])
            else:
                runs[-1].append(position)
        orders.add(tuple(p for run in reversed(runs) for p in run))
    return frozenset(orders)


def _plausible_order(pairs: dict[int, int], size: int) -> bool:
    """The names in an order that writing family name first or last gives (``_block_reversals``).

    Anything else (Nasser Yusuf X against Yusuf Nasser X) is another person: often a son named
    after his grandfather.
    """
    return tuple(pairs[i] for i in sorted(pairs)) in _block_reversals(size)


def _joined_match(
    a: tuple[str, ...], left_a: set[int], b: tuple[str, ...], left_b: set[int], vowels: bool
) -> int:
    """Unmatched tokens agree once split syllables are joined ("Quan Zhang" = "Quanzhang"): 3,
    or 2 for a compound spelt otherwise once joined (Amir Hossein = Amirhosein), 0 if not."""
    ja = "".join(a[i] for i in sorted(left_a))
    jb = "".join(b[i] for i in sorted(left_b))
    if not ja:
        return 0
    if ja == jb or (len(ja) >= 6 and close_spelling(ja, jb)):
        return 3
    spelt_alike = (
        not vowels
        and len(left_a) + len(left_b) >= 3  # words were joined: not Mohammad against Mahmoud
        and min(len(ja), len(jb)) >= 6
        and skeleton(ja) == skeleton(jb)
        and JaroWinkler.similarity(ja, jb) >= 0.8
    )
    return 2 if spelt_alike else 0


def compare_forms(a: NameForm, b: NameForm) -> NameMatch:
    """Compare two forms of a name, order-insensitively."""
    # in Cantonese as in pinyin, another vowel is another character (Chi-fung / Chi-fong)
    vowels = (vowels_matter(a.tokens) and vowels_matter(b.tokens)) or "cantonese" in (
        a.kind,
        b.kind,
    )
    pairs, strengths = _match_tokens(a, b, vowels)
    left_a = set(range(len(a.tokens))) - set(pairs)
    left_b = set(range(len(b.tokens))) - set(pairs.values())
    joined = (left_a or left_b) and _joined_match(a.tokens, left_a, b.tokens, left_b, vowels)
    if joined:
        strengths.append(joined)
        left_a = left_b = set()
    if not strengths:
        return NameMatch(NameLevel.NONE, words(gettext_noop("names differ")))
    if not left_a and not left_b:
        return _every_word_matched(a, b, pairs, min(strengths))
    if len(left_a) == len(left_b) == 1 and min(strengths) == 3:
        (only_a,), (only_b,) = left_a, left_b
        if _russified(a.tokens[only_a], b.tokens[only_b]):
            return NameMatch(
                NameLevel.LOOSE, words(gettext_noop("same name with a Russian ending"), _how(a, b))
            )
    found = _part_of_the_name(a, b, pairs, min(strengths), (left_a, left_b), vowels)
    return found or NameMatch(NameLevel.NONE, words(gettext_noop("only part of the name agrees")))


def _every_word_matched(a: NameForm, b: NameForm, pairs: dict[int, int], weakest: int) -> NameMatch:
    """Each word of one name met a word of the other: as strong as the weakest pair."""
    if len(a.tokens) == len(b.tokens) >= 3 and not _plausible_order(pairs, len(a.tokens)):
        return NameMatch(NameLevel.NONE, words(gettext_noop("the same names in another order")))
    how = _how(a, b)
    if weakest == 3:
        return NameMatch(NameLevel.EXACT, words(gettext_noop("same name"), how))
    if weakest == 2:
        return NameMatch(NameLevel.STRONG, words(gettext_noop("name spelt differently"), how))
    return NameMatch(NameLevel.LOOSE, words(gettext_noop("same consonants of the name"), how))


def _part_of_the_name(
    a: NameForm,
    b: NameForm,
    pairs: dict[int, int],
    weakest: int,
    left: tuple[set[int], set[int]],
    vowels: bool,
) -> NameMatch | None:
    """The shorter name is the longer one without some words, in a way names are shortened."""
    left_a, left_b = left
    short, long_left = (a, left_b) if len(a.tokens) <= len(b.tokens) else (b, left_a)
    long_form = b if short is a else a
    short_left = left_a if short is a else left_b
    # Vowels written differently (Leila / Layla) are enough here, except where vowels are the name.
    loose_ok = "abjad" in (a.kind, b.kind) or not vowels
    if short_left or len(short.tokens) < 2 or weakest < (1 if loose_ok else 2):
        return None
    if long_left <= set(range(1, len(long_form.tokens) - 1)):
        reason = gettext_noop("same name without a middle name")
    elif (matched := sorted(pairs.values()) if short is a else sorted(pairs)) == list(
        range(len(short.tokens))
    ):
        reason = gettext_noop("same name without the last name")
    elif not vowels and len(long_form.tokens) >= 4 and matched == [0, len(long_form.tokens) - 2]:
        # Spanish custom: Luis Prado for Luis Alberto Prado Gil
        reason = gettext_noop("same name without a middle name and a second family name")
    elif len(long_left) == 1 and weakest == 3 and _english_name_beside(short, long_form):
        reason = gettext_noop("same name beside an English name")
    else:
        return None
    return NameMatch(NameLevel.LOOSE, words(reason, _how(a, b)))


_RUSSIAN_ENDINGS = ("ov", "ova", "ev", "eva")


def _russified(a: str, b: str) -> bool:
    """One family name with -ov or -ova added, as Soviet records wrote Azerbaijani and Central
    Asian names (Yunus / Yunusova). Asked only when every other word agrees exactly: Ivan Petrov
    and Petr Ivanov stay two names."""
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.startswith(short) and long[len(short) :] in _RUSSIAN_ENDINGS


def _english_name_beside(chinese: NameForm, long_form: NameForm) -> bool:
    """The longer name is the Chinese one and an English given name (Kevin Chan Ka-ming in Hong
    Kong, Grace Liu Meilan): in Cantonese on either side, in pinyin before or after it."""
    if chinese.kind == "cantonese":
        return True
    ends = {long_form.tokens[0], long_form.tokens[-1]} - set(chinese.tokens)
    return vowels_matter(chinese.tokens) and any(not is_pinyin(t) for t in ends)


def _how(a: NameForm, b: NameForm) -> str:
    kinds = {a.kind, b.kind}
    if "han" in kinds and kinds != {"han"}:
        return gettext_noop(" in pinyin")
    if "translit" in kinds:
        return gettext_noop(" (Chinese transliteration)")
    if "wade" in kinds and kinds != {"wade"}:
        return gettext_noop(" (Wade-Giles)")
    if "cantonese" in kinds and kinds != {"cantonese"}:
        return gettext_noop(" (Cantonese romanisation)")
    if "abjad" in kinds and kinds != {"abjad"}:
        return gettext_noop(" (Arabic script)")
    if "cyrl" in kinds and kinds != {"cyrl"}:
        return gettext_noop(" (Cyrillic romanised)")
    return ""


@lru_cache(maxsize=1_000_000)
def compare_names(a: PersonName, b: PersonName) -> NameMatch:
    """The best agreement between any two forms; different Chinese characters always conflict."""
    if a.alias_groups & b.alias_groups:
        return NameMatch(NameLevel.EXACT, words(gettext_noop("listed together in the alias table")))
    han_a, han_b = a.han_keys, b.han_keys
    if han_a and han_b:
        if han_a & han_b:
            return NameMatch(
                NameLevel.EXACT, words(gettext_noop("same name in Chinese characters"))
            )
        return NameMatch(NameLevel.CONFLICT, words(gettext_noop("different Chinese characters")))
    abjad_a = [f for f in a.forms if f.kind == "abjad"]
    abjad_b = [f for f in b.forms if f.kind == "abjad"]
    if (
        abjad_a
        and abjad_b
        and max(compare_forms(x, y).level for x in abjad_a for y in abjad_b) < NameLevel.LOOSE
    ):  # both written in Arabic script, and the written names differ (often the father's name)
        return NameMatch(
            NameLevel.CONFLICT, words(gettext_noop("different names in Arabic script"))
        )
    tones = _tone_conflict(a, b)
    if tones:
        return NameMatch(NameLevel.CONFLICT, tones)
    best = NameMatch(NameLevel.NONE, words(gettext_noop("names differ")))
    for fa in a.forms:
        for fb in b.forms:
            match = compare_forms(fa, fb)
            if match.level > best.level:
                best = match
                if best.level == NameLevel.EXACT:
                    return best
    return best


def evidence_level(a: PersonName, b: PersonName) -> NameLevel:
    """How strongly two names count for the model: as ``compare_names`` says, except that where a
    second family name is customarily left out, leaving it out counts as a spelling does (Rosendo
    Vargas for Rosendo Vargas Ruiz; Hamid Sadeghi and Hamid Sadeghi Tabrizi, in Iran, are two
    men). Only as evidence, never to vouch for a cluster: José García agrees with José García
    Pérez and with José García López, two men."""
    level = compare_names(a, b).level
    if (
        level == NameLevel.LOOSE
        and a.two_family_names
        and b.two_family_names
        and any(
            _without_second_family_name(fa.tokens, fb.tokens) for fa in a.forms for fb in b.forms
        )
    ):
        return NameLevel.STRONG
    return level


def _without_second_family_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One name is the other without its last word, word for word (Julia Ramos is no Julio Ramos
    Soto), or without a second given name and the last word (Luis Prado, Luis Alberto Prado
    Gil)."""
    short, long = sorted((a, b), key=len)
    if len(short) < 2:
        return False
    return long[:-1] == short or (
        len(short) == 2 and len(long) == 4 and (long[0], long[2]) == short
    )
