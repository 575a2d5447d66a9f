"""The sentence patterns the rule extractor reads victims by (compiled once, used by ``engine``).

Lists of trigger words and roles live in ``lexicon``; here they are combined into the shapes of
sentences that make someone a victim ("X was arrested", "police detained X", "detained lawyer X")
or only a speaker, an official or someone's possession.
"""

from __future__ import annotations

import regex

from hrdwatch.extraction.rules.lexicon import (
    EVENT_TRIGGERS,
    HONORIFICS,
    NOT_PERSON_AFTER,
    OFFICIAL_TITLES,
    SPEAKER_ROLES,
    SPEECH_AFTER,
    VICTIM_ROLES,
    alternation,
    words,
)

ANY_TRIGGER = "(?i:" + "|".join(p for patterns in EVENT_TRIGGERS.values() for p in patterns) + ")"
ROLES = "(?i:" + "|".join(VICTIM_ROLES) + ")"
AUX = alternation("auxiliaries")
ADVERB = rf"(?:\p{{Ll}}+ly|{alternation('adverbs')})"
# Words that may stand between names of a list and its verb: ages, roles, "the 29 other".
LIST_WORD = rf"(?:,|;|:|–|—|、|NAME|\d+|\(\s*\d+\s*\)|{ROLES}|{alternation('list_words')})"
# An apposition between commas ("X, labeled “the leader,” was"), or the person's employer or
# town ("X of the daily Y was"), may stand between a name and its verb.
_OF_PHRASE = (
    r"(?:\s+(?i:of|from|at|de|du|des|del|da|do)\s+(?:[\p{L}'’-]+\s+){0,4}?[\p{L}'’-]+(?![\p{L}]))"
)
GAP_AFTER = rf"(?:\s*,[^,;.]{{1,100}}?,[”\"’»]?|{_OF_PHRASE})?(?:\s*{LIST_WORD})*"
PASSIVE = regex.compile(
    rf"^{GAP_AFTER}\s*[–—-]?\s*{AUX}\s+(?:{ADVERB}\s+)*{ANY_TRIGGER}(?![\p{{L}}])"
)
HEADLINE_PARTICIPLE = regex.compile(
    rf"^\s*(?:,\s*\d+\s*,\s*)?{alternation('participles')}(?![\p{{L}}])"
)
RELATIVE = regex.compile(
    rf"^\s*(?:\([^)]*\)\s*)?,\s*{alternation('relatives')}\s+[^.;]{{0,80}}?(?<![\p{{L}}])"
    rf"{ANY_TRIGGER}(?![\p{{L}}])"
)
STATUS = regex.compile(
    rf"^{GAP_AFTER}\s*[–—-]?\s*(?i:remains?|is|are|was|were|has been|have been|had been)\s+"
    r"(?i:still\s+)?(?i:(?:in|behind)\s+(?:detention|custody|prison|jail|bars)|serving|on hunger strike"
    r"|held|imprisoned|missing)"
)
ELLIPTIC_TERM = regex.compile(
    rf"^{GAP_AFTER}\s*(?i:to|à|a)\s+(?:\S+\s+){{0,2}}?(?i:years?|months?|ans|mois|años|meses)\b"
)
# After an event word, up to eight words that do not start a new clause, then the name.
OBJECT_GAP_STOP = alternation("gap_stops")
_HONORIFIC = (
    "(?i:" + "|".join(regex.escape(h) for h in HONORIFICS if h.isascii() or h.isalpha()) + ")"
)
# "held for two months", "под стражу на два месяца": how long, in the gap before the object.
DURATION = alternation("durations") if words("durations") else "(?!)"
OBJECT_BEFORE = regex.compile(
    rf"(?<![\p{{L}}]){ANY_TRIGGER}(?:\s*(?:{LIST_WORD}|{DURATION}(?![\p{{L}}])|[«„“][^«»„“”]{{1,50}}[»“”]"
    rf"|(?!{OBJECT_GAP_STOP}\b)[\p{{Ll}}'’-]+(?![\p{{L}}'’-])|{_HONORIFIC}(?![\p{{L}}])\.?)){{0,24}}\s*,?\s*$"
)
GROUP_INTRO = regex.compile(alternation("group_intro") + r"\b[^.;]{0,60}$")
LIST_JOIN = regex.compile(
    rf"^(?:\s*,\s*(?i:a|an|the|un|une|el|la)\s[^,;.]{{0,80}}(?=,))?"
    rf"(?:\s*(?:{LIST_WORD}|\p{{Lu}}[\p{{L}}'’-]*|(?i:editor|chief|founder|of|at|with|from)))*\s*$"
)
RECEIVED_TERM = regex.compile(
    rf"^{GAP_AFTER}\s*(?i:received|was given|was handed|got|is serving|was serving|serves|recibi[óo]"
    r"|a re[çc]u|purga|cumple)\s+(?i:a\s+|an\s+)?(?:\S+\s+){0,5}?"
    r"(?i:years?|months?|life|años|meses|ans|mois)\b"
)
DIED = regex.compile(
    rf"^{GAP_AFTER}\s*(?i:died|was killed|has died|muri[óo]|est mort|est d[ée]c[ée]d[ée])\s+"
    r"(?i:in|while in|while|under|en|bajo)\b"
)
ROLE = regex.compile(ROLES)
ROLE_BEFORE = regex.compile(rf"{ROLES}\s*,?\s*(?:NAME\s*,?\s*(?i:and|et|y)?\s*)*$")
ROLE_AFTER = regex.compile(
    rf"^\s*,\s*(?i:a|an|the|un|une|el|la)?\s*(?:[\p{{Ll}}-]+\s+){{0,3}}{ROLES}"
)
OFFICIAL_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?i:{OFFICIAL_TITLES})\.?\s*$")
SPEAKER_AFTER = regex.compile(
    r"^\s*(?:\([^)]*\)\s*)?,\s*(?i:the\s+|a\s+|an\s+|its\s+|his\s+|her\s+|le\s+|la\s+|el\s+)?"
    rf"(?:[\p{{L}}'’-]+\s+){{0,4}}?(?i:{SPEAKER_ROLES}|{OFFICIAL_TITLES})(?![\p{{L}}])"
)
SPEAKS_AFTER = regex.compile(rf"^\s*(?:\([^)]*\)\s*)?(?:,[^,.;]{{0,90}},\s*)?(?i:{SPEECH_AFTER})\b")
SPEECH_BEFORE = regex.compile(
    r"(?:\b(?i:said|says|told|according to|wrote|writes|selon|d'apr[èe]s|seg[úu]n|dijo|a d[ée]clar[ée]"
    r"|photo(?:graph)?s? by|by|photo|credit|image|por|par)[:\s]+(?:[\p{Ll}'’-]+\s+){0,4}|[—–]\s*)$"
)
POSSESSED_BEFORE = regex.compile(
    r"\b(?i:his|her|their|its|our|the family'?s|NAME'?s|su|sus|son|sa|ses|leur)\s+(?i:own\s+)?"
    r"(?i:lawyers?|attorneys?|defen[cs]e (?:lawyer|counsel)|counsel|wife|husband|son|daughter|mother"
    r"|father|brother|sister|colleague|friend|relative|avocat|abogad[oa]|esposa|esposo|hij[oa]|femme"
    r"|mari)\s*,?\s*$"
)
NOT_PERSON = regex.compile(rf"\s*(?i:{NOT_PERSON_AFTER})(?![\p{{L}}])")
SINGULAR_REF = regex.compile(
    r"^\s*[\"“]?(?i:he|she|his|her|il|elle|él|ella|the (?:activist|journalist|lawyer|blogger|defender"
    r"|dissident|human rights defender|woman|man|writer|student|(?:\d+|\p{L}+)-year-old))\b"
)
PLURAL_REF = regex.compile(
    r"\b(?i:they|them|their|all of them|both|the group|the others|others|the (?:two|three|four|five|six|seven|eight|nine"
    r"|ten|\d+)(?:\s+\p{L}+){0,3}|(?:the |these |those )?(?:\w+\s+){0,3}(?:activists|journalists"
    r"|lawyers|defenders|bloggers|detainees|organisers|organizers|students|members|dissidents)"
    r"|ils|elles|ellos|ellas|los (?:dos|tres|cuatro|cinco|\d+))\b"
)
PLACE = regex.compile(
    r"(?:\p{Lu}[\p{L}'’-]+\s+){1,3}(?:Prison|Jail|Detention Cent(?:er|re)|Penitentiary|Prison Camp|Gaol)"
    r"|(?:prison|prisión|penal|cárcel|centre de détention) (?:de |d['’]|of )?(?:\p{Lu}[\p{L}'’-]+\s?){1,3}"
)
ONGOING = {"detention", "enforced_disappearance", "travel_ban", "harassment"}
JUST_HAPPENED = regex.compile(r"\b(?i:has|have|a été|ont été|ha sido|han sido)\b")
# Between two names of one list: "and", a role in lower case, an honorific; in Arabic and Chinese
# the joining word and the role are written without capitals or spaces ("والمحامي", "、公民记者").
JOINER = regex.compile(
    rf"^[\s,;:–—،、]*(?:{alternation('list_words')}\s+)?(?:[\p{{L}}'’«»\" -]{{0,50}}\s?)?"
    rf"(?:{_HONORIFIC}\.?\s+)?$"
)


ROLE_CODES = [
    (regex.compile(pattern, regex.IGNORECASE), role) for pattern, role in VICTIM_ROLES.items()
]
SPEECH_INSIDE = regex.compile(rf"(?<![\p{{L}}])(?i:{SPEECH_AFTER})(?![\p{{L}}])|[\"“”«»]")
