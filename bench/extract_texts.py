"""Invented news paragraphs in each language the extractor reads, for ``bench/extract.py``
(invented people, places picked from lists; no real text)."""

from __future__ import annotations

import random

PARAGRAPHS: dict[str, list[str]] = {
    "en": [
        "A court in {city} on Tuesday sentenced journalist {a} to {n} years in prison on charges of "
        '"spreading false information", according to Rights Monitor. {a} had been held since March last year.',
        '"This verdict shows how little space is left," said {c}, a researcher at Rights Monitor.',
        "Police arrested lawyer {b} at home in {city} on {d} May {y}. The family has not been allowed to visit.",
    ],
    "fr": [
        "Le tribunal de {city} a condamné mardi le journaliste {a} à {n} ans de prison pour « diffusion "
        "de fausses nouvelles », selon l'Observatoire. Il était détenu depuis mars dernier.",
        "« Ce verdict est un message », a déclaré {c}, chercheur à l'Observatoire.",
        "La police a arrêté l'avocat {b} à son domicile de {city} le {d} mai {y}.",
    ],
    "es": [
        'Un tribunal de {city} condenó el martes al periodista {a} a {n} años de prisión por "difundir '
        'noticias falsas", según Defensores Unidos. Estaba detenido desde marzo del año pasado.',
        '"Este fallo es un mensaje", dijo {c}, investigador de la organización.',
        "La policía detuvo al abogado {b} en su casa de {city} el {d} de mayo de {y}.",
    ],
    "pt": [
        "Um tribunal de {city} condenou na terça-feira o jornalista {a} a {n} anos de prisão por "
        '"difamação", segundo a Rede de Direitos. Ele estava preso desde março do ano passado.',
        '"Esta sentença é um recado", disse {c}, pesquisador da organização.',
        "A polícia prendeu o advogado {b} em sua casa em {city} em {d} de maio de {y}.",
    ],
    "ru": [
        "Суд в городе {city} во вторник приговорил журналиста {ra} к {n} годам колонии по статье о "
        "«ложной информации», сообщили правозащитники.",
        "«Это сигнал всем», — заявил эксперт {rc}.",
        "Полиция задержала адвоката {rb} {d} мая {y} года в городе {city}.",
    ],
    "ar": [
        "أصدرت محكمة في {acity} يوم الثلاثاء حكما بالسجن {n} سنوات على الصحفي {aa} بتهمة نشر أخبار كاذبة، "
        "بحسب منظمة حقوقية.",
        "وقال الباحث {ac} إن الحكم رسالة إلى الجميع.",
        "واعتقلت الشرطة المحامي {ab} في منزله يوم {d} مايو {y}.",
    ],
    "tr": [
        '{city} mahkemesi salı günü gazeteci {a} hakkında "terör propagandası" suçlamasıyla {n} yıl '
        "hapis cezası verdi.",
        "Araştırmacı {c} kararın bir mesaj olduğunu söyledi.",
        "Avukat {b} {d} Mayıs {y} tarihinde {city} kentindeki evinde gözaltına alındı.",
    ],
    "vi": [
        'Tòa án {vcity} đã tuyên phạt nhà báo {va} {n} năm tù về tội "tuyên truyền chống nhà nước".',
        "Nhà nghiên cứu {vc} cho biết bản án là một thông điệp.",
        "Công an đã bắt giữ luật sư {vb} tại nhà riêng ngày {d} tháng 5 năm {y}.",
    ],
    "zh": [
        "{zcity}法院周二以“颠覆国家政权罪”判处维权律师{za}有期徒刑{n}年。",
        "研究员{zc}表示，这一判决是一个信号。",
        "{y}年5月{d}日，警方在{zcity}带走了公民记者{zb}，目前被关押在看守所。",
    ],
}
LANGUAGES = list(PARAGRAPHS)
NAMES = {
    "latin": [
        "Amina Wanjiru",
        "Jorge Quispe",
        "Karim Benali",
        "Lucia Herrera",
        "Ana Duarte",
        "Samir Haddad",
    ],
    "ru": ["Ивана Петрова", "Сергея Орлова", "Анну Белову", "Олега Карпова"],
    "ar": ["كريم منصور", "سامي الحسن", "ليلى عادل", "نادر سليم"],
    "vi": ["Trần Văn Khoa", "Lê Thị Mai", "Phạm Quốc Việt", "Ngô Văn Hải"],
    "zh": ["张建华", "李明", "王小梅", "刘国栋"],
}
CITIES = {
    "latin": ["Nairobi", "Lima", "Algiers", "Managua", "Istanbul", "Recife"],
    "ru": ["Казань", "Минск"],
    "ar": ["القاهرة", "تونس"],
    "vi": ["Hà Nội", "Nghệ An"],
    "zh": ["广州", "北京"],
}


def _values(rng: random.Random) -> dict[str, object]:
    pick = {key: rng.sample(names, 3) for key, names in NAMES.items()}
    values: dict[str, object] = {
        "n": rng.randint(2, 12),
        "d": rng.randint(1, 28),
        "y": rng.randint(2015, 2023),
        "city": rng.choice(CITIES["latin"]),
    }
    for prefix, key in (("", "latin"), ("r", "ru"), ("a", "ar"), ("v", "vi"), ("z", "zh")):
        values.update(
            {f"{prefix}a": pick[key][0], f"{prefix}b": pick[key][1], f"{prefix}c": pick[key][2]}
        )
    values.update(
        acity=rng.choice(CITIES["ar"]),
        vcity=rng.choice(CITIES["vi"]),
        zcity=rng.choice(CITIES["zh"]),
    )
    if rng.random() < 0.5:
        values["city"] = rng.choice(CITIES["ru"]) if rng.random() < 0.2 else values["city"]
    return values


def make_document(rng: random.Random, language: str, number: int) -> dict[str, str]:
    """One invented document of exactly 3,000 characters in ``language``."""
    parts: list[str] = []
    while sum(len(p) + 2 for p in parts) < 3000:
        parts.append(rng.choice(PARAGRAPHS[language]).format(**_values(rng)))
    return {
        "id": f"bench-{language}-{number}",
        "text": "\n\n".join(parts)[:3000],
        "published": "2024-02-15",
        "language": language,
    }
