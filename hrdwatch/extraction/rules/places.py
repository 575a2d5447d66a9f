"""Which state a passage is about: country names (English, French, Spanish via pycountry's
translations), demonyms, capitals and large cities, and ISO 3166-2 subdivisions.

Each mention gets a weight by kind, because "Vietnamese police" says more about the detaining state
than "a Chinese activist" does.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from functools import cache

import pycountry
import regex

from hrdwatch.extraction.rules import place_names
from hrdwatch.extraction.rules.lexicon import STOP_WORDS

# Names pycountry does not give in everyday form.
_EXTRA_NAMES: dict[str, str] = {
    "Burma": "MM",
    "Myanmar": "MM",
    "Russia": "RU",
    "Iran": "IR",
    "Syria": "SY",
    "Vietnam": "VN",
    "Viet Nam": "VN",
    "South Korea": "KR",
    "North Korea": "KP",
    "Laos": "LA",
    "Tanzania": "TZ",
    "Bolivia": "BO",
    "Venezuela": "VE",
    "Moldova": "MD",
    "Palestine": "PS",
    "Taiwan": "TW",
    "Hong Kong": "HK",
    "Macau": "MO",
    "Macao": "MO",
    "Britain": "GB",
    "Great Britain": "GB",
    "UK": "GB",
    "England": "GB",
    "Scotland": "GB",
    "USA": "US",
    "U.S.": "US",
    "United States": "US",
    "America": "US",
    "Czech Republic": "CZ",
    "Turkey": "TR",
    "Türkiye": "TR",
    "DRC": "CD",
    "DR Congo": "CD",
    "Democratic Republic of Congo": "CD",
    "Democratic Republic of the Congo": "CD",
    "Republic of Congo": "CG",
    "Ivory Coast": "CI",
    "Côte d'Ivoire": "CI",
    "Gaza": "PS",
    "West Bank": "PS",
    "Kosovo": "XK",
    "Brunei": "BN",
    "Cape Verde": "CV",
    "Eswatini": "SZ",
    "Swaziland": "SZ",
    "East Timor": "TL",
    "Timor-Leste": "TL",
    "Vatican": "VA",
    "Tibet": "CN",
    "Xinjiang": "CN",
    "Kashmir": "IN",
    "Crimea": "UA",
    "Chechnya": "RU",
    "Western Sahara": "EH",
    "Irán": "IR",
    "Rusia": "RU",
    "Siria": "SY",
    "Birmanie": "MM",
    "Russie": "RU",
    "Syrie": "SY",
    "Corée du Sud": "KR",
    "Corea del Sur": "KR",
}

_DEMONYMS: dict[str, str] = {
    "Afghan": "AF",
    "Albanian": "AL",
    "Algerian": "DZ",
    "Angolan": "AO",
    "Argentine": "AR",
    "Argentinian": "AR",
    "Armenian": "AM",
    "Australian": "AU",
    "Austrian": "AT",
    "Azerbaijani": "AZ",
    "Azeri": "AZ",
    "Bahraini": "BH",
    "Bangladeshi": "BD",
    "Belarusian": "BY",
    "Belarussian": "BY",
    "Bolivian": "BO",
    "Bosnian": "BA",
    "Brazilian": "BR",
    "British": "GB",
    "Burmese": "MM",
    "Burundian": "BI",
    "Cambodian": "KH",
    "Cameroonian": "CM",
    "Chadian": "TD",
    "Chilean": "CL",
    "Chinese": "CN",
    "Colombian": "CO",
    "Congolese": "CD",
    "Cuban": "CU",
    "Djiboutian": "DJ",
    "Dominican": "DO",
    "Ecuadorian": "EC",
    "Egyptian": "EG",
    "Emirati": "AE",
    "Eritrean": "ER",
    "Ethiopian": "ET",
    "Filipino": "PH",
    "Filipina": "PH",
    "French": "FR",
    "Gambian": "GM",
    "Georgian": "GE",
    "German": "DE",
    "Ghanaian": "GH",
    "Guatemalan": "GT",
    "Guinean": "GN",
    "Haitian": "HT",
    "Honduran": "HN",
    "Hungarian": "HU",
    "Indian": "IN",
    "Indonesian": "ID",
    "Iranian": "IR",
    "Iraqi": "IQ",
    "Israeli": "IL",
    "Jordanian": "JO",
    "Kazakh": "KZ",
    "Kazakhstani": "KZ",
    "Kenyan": "KE",
    "Kuwaiti": "KW",
    "Kyrgyz": "KG",
    "Lao": "LA",
    "Laotian": "LA",
    "Lebanese": "LB",
    "Liberian": "LR",
    "Libyan": "LY",
    "Malawian": "MW",
    "Malaysian": "MY",
    "Malian": "ML",
    "Mauritanian": "MR",
    "Mexican": "MX",
    "Moldovan": "MD",
    "Mongolian": "MN",
    "Moroccan": "MA",
    "Mozambican": "MZ",
    "Nepali": "NP",
    "Nepalese": "NP",
    "Nicaraguan": "NI",
    "Nigerian": "NG",
    "Nigerien": "NE",
    "North Korean": "KP",
    "Omani": "OM",
    "Pakistani": "PK",
    "Palestinian": "PS",
    "Panamanian": "PA",
    "Paraguayan": "PY",
    "Peruvian": "PE",
    "Philippine": "PH",
    "Polish": "PL",
    "Qatari": "QA",
    "Russian": "RU",
    "Rwandan": "RW",
    "Salvadoran": "SV",
    "Salvadorean": "SV",
    "Saudi": "SA",
    "Senegalese": "SN",
    "Serbian": "RS",
    "Singaporean": "SG",
    "Somali": "SO",
    "South African": "ZA",
    "South Korean": "KR",
    "South Sudanese": "SS",
    "Sri Lankan": "LK",
    "Sudanese": "SD",
    "Syrian": "SY",
    "Tajik": "TJ",
    "Tajikistani": "TJ",
    "Tanzanian": "TZ",
    "Thai": "TH",
    "Tibetan": "CN",
    "Togolese": "TG",
    "Tunisian": "TN",
    "Turkish": "TR",
    "Turkmen": "TM",
    "Ugandan": "UG",
    "Uyghur": "CN",
    "Uighur": "CN",
    "Ukrainian": "UA",
    "Uzbek": "UZ",
    "Venezuelan": "VE",
    "Vietnamese": "VN",
    "Yemeni": "YE",
    "Zambian": "ZM",
    "Zimbabwean": "ZW",
    "Hong Kong's": "HK",
    "Hongkonger": "HK",
    "Kurdish": "",
    "American": "US",
    "Cuban-American": "US",
    # French
    "algérien": "DZ",
    "algérienne": "DZ",
    "marocain": "MA",
    "marocaine": "MA",
    "tunisien": "TN",
    "tunisienne": "TN",
    "égyptien": "EG",
    "égyptienne": "EG",
    "chinois": "CN",
    "chinoise": "CN",
    "iranien": "IR",
    "iranienne": "IR",
    "russe": "RU",
    "turc": "TR",
    "turque": "TR",
    "vietnamien": "VN",
    "vietnamienne": "VN",
    "camerounais": "CM",
    "camerounaise": "CM",
    "congolais": "CD",
    "congolaise": "CD",
    "sénégalais": "SN",
    "burundais": "BI",
    "rwandais": "RW",
    "tchadien": "TD",
    "ivoirien": "CI",
    "ivoirienne": "CI",
    "saoudien": "SA",
    "saoudienne": "SA",
    "syrien": "SY",
    "syrienne": "SY",
    "libanais": "LB",
    "biélorusse": "BY",
    "azerbaïdjanais": "AZ",
    "guinéen": "GN",
    "malien": "ML",
    "nigérien": "NE",
    "béninois": "BJ",
    "togolais": "TG",
    "haïtien": "HT",
    "mauritanien": "MR",
    "djiboutien": "DJ",
    # Spanish
    "nicaragüense": "NI",
    "nicaragüenses": "NI",
    "guatemalteco": "GT",
    "guatemalteca": "GT",
    "hondureño": "HN",
    "hondureña": "HN",
    "salvadoreño": "SV",
    "salvadoreña": "SV",
    "mexicano": "MX",
    "mexicana": "MX",
    "colombiano": "CO",
    "colombiana": "CO",
    "venezolano": "VE",
    "venezolana": "VE",
    "cubano": "CU",
    "cubana": "CU",
    "peruano": "PE",
    "peruana": "PE",
    "boliviano": "BO",
    "boliviana": "BO",
    "ecuatoriano": "EC",
    "ecuatoriana": "EC",
    "chileno": "CL",
    "chilena": "CL",
    "argentino": "AR",
    "argentina": "AR",
    "paraguayo": "PY",
    "brasileño": "BR",
    "brasileña": "BR",
    "panameño": "PA",
    "costarricense": "CR",
}

# Capitals and large cities often named in place of their country.
_CITIES: dict[str, str] = {
    "Kabul": "AF",
    "Algiers": "DZ",
    "Alger": "DZ",
    "Oran": "DZ",
    "Luanda": "AO",
    "Buenos Aires": "AR",
    "Yerevan": "AM",
    "Baku": "AZ",
    "Manama": "BH",
    "Dhaka": "BD",
    "Minsk": "BY",
    "Gomel": "BY",
    "Homiel": "BY",
    "Grodno": "BY",
    "La Paz": "BO",
    "Brasília": "BR",
    "Rio de Janeiro": "BR",
    "São Paulo": "BR",
    "Bujumbura": "BI",
    "Phnom Penh": "KH",
    "Siem Reap": "KH",
    "Yaoundé": "CM",
    "Douala": "CM",
    "N'Djamena": "TD",
    "Santiago": "CL",
    "Beijing": "CN",
    "Shanghai": "CN",
    "Guangzhou": "CN",
    "Shenzhen": "CN",
    "Wuhan": "CN",
    "Chengdu": "CN",
    "Urumqi": "CN",
    "Lhasa": "CN",
    "Tianjin": "CN",
    "Bogotá": "CO",
    "Bogota": "CO",
    "Medellín": "CO",
    "Cali": "CO",
    "Kinshasa": "CD",
    "Goma": "CD",
    "Havana": "CU",
    "La Habana": "CU",
    "Cairo": "EG",
    "Le Caire": "EG",
    "El Cairo": "EG",
    "Alexandria": "EG",
    "Aswan": "EG",
    "Asmara": "ER",
    "Addis Ababa": "ET",
    "Tbilisi": "GE",
    "Accra": "GH",
    "Guatemala City": "GT",
    "Conakry": "GN",
    "Port-au-Prince": "HT",
    "Tegucigalpa": "HN",
    "San Pedro Sula": "HN",
    "New Delhi": "IN",
    "Delhi": "IN",
    "Mumbai": "IN",
    "Pune": "IN",
    "Srinagar": "IN",
    "Jakarta": "ID",
    "Papua": "ID",
    "Tehran": "IR",
    "Téhéran": "IR",
    "Evin": "IR",
    "Baghdad": "IQ",
    "Erbil": "IQ",
    "Basra": "IQ",
    "Jerusalem": "IL",
    "Amman": "JO",
    "Almaty": "KZ",
    "Astana": "KZ",
    "Nairobi": "KE",
    "Kuwait City": "KW",
    "Bishkek": "KG",
    "Vientiane": "LA",
    "Beirut": "LB",
    "Tripoli": "LY",
    "Benghazi": "LY",
    "Kuala Lumpur": "MY",
    "Bamako": "ML",
    "Nouakchott": "MR",
    "Mexico City": "MX",
    "Ciudad de México": "MX",
    "Chisinau": "MD",
    "Ulaanbaatar": "MN",
    "Rabat": "MA",
    "Casablanca": "MA",
    "Maputo": "MZ",
    "Yangon": "MM",
    "Rangoon": "MM",
    "Mandalay": "MM",
    "Naypyidaw": "MM",
    "Naypyitaw": "MM",
    "Kathmandu": "NP",
    "Managua": "NI",
    "Niamey": "NE",
    "Abuja": "NG",
    "Lagos": "NG",
    "Pyongyang": "KP",
    "Muscat": "OM",
    "Islamabad": "PK",
    "Karachi": "PK",
    "Lahore": "PK",
    "Ramallah": "PS",
    "Lima": "PE",
    "Manila": "PH",
    "Quezon City": "PH",
    "Mindanao": "PH",
    "Doha": "QA",
    "Moscow": "RU",
    "Moscou": "RU",
    "Moscú": "RU",
    "St Petersburg": "RU",
    "Saint Petersburg": "RU",
    "Grozny": "RU",
    "Kigali": "RW",
    "Riyadh": "SA",
    "Jeddah": "SA",
    "Mecca": "SA",
    "Dakar": "SN",
    "Belgrade": "RS",
    "Singapore": "SG",
    "Mogadishu": "SO",
    "Johannesburg": "ZA",
    "Seoul": "KR",
    "Juba": "SS",
    "Colombo": "LK",
    "Khartoum": "SD",
    "Damascus": "SY",
    "Aleppo": "SY",
    "Dushanbe": "TJ",
    "Dar es Salaam": "TZ",
    "Bangkok": "TH",
    "Lomé": "TG",
    "Tunis": "TN",
    "Ankara": "TR",
    "Istanbul": "TR",
    "Diyarbakir": "TR",
    "Ashgabat": "TM",
    "Kampala": "UG",
    "Kyiv": "UA",
    "Kiev": "UA",
    "Abu Dhabi": "AE",
    "Dubai": "AE",
    "Tashkent": "UZ",
    "Caracas": "VE",
    "Hanoi": "VN",
    "Ho Chi Minh City": "VN",
    "Saigon": "VN",
    "Sanaa": "YE",
    "Sana'a": "YE",
    "Aden": "YE",
    "Lusaka": "ZM",
    "Harare": "ZW",
    "Bulawayo": "ZW",
    "Kowloon": "HK",
    "Tsim Sha Tsui": "HK",
    "Taipei": "TW",
    "Lagos State": "NG",
    "Asunción": "PY",
    "Quito": "EC",
    "Guayaquil": "EC",
    "San Salvador": "SV",
    "Panama City": "PA",
    "Tirana": "AL",
    "Sarajevo": "BA",
    "Bratislava": "SK",
    "Budapest": "HU",
    "Warsaw": "PL",
    "Pristina": "XK",
}

# Weights by kind of mention: an institution of a state, a place "in X", a bare mention.
WEIGHT_INSTITUTION = 3.0
WEIGHT_PLACE = 2.0
WEIGHT_MENTION = 1.0
WEIGHT_SUBDIVISION = 0.8
# A country name from another language's list (CLDR): it votes like a bare mention, but it is
# not taken off the edge of a person's name ("Mauricio" is Mauritius in Spanish, and a first name).
WEIGHT_OTHER_LANGUAGE = 0.99

_INSTITUTION_AFTER = regex.compile(
    r"^['’]?s?\s+(?:[\w-]+\s+){0,2}?(?:police|authorities|services|agents|agency|ministry|court|courts|government|regime|security|army|military|junta"
    r"|prosecutors?|officials|state|intelligence|judiciary|prison|jail|forces|troops|soldiers)\b",
    regex.IGNORECASE,
)
_PLACE_BEFORE = regex.compile(
    r"\b(?:in|from|of|at|near|en|au|aux|à|dans|de)\s+(?:the\s+)?$", regex.IGNORECASE
)


# Subdivision names made of these words are too generic to point at one country.
_GENERIC_PLACE_WORDS = STOP_WORDS | {
    "capital",
    "region",
    "city",
    "coast",
    "island",
    "islands",
    "upper",
    "lower",
    "great",
    "greater",
    "new",
    "saint",
    "san",
    "santa",
    "centre",
    "center",
    "littoral",
    "plateau",
    "highlands",
    "valley",
    "lake",
    "lakes",
    "river",
    "mountain",
    "sea",
    "bay",
    "west",
    "east",
    "north",
    "south",
}


@dataclass(frozen=True)
class CountryMention:
    """One place word in the text, the country it points to and how much it says."""

    start: int
    end: int
    code: str
    weight: float


def _translated_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for language in ("fr", "es"):
        translator = gettext.translation(
            "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
        )
        for country in pycountry.countries:
            translated = translator.gettext(country.name)
            if translated and translated != country.name:
                names[translated.split(",")[0].split(" (")[0]] = country.alpha_2
    return names


def _subdivisions() -> dict[str, tuple[str, float]]:
    """ISO 3166-2 subdivisions whose name belongs to one country only, at low weight."""
    owners: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        name = sub.name.split(" (")[0]
        if len(name) >= 5 and not _GENERIC_PLACE_WORDS & set(name.casefold().split()):
            owners.setdefault(name, set()).add(sub.country_code)
    return {
        name: (codes.pop(), WEIGHT_SUBDIVISION) for name, codes in owners.items() if len(codes) == 1
    }


@cache
def _lexicon() -> dict[str, tuple[str, float]]:
    table: dict[str, tuple[str, float]] = _subdivisions()
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                table[value] = (country.alpha_2, WEIGHT_MENTION)
                table[value.split(",")[0]] = (country.alpha_2, WEIGHT_MENTION)
    for name, code in _translated_names().items():
        table.setdefault(name, (code, WEIGHT_OTHER_LANGUAGE))
    for name, code in place_names.tables().latin.items():
        table.setdefault(name, (code, WEIGHT_OTHER_LANGUAGE))
    for name, code in _EXTRA_NAMES.items():
        table[name] = (code, WEIGHT_MENTION)
    for name, code in _CITIES.items():
        table[name] = (code, WEIGHT_PLACE)
    for name, code in _DEMONYMS.items():
        if code:
            table[name] = (code, WEIGHT_MENTION)
    return table


@cache
def _lower_starters() -> frozenset[str]:
    """First words of lexicon entries written in lower case (French and Spanish demonyms)."""
    return frozenset(name.split()[0] for name in _lexicon() if not name[0].isupper())


_WORD = regex.compile(r"\w+(?:[-.]\w+)*\.?")
_LONGEST_NAME = 6


def find_country_mentions(text: str) -> list[CountryMention]:
    """Every country, demonym, city or subdivision named in ``text``, with its weight.

    Looks up runs of up to six words (longest first) in one table, so a document costs a few
    thousand dictionary look-ups rather than a scan for every name.
    """
    table = _lexicon()
    starters = _lower_starters()
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    mentions = []
    i = 0
    while i < len(words):
        first = text[words[i][0] : words[i][1]]
        if not first[0].isupper() and first not in starters:
            i += 1
            continue
        found = None
        for n in range(min(_LONGEST_NAME, len(words) - i), 0, -1):
            start, end = words[i][0], words[i + n - 1][1]
            candidate = text[start:end]
            key = candidate if candidate in table else candidate.rstrip(".")
            if key in table:
                found = (n, start, start + len(key), table[key])
                break
        if found is None:
            i += 1
            continue
        n, start, end, (code, weight) = found
        weight = max(weight, WEIGHT_MENTION) if weight == WEIGHT_OTHER_LANGUAGE else weight
        if weight == WEIGHT_MENTION:
            if _INSTITUTION_AFTER.match(text[end : end + 40]):
                weight = WEIGHT_INSTITUTION
            elif _PLACE_BEFORE.search(text[max(0, start - 12) : start]):
                weight = WEIGHT_PLACE
            elif place_names.tables().institutions.search(text, max(0, start - 25), end + 25):
                weight = WEIGHT_INSTITUTION
        mentions.append(CountryMention(start, end, code, weight))
        i += n
    for start, end, code, institution in place_names.other_script_places(text):
        mentions.append(
            CountryMention(start, end, code, WEIGHT_INSTITUTION if institution else WEIGHT_MENTION)
        )
    mentions.sort(key=lambda mention: mention.start)
    return mentions


def vote(
    mentions: list[CountryMention], start: int, end: int, minimum: float = WEIGHT_MENTION
) -> str | None:
    """The country with the most weight among mentions inside [start, end), first seen on a tie.

    Mentions lighter than ``minimum`` (subdivisions, by default) are left out.
    """
    scores: dict[str, float] = {}
    first: dict[str, int] = {}
    for mention in mentions:
        if start <= mention.start < end and mention.weight >= minimum:
            scores[mention.code] = scores.get(mention.code, 0.0) + mention.weight
            first.setdefault(mention.code, mention.start)
    if not scores:
        return None
    return max(scores, key=lambda code: (scores[code], -first[code]))


_POSSESSIVE = regex.compile(r"['’]s$")


def is_place_word(word: str) -> bool:
    """True for a country, demonym or city written as one word ("Turkish", "Hanoi")."""
    table = _lexicon()
    entry = table.get(word.rstrip(".")) or table.get(_POSSESSIVE.sub("", word))
    return entry is not None and entry[1] >= WEIGHT_MENTION


@cache
def _subdivision_names() -> frozenset[str]:
    return frozenset(sub.name.split(" (")[0].casefold() for sub in pycountry.subdivisions)


def is_place_name(words: str) -> bool:
    """True when a capitalised run of two words or more is a country subdivision ("Nghệ An")."""
    return " " in words and words.casefold() in _subdivision_names()
