"""The names one name field holds: a pen name in brackets, a byname in quotes, "aka", "dit", a
slash between two spellings, the same name in two scripts side by side."""

from __future__ import annotations

import re

from hrdwatch.core.text import detect_script, fold

from .forms import NAME_SUFFIXES

# Another name within a name field: in brackets or quotes (a pen name, the original script), single
# quotes standing apart from the words around them (Somchai 'Tiger' Wongsa, not O'Brien) ...
_BRACKETED = re.compile(
    r"[(\[{]([^)\]}]*)[)\]}]|[\"“«]([^\"”»]*)[\"”»]|(?<!\S)['‘]([^'‘’\s][^'‘’]*)['’](?!\S)"
)
# ... or after "aka", "alias", "(a)" (Burmese: Aung Myo Thant (a) Ko Tun), "known as", "dit" (Mamadou
# Diallo dit Kanté Sory), "conocido como", or a slash between two spellings.
# (dit and vulgo only in lower case: Dit is a name in Cambodia)
_MARKERS = r"a\.?k\.?a\.?|alias|(?:also )?known as|(?-i:dite?|vulgo)|conocid[oa] como"
_ALTERNATIVES = re.compile(rf"\s/\s|\s+(?:{_MARKERS}|\(a\)):?\s+", re.IGNORECASE)
# a marker opening a bracket: (also known as: Abu Hamza)
_MARKER_FIRST = re.compile(rf"([(\[{{])\s*(?:{_MARKERS}):?\s+", re.IGNORECASE)


def written_names(text: str) -> list[str]:
    """The names one field holds: "Tran Thi Thu Ha (Me Ca)" is two, "Zhou Lin / 周林" too,
    'Ali "Abu Hamza" Mansour' is Ali Mansour and Abu Hamza, and "Chen Meilan 陈美兰" is one name in
    two scripts. One word in brackets or quotes is another family name or a byname, also written
    after the first name: "Alesia Karpovich (Sidorava)" is Alesia Sidorava too, and
    'Youssef "Falcon" Nasser' Youssef Falcon."""
    # before brackets are read: "(a)" is no name
    text = _ALTERNATIVES.sub(" / ", _MARKER_FIRST.sub(r"\1", text or ""))
    extras = [a or b or c for a, b, c in _BRACKETED.findall(text)]
    main = _BRACKETED.sub(" ", text)
    first = main.split()[:1] if len(main.split()) >= 2 else []
    bynames = [
        " ".join([*first, extra])
        for extra in extras
        if first and extra.isalpha() and len(extra) >= 3 and fold(extra) not in NAME_SUFFIXES
    ]
    parts = [*_ALTERNATIVES.split(main), *extras]
    runs = [run for part in parts if part.strip(" ,;") for run in _script_runs(part)]
    # a byname in another script than the first name is the name in that script, not a byname
    return runs + [name for name in bynames if _script_runs(name) == [name]]


def _script_runs(text: str) -> list[str]:
    """The words of a name cut where the script changes (Latin letters, then characters)."""
    if text.isascii():
        return [" ".join(text.split())] if any(ch.isalpha() for ch in text) else []
    runs: list[list[str]] = []
    scripts: list[str] = []
    for word in text.split():
        script = detect_script(word) if any(ch.isalpha() for ch in word) else ""
        if runs and script in ("", scripts[-1]):
            runs[-1].append(word)
        else:
            runs.append([word])
            scripts.append(script)
    return [" ".join(words) for words in runs if any(ch.isalpha() for w in words for ch in w)]
