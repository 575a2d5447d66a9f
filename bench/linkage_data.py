"""Synthetic reports of detained defenders with gold clusters, for measuring ``hrdwatch link``.

Realistic in the ways that make linkage hard: the same person reported by several organisations
in different scripts (Chinese simplified/traditional, Arabic, Persian, Cyrillic in Belarusian,
Ukrainian or Russian spelling), name order (family first or last), dropped diacritics, loose and
competing transliterations, Cantonese romanisation, typos, missing and slightly wrong fields; and
hard negatives: crackdowns (people arrested together share date, country and place), siblings,
a father and son, co-defendants whose family and given names are the same syllables the other way
round (Li Wei and Wei Li), many distinct people with the same common name, and people arrested twice.

    python bench/linkage_data.py --records 10000 --out /tmp/records.csv --gold /tmp/gold.csv
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, product
from pathlib import Path
from typing import Any

from opencc import OpenCC
from pypinyin import lazy_pinyin

from hrdwatch.linkage.inputs import INPUT_COLUMNS

FIELDS = list(INPUT_COLUMNS)  # the columns `hrdwatch link` reads
ORGS = [f"org-{i:02d}" for i in range(25)]
ROLES = [
    "lawyer",
    "journalist",
    "activist",
    "blogger",
    "trade_unionist",
    "academic",
    "religious_leader",
    "student",
    "environmentalist",
    "writer",
]

# --- Chinese ------------------------------------------------------------------------------------
ZH_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
ZH_WEIGHTS = [7.2, 7.1, 6.8, 5.4, 4.5, 3.1, 2.2, 2.1, 2.0, 1.9] + [1.0] * (len(ZH_SURNAMES) - 10)
ZH_GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志文宇峰晓波全璋辉东红玉兰凤云龙海燕成德亮林"
    "春秋冬雪梅松柏青山川江河湖波涛浩然博学思远宏伟嘉怡欣悦晨曦朝阳光耀振兴家庆安宁和平正义仁智勇信"
    "忠孝廉洁美丽慧颖聪睿哲彬斌彪豪杰俊逸飞翔鹏程锦绣金银铭鑫鸿运永昌盛世祥瑞福禄寿喜乐康健宝珠琳琪瑶"
)
CANTONESE = {
    "黄": "Wong",
    "陈": "Chan",
    "张": "Cheung",
    "李": "Lee",
    "吴": "Ng",
    "刘": "Lau",
    "梁": "Leung",
    "何": "Ho",
    "谢": "Tse",
    "叶": "Yip",
    "郭": "Kwok",
    "林": "Lam",
    "曾": "Tsang",
    "周": "Chow",
    "罗": "Law",
    "郑": "Cheng",
    "冯": "Fung",
    "杨": "Yeung",
    "蔡": "Choi",
    "王": "Wong",
}

# --- Vietnamese -----------------------------------------------------------------------------------
VI_FAMILY = (
    ["Nguyễn"] * 12
    + ["Trần"] * 4
    + ["Lê"] * 3
    + [
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
    ]
)
VI_MIDDLE = {
    "m": ["Văn"] * 5 + ["Đức", "Hữu", "Minh", "Quang", "Công", "Thanh"],
    "f": ["Thị"] * 5 + ["Ngọc", "Thu", "Kim", "Thanh"],
}
VI_GIVEN = {
    "m": [
        "Đài",
        "Hùng",
        "Dũng",
        "Tuấn",
        "Cường",
        "Hải",
        "Long",
        "Quang",
        "Sơn",
        "Thắng",
        "Bình",
        "Đạt",
        "Khoa",
        "Lợi",
        "Nam",
        "Phúc",
        "Tâm",
        "Trung",
        "Vinh",
        "Huy",
        "Kiên",
        "Thức",
        "Nhân",
        "Định",
        "Chiến",
        "Hiếu",
        "Hưng",
        "Khải",
        "Lâm",
        "Mạnh",
        "Nghĩa",
        "Phong",
        "Quý",
        "Tài",
        "Thịnh",
        "Toàn",
        "Việt",
        "Xuân",
        "Ánh",
        "Bảo",
    ],
    "f": [
        "Hương",
        "Lan",
        "Hạnh",
        "Mai",
        "Linh",
        "Trang",
        "Thảo",
        "Nga",
        "Hà",
        "Phương",
        "Yến",
        "Dung",
        "Quỳnh",
        "Vân",
        "Chi",
        "Huyền",
        "Thủy",
        "Loan",
        "Oanh",
        "Nhung",
        "Diệp",
        "Giang",
        "Hằng",
        "Khánh",
        "Liên",
        "My",
        "Nhàn",
        "Thư",
        "Uyên",
        "Xuyến",
    ],
}

# --- Arabic / Persian: (Arabic script, Latin spellings) -------------------------------------------
AR_GIVEN = {
    "m": [
        ("محمد", ["Mohammed", "Muhammad", "Mohamed", "Mohammad"]),
        ("أحمد", ["Ahmed", "Ahmad"]),
        ("يوسف", ["Yusuf", "Youssef", "Yousef"]),
        ("عمر", ["Omar", "Umar"]),
        ("علي", ["Ali"]),
        ("حسن", ["Hassan", "Hasan"]),
        ("حسين", ["Hussein", "Husain"]),
        ("خالد", ["Khaled", "Khalid"]),
        ("محمود", ["Mahmoud", "Mahmud"]),
        ("مصطفى", ["Mustafa", "Mostafa"]),
        ("إبراهيم", ["Ibrahim"]),
        ("علاء", ["Alaa", "Ala'a"]),
        ("عبد الله", ["Abdullah", "Abdallah", "Abd Allah"]),
        ("عبد الرحمن", ["Abdel Rahman", "Abdulrahman", "Abd al-Rahman"]),
        ("سعيد", ["Said", "Saeed"]),
        ("كريم", ["Karim", "Kareem"]),
        ("طارق", ["Tarek", "Tariq"]),
        ("ناصر", ["Nasser", "Nasir"]),
        ("زياد", ["Ziad", "Ziyad"]),
        ("هشام", ["Hisham", "Hesham"]),
        ("وليد", ["Walid", "Waleed"]),
        ("أيمن", ["Ayman", "Aymen"]),
        ("باسل", ["Basel", "Basil"]),
        ("جمال", ["Gamal", "Jamal"]),
        ("حمزة", ["Hamza", "Hamzah"]),
        ("رامي", ["Rami", "Ramy"]),
        ("سامر", ["Samer", "Samir"]),
        ("عماد", ["Emad", "Imad"]),
        ("فادي", ["Fadi", "Fady"]),
        ("ماجد", ["Majed", "Majid"]),
        ("نبيل", ["Nabil", "Nabeel"]),
        ("ياسر", ["Yasser", "Yasir"]),
        ("شريف", ["Sherif", "Sharif"]),
    ],
    "f": [
        ("سارة", ["Sara", "Sarah"]),
        ("فاطمة", ["Fatima", "Fatma"]),
        ("عائشة", ["Aisha", "Aicha"]),
        ("منى", ["Mona", "Muna"]),
        ("نور", ["Nour", "Noor"]),
        ("ليلى", ["Layla", "Leila"]),
        ("زينب", ["Zainab", "Zeinab"]),
        ("إسراء", ["Esraa", "Israa"]),
        ("مريم", ["Maryam", "Mariam"]),
        ("هدى", ["Hoda", "Huda"]),
        ("أمل", ["Amal"]),
        ("رشا", ["Rasha"]),
        ("سلمى", ["Salma", "Selma"]),
        ("دعاء", ["Doaa", "Du'a"]),
        ("غادة", ["Ghada"]),
        ("هند", ["Hind"]),
        ("رحاب", ["Rehab", "Rihab"]),
    ],
}
AR_FAMILY = [
    ("عبد الفتاح", ["Abd El-Fattah", "Abdel Fattah", "Abd al-Fattah"]),
    ("الخواجة", ["Al-Khawaja", "Alkhawaja", "al-Khawaja"]),
    ("منصور", ["Mansour", "Mansoor"]),
    ("حمدان", ["Hamdan"]),
    ("صالح", ["Saleh", "Salih"]),
    ("النجار", ["El-Naggar", "Al-Najjar"]),
    ("الشريف", ["El-Sherif", "Al-Sharif"]),
    ("عثمان", ["Osman", "Othman"]),
    ("القحطاني", ["Al-Qahtani", "Al-Kahtani"]),
    ("البنا", ["El-Banna", "Al-Banna"]),
    ("حجازي", ["Hegazy", "Hijazi"]),
    ("سليمان", ["Soliman", "Suleiman"]),
    ("الهاشمي", ["Al-Hashemi", "El-Hashemy"]),
    ("درويش", ["Darwish", "Darwich"]),
    ("العمري", ["Al-Omari", "El-Omary"]),
    ("الزهراني", ["Al-Zahrani"]),
    ("الحربي", ["Al-Harbi"]),
    ("السيد", ["El-Sayed", "Al-Sayyid"]),
    ("عبد الحميد", ["Abdel Hamid", "Abd al-Hamid"]),
    ("مرسي", ["Morsi", "Mursi"]),
    ("فرج", ["Farag", "Faraj"]),
    ("رمضان", ["Ramadan", "Ramadhan"]),
    ("الشامي", ["El-Shamy", "Al-Shami"]),
    ("قاسم", ["Kassem", "Qasim"]),
    ("يونس", ["Younes", "Yunus"]),
    ("الدوسري", ["Al-Dosari", "Al-Dossary"]),
    ("بدوي", ["Badawi", "Badawy"]),
    ("زكي", ["Zaki", "Zaky"]),
    ("الرشيد", ["Al-Rashid", "El-Rashid"]),
    ("جمال", ["Gamal", "Jamal"]),
    ("فتحي", ["Fathy", "Fathi"]),
]
FA_GIVEN = [
    ("نرگس", ["Narges"]),
    ("نسرین", ["Nasrin"]),
    ("سپیده", ["Sepideh"]),
    ("رضا", ["Reza"]),
    ("مهدی", ["Mehdi", "Mahdi"]),
    ("آرش", ["Arash"]),
    ("کیوان", ["Keyvan", "Kayvan"]),
    ("بهروز", ["Behrouz", "Behruz"]),
    ("فرهاد", ["Farhad"]),
    ("شیرین", ["Shirin"]),
    ("نیلوفر", ["Niloufar", "Nilufar"]),
    ("امیر", ["Amir"]),
    ("سامان", ["Saman"]),
    ("پریسا", ["Parisa"]),
    ("حمید", ["Hamid"]),
    ("مریم", ["Maryam"]),
    ("فاطمه", ["Fatemeh", "Fatemah"]),
    ("زهرا", ["Zahra"]),
    ("لیلا", ["Leila", "Layla"]),
    ("آتنا", ["Atena", "Atena"]),
    ("گلرخ", ["Golrokh"]),
    ("محمدرضا", ["Mohammadreza", "Mohammad-Reza"]),
    ("علیرضا", ["Alireza"]),
    ("حسین", ["Hossein", "Hosein"]),
    ("مجید", ["Majid"]),
    ("سعید", ["Saeed", "Said"]),
    ("بهاره", ["Bahareh"]),
    ("نازنین", ["Nazanin"]),
    ("کامران", ["Kamran"]),
    ("جعفر", ["Jafar", "Jaafar"]),
    ("توماج", ["Toomaj", "Tomaj"]),
    ("نوید", ["Navid"]),
    ("اسماعیل", ["Esmail", "Ismail"]),
]
FA_FAMILY = [
    ("محمدی", ["Mohammadi", "Mohamadi"]),
    ("ستوده", ["Sotoudeh", "Sotoodeh"]),
    ("قلیان", ["Gholian", "Qolian"]),
    ("صادقی", ["Sadeghi", "Sadeqi"]),
    ("رحیمی", ["Rahimi"]),
    ("کریمی", ["Karimi"]),
    ("حسینی", ["Hosseini", "Husseini"]),
    ("جعفری", ["Jafari", "Jaafari"]),
    ("نوری", ["Nouri", "Noori"]),
    ("باقری", ["Bagheri", "Baqeri"]),
    ("تهرانی", ["Tehrani"]),
    ("احمدی", ["Ahmadi"]),
    ("رضایی", ["Rezaei", "Rezaee"]),
    ("موسوی", ["Mousavi", "Musavi"]),
    ("اکبری", ["Akbari"]),
    ("قاسمی", ["Ghasemi", "Qasemi"]),
    ("عباسی", ["Abbasi"]),
    ("صالحی", ["Salehi"]),
    ("نصیری", ["Nasiri"]),
    ("یزدانی", ["Yazdani"]),
    ("افشاری", ["Afshari"]),
    ("زمانی", ["Zamani"]),
    ("سلطانی", ["Soltani"]),
    ("عراقی", ["Araghi", "Araqi"]),
    ("شریفی", ["Sharifi"]),
    ("کاظمی", ["Kazemi"]),
    ("نجفی", ["Najafi"]),
    ("دانشور", ["Daneshvar"]),
    ("فرهادی", ["Farhadi"]),
    ("صلواتی", ["Salavati"]),
]

# --- Cyrillic: (Belarusian, Russian spelling) of given and family names ----------------------------
CY_GIVEN = {
    "m": [
        ("Алесь", "Алесь"),
        ("Мікола", "Николай"),
        ("Сяргей", "Сергей"),
        ("Дзмітрый", "Дмитрий"),
        ("Уладзімір", "Владимир"),
        ("Аляксандр", "Александр"),
        ("Павел", "Павел"),
        ("Юрый", "Юрий"),
        ("Андрэй", "Андрей"),
        ("Ігар", "Игорь"),
        ("Віктар", "Виктор"),
        ("Максім", "Максим"),
        ("Раман", "Роман"),
        ("Зміцер", "Дмитрий"),
        ("Васіль", "Василий"),
        ("Леанід", "Леонид"),
        ("Уладзіслаў", "Владислав"),
        ("Яўген", "Евгений"),
    ],
    "f": [
        ("Марыя", "Мария"),
        ("Вольга", "Ольга"),
        ("Наталля", "Наталья"),
        ("Святлана", "Светлана"),
        ("Ганна", "Анна"),
        ("Алена", "Елена"),
        ("Ірына", "Ирина"),
        ("Таццяна", "Татьяна"),
        ("Кацярына", "Екатерина"),
        ("Людміла", "Людмила"),
        ("Ксенія", "Ксения"),
        ("Дар'я", "Дарья"),
    ],
}
CY_STEMS = [
    ("Мар", "Мар"),
    ("Пятр", "Петр"),
    ("Сав", "Сав"),
    ("Гал", "Гал"),
    ("Кур", "Кур"),
    ("Бар", "Бар"),
    ("Дуд", "Дуд"),
    ("Лук", "Лук"),
    ("Мак", "Мак"),
    ("Рад", "Рад"),
    ("Шум", "Шум"),
    ("Зуб", "Зуб"),
    ("Крав", "Крав"),
    ("Гар", "Гор"),
    ("Ваш", "Ваш"),
    ("Тар", "Тар"),
    ("Дан", "Дан"),
    ("Саф", "Саф"),
]
CY_SUFFIXES = [
    ("кевіч", "кевич"),
    ("енка", "енко"),
    ("ук", "ук"),
    ("овіч", "ович"),
    ("ін", "ин"),
    ("скі", "ский"),
]
CY_FAMILY = [(a + x, b + y) for a, b in CY_STEMS for x, y in CY_SUFFIXES] + [
    ("Бяляцкі", "Беляцкий"),
    ("Статкевіч", "Статкевич"),
    ("Лабковіч", "Лобкович"),
    ("Калеснікава", "Колесникова"),
    ("Пратасевіч", "Протасевич"),
    ("Бабарыка", "Бабарико"),
    ("Знак", "Знак"),
    ("Жукоўскі", "Жуковский"),
    ("Шаблоўскі", "Шабловский"),
    ("Каваленка", "Коваленко"),
    ("Шаўчук", "Шевчук"),
    ("Мельнік", "Мельник"),
    ("Ткачук", "Ткачук"),
    ("Бондар", "Бондарь"),
    ("Лосік", "Лосик"),
    ("Біляцкі", "Биляцкий"),
    ("Хасіева", "Хасиева"),
    ("Новік", "Новик"),
    ("Сапега", "Сапега"),
    ("Дашкевіч", "Дашкевич"),
    ("Маразевіч", "Моразевич"),
    ("Курыла", "Курило"),
]
CY_LATIN = [  # competing romanisations, each a table of letter -> Latin
    {
        "я": "ia",
        "ю": "iu",
        "е": "ie",
        "й": "i",
        "х": "kh",
        "ц": "ts",
        "ы": "y",
        "ў": "w",
        "г": "h",
        "і": "i",
        "ж": "zh",
        "ш": "sh",
        "ч": "ch",
        "ь": "",
        "э": "e",
        "ё": "io",
        "щ": "shch",
        "и": "i",
    },
    {
        "я": "ya",
        "ю": "yu",
        "е": "e",
        "й": "y",
        "х": "kh",
        "ц": "ts",
        "ы": "y",
        "ў": "u",
        "г": "g",
        "і": "i",
        "ж": "zh",
        "ш": "sh",
        "ч": "ch",
        "ь": "",
        "э": "e",
        "ё": "yo",
        "щ": "shch",
        "и": "i",
    },
    {
        "я": "ja",
        "ю": "ju",
        "е": "e",
        "й": "j",
        "х": "ch",
        "ц": "c",
        "ы": "y",
        "ў": "w",
        "г": "h",
        "і": "i",
        "ж": "z",
        "ш": "s",
        "ч": "c",
        "ь": "",
        "э": "e",
        "ё": "jo",
        "щ": "sc",
        "и": "i",
    },
]
CY_BASIC = dict(zip("абвдзклмнопрстуф", "abvdzklmnoprstuf", strict=True))

# --- Latin America / Europe ---------------------------------------------------------------------
ES_GIVEN = {
    "m": [
        "José",
        "Juan",
        "Luis",
        "Carlos",
        "Jorge",
        "Andrés",
        "Héctor",
        "Raúl",
        "Julián",
        "Félix",
        "Óscar",
        "Ramón",
        "Sergio",
        "Tomás",
        "Víctor",
        "Hugo",
        "Iván",
        "Joaquín",
        "Mauricio",
        "Rubén",
        "Esteban",
        "Gustavo",
        "Lázaro",
        "Medardo",
        "Rolando",
        "Yunior",
        "Efraín",
        "Braulio",
        "Alejandro",
        "Daniel",
        "Diego",
        "Eduardo",
        "Fernando",
        "Francisco",
        "Gabriel",
        "Guillermo",
        "Ignacio",
        "Javier",
        "Manuel",
        "Martín",
        "Miguel",
        "Nicolás",
        "Pablo",
        "Ricardo",
        "Roberto",
    ],
    "f": [
        "María",
        "Ana",
        "Lucía",
        "Sofía",
        "Valentina",
        "Inés",
        "Mónica",
        "Nohemí",
        "Tamara",
        "Berta",
        "Yoani",
        "Rosa",
        "Carmen",
        "Lorena",
        "Dulce",
        "Yesenia",
        "Brenda",
        "Marisol",
        "Xiomara",
        "Leticia",
        "Rocío",
        "Gladys",
        "Aurora",
        "Adriana",
        "Beatriz",
        "Claudia",
        "Daniela",
        "Elena",
        "Fernanda",
        "Gabriela",
        "Isabel",
        "Julia",
        "Laura",
        "Marta",
        "Natalia",
        "Patricia",
        "Paula",
    ],
}
ES_FAMILY = [
    "García",
    "Martínez",
    "López",
    "González",
    "Rodríguez",
    "Pérez",
    "Sánchez",
    "Ramírez",
    "Torres",
    "Flores",
    "Rivera",
    "Gómez",
    "Díaz",
    "Hernández",
    "Muñoz",
    "Álvarez",
    "Jiménez",
    "Castillo",
    "Ortega",
    "Chamorro",
    "Soler",
    "Ferrer",
    "Núñez",
    "Quiñónez",
    "Zelaya",
    "Aguilar",
    "Mendoza",
    "Rojas",
    "Vargas",
    "Cruz",
    "Morales",
    "Ortiz",
    "Gutiérrez",
    "Chávez",
    "Ramos",
    "Herrera",
    "Medina",
    "Castro",
    "Vázquez",
    "Romero",
    "Suárez",
    "Molina",
    "Delgado",
    "Peña",
    "Cabrera",
    "Acosta",
    "Benítez",
    "Cardozo",
    "Escobar",
    "Fuentes",
    "Guerrero",
    "Ibarra",
    "Lara",
    "Maldonado",
    "Navarro",
    "Ochoa",
    "Paredes",
    "Quintero",
    "Salazar",
    "Trujillo",
    "Urbina",
    "Valdés",
    "Zamora",
]

# --- Long tails ------------------------------------------------------------------------------------
# Real name frequencies are long-tailed: a few names are very common (Wang, Nguyen, Mohammed) and
# most are rare. Every pool is drawn with Zipf weights (the k-th name 1/k^s as likely as the first),
# and generated names extend the short hand-written lists into that tail. s is 1 unless a national
# register says how common the first name is (``TOP_SHARES``): with s = 1 the first of a few hundred
# names is borne by one person in six, and 3.9% of the Iranians were Narges Mohammadi.
ZH_SURNAMES_MORE = (
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕"
)
# Characters of given names beyond the common ones: the CJK Unified Ideographs pypinyin can read.
ZH_RARE_GIVEN = [chr(c) for c in range(0x4E00, 0x9FA6)]
ZH_RARE_SHARE = 0.12  # share of given-name characters drawn from the rare tail
# Share of Chinese names with a one-character given name: two-character names are 14.0% of the
# registered population (Ministry of Public Security, report on names of 2019).
ZH_ONE_CHARACTER_GIVEN = 0.14
# Share of the first (most common) name of a pool, from national registers:
TOP_SHARES = {
    # Zhang Wei (张伟) is borne by 294,282 of 1.4 billion people, 0.021% (MPS 2019): with Zhang at
    # 6.8%, one-character given names at 14% and 12% of characters from the rare tail, 伟 is 2.5%.
    "zh_given": 0.025,
    # Mohammadi, the commonest Iranian family name: 960,505 people (National Organization for Civil
    # Registration), 1.1% of about 86 million.
    "fa_family": 0.011,
    # Trang and Tuấn, the commonest Vietnamese given names in a sample of 207,000 registered names of
    # people born 1991-2002 in Đắk Lắk (hoten.org, DKL01): 4.2% of women's and 2.7% of men's names.
    "vi_given_f": 0.042,
    "vi_given_m": 0.027,
    # Elena, the commonest Soviet girls' name, was given to 6% of the girls born in and around Moscow
    # in the mid-1960s; Ivan to 92 in 1,000 boys at its peak in the 1940s. (Twelve and eighteen
    # names cannot go below 8.3% and 5.6%: drawn uniformly, the female pool is 8.3%.)
    "cy_given_f": 0.06,
    "cy_given_m": 0.092,
    # Smirnov, the commonest Russian family name, is borne by about 1.8% of Russians.
    "cy_family": 0.018,
    # García: 33 in 1,000 people in Spain (INE, population register).
    "es_family": 0.033,
}
VI_GIVEN_SECOND = ["Minh", "Ngọc", "Thanh", "Hoàng", "Quốc", "Anh", "Như", "Bảo", "Thu", "Kim"]
FA_SUFFIXES = [
    ("ی", ["i"]),
    ("پور", ["pour", "pur"]),
    ("زاده", ["zadeh"]),
    ("نژاد", ["nejad", "nezhad"]),
    ("فر", ["far"]),
]
CY_ONSETS = "БВГДКЛМНПРСТХШ"
CY_CODAS = "бвдклмнрстш"


def zipf(pool: list[Any], top_share: float | None = None) -> tuple[list[Any], list[float]]:
    """A pool and its cumulative Zipf weights, for ``rng.choices(pool, cum_weights=...)``; with
    ``top_share``, the exponent (at most 1) that gives the first name that share."""

    def weights(exponent: float) -> list[float]:
        return [1.0 / (rank + 1) ** exponent for rank in range(len(pool))]

    exponent = 1.0
    if top_share is not None:
        low, high = 0.0, 1.0
        for _ in range(50):  # the first name's share grows with the exponent
            exponent = (low + high) / 2
            low, high = (
                (exponent, high) if 1 / sum(weights(exponent)) < top_share else (low, exponent)
            )
    return pool, list(accumulate(weights(exponent)))


# Arabic consonants for made-up family names: (letter, Latin spellings); ج is g in Egypt, ق k or q.
AR_CONSONANTS = [
    ("ب", ["b"]),
    ("ت", ["t"]),
    ("ج", ["j", "g"]),
    ("ح", ["h"]),
    ("خ", ["kh"]),
    ("د", ["d"]),
    ("ر", ["r"]),
    ("ز", ["z"]),
    ("س", ["s"]),
    ("ش", ["sh"]),
    ("ف", ["f"]),
    ("ق", ["q", "k"]),
    ("ك", ["k"]),
    ("ل", ["l"]),
    ("م", ["m"]),
    ("ن", ["n"]),
    ("ه", ["h"]),
    ("ط", ["t"]),
]
# Word patterns of three root consonants: (script with 1 2 3 for the consonants, Latin spellings)
AR_PATTERNS = [
    ("1ا23", ["1a2i3", "1a2e3"]),  # Kamil / Kamel
    ("12ي3", ["1a2i3", "1a2ee3"]),  # Karim / Kareem
    ("12ا3", ["1a22a3", "1a2a3"]),  # Najjar / Najar
    ("ال12ا3ي", ["Al-1a22a3i", "El-1a22a3y"]),  # a nisba with the article: Al-Najjari
]


def arabic_family_names(rng: random.Random) -> list[tuple[str, list[str]]]:
    """The short list, then names made from three-consonant roots in the usual word patterns,
    in a fixed random order (so that the Zipf weights do not favour one letter)."""
    made = []
    for c1, c2, c3 in product(AR_CONSONANTS, repeat=3):
        if c1 == c2 or c2 == c3:
            continue
        for script, latin in AR_PATTERNS:
            written = script.replace("1", c1[0]).replace("2", c2[0]).replace("3", c3[0])
            spellings = [
                pattern.replace("1", a).replace("2", b).replace("3", c)
                for pattern in latin
                for a in c1[1][:1]
                for b in c2[1][:1]
                for c in c3[1][:1]
            ] + [latin[0].replace("1", c1[1][-1]).replace("2", c2[1][-1]).replace("3", c3[1][-1])]
            made.append(
                (
                    written,
                    [
                        "-".join(w.capitalize() for w in sp.split("-"))
                        for sp in dict.fromkeys(spellings)
                    ],
                )
            )
    rng.shuffle(made)
    return [*AR_FAMILY, *AR_GIVEN["m"], *made]


def persian_family_names() -> list[tuple[str, list[str]]]:
    """The short list, then names made the Persian way from a given name: Alizadeh, Rezapour."""
    made = []
    for suffix, endings in FA_SUFFIXES:
        for script, spellings in FA_GIVEN + AR_GIVEN["m"]:
            if " " in script or "-" in spellings[0]:
                continue
            latin = [
                s + ("e" + e if e == "i" and s[-1] in "aeiou" else e)
                for s in spellings
                for e in endings
            ]
            made.append((script + suffix, list(dict.fromkeys(latin))))
    return FA_FAMILY + made


def cyrillic_family_names() -> list[tuple[str, str]]:
    """The short list, then stems made of a syllable with each suffix: Belarusian spelling writes
    an unstressed о as а (Гарбуноў, Горбунов)."""
    made = []
    for onset in CY_ONSETS:
        for vowel in "оау":
            for coda in CY_CODAS:
                russian = onset + vowel + coda
                made.append((russian.replace("о", "а"), russian))
    return CY_FAMILY + [(be + x, ru + y) for be, ru in made for x, y in CY_SUFFIXES]


CULTURES = [("zh", 0.30), ("vi", 0.14), ("ar", 0.18), ("fa", 0.05), ("cy", 0.15), ("es", 0.18)]
COUNTRIES = {
    "zh": ["CN"] * 8 + ["HK"],
    "vi": ["VN"],
    "ar": ["EG", "BH", "SA", "SY", "MA"],
    "fa": ["IR"],
    "cy": ["BY"] * 3 + ["RU", "UA"],
    "es": ["NI", "VE", "CU", "CO", "MX", "GT"],
}


LAST_DATE = dt.date(2026, 6, 30)  # no report tells of an arrest still to come


@dataclass
class Person:
    pid: int
    culture: str
    gender: str
    country: str
    birth_year: int | None
    role: str
    name_parts: dict[str, Any]
    arrests: list[tuple[dt.date, str]] = field(default_factory=list)


def swapped(rng: random.Random, person: Person, pid: int) -> Person | None:
    """Another person whose family and given names are the first one's syllables the other way
    round (李伟 Li Wei and 魏丽 Wei Li): one Latin spelling, two people; or None if no such name."""
    surname, given = person.name_parts["surname"], person.name_parts["given"]
    surnames = [c for c in ZH_SURNAMES if lazy_pinyin(c) == lazy_pinyin(given)]
    givens = [c for c in ZH_GIVEN if lazy_pinyin(c) == lazy_pinyin(surname)]
    if len(given) != 1 or not surnames or not givens:
        return None
    other = make_person(rng, pid, "zh")
    other.name_parts = {"surname": rng.choice(surnames), "given": rng.choice(givens)}
    return other


@lru_cache(maxsize=1)
def _to_traditional() -> OpenCC:
    return OpenCC("s2t")


def traditional(han: str) -> str:
    return str(_to_traditional().convert(han))


def display_key(person: Person) -> str:
    """The name as usually shown (no father's name): namesakes by this key are hard to tell apart."""
    return str({k: v for k, v in person.name_parts.items() if k != "father"})


def strip_accents(text: str) -> str:
    return "".join(
        c
        for c in unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
        if not unicodedata.combining(c)
    )


def typo(rng: random.Random, word: str) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.random()
    if kind < 0.4:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind < 0.7:
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def romanise_cyrillic(rng: random.Random, text: str) -> str:
    table = rng.choice(CY_LATIN)
    out = "".join(table.get(c.lower(), CY_BASIC.get(c.lower(), c)) for c in text)
    out = out.replace("iy", rng.choice(["iy", "y", "i"])) if out.endswith("iy") else out
    return out[:1].upper() + out[1:]


POOLS: dict[str, tuple[list[Any], list[float]]] = {
    "zh_surname": (
        list(ZH_SURNAMES + "".join(c for c in ZH_SURNAMES_MORE if c not in ZH_SURNAMES)),
        list(
            accumulate([*ZH_WEIGHTS, *(0.8 / (k + 1) ** 0.5 for k in range(len(ZH_SURNAMES_MORE)))])
        ),
    ),
    "zh_given": zipf(list(dict.fromkeys(ZH_GIVEN)), TOP_SHARES["zh_given"]),
    "vi_given_m": zipf(VI_GIVEN["m"], TOP_SHARES["vi_given_m"]),
    "vi_given_f": zipf(VI_GIVEN["f"], TOP_SHARES["vi_given_f"]),
    "ar_given_m": zipf(AR_GIVEN["m"]),
    "ar_given_f": zipf(AR_GIVEN["f"]),
    # Egyptian and Gulf family names are often a grandfather's given name (Alaa Ahmed Seif)
    "ar_family": zipf(arabic_family_names(random.Random(0))),
    "fa_given": zipf(FA_GIVEN),
    "fa_family": zipf(persian_family_names(), TOP_SHARES["fa_family"]),
    "cy_given_m": zipf(CY_GIVEN["m"], TOP_SHARES["cy_given_m"]),
    "cy_given_f": zipf(CY_GIVEN["f"], TOP_SHARES["cy_given_f"]),
    "cy_family": zipf(cyrillic_family_names(), TOP_SHARES["cy_family"]),
    "es_given_m": zipf(ES_GIVEN["m"]),
    "es_given_f": zipf(ES_GIVEN["f"]),
    "es_family": zipf(ES_FAMILY, TOP_SHARES["es_family"]),
}


def pick(rng: random.Random, pool: str) -> Any:
    names, cumulative = POOLS[pool]
    return rng.choices(names, cum_weights=cumulative)[0]


def zh_given_character(rng: random.Random) -> str:
    return rng.choice(ZH_RARE_GIVEN) if rng.random() < ZH_RARE_SHARE else pick(rng, "zh_given")


def make_person(rng: random.Random, pid: int, culture: str) -> Person:
    gender = rng.choice("mf")
    parts: dict[str, Any] = {}
    if culture == "zh":
        surname = pick(rng, "zh_surname")
        length = 1 if rng.random() < ZH_ONE_CHARACTER_GIVEN else 2
        given = "".join(zh_given_character(rng) for _ in range(length))
        parts = {"surname": surname, "given": given}
    elif culture == "vi":
        given = pick(rng, f"vi_given_{gender}")
        middle = rng.choice(VI_MIDDLE[gender])
        second = rng.choice(VI_GIVEN_SECOND)
        if rng.random() < 0.3 and second not in (middle, given):  # two-syllable given name
            given = f"{second} {given}"
        parts = {"family": rng.choice(VI_FAMILY), "middle": middle, "given": given}
    elif culture == "ar":
        parts = {
            "given": pick(rng, f"ar_given_{gender}"),
            "father": pick(rng, "ar_given_m"),
            "family": pick(rng, "ar_family"),
        }
    elif culture == "fa":
        parts = {"given": pick(rng, "fa_given"), "family": pick(rng, "fa_family")}
    elif culture == "cy":
        parts = {"given": pick(rng, f"cy_given_{gender}"), "family": pick(rng, "cy_family")}
    else:
        first = pick(rng, "es_family")
        second = pick(rng, "es_family")
        while second == first:
            second = pick(rng, "es_family")
        parts = {"given": pick(rng, f"es_given_{gender}"), "family": [first, second]}
    return Person(
        pid,
        culture,
        gender,
        rng.choice(COUNTRIES[culture]),
        rng.randint(1950, 2000) if rng.random() < 0.9 else None,
        rng.choice(ROLES),
        parts,
    )


def render_name(rng: random.Random, person: Person) -> tuple[str, str]:
    """(Latin name as some organisation writes it, original script or '')."""
    p, c = person.name_parts, person.culture
    if c == "zh":
        surname, given = str(p["surname"]), str(p["given"])
        han = surname + given
        if rng.random() < 0.3:
            han = traditional(han)
        sur_latin = "".join(lazy_pinyin(surname)).capitalize()
        if person.country == "HK" and surname in CANTONESE and rng.random() < 0.6:
            sur_latin = CANTONESE[surname]
        syllables = lazy_pinyin(given)
        given_latin = rng.choice(
            ["".join(syllables), "-".join(syllables), "".join(syllables)]
        ).capitalize()
        latin = f"{sur_latin} {given_latin}" if rng.random() < 0.6 else f"{given_latin} {sur_latin}"
        return latin, han if rng.random() < 0.5 else ""
    if c == "vi":
        family, middle, given = str(p["family"]), str(p["middle"]), str(p["given"])
        tokens = [family, middle, given] if rng.random() < 0.85 else [family, given]
        if rng.random() < 0.25:
            tokens = tokens[::-1]
        name = " ".join(tokens)
        full = " ".join([family, middle, given])
        return (
            strip_accents(name) if rng.random() < 0.6 else name
        ), full if rng.random() < 0.2 else ""
    if c in {"ar", "fa"}:
        given, family = p["given"], p["family"]
        father = p.get("father")
        chosen = [given, father, family] if father and rng.random() < 0.3 else [given, family]
        latin = " ".join(rng.choice(part[1]) for part in chosen)
        script = " ".join(part[0] for part in [given, father, family] if part)
        return latin, script if rng.random() < 0.4 else ""
    if c == "cy":
        forenames, surnames = p["given"], p["family"]
        if person.gender == "f" and surnames[1].endswith(
            "ий"
        ):  # Бяляцкі / Беляцкий -> Бяляцкая / Беляцкая
            surnames = (surnames[0][:-1] + "ая", surnames[1][:-2] + "ая")
        lang = rng.choice([0, 1])  # 0 Belarusian spelling, 1 Russian spelling
        script = f"{forenames[lang]} {surnames[lang]}"
        latin = " ".join(romanise_cyrillic(rng, w) for w in script.split())
        if rng.random() < 0.2:
            latin = " ".join(latin.split()[::-1])
        return latin, script if rng.random() < 0.4 else ""
    families = list(p["family"])
    latin = " ".join([str(p["given"]), *(families if rng.random() < 0.6 else families[:1])])
    return (strip_accents(latin) if rng.random() < 0.3 else latin), ""


def maybe(rng: random.Random, value: str, keep: float) -> str:
    return value if rng.random() < keep else ""


def date_text(rng: random.Random, date: dt.date) -> str:
    if rng.random() < 0.05:
        date += dt.timedelta(days=rng.randint(-4, 4))
    r = rng.random()
    if r < 0.6:
        return date.isoformat()
    if r < 0.85:
        return date.strftime("%Y-%m")
    return str(date.year) if r < 0.95 else ""


def generate(count: int, seed: int = 1) -> tuple[list[dict[str, str]], dict[str, int]]:
    """``count`` records and the gold person of each record."""
    rng = random.Random(seed)
    cultures, weights = zip(*CULTURES, strict=True)
    people: list[Person] = []
    records: list[dict[str, str]] = []
    gold: dict[str, int] = {}
    places = {
        c: [f"{c} Detention Centre No. {i}" for i in range(1, 40)]
        for cs in COUNTRIES.values()
        for c in cs
    }
    while len(records) < count:
        culture = rng.choices(cultures, weights)[0]
        crackdown_size = rng.choice([1, 1, 1, 2, 3, 5, 8, 15])
        date = dt.date(2005, 1, 1) + dt.timedelta(days=rng.randint(0, 7000))
        first = make_person(rng, len(people), culture)
        place = rng.choice(places[first.country])
        group = [first]
        names_in_group = {display_key(first)}
        for _ in range(crackdown_size - 1):
            other = make_person(rng, len(people) + len(group), culture)
            if culture == "zh" and rng.random() < 0.15:  # a co-defendant with the syllables swapped
                other = swapped(rng, first, other.pid) or other
            other.country = first.country
            if rng.random() < 0.3:  # a sibling or a parent: same family name
                for key in ("surname", "family"):
                    if key in first.name_parts:
                        other.name_parts[key] = first.name_parts[key]
                if culture == "ar" and rng.random() < 0.5:  # father and son
                    other.name_parts["father"] = first.name_parts["given"]
                    other.gender = "m"
            if display_key(other) in names_in_group:  # namesakes arrested together are rare
                continue
            names_in_group.add(display_key(other))
            other.pid = len(people) + len(group)
            group.append(other)
        for person in group:
            person.arrests.append((date, place))
            later = date + dt.timedelta(days=rng.randint(200, 2500))
            if rng.random() < 0.1 and later <= LAST_DATE:  # arrested again later
                person.arrests.append((later, rng.choice(places[person.country])))
            people.append(person)
            reports = rng.choices([1, 2, 3, 4, 5], [45, 27, 15, 8, 5])[0]
            for _ in range(reports):
                arrest_date, arrest_place = rng.choice(person.arrests)
                latin, script = render_name(rng, person)
                if rng.random() < 0.05:
                    words = latin.split()
                    k = rng.randrange(len(words))
                    words[k] = typo(rng, words[k])
                    latin = " ".join(words)
                if script and rng.random() < 0.08:
                    latin, script = script, ""
                birth = person.birth_year
                if birth and rng.random() < 0.05:
                    birth += rng.choice([-1, 1])
                country = (
                    person.country
                    if rng.random() < 0.97
                    else rng.choice(sum(COUNTRIES.values(), []))
                )
                record_id = f"r{len(records):07d}"
                records.append(
                    {
                        "record_id": record_id,
                        "source_org": rng.choice(ORGS),
                        "name": latin,
                        "name_original_script": script,
                        "country": maybe(rng, country, 0.9),
                        "birth_year": maybe(rng, str(birth or ""), 0.5),
                        "gender": maybe(rng, person.gender, 0.7),
                        "role": maybe(rng, person.role, 0.6),
                        "arrest_date": date_text(rng, arrest_date),
                        "detention_place": maybe(rng, arrest_place, 0.4),
                    }
                )
                gold[record_id] = person.pid
    records = records[:count]
    rng.shuffle(records)
    return records, {r["record_id"]: gold[r["record_id"]] for r in records}


def write(records: list[dict[str, str]], gold: dict[str, int], out: Path, gold_out: Path) -> None:
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, FIELDS)
        writer.writeheader()
        writer.writerows(records)
    with gold_out.open("w", newline="", encoding="utf-8") as handle:
        gold_writer = csv.writer(handle)
        gold_writer.writerow(["record_id", "person_id"])
        gold_writer.writerows(gold.items())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--gold", type=Path, required=True)
    args = parser.parse_args()
    records, gold = generate(args.records, args.seed)
    write(records, gold, args.out, args.gold)
    print(f"{len(records)} records of {len(set(gold.values()))} people -> {args.out}, {args.gold}")


if __name__ == "__main__":
    main()
