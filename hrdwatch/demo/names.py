"""Fictional but realistic personal names per country, in the original script and in Latin spellings.

Search, linkage and the public site are tested on these names, so each person gets the forms a
documenter really meets: the original script (Chinese characters, Arabic, Persian, Cyrillic,
Devanagari, Burmese, Thai), the usual Latin display name, and other spellings (tone-marked pinyin,
Cantonese vs Mandarin romanisation, unaccented Vietnamese, Russian vs Belarusian spellings,
alternative Arabic transliterations). Names are drawn piece by piece, so the people are fictional.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from anyascii import anyascii
from pypinyin import Style, lazy_pinyin


@dataclass(frozen=True)
class Alias:
    """Another way the same person's name is written."""

    name: str
    script: str
    language: str
    kind: str  # a name_kind vocabulary code


@dataclass(frozen=True)
class PersonName:
    """A generated person's names: the Latin display name, the original script and aliases."""

    display: str
    original: str
    aliases: tuple[Alias, ...]


# A name piece: (original script, usual Latin spelling, other Latin spellings...).
Piece = tuple[str, ...]


def _pick(rng: random.Random, pieces: Sequence[Piece]) -> Piece:
    return pieces[rng.randrange(len(pieces))]


def _alt(piece: Piece) -> str:
    """The first other Latin spelling of a piece, or its usual one."""
    return piece[2] if len(piece) > 2 else piece[1]


def _dedupe(display: str, original: str, aliases: list[Alias]) -> tuple[Alias, ...]:
    """Aliases that differ from the display name, the original and each other."""
    seen = {display, original}
    kept = []
    for alias in aliases:
        if alias.name and alias.name not in seen:
            seen.add(alias.name)
            kept.append(alias)
    return tuple(kept)


# --- Chinese (mainland: simplified characters, pinyin) -----------------------------------------
_CN_SURNAMES = "王李张刘陈杨黄赵周吴徐孙胡郭何林高罗郑梁谢宋唐韩冯邓曹彭萧田董潘袁蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤"
_CN_GIVEN_M = "伟明建国军平志强海杰宇磊涛鹏峰斌辉刚勇毅俊浩波兵林东文斌鸿凯晨亮锋永红春松元坤庆瑞江"
_CN_GIVEN_F = "芳丽敏静秀英玉洁霞燕红梅兰娟婷雪慧琳颖倩晶雅欣怡薇萍蓉莉月凤丹琴媛云娜璐"


def _pinyin(chars: str, style: Style = Style.NORMAL) -> str:
    """Pinyin written as in names: syllables joined, capitalised, ü kept (Lü, not Lv)."""
    return "".join(lazy_pinyin(chars, style=style, v_to_u=True)).capitalize()


def _cn_name(rng: random.Random, female: bool) -> PersonName:
    surname = _CN_SURNAMES[rng.randrange(len(_CN_SURNAMES))]
    pool = _CN_GIVEN_F if female else _CN_GIVEN_M
    given = "".join(pool[rng.randrange(len(pool))] for _ in range(2 if rng.random() < 0.8 else 1))
    original = surname + given
    display = f"{_pinyin(surname)} {_pinyin(given)}"
    syllables = [s.capitalize() for s in lazy_pinyin(given)]
    aliases = [
        Alias(original, "Hans", "zh", "original_script"),
        Alias(
            f"{_pinyin(surname, Style.TONE)} {_pinyin(given, Style.TONE)}",
            "Latn",
            "zh-Latn",
            "transliteration",
        ),
        Alias(f"{_pinyin(surname)} {'-'.join(syllables)}", "Latn", "zh-Latn", "alias"),
        Alias(f"{_pinyin(given)} {_pinyin(surname)}", "Latn", "en", "alias"),
    ]
    return PersonName(display, original, _dedupe(display, original, aliases))


