"""Invented appeals and news items, one set per language (invented people and events, written for
these tests in the style of NGO appeals and the press; no real text).

Each language has an ``appeal`` (a list of co-defendants, a family name in capitals, a relative
date, a quoted official who is not a victim) and a ``quiet`` document that names nobody persecuted.
``expected`` gives the victims (any listed form may match), ``not_victims`` the people quoted or
acting, and ``dated``: (victim, event type, date) that must be resolved against 2024-03-14.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PUBLISHED = "2024-03-14"


@dataclass(frozen=True)
class Case:
    language: str
    appeal: str
    quiet: str
    expected: list[set[str]]
    not_victims: list[str]
    dated: list[tuple[str, str, str]] = field(default_factory=list)
    country: str = ""


CASES = [
    Case(
        "en",
        "Kenya: four land defenders detained in Nakuru\n\n"
        "Police in Nakuru last Tuesday arrested Messrs. Otieno KAMAU, Baraka Njoroge, Juma Wekesa "
        "and Ms. Akinyi ODHIAMBO during a peaceful meeting on land rights. The four were charged "
        'with "unlawful assembly" and remain in custody.\n\n'
        '"The arrests followed the law," said county commissioner Peter Mwangi. Rights Monitor '
        "called for their immediate release.",
        "Kenya: county opens new water plant\n\nCounty governor Samuel Kiprono opened a water plant "
        "on Monday, said engineer Grace Wanjiku, who leads the project.",
        [
            {"Otieno KAMAU", "Otieno Kamau"},
            {"Baraka Njoroge"},
            {"Juma Wekesa"},
            {"Akinyi ODHIAMBO"},
        ],
        ["Peter Mwangi"],
        [("Baraka Njoroge", "arrest", "2024-03-12")],
        "KE",
    ),
    Case(
        "fr",
        "Algérie : arrestation de trois militants à Tizi Ouzou\n\n"
        "L'Observatoire a été informé de l'arrestation, mardi dernier, de MM. Karim BELKACEM, "
        "Yacine Hamdi et de Mme Nadia OUALI, militants de la Ligue locale, à Tizi Ouzou. Ils ont été "
        "placés en garde à vue puis inculpés d'« atteinte à l'unité nationale ».\n\n"
        "« La procédure est régulière », a déclaré le procureur Ahmed Touati.",
        "Algérie : inauguration d'une bibliothèque\n\nLe maire Rachid Bensalem a inauguré une "
        "bibliothèque lundi, a indiqué l'architecte Samia Lounes.",
        [{"Karim BELKACEM"}, {"Yacine Hamdi"}, {"Nadia OUALI"}],
        ["Ahmed Touati"],
        [("Yacine Hamdi", "arrest", "2024-03-12")],
        "DZ",
    ),
    Case(
        "es",
        "Nicaragua: detienen a defensores comunitarios\n\n"
        "El jueves pasado, agentes de la Policía detuvieron a los Sres. Ernesto LÓPEZ ARAGÓN, "
        "Mauricio Pérez Sandino y a la Sra. Lucía Martínez Obando, defensores comunitarios de "
        'Matagalpa. Fueron acusados de "propagación de noticias falsas".\n\n'
        '"Se actuó conforme a la ley", dijo el fiscal Roberto Castillo.',
        "Nicaragua: inauguran un puente\n\nEl alcalde Julio Mendoza inauguró un puente el lunes, "
        "según la ingeniera Carmen Ruiz.",
        [{"Ernesto LÓPEZ ARAGÓN"}, {"Mauricio Pérez Sandino"}, {"Lucía Martínez Obando"}],
        ["Roberto Castillo"],
        [("Mauricio Pérez Sandino", "arrest", "2024-03-07")],
        "NI",
    ),
    Case(
        "pt",
        "Brasil: lideranças camponesas presas no Pará\n\n"
        "Na última terça-feira, a Polícia Militar prendeu os Srs. João Batista FERREIRA, Antônio "
        "Carlos Lima e a Sra. Maria das Dores Silva, lideranças do acampamento. Eles foram acusados "
        'de "esbulho possessório" e continuam presos em Marabá.\n\n'
        '"A prisão foi legal", disse o delegado Paulo Ribeiro.',
        "Brasil: prefeitura inaugura escola\n\nO prefeito José Almeida inaugurou uma escola na "
        "segunda-feira, segundo a arquiteta Ana Costa.",
        [{"João Batista FERREIRA"}, {"Antônio Carlos Lima"}, {"Maria das Dores Silva"}],
        ["Paulo Ribeiro"],
        [("Antônio Carlos Lima", "arrest", "2024-03-12")],
        "BR",
    ),
    Case(
        "ru",
        "Задержаны правозащитники в Казани\n\n"
        "В прошлый вторник полиция задержала правозащитника Игоря Смирнова, журналистку Ольгу "
        "ВОРОНОВУ и активиста Дениса Козлова. Им предъявлено обвинение по статье о «ложной "
        "информации».\n\n"
        "«Задержание законно», — заявил следователь Андрей Морозов.",
        "В Казани открыли новый парк\n\nМэр города Сергей Павлов открыл парк в понедельник, "
        "сообщила архитектор Елена Соколова.",
        [
            {"Игорь Смирнов", "Игоря Смирнова"},
            {"Ольга ВОРОНОВА", "Ольгу ВОРОНОВУ"},
            {"Денис Козлов", "Дениса Козлова"},
        ],
        ["Андрей Морозов"],
        [("Дениса Козлова", "arrest", "2024-03-12")],
        "RU",
    ),
    Case(
        "ar",
        "اعتقال ثلاثة ناشطين في مصر\n\n"
        "اعتقلت السلطات المصرية يوم الثلاثاء الماضي الناشط كريم عبد الرحمن والمحامي سامي فؤاد "
        "والصحفية ليلى حسن في القاهرة، ووجهت إليهم تهمة نشر أخبار كاذبة.\n\n"
        "وقال المتحدث باسم وزارة الداخلية أحمد سليمان إن الاعتقال قانوني.",
        "افتتاح مكتبة جديدة في القاهرة\n\n"
        "افتتح المحافظ محمود رشاد مكتبة جديدة يوم الاثنين، بحسب المهندسة سارة عادل.",
        [{"كريم عبد الرحمن"}, {"سامي فؤاد"}, {"ليلى حسن"}],
        ["أحمد سليمان"],
        [("سامي فؤاد", "arrest", "2024-03-12")],
        "EG",
    ),
    Case(
        "tr",
        "İzmir'de üç gazeteci gözaltına alındı\n\n"
        "Geçen salı İzmir'de gazeteciler Mehmet DEMİR, Ayşe Kaya ve Emre Yıldız gözaltına alındı. "
        'Gazeteciler "terör örgütü propagandası" suçlamasıyla tutuklandı.\n\n'
        "Savcı Hasan Çelik, soruşturmanın sürdüğünü söyledi.",
        "İzmir'de yeni park açıldı\n\nBelediye başkanı Ali Koç pazartesi günü yeni parkı açtı, "
        "mimar Zeynep Aydın açıklama yaptı.",
        [{"Mehmet DEMİR"}, {"Ayşe Kaya"}, {"Emre Yıldız"}],
        ["Hasan Çelik"],
        [("Ayşe Kaya", "arrest", "2024-03-12")],
        "TR",
    ),
    Case(
        "vi",
        "Ba nhà hoạt động bị bắt tại Nghệ An\n\n"
        "Hôm qua, công an tỉnh Nghệ An đã bắt giữ các ông Trần Văn MINH, Lê Quốc Bảo và bà Phạm Thị "
        'Hoa với cáo buộc "tuyên truyền chống nhà nước".\n\n'
        "Đại tá Nguyễn Văn Hùng, người phát ngôn công an tỉnh, nói việc bắt giữ là đúng pháp luật.",
        "Khánh thành cầu mới ở Vinh\n\nChủ tịch tỉnh Hoàng Văn Thắng khánh thành cây cầu mới vào thứ "
        "hai, kỹ sư Đặng Thu Hà cho biết.",
        [{"Trần Văn MINH"}, {"Lê Quốc Bảo"}, {"Phạm Thị Hoa"}],
        ["Nguyễn Văn Hùng"],
        [("Lê Quốc Bảo", "arrest", "2024-03-13")],
        "VN",
    ),
    Case(
        "zh",
        "三名维权人士在广州被刑拘\n\n"
        "上周二，广州警方以涉嫌“寻衅滋事罪”刑事拘留了维权律师张建国、公民记者李小红和活动人士王志明。"
        "三人目前被关押在广州市第一看守所。\n\n"
        "外交部发言人刘海涛表示，中国是法治国家。",
        "广州新建公园开放\n\n市长陈国强周一为新公园剪彩，设计师黄美玲介绍了公园的设计。",
        [{"张建国"}, {"李小红"}, {"王志明"}],
        ["刘海涛"],
        [("李小红", "arrest", "2024-03-12")],
        "CN",
    ),
]

# A language without a file: the output says so instead of returning nothing silently.
UNSUPPORTED = (
    "Polis fəal Elvin Məmmədovu keçən çərşənbə axşamı Bakıda həbs edib. Ona qarşı cinayət işi açılıb "
    "və o, dörd ay müddətinə həbs qətimkan tədbiri seçilib."
)
