"""Text folding shared by search, extraction and linkage: one definition of "the same letters"."""

from __future__ import annotations

import re
import unicodedata

# Letters that Unicode decomposition does not reduce to ASCII but readers treat as plain letters.
_EXTRA_FOLDS = str.maketrans(
    {
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ı": "i",
        "ħ": "h",
        "þ": "th",
    }
)
# Arabic letter variants readers treat as one letter (alef forms, ta marbuta, alef maqsura, ...).
_ARABIC_FOLDS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي", "ـ": ""}
)
_ARABIC_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")


def fold(text: str) -> str:
    """Lower-case, strip accents and tone marks (Vietnamese đ too), fold Arabic variants.

    Non-Latin scripts are kept as they are written, apart from the Arabic folds.
    """
    text = text or ""
    if text.isascii():  # fast path for most prose: nothing to decompose or fold
        return text.lower()
    text = unicodedata.normalize("NFKC", text).translate(_EXTRA_FOLDS)
    text = _ARABIC_DIACRITICS.sub("", text.translate(_ARABIC_FOLDS))
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).casefold()


_SCRIPT_HINTS = (
    ("Hani", ("CJK UNIFIED", "CJK COMPATIBILITY")),
    ("Arab", ("ARABIC",)),
    ("Cyrl", ("CYRILLIC",)),
    ("Hebr", ("HEBREW",)),
    ("Thai", ("THAI",)),
    ("Tibt", ("TIBETAN",)),
    ("Hang", ("HANGUL",)),
    ("Geor", ("GEORGIAN",)),
    ("Armn", ("ARMENIAN",)),
    ("Ethi", ("ETHIOPIC",)),
    ("Mymr", ("MYANMAR",)),
    ("Khmr", ("KHMER",)),
    ("Deva", ("DEVANAGARI",)),
)


def detect_script(text: str) -> str:
    """ISO 15924 code of the first non-Latin script in ``text``, else ``Latn``."""
    if (text or "").isascii():
        return "Latn"
    for ch in text:
        point = ord(ch)
        if point < 0x250 or 0x1E00 <= point <= 0x1EFF or not ch.isalpha():
            continue  # Latin letters (Vietnamese included), or not a letter
        name = unicodedata.name(ch, "")
        for code, prefixes in _SCRIPT_HINTS:
            if name.startswith(prefixes):
                return code
    return "Latn"