# --- Hong Kong: traditional characters, Cantonese romanisation, English names -------------------
_HK_SURNAMES: tuple[Piece, ...] = (
    ("陳", "Chan"),
    ("黃", "Wong"),
    ("李", "Lee"),
    ("張", "Cheung"),
    ("梁", "Leung"),
    ("林", "Lam"),
    ("劉", "Lau"),
    ("何", "Ho"),
    ("吳", "Ng"),
    ("鄭", "Cheng"),
    ("楊", "Yeung"),
    ("周", "Chow"),
    ("郭", "Kwok"),
    ("羅", "Law"),
    ("蔡", "Choi"),
    ("麥", "Mak"),
    ("葉", "Yip"),
)
_HK_GIVEN: tuple[Piece, ...] = (
    ("家", "Ka"),
    ("明", "Ming"),
    ("偉", "Wai"),
    ("志", "Chi"),
    ("文", "Man"),
    ("嘉", "Ka"),
    ("欣", "Yan"),
    ("詠", "Wing"),
    ("麗", "Lai"),
    ("美", "Mei"),
    ("俊", "Chun"),
    ("傑", "Kit"),
    ("浩", "Ho"),
    ("天", "Tin"),
    ("子", "Tsz"),
    ("穎", "Wing"),
    ("敏", "Man"),
    ("國", "Kwok"),
    ("健", "Kin"),
    ("思", "Sze"),
    ("慧", "Wai"),
    ("婷", "Ting"),
    ("達", "Tat"),
    ("雅", "Nga"),
)
_HK_ENGLISH_M = (
    "Joshua",
    "Kelvin",
    "Dennis",
    "Raymond",
    "Alvin",
    "Jason",
    "Eric",
    "Wilson",
    "Ivan",
)
_HK_ENGLISH_F = (
    "Agnes",
    "Gwyneth",
    "Carol",
    "Winnie",
    "Tiffany",
    "Joyce",
    "Cindy",
    "Vivian",
    "Iris",
)


def _hk_name(rng: random.Random, female: bool) -> PersonName:
    surname = _pick(rng, _HK_SURNAMES)
    first, second = _pick(rng, _HK_GIVEN), _pick(rng, _HK_GIVEN)
    original = surname[0] + first[0] + second[0]
    cantonese = f"{surname[1]} {first[1]}-{second[1].lower()}"
    english = rng.choice(_HK_ENGLISH_F if female else _HK_ENGLISH_M) if rng.random() < 0.45 else ""
    display = f"{english} {cantonese}" if english else cantonese
    aliases = [
        Alias(original, "Hant", "zh-Hant-HK", "original_script"),
        Alias(
            f"{_pinyin(surname[0])} {_pinyin(first[0] + second[0])}",
            "Latn",
            "zh-Latn",
            "transliteration",
        ),
        Alias(f"{surname[1]} {first[1]} {second[1]}", "Latn", "yue-Latn", "alias"),
    ]
    if english:
        aliases.append(Alias(f"{english} {surname[1]}", "Latn", "en", "pen_name"))
        aliases.append(Alias(cantonese, "Latn", "yue-Latn", "alias"))
    return PersonName(display, original, _dedupe(display, original, aliases))


# --- Vietnamese: Latin script with diacritics (Đ/đ), surname first -----------------------------
_VN_SURNAMES = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Đoàn",
    "Trịnh",
    "Lưu",
)
_VN_MIDDLE_M = ("Văn", "Đức", "Minh", "Hữu", "Quốc", "Thanh", "Công", "Đình")
_VN_MIDDLE_F = ("Thị", "Ngọc", "Thanh", "Kim", "Thu", "Phương", "Minh")
_VN_GIVEN_M = (
    "Hùng",
    "Dũng",
    "Tuấn",
    "Khoa",
    "Phong",
    "Thắng",
    "Long",
    "Hải",
    "Đạt",
    "Định",
    "Đông",
    "Quang",
    "Trí",
    "Nghĩa",
    "Cường",
    "Bình",
    "Huy",
    "Sơn",
    "Vinh",
    "Tâm",
)
_VN_GIVEN_F = (
    "Lan",
    "Hương",
    "Mai",
    "Trang",
    "Ngân",
    "Thủy",
    "Hạnh",
    "Loan",
    "Hoa",
    "Nhung",
    "Dung",
    "Yến",
    "Thảo",
    "Vân",
    "Hằng",
    "Điệp",
    "Quyên",
    "Liên",
)


def _vn_name(rng: random.Random, female: bool) -> PersonName:
    surname = rng.choice(_VN_SURNAMES)
    middle = rng.choice(_VN_MIDDLE_F if female else _VN_MIDDLE_M)
    given = rng.choice(_VN_GIVEN_F if female else _VN_GIVEN_M)
    display = f"{surname} {middle} {given}"
    aliases = [
        Alias(anyascii(display), "Latn", "vi", "alias"),
        Alias(f"{given} {surname}", "Latn", "en", "alias"),
        Alias(f"{anyascii(given)} {anyascii(surname)}", "Latn", "en", "alias"),
    ]
    return PersonName(display, "", _dedupe(display, "", aliases))


