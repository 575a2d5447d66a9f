"""Spelling tables the name keys rely on: variant spellings, Cantonese surnames, Cyrillic romanisation.

Data, not logic: each entry is a claim about how one name is written, reviewed like code.
"""

from __future__ import annotations

# Spelling variants of one name, folded to one canonical token. Extend with care: every entry is a
# claim that the spellings are the same name everywhere.
VARIANTS: dict[str, str] = {
    **dict.fromkeys(
        [
            "mohammed",
            "mohamed",
            "mohammad",
            "mohamad",
            "muhammed",
            "muhamad",
            "mohd",
            "md",
            "mohammod",
            "muhammet",
            "mehmet",
            "mahomed",
            "mouhamed",
            "muhamed",
            "mohamud",
            "mohammud",
        ],
        "muhammad",
    ),
    **dict.fromkeys(
        ["yousef", "youssef", "yousif", "yusef", "yosef", "youcef", "yussuf", "yousuf"], "yusuf"
    ),
    **dict.fromkeys(["ahmed", "ahmet", "akhmed"], "ahmad"),
    **dict.fromkeys(
        ["hussein", "husain", "hussain", "husayn", "hossein", "hosein", "huseyin"], "husayn"
    ),
    **dict.fromkeys(["hassan", "hasan"], "hasan"),
    **dict.fromkeys(["mahmoud", "mahmud", "mahmood"], "mahmud"),
    **dict.fromkeys(["mustafa", "mostafa", "moustafa", "mustapha"], "mustafa"),
    **dict.fromkeys(["ibrahim", "ebrahim", "ibraheem"], "ibrahim"),
    **dict.fromkeys(["omar", "umar"], "umar"),
    **dict.fromkeys(["osman", "othman", "uthman"], "uthman"),
    **dict.fromkeys(["ibn", "ben", "bin"], "bin"),
    **dict.fromkeys(
        ["aleksandr", "alexander", "alexandr", "aliaksandr", "oleksandr", "alyaksandr", "ales"],
        "aleksandr",  # Ales: the Belarusian everyday form (Ales Kavalenka)
    ),
    **dict.fromkeys(["sergey", "sergei", "siarhei", "serhiy", "serhii", "sergii"], "sergey"),
    **dict.fromkeys(
        [
            "dmitry",
            "dmitri",
            "dzmitry",
            "dmytro",
            "dzmitryi",
            "dzmitryj",
            "dmitriy",
            "dmitrij",
            "zmitser",  # the Belarusian everyday form (Zmicier in Lacinka)
            "zmicier",
        ],
        "dmitry",
    ),
    **dict.fromkeys(["aisha", "aicha", "aysha", "aischa", "ayesha"], "aisha"),
    # names whose consonants are too few to match them by skeleton
    **dict.fromkeys(["layla", "leila", "laila", "leyla", "lejla", "laela"], "layla"),
    **dict.fromkeys(["duaa", "doaa", "dua", "doa", "douaa"], "duaa"),
    **dict.fromkeys(
        ["yuri", "yury", "yuriy", "iurii", "jurij", "iuryi", "juryj", "yuryy", "yurii", "iouri"]
        + ["juri"],
        "yuri",
    ),
    **dict.fromkeys(
        ["andrei", "andrey", "andrej", "andrii", "andriy", "andrei", "andrew"], "andrei"
    ),
    **dict.fromkeys(
        ["natalia", "natalya", "natallia", "natalja", "natallja", "natallya"], "natalia"
    ),
    **dict.fromkeys(["olga", "olha", "volha", "volga"], "olga"),
    **dict.fromkeys(["elena", "alena", "olena", "yelena", "ielena", "jelena"], "elena"),
    # East Slavic forms of one name (Belarusian, Russian, Ukrainian) and their romanisations
    **dict.fromkeys(
        [
            "tatiana",
            "tatyana",
            "tatjana",
            "tatstsiana",
            "tatsiana",
            "tatstsyana",
            "tatsyana",
            "tacciana",
            "tetiana",
            "tetyana",
        ],
        "tatiana",
    ),
    **dict.fromkeys(
        [
            "ekaterina",
            "yekaterina",
            "katsiaryna",
            "katsyaryna",
            "katerina",
            "kateryna",
            "kaciaryna",
        ],
        "ekaterina",
    ),
    **dict.fromkeys(["svetlana", "sviatlana", "svyatlana", "svjatlana", "svitlana"], "svetlana"),
    **dict.fromkeys(
        ["nikolai", "nikolay", "nikolaj", "mikola", "mikalai", "mykola", "mikalaj"], "nikolai"
    ),
    **dict.fromkeys(["vladimir", "uladzimir", "volodymyr", "wladimir"], "vladimir"),
    **dict.fromkeys(["igor", "ihar", "ihor", "igar"], "igor"),
    **dict.fromkeys(["anna", "hanna", "ganna", "ana"], "anna"),
    **dict.fromkeys(
        ["vasily", "vasili", "vasiliy", "vasil", "vasyl", "vasilii", "wasil"], "vasily"
    ),
    **dict.fromkeys(["leonid", "leanid"], "leonid"),
    **dict.fromkeys(
        ["valentin", "valiantsin", "valyantsin", "valiancin", "valentyn", "valancin"], "valentin"
    ),
    **dict.fromkeys(
        ["vladislav", "uladzislau", "uladzislav", "vladyslav", "wladyslaw", "uladzislaw"],
        "vladislav",
    ),
    **dict.fromkeys(["roman", "raman"], "roman"),
    **dict.fromkeys(["maksim", "maxim", "maksym", "maksimm"], "maksim"),
    **dict.fromkeys(["viktor", "viktar", "victor", "wiktar"], "viktor"),
    **dict.fromkeys(
        ["evgeny", "evgeniy", "yevgeny", "yauhen", "yevhen", "ievgen", "jauhen"], "evgeny"
    ),
    **dict.fromkeys(["ksenia", "kseniya", "ksenija", "kseniia"], "ksenia"),
    **dict.fromkeys(["irina", "iryna", "iryina"], "irina"),
    **dict.fromkeys(["lyudmila", "liudmila", "ludmila", "ljudmila", "liudmyla"], "lyudmila"),
    **dict.fromkeys(["darya", "daria", "darja", "dariya", "daryia", "darija"], "darya"),
    **dict.fromkeys(["maria", "mariya", "maryia", "marija", "maryja", "mariia", "marya"], "maria"),
    **dict.fromkeys(["maks", "max"], "maks"),  # Maks Orlov, Max Orlov
    **dict.fromkeys(["pavel", "paval", "pavlo", "paul"], "pavel"),
    **dict.fromkeys(["aliaksei", "alexei", "aleksei", "alexey", "aleksey", "oleksii"], "aleksei"),
    **dict.fromkeys(
        ["grigory", "grigoriy", "grigorii", "grigori", "hryhoriy", "hryhorii", "ryhor", "rygor"],
        "grigory",
    ),
}

