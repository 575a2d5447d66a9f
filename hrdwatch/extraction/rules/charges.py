"""Charges as worded in the text, and the category each belongs to.

Categories let statistics compare "conducting anti-state propaganda" (Viet Nam) with "inciting
subversion of state power" (China): both are speech treated as a threat to the state.
"""

from __future__ import annotations

import regex

# Category code -> patterns, checked in order; the first category that matches wins.
CHARGE_CATEGORIES: dict[str, tuple[str, ...]] = {
    "terrorism": (r"terror", r"extremis", r"terroris", r"terrorism"),
    "subversion": (
        r"subver",
        r"overthrow",
        r"anti-?state",
        r"against the state",
        r"undermin\w* (?:state|national)",
        r"contre l'[ée]tat",
        r"contra el estado",
        r"separatis",
        r"secession",
        r"splitting the (?:state|country)",
        r"treason",
        r"trahison",
        r"traici[óo]n",
        r"conspira",
        r"destabili",
    ),
    "state_secrets_espionage": (
        r"state secrets?",
        r"espionage",
        r"spying",
        r"espionnage",
        r"espionaje",
    ),
    "false_information": (
        r"false (?:news|information)",
        r"fake news",
        r"rumou?rs?",
        r"fausses nouvelles",
        r"noticias falsas",
        r"desinformaci[óo]n",
        r"misinformation",
        r"disinformation",
    ),
    "propaganda_incitement": (
        r"propaganda",
        r"propagande",
        r"incit",
        r"hatred",
        r"sedition",
        r"s[ée]dition",
        r"sedici[óo]n",
    ),
    "defamation_insult": (
        r"defam",
        r"insult",
        r"lese majest",
        r"l[èe]se-majest",
        r"outrage",
        r"diffamation",
        r"injur",
        r"calumn",
        r"difamaci[óo]n",
        r"offen[cs]e to",
        r"offending",
    ),
    "public_order": (
        r"public order",
        r"disturb",
        r"illegal (?:assembly|gathering|protest)",
        r"unlawful assembly",
        r"picking quarrels",
        r"riot",
        r"hooligan",
        r"ordre public",
        r"orden p[úu]blico",
        r"unauthori[sz]ed (?:assembly|protest|gathering)",
        r"attroupement",
        r"manifestation",
    ),
    "organisation_membership": (
        r"membership",
        r"banned (?:group|organi[sz]ation)",
        r"illegal organi[sz]ation",
        r"criminal (?:group|organi[sz]ation|association)",
        r"association de malfaiteurs",
        r"asociaci[óo]n il[íi]cita",
        r"organised crime",
        r"organized crime",
    ),
    "financial": (
        r"tax",
        r"fraud",
        r"embezzl",
        r"money laundering",
        r"smuggl",
        r"financ",
        r"fiscal",
        r"blanchiment",
        r"lavado",
        r"illegal business",
        r"evasion",
    ),
    "religion_blasphemy": (r"blasphem", r"religio", r"apostasy", r"cult"),
    "abuse_of_freedoms": (r"abus\w* (?:of )?(?:democratic )?freedoms?",),
    "violence_or_weapons": (
        r"weapon",
        r"arms",
        r"explosive",
        r"murder",
        r"assault",
        r"violence",
        r"kidnap",
    ),
}

_COMPILED = {
    code: regex.compile("|".join(patterns), regex.I) for code, patterns in CHARGE_CATEGORIES.items()
}

_CHARGE_PHRASE = regex.compile(
    r"(?:charged with|charges? of|on charges? (?:of|related to)|accused of|convicted of|found guilty of"
    r"|sentenced (?:to [^.;]{1,40}? )?for|indicted (?:on charges of|for)|under charges of|booked under"
    r"|inculp[ée]e?s? (?:de|pour)|accus[ée]e?s? d[e']|condamn[ée]e?s? (?:[^.;]{1,40}? )?pour"
    r"|acusad[oa]s? de|por (?:el|los) delitos? de|por delitos? de|cargos? de|delito de)\s+"
    r"[\"“‘«]?(?P<charge>[^\"”’».;:()]{3,90}?)[\"”’»]?"
    r"(?=\s*(?:[.;:,()]|$)|\s+(?:after|before|in|since|on|by|under|while|but|over|for)\s"
    r"|\s+and\s+(?:was|were|is|are|has|have|had|sentenced|jailed|\w+ed)\b)",
    regex.I,
)
_QUOTED = regex.compile(r"[\"“«]\s*(?P<charge>[^\"”»]{4,90}?)\s*[\"”»]")


def categorise_charge(charge: str) -> str:
    """The category code of a charge as worded, ``"other"`` when none applies."""
    for code, pattern in _COMPILED.items():
        if pattern.search(charge):
            return code
    return "other"


def find_charges(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, wording) of each charge named in ``sentence``, offsets relative to it.

    A quoted phrase counts only when it reads like a charge (it falls in a category).
    """
    found: list[tuple[int, int, str]] = []
    for match in _CHARGE_PHRASE.finditer(sentence):
        text = match.group("charge").strip()
        if text:
            found.append((match.start("charge"), match.start("charge") + len(text), text))
    for match in _QUOTED.finditer(sentence):
        text = match.group("charge").strip()
        if categorise_charge(text) != "other" and not any(
            s <= match.start("charge") < e for s, e, _ in found
        ):
            found.append((match.start("charge"), match.end("charge"), text))
    return found