# --- Arabic script: Egypt, Saudi Arabia, Bahrain; Persian for Iran -----------------------------
_EG_GIVEN_M: tuple[Piece, ...] = (
    ("محمد", "Mohamed", "Muhammad"),
    ("أحمد", "Ahmed", "Ahmad"),
    ("محمود", "Mahmoud", "Mahmud"),
    ("مصطفى", "Mostafa", "Mustafa"),
    ("عمرو", "Amr", "Amro"),
    ("يوسف", "Youssef", "Yusuf"),
    ("خالد", "Khaled", "Khalid"),
    ("هشام", "Hesham", "Hisham"),
    ("طارق", "Tarek", "Tariq"),
    ("كريم", "Karim", "Kareem"),
    ("إسلام", "Eslam", "Islam"),
    ("عمر", "Omar", "Umar"),
)
_EG_GIVEN_F: tuple[Piece, ...] = (
    ("سارة", "Sara", "Sarah"),
    ("مريم", "Mariam", "Maryam"),
    ("نورا", "Noura", "Nura"),
    ("هدى", "Hoda", "Huda"),
    ("إسراء", "Esraa", "Israa"),
    ("منى", "Mona", "Muna"),
    ("ياسمين", "Yasmine", "Yasmin"),
    ("آية", "Aya", "Ayah"),
    ("رشا", "Rasha", "Rasha"),
)
_EG_FAMILY: tuple[Piece, ...] = (
    ("عبد الرحمن", "Abdel Rahman", "Abd al-Rahman"),
    ("السيد", "El-Sayed", "al-Sayyid"),
    ("حسن", "Hassan", "Hasan"),
    ("إبراهيم", "Ibrahim", "Ebrahim"),
    ("عبد الله", "Abdallah", "Abd Allah"),
    ("فاروق", "Farouk", "Faruq"),
    ("منصور", "Mansour", "Mansur"),
    ("الشريف", "El-Sherif", "al-Sharif"),
    ("سليمان", "Soliman", "Sulayman"),
    ("عبد الحميد", "Abdel Hamid", "Abd al-Hamid"),
    ("الجمال", "El-Gamal", "al-Jamal"),
    ("رمضان", "Ramadan", "Ramadhan"),
)
_SA_GIVEN_M: tuple[Piece, ...] = (
    ("عبدالله", "Abdullah", "Abdallah"),
    ("فهد", "Fahad", "Fahd"),
    ("محمد", "Mohammed", "Muhammad"),
    ("عبدالعزيز", "Abdulaziz", "Abd al-Aziz"),
    ("خالد", "Khalid", "Khaled"),
    ("تركي", "Turki", "Torki"),
    ("سعود", "Saud", "Sa'ud"),
    ("ناصر", "Nasser", "Nasir"),
    ("عيسى", "Issa", "Isa"),
)
_SA_GIVEN_F: tuple[Piece, ...] = (
    ("سلمى", "Salma", "Salmah"),
    ("نورة", "Nourah", "Noura"),
    ("عائشة", "Aisha", "Aishah"),
    ("ريم", "Reem", "Rim"),
    ("هيفاء", "Haifa", "Hayfa"),
    ("منال", "Manal", "Manaal"),
)
_SA_FAMILY: tuple[Piece, ...] = (
    ("القحطاني", "al-Qahtani", "Alqahtani"),
    ("العتيبي", "al-Otaibi", "Alotaibi"),
    ("الغامدي", "al-Ghamdi", "Alghamdi"),
    ("الحربي", "al-Harbi", "Alharbi"),
    ("الشهري", "al-Shehri", "Alshehri"),
    ("الزهراني", "al-Zahrani", "Alzahrani"),
    ("الدوسري", "al-Dossary", "Aldosari"),
    ("المطيري", "al-Mutairi", "Almutairi"),
)
_BH_GIVEN_M: tuple[Piece, ...] = (
    ("علي", "Ali", "Aly"),
    ("حسن", "Hassan", "Hasan"),
    ("حسين", "Husain", "Hussein"),
    ("جعفر", "Jaafar", "Ja'far"),
    ("محمد", "Mohamed", "Muhammad"),
    ("صادق", "Sadiq", "Sadeq"),
)
_BH_GIVEN_F: tuple[Piece, ...] = (
    ("زينب", "Zainab", "Zaynab"),
    ("ابتسام", "Ebtisam", "Ibtisam"),
    ("مريم", "Maryam", "Mariam"),
    ("فاطمة", "Fatima", "Fatema"),
    ("نجاح", "Najah", "Nejah"),
)
_BH_FAMILY: tuple[Piece, ...] = (
    ("العلوي", "al-Alawi", "Alawi"),
    ("المهدي", "al-Mahdi", "Almahdi"),
    ("الحايكي", "al-Hayki", "Alhaiki"),
    ("النعيمي", "al-Nuaimi", "Alnoaimi"),
    ("الشويخ", "al-Shuwaikh", "Alshowaikh"),
    ("المتروك", "al-Matrook", "Almatruk"),
)
_IR_GIVEN_M: tuple[Piece, ...] = (
    ("محمد", "Mohammad", "Mohammed"),
    ("علی", "Ali", "Aly"),
    ("رضا", "Reza", "Rida"),
    ("حسین", "Hossein", "Hussein"),
    ("مهدی", "Mehdi", "Mahdi"),
    ("سعید", "Saeed", "Said"),
    ("امیر", "Amir", "Ameer"),
    ("بهنام", "Behnam", "Behnaam"),
    ("کاوه", "Kaveh", "Kave"),
)
_IR_GIVEN_F: tuple[Piece, ...] = (
    ("مریم", "Maryam", "Mariam"),
    ("زهرا", "Zahra", "Zahrah"),
    ("فاطمه", "Fatemeh", "Fatima"),
    ("سارا", "Sara", "Sarah"),
    ("نیلوفر", "Niloufar", "Nilufar"),
    ("شیرین", "Shirin", "Shireen"),
    ("لیلا", "Leila", "Layla"),
    ("پریسا", "Parisa", "Parissa"),
)
_IR_FAMILY: tuple[Piece, ...] = (
    ("احمدی", "Ahmadi", "Ahmady"),
    ("کریمی", "Karimi", "Karimy"),
    ("رحیمی", "Rahimi", "Rahimy"),
    ("حسینی", "Hosseini", "Husseini"),
    ("جعفری", "Jafari", "Jaafari"),
    ("صادقی", "Sadeghi", "Sadeqi"),
    ("نوری", "Nouri", "Nuri"),
    ("رضایی", "Rezaei", "Rezaee"),
    ("قاسمی", "Ghasemi", "Qasemi"),
    ("افشار", "Afshar", "Afshaar"),
    ("کاظمی", "Kazemi", "Kazimi"),
)