CANONICAL = frozenset(VARIANTS.values())
# Every spelling of each canonical name (the canonical one included), for loose comparisons.
SPELLINGS: dict[str, frozenset[str]] = {
    canonical: frozenset({canonical, *(k for k, v in VARIANTS.items() if v == canonical)})
    for canonical in CANONICAL
}

# Cantonese (Hong Kong, Macau, diaspora) romanisations of common surnames and their Mandarin pinyin.
CANTONESE_SURNAMES: dict[str, frozenset[str]] = {
    key: frozenset(value.split())
    for key, value in {
        "wong": "huang wang",
        "chan": "chen",
        "cheung": "zhang",
        "lee": "li",
        "ng": "wu",
        "lau": "liu",
        "leung": "liang",
        "ho": "he",
        "tse": "xie",
        "yip": "ye",
        "kwok": "guo",
        "lam": "lin",
        "tsang": "zeng",
        "chow": "zhou",
        "law": "luo",
        "lo": "lu luo",
        "lai": "li lai",
        "mak": "mai",
        "tang": "deng",
        "cheng": "zheng",
        "fung": "feng",
        "yeung": "yang",
        "choi": "cai",
        "tam": "tan",
        "sham": "cen shen",
        "shum": "cen shen",
        "sam": "cen shen",  # the reading cantonese-romanisation gives 岑
        "kwan": "guan",
        "szeto": "situ",
        "chu": "zhu",
        "au": "ou",
        "ko": "gao",
        "kong": "jiang",
        "yuen": "yuan",
        "chung": "zhong",
        "lui": "lu lei",
        "siu": "xiao",
        "sze": "shi",
        "wan": "yin wen",
        "tong": "tang",
        "hui": "xu",
        "koo": "gu",
        "kam": "jin gan",
        "man": "wen",
        "pang": "peng",
        "shek": "shi",
        "tsui": "xu cui",
        "wu": "hu wu",
        "yu": "yu",
        "yau": "qiu you",
        "poon": "pan",
        "luk": "lu",
        "mok": "mo",
    }.items()
}