def _arabic_script_name(
    given_m: Sequence[Piece],
    given_f: Sequence[Piece],
    family: Sequence[Piece],
    language: str,
    with_father: bool,
) -> Callable[[random.Random, bool], PersonName]:
    def make(rng: random.Random, female: bool) -> PersonName:
        pieces = [_pick(rng, given_f if female else given_m)]
        if with_father and rng.random() < 0.6:
            pieces.append(_pick(rng, given_m))
        pieces.append(_pick(rng, family))
        original = " ".join(p[0] for p in pieces)
        display = " ".join(p[1] for p in pieces)
        short = f"{pieces[0][1]} {pieces[-1][1]}"
        aliases = [
            Alias(original, "Arab", language, "original_script"),
            Alias(" ".join(_alt(p) for p in pieces), "Latn", language, "transliteration"),
            Alias(short, "Latn", language, "alias"),
        ]
        return PersonName(display, original, _dedupe(display, original, aliases))

    return make


# --- Cyrillic: Russia; Belarus with Belarusian and Russian spellings --------------------------
_RU_GIVEN_M: tuple[Piece, ...] = (
    ("Алексей", "Aleksei", "Alexey"),
    ("Дмитрий", "Dmitry", "Dmitrii"),
    ("Сергей", "Sergei", "Sergey"),
    ("Михаил", "Mikhail", "Michael"),
    ("Николай", "Nikolai", "Nikolay"),
    ("Андрей", "Andrei", "Andrey"),
    ("Юрий", "Yuri", "Iurii"),
    ("Илья", "Ilya", "Ilia"),
    ("Григорий", "Grigory", "Grigorii"),
)
_RU_GIVEN_F: tuple[Piece, ...] = (
    ("Ирина", "Irina", "Irena"),
    ("Екатерина", "Ekaterina", "Yekaterina"),
    ("Анна", "Anna", "Ana"),
    ("Ольга", "Olga", "Olha"),
    ("Юлия", "Yulia", "Iuliia"),
    ("Наталья", "Natalya", "Natalia"),
    ("Мария", "Maria", "Mariya"),
    ("Ксения", "Ksenia", "Kseniya"),
    ("Светлана", "Svetlana", "Swetlana"),
)
# Surnames: (masculine Cyrillic, masculine Latin, alt Latin); feminine forms add -а / -a.
_RU_FAMILY: tuple[Piece, ...] = (
    ("Иванов", "Ivanov", "Iwanow"),
    ("Смирнов", "Smirnov", "Smirnoff"),
    ("Кузнецов", "Kuznetsov", "Kuznetcov"),
    ("Попов", "Popov", "Popoff"),
    ("Соколов", "Sokolov", "Sokolow"),
    ("Лебедев", "Lebedev", "Lebedew"),
    ("Морозов", "Morozov", "Morosov"),
    ("Волков", "Volkov", "Wolkow"),
    ("Фёдоров", "Fyodorov", "Fedorov"),
    ("Орлов", "Orlov", "Orloff"),
    ("Белов", "Belov", "Byelov"),
    ("Зайцев", "Zaitsev", "Zaytsev"),
)
# Belarusian pieces: (Belarusian Cyrillic, Belarusian Latin, Russian Cyrillic, Russian Latin).
_BY_GIVEN_M: tuple[Piece, ...] = (
    ("Аляксандр", "Aliaksandr", "Александр", "Aleksandr"),
    ("Сяргей", "Siarhei", "Сергей", "Sergei"),
    ("Ігар", "Ihar", "Игорь", "Igor"),
    ("Андрэй", "Andrei", "Андрей", "Andrey"),
    ("Дзмітрый", "Dzmitry", "Дмитрий", "Dmitry"),
    ("Павел", "Pavel", "Павел", "Pavel"),
    ("Уладзімір", "Uladzimir", "Владимир", "Vladimir"),
)
_BY_GIVEN_F: tuple[Piece, ...] = (
    ("Вольга", "Volha", "Ольга", "Olga"),
    ("Марыя", "Maryia", "Мария", "Maria"),
    ("Наталля", "Natallia", "Наталья", "Natalya"),
    ("Кацярына", "Katsiaryna", "Екатерина", "Ekaterina"),
    ("Алена", "Alena", "Елена", "Elena"),
    ("Святлана", "Sviatlana", "Светлана", "Svetlana"),
)
# (m Belarusian, m Latin, m Russian, m Russian Latin, f Belarusian, f Latin, f Russian, f Russian Latin)
_BY_FAMILY: tuple[Piece, ...] = (
    ("Казлоў", "Kazlou", "Козлов", "Kozlov", "Казлова", "Kazlova", "Козлова", "Kozlova"),
    (
        "Навіцкі",
        "Navitski",
        "Новицкий",
        "Novitsky",
        "Навіцкая",
        "Navitskaya",
        "Новицкая",
        "Novitskaya",
    ),
    ("Жук", "Zhuk", "Жук", "Zhuk", "Жук", "Zhuk", "Жук", "Zhuk"),
    (
        "Карповіч",
        "Karpovich",
        "Карпович",
        "Karpovich",
        "Карповіч",
        "Karpovich",
        "Карпович",
        "Karpovich",
    ),
    ("Мельнік", "Melnik", "Мельник", "Melnik", "Мельнік", "Melnik", "Мельник", "Melnik"),
    ("Бондар", "Bondar", "Бондарь", "Bondar", "Бондар", "Bondar", "Бондарь", "Bondar"),
    (
        "Лабановіч",
        "Labanovich",
        "Лобанович",
        "Lobanovich",
        "Лабановіч",
        "Labanovich",
        "Лобанович",
        "Lobanovich",
    ),
    (
        "Шаўчэнка",
        "Shauchenka",
        "Шевченко",
        "Shevchenko",
        "Шаўчэнка",
        "Shauchenka",
        "Шевченко",
        "Shevchenko",
    ),
)


def _ru_name(rng: random.Random, female: bool) -> PersonName:
    given = _pick(rng, _RU_GIVEN_F if female else _RU_GIVEN_M)
    family = _pick(rng, _RU_FAMILY)
    suffix = "а" if female else ""
    original = f"{given[0]} {family[0]}{suffix}"
    display = f"{given[1]} {family[1]}{'a' if female else ''}"
    aliases = [
        Alias(original, "Cyrl", "ru", "original_script"),
        Alias(
            f"{_alt(given)} {_alt(family)}{'a' if female else ''}",
            "Latn",
            "ru-Latn",
            "transliteration",
        ),
        Alias(anyascii(original), "Latn", "ru-Latn", "transliteration"),
        Alias(f"{family[0]}{suffix} {given[0]}", "Cyrl", "ru", "alias"),
    ]
    return PersonName(display, original, _dedupe(display, original, aliases))


def _by_name(rng: random.Random, female: bool) -> PersonName:
    given = _pick(rng, _BY_GIVEN_F if female else _BY_GIVEN_M)
    family = _pick(rng, _BY_FAMILY)
    fam = family[4:] if female else family[:4]
    original = f"{given[0]} {fam[0]}"
    display = f"{given[1]} {fam[1]}"
    aliases = [
        Alias(original, "Cyrl", "be", "original_script"),
        Alias(f"{given[2]} {fam[2]}", "Cyrl", "ru", "alias"),
        Alias(f"{given[3]} {fam[3]}", "Latn", "ru-Latn", "transliteration"),
    ]
    return PersonName(display, original, _dedupe(display, original, aliases))