# The commonest Vietnamese family names (about nine in ten Vietnamese), folded: a name of one-syllable
# tokens with one of them is compared as Vietnamese, where a vowel or a letter changes the name.
VIETNAMESE_FAMILY_NAMES = frozenset(
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly truong dinh trinh "
    "doan lam mai cao luu ta".split()
)

# Names of Spanish, Portuguese or Italian origin that begin like a glued Arabic article
# (Alkhawaja is Al-Khawaja, Alvarez is not Al-Varez), folded.
NOT_GLUED_ARTICLES = frozenset(
    "alvarez alvaro alvarado alberto albertina alfredo alfonso alonso almeida alcantara alfaro "
    "almonte altamirano albornoz alcaraz aldana alarcon albino almada almagro alcivar altagracia "
    "elvira elmer".split()
)

# Characters read otherwise in names than in words, where pypinyin gives the word's reading: 曾 is
# ceng in 曾经 but Zeng as a surname (Zeng Lihua), 晟 cheng in Taiwan but sheng in the mainland
# (Wu Zhisheng). Each is a claim about how names are read, reviewed like code.
NAME_READINGS: dict[str, str] = {
    **dict.fromkeys("曾", "zeng"),
    **dict.fromkeys("单單", "shan"),
    **dict.fromkeys("区區", "ou"),
    **dict.fromkeys("仇", "qiu"),
    **dict.fromkeys("解", "xie"),
    **dict.fromkeys("朴", "piao"),
    **dict.fromkeys("查", "zha"),
    **dict.fromkeys("覃", "qin"),
    **dict.fromkeys("盖蓋", "ge"),
    **dict.fromkeys("乐樂", "yue"),
    **dict.fromkeys("缪繆", "miao"),
    **dict.fromkeys("召", "shao"),
    **dict.fromkeys("种種", "chong"),
    **dict.fromkeys("员員", "yun"),
    **dict.fromkeys("翟", "zhai"),
    **dict.fromkeys("秘", "bi"),
    **dict.fromkeys("宓", "fu"),
    **dict.fromkeys("阚", "kan"),
    **dict.fromkeys("晟", "sheng"),
}

COMPOUND_SURNAMES = frozenset(
    "欧阳 歐陽 司马 司馬 诸葛 諸葛 上官 司徒 东方 東方 夏侯 皇甫 尉迟 尉遲 公孙 公孫 慕容 长孙 長孫 宇文 "
    "令狐 西门 西門 端木 独孤 獨孤 南宫 南宮".split()
)

BE = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "h",
    "ґ": "g",
    "д": "d",
    "е": "ie",
    "ё": "io",
    "ж": "zh",
    "з": "z",
    "і": "i",
    "й": "j",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ў": "w",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
    "'": "",
    "’": "",
}
UK = {**BE, "е": "e", "є": "ie", "и": "y", "ї": "i", "й": "i", "щ": "shch", "ю": "iu", "я": "ia"}
RU = {
    **BE,
    "г": "g",
    "е": "e",
    "ё": "e",
    "и": "i",
    "й": "y",
    "щ": "shch",
    "ъ": "",
    "ю": "yu",
    "я": "ya",
}