# --- Latin-script names with national letters (Turkish, Azerbaijani, Spanish, Filipino) ----------
_TR_GIVEN_M = (
    "Mehmet",
    "Çağlar",
    "İbrahim",
    "Özgür",
    "Ümit",
    "Can",
    "Emre",
    "Burak",
    "Serdar",
    "Şükrü",
    "Barış",
)
_TR_GIVEN_F = (
    "Ayşe",
    "Gülşen",
    "Şebnem",
    "Elif",
    "Zeynep",
    "Özlem",
    "Nurcan",
    "Derya",
    "Gökçe",
    "Sevgül",
)
_TR_FAMILY = (
    "Yılmaz",
    "Kaya",
    "Demir",
    "Şahin",
    "Çelik",
    "Yıldız",
    "Öztürk",
    "Aydın",
    "Arslan",
    "Doğan",
    "Kılıç",
    "Kurt",
    "Özdemir",
    "Erdoğdu",
    "Güneş",
    "Akbulut",
)
# Azerbaijani: (Latin with ə, Russian-style Cyrillic spelling)
_AZ_GIVEN_M: tuple[Piece, ...] = (
    ("Rəşad", "Рашад"),
    ("Elçin", "Эльчин"),
    ("Tural", "Турал"),
    ("Orxan", "Орхан"),
    ("Vüqar", "Вугар"),
    ("Əli", "Али"),
    ("Famil", "Фамиль"),
    ("Anar", "Анар"),
)
_AZ_GIVEN_F: tuple[Piece, ...] = (
    ("Günel", "Гюнель"),
    ("Leyla", "Лейла"),
    ("Nərgiz", "Наргиз"),
    ("Aynur", "Айнур"),
    ("Səbinə", "Сабина"),
    ("Aytən", "Айтен"),
)
_AZ_FAMILY: tuple[Piece, ...] = (
    ("Məmmədov", "Мамедов"),
    ("Hüseynov", "Гусейнов"),
    ("Quliyev", "Кулиев"),
    ("Həsənov", "Гасанов"),
    ("Abbasov", "Аббасов"),
    ("Rəhimov", "Рагимов"),
    ("Nəsirov", "Насиров"),
    ("Babayev", "Бабаев"),
)
_ES_GIVEN_M = (
    "José",
    "Juan Carlos",
    "Carlos",
    "Luis",
    "Jorge",
    "Félix",
    "Medardo",
    "Álvaro",
    "Rubén",
    "Ángel",
)
_ES_GIVEN_F = (
    "María José",
    "Ana",
    "Rosa",
    "Lucía",
    "Tamara",
    "Yolanda",
    "Mónica",
    "Verónica",
    "Inés",
)
_CU_GIVEN_M = (
    "Yoandy",
    "Yunior",
    "Osmel",
    "Dayron",
    "Maikel",
    "Yordanis",
    "Ariel",
    "Lázaro",
    "Andrés",
)
_CU_GIVEN_F = (
    "Yanelys",
    "Yaimara",
    "Lisandra",
    "Yudith",
    "Dayanis",
    "Marisleidys",
    "Sissi",
    "Iliana",
)
_ES_FAMILY = (
    "López",
    "Hernández",
    "García",
    "Martínez",
    "Rodríguez",
    "González",
    "Pérez",
    "Sánchez",
    "Ramírez",
    "Mendoza",
    "Castillo",
    "Fernández",
    "Díaz",
    "Acosta",
    "Cabrera",
    "Valdés",
    "Morales",
    "Núñez",
    "Téllez",
    "Obando",
)
_PH_GIVEN_M = ("Jose", "Ramon", "Roberto", "Rodel", "Eduardo", "Reynaldo", "Amado", "Ernesto")
_PH_GIVEN_F = (
    "Maria Cristina",
    "Liza",
    "Joy",
    "Jennifer",
    "Rowena",
    "Amihan",
    "Teresita",
    "Marites",
)
_PH_FAMILY = (
    "Santos",
    "Reyes",
    "Cruz",
    "Bautista",
    "dela Cruz",
    "Villanueva",
    "Ramos",
    "Mendoza",
    "Soriano",
    "Macaraeg",
    "Dimaculangan",
    "Pascual",
    "Salazar",
)
_PH_NICKNAMES = ("Jun", "Bong", "Dodong", "Inday", "Ging", "Toto", "Nene")


def _tr_name(rng: random.Random, female: bool) -> PersonName:
    display = f"{rng.choice(_TR_GIVEN_F if female else _TR_GIVEN_M)} {rng.choice(_TR_FAMILY)}"
    return PersonName(
        display, "", _dedupe(display, "", [Alias(anyascii(display), "Latn", "tr", "alias")])
    )


def _az_name(rng: random.Random, female: bool) -> PersonName:
    given = _pick(rng, _AZ_GIVEN_F if female else _AZ_GIVEN_M)
    family = _pick(rng, _AZ_FAMILY)
    suffix_lat, suffix_cyr = ("a", "а") if female else ("", "")
    display = f"{given[0]} {family[0]}{suffix_lat}"
    aliases = [
        Alias(anyascii(display).replace("Memmed", "Mammad"), "Latn", "az", "alias"),
        Alias(f"{given[1]} {family[1]}{suffix_cyr}", "Cyrl", "ru", "alias"),
        Alias(
            anyascii(f"{given[1]} {family[1]}{suffix_cyr}"), "Latn", "ru-Latn", "transliteration"
        ),
    ]
    return PersonName(display, "", _dedupe(display, "", aliases))


def _spanish_name(
    given_m: Sequence[str], given_f: Sequence[str]
) -> Callable[[random.Random, bool], PersonName]:
    def make(rng: random.Random, female: bool) -> PersonName:
        given = rng.choice(given_f if female else given_m)
        first, second = rng.sample(_ES_FAMILY, 2)
        display = f"{given} {first} {second}"
        aliases = [
            Alias(f"{given} {first}", "Latn", "es", "alias"),
            Alias(anyascii(display), "Latn", "es", "alias"),
        ]
        return PersonName(display, "", _dedupe(display, "", aliases))

    return make


def _ph_name(rng: random.Random, female: bool) -> PersonName:
    given = rng.choice(_PH_GIVEN_F if female else _PH_GIVEN_M)
    family = rng.choice(_PH_FAMILY)
    display = f"{given} {family}"
    aliases = [Alias(f'"{rng.choice(_PH_NICKNAMES)}" {family}', "Latn", "fil", "pen_name")]
    return PersonName(display, "", _dedupe(display, "", aliases))


# --- India (Devanagari), Myanmar (Burmese script), Thailand (Thai script) -----------------------
_IN_GIVEN_M: tuple[Piece, ...] = (
    ("राजेश", "Rajesh"),
    ("अमित", "Amit"),
    ("रवि", "Ravi", "Ravee"),
    ("दीपक", "Deepak", "Dipak"),
    ("सुरेश", "Suresh"),
    ("आनंद", "Anand"),
    ("विनोद", "Vinod"),
    ("महेश", "Mahesh"),
)
_IN_GIVEN_F: tuple[Piece, ...] = (
    ("सुनीता", "Sunita", "Suneeta"),
    ("प्रिया", "Priya", "Preeya"),
    ("अनीता", "Anita", "Aneeta"),
    ("मीना", "Meena", "Mina"),
    ("कविता", "Kavita", "Kavitha"),
    ("सीमा", "Seema", "Sima"),
)
_IN_FAMILY: tuple[Piece, ...] = (
    ("कुमार", "Kumar"),
    ("शर्मा", "Sharma"),
    ("वर्मा", "Verma", "Varma"),
    ("सिंह", "Singh"),
    ("यादव", "Yadav", "Yadava"),
    ("गुप्ता", "Gupta"),
    ("पटेल", "Patel"),
    ("मुंडा", "Munda"),
    ("तिर्की", "Tirkey", "Tirki"),
    ("अंसारी", "Ansari"),
)
# Burmese: (script, romanisation); names are two or three syllables, no surname.
_MM_SYLLABLES_M: tuple[Piece, ...] = (
    ("အောင်", "Aung"),
    ("ကျော်", "Kyaw"),
    ("မင်း", "Min"),
    ("ဇော်", "Zaw"),
    ("ဝင်း", "Win"),
    ("ထွန်း", "Tun", "Htun"),
    ("စိုး", "Soe"),
    ("မြင့်", "Myint"),
    ("နိုင်", "Naing"),
    ("ဖြိုး", "Phyo"),
)
_MM_SYLLABLES_F: tuple[Piece, ...] = (
    ("ခင်", "Khin"),
    ("လှ", "Hla"),
    ("မြ", "Mya"),
    ("နု", "Nu"),
    ("သူ", "Thu"),
    ("ဆွေ", "Swe"),
    ("မြတ်", "Myat"),
    ("နွယ်", "Nwe"),
    ("ချို", "Cho", "Chou"),
    ("စန္ဒာ", "Sandar"),
)
_TH_GIVEN_M: tuple[Piece, ...] = (
    ("สมชาย", "Somchai", "Somchay"),
    ("สมศักดิ์", "Somsak", "Somsakdi"),
    ("ณัฐพล", "Nattaphon", "Nattapol"),
    ("ธนพล", "Thanaphon", "Tanapol"),
    ("กิตติ", "Kitti", "Kitty"),
    ("อานนท์", "Arnon", "Anon"),
)
_TH_GIVEN_F: tuple[Piece, ...] = (
    ("สุภาพร", "Suphaporn", "Supaporn"),
    ("วรรณา", "Wanna", "Wanaa"),
    ("อรุณี", "Arunee", "Aruni"),
    ("พรทิพย์", "Phonthip", "Porntip"),
    ("ปนัดดา", "Panadda", "Panada"),
)
_TH_FAMILY: tuple[Piece, ...] = (
    ("ศรีสุข", "Srisuk", "Sisuk"),
    ("วงศ์ใหญ่", "Wongyai", "Wongyay"),
    ("แก้วมณี", "Kaewmanee", "Kaeomani"),
    ("บุญมา", "Boonma", "Bunma"),
    ("ทองดี", "Thongdee", "Tongdee"),
    ("สุขสวัสดิ์", "Suksawat", "Suksawasdi"),
)


def _latin_with_original(
    given_m: Sequence[Piece],
    given_f: Sequence[Piece],
    family: Sequence[Piece],
    script: str,
    language: str,
) -> Callable[[random.Random, bool], PersonName]:
    def make(rng: random.Random, female: bool) -> PersonName:
        pieces = [_pick(rng, given_f if female else given_m), _pick(rng, family)]
        original = " ".join(p[0] for p in pieces)
        display = " ".join(p[1] for p in pieces)
        aliases = [
            Alias(original, script, language, "original_script"),
            Alias(" ".join(_alt(p) for p in pieces), "Latn", language, "transliteration"),
        ]
        return PersonName(display, original, _dedupe(display, original, aliases))

    return make


def _mm_name(rng: random.Random, female: bool) -> PersonName:
    pool = _MM_SYLLABLES_F if female else _MM_SYLLABLES_M
    pieces = [_pick(rng, pool) for _ in range(rng.choice((2, 2, 3)))]
    original = "".join(p[0] for p in pieces)
    display = " ".join(p[1] for p in pieces)
    honorific = "Daw" if female else "U"
    aliases = [
        Alias(original, "Mymr", "my", "original_script"),
        Alias(f"{honorific} {display}", "Latn", "my-Latn", "alias"),
        Alias(" ".join(_alt(p) for p in pieces), "Latn", "my-Latn", "transliteration"),
    ]
    return PersonName(display, original, _dedupe(display, original, aliases))


NAME_MAKERS: dict[str, Callable[[random.Random, bool], PersonName]] = {
    "CN": _cn_name,
    "HK": _hk_name,
    "VN": _vn_name,
    "EG": _arabic_script_name(_EG_GIVEN_M, _EG_GIVEN_F, _EG_FAMILY, "ar", with_father=True),
    "SA": _arabic_script_name(_SA_GIVEN_M, _SA_GIVEN_F, _SA_FAMILY, "ar", with_father=True),
    "BH": _arabic_script_name(_BH_GIVEN_M, _BH_GIVEN_F, _BH_FAMILY, "ar", with_father=False),
    "IR": _arabic_script_name(_IR_GIVEN_M, _IR_GIVEN_F, _IR_FAMILY, "fa", with_father=False),
    "RU": _ru_name,
    "BY": _by_name,
    "TR": _tr_name,
    "AZ": _az_name,
    "NI": _spanish_name(_ES_GIVEN_M, _ES_GIVEN_F),
    "CU": _spanish_name(_CU_GIVEN_M, _CU_GIVEN_F),
    "PH": _ph_name,
    "IN": _latin_with_original(_IN_GIVEN_M, _IN_GIVEN_F, _IN_FAMILY, "Deva", "hi"),
    "MM": _mm_name,
    "TH": _latin_with_original(_TH_GIVEN_M, _TH_GIVEN_F, _TH_FAMILY, "Thai", "th"),
}


def person_name(country: str, rng: random.Random, female: bool) -> PersonName:
    """A fictional person's names as written in ``country``."""
    return NAME_MAKERS[country](rng, female)
