"""Country profiles for the demo data: cities, institutions, places of detention and typical charges.

Institutions follow each country's real naming patterns (a "No. 1 Detention Centre", a "Revolutionary
Court", a "SIZO") so the demo reads true, but they are attached to fictional people and events.
Charges are the kinds of provisions documenters really see used against defenders.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Charge:
    wording: str
    provision: str
    category: str  # a charge_category vocabulary code


@dataclass(frozen=True)
class CountryProfile:
    """What the generator needs to invent plausible cases in one country."""

    code: str
    weight: float  # share of the defenders
    language: str
    currency: str
    cities: tuple[tuple[str, str], ...]  # (English, original script)
    court: tuple[str, str]  # templates on {city} / {city_o}
    police: tuple[str, str]
    prosecutor: tuple[str, str]
    security: tuple[str, str]  # a national security or intelligence service
    places: tuple[tuple[str, str, str], ...]  # (place kind, English, original) templates
    charges: tuple[Charge, ...]
    ministry: tuple[str, str] = ("Ministry of Justice", "")
    news_domain: str = "news.example.org"


PROFILES: tuple[CountryProfile, ...] = (
    CountryProfile(
        "CN",
        16,
        "zh",
        "CNY",
        (
            ("Beijing", "北京"),
            ("Shanghai", "上海"),
            ("Guangzhou", "广州"),
            ("Wuhan", "武汉"),
            ("Chengdu", "成都"),
            ("Changsha", "长沙"),
            ("Tianjin", "天津"),
            ("Urumqi", "乌鲁木齐"),
        ),
        ("{city} Intermediate People's Court", "{city_o}市中级人民法院"),
        ("{city} Public Security Bureau", "{city_o}市公安局"),
        ("{city} People's Procuratorate", "{city_o}市人民检察院"),
        ("Ministry of State Security", "国家安全部"),
        (
            ("pretrial", "{city} No. 1 Detention Centre", "{city_o}市第一看守所"),
            (
                "unofficial",
                "{city} designated-location residential surveillance site",
                "{city_o}指定居所监视居住",
            ),
            ("prison", "{city} Prison", "{city_o}监狱"),
        ),
        (
            Charge(
                "inciting subversion of state power", "Criminal Law art. 105(2)", "state_security"
            ),
            Charge("subversion of state power", "Criminal Law art. 105(1)", "state_security"),
            Charge(
                "picking quarrels and provoking trouble", "Criminal Law art. 293", "public_order"
            ),
            Charge("illegal business operations", "Criminal Law art. 225", "fraud_economic"),
            Charge(
                "illegally providing state secrets to entities outside China",
                "Criminal Law art. 111",
                "espionage_foreign_agent",
            ),
            Charge("using a cult to undermine law enforcement", "Criminal Law art. 300", "other"),
        ),
        ("Ministry of Public Security", "公安部"),
        "daily-cn.example.org",
    ),
    CountryProfile(
        "HK",
        5,
        "zh-Hant",
        "HKD",
        (("Hong Kong", "香港"), ("Kowloon", "九龍"), ("Sha Tin", "沙田")),
        ("High Court of the HKSAR ({city})", "香港特別行政區高等法院"),
        ("National Security Department, Hong Kong Police ({city})", "香港警務處國家安全處"),
        ("Department of Justice ({city})", "律政司"),
        ("Office for Safeguarding National Security", "駐香港特別行政區維護國家安全公署"),
        (
            ("pretrial", "Lai Chi Kok Reception Centre ({city})", "荔枝角收押所"),
            ("prison", "Stanley Prison ({city})", "赤柱監獄"),
        ),
        (
            Charge(
                "collusion with foreign forces",
                "National Security Law art. 29",
                "espionage_foreign_agent",
            ),
            Charge(
                "conspiracy to commit subversion", "National Security Law art. 22", "state_security"
            ),
            Charge("seditious publication", "Crimes Ordinance s. 10", "state_security"),
            Charge("unauthorised assembly", "Public Order Ordinance s. 17A", "public_order"),
        ),
        ("Security Bureau", "保安局"),
        "hk-herald.example.org",
    ),
    CountryProfile(
        "VN",
        10,
        "vi",
        "VND",
        (
            ("Hà Nội", "Hà Nội"),
            ("Hồ Chí Minh City", "Thành phố Hồ Chí Minh"),
            ("Đà Nẵng", "Đà Nẵng"),
            ("Nghệ An", "Nghệ An"),
            ("Thái Bình", "Thái Bình"),
            ("Đồng Nai", "Đồng Nai"),
        ),
        ("{city} People's Court", "Tòa án Nhân dân {city_o}"),
        (
            "{city} Police Security Investigation Agency",
            "Cơ quan An ninh điều tra Công an {city_o}",
        ),
        ("{city} People's Procuracy", "Viện Kiểm sát Nhân dân {city_o}"),
        ("Ministry of Public Security", "Bộ Công an"),
        (
            (
                "pretrial",
                "{city} Police Detention Centre No. 1",
                "Trại tạm giam số 1 Công an {city_o}",
            ),
            ("prison", "An Điềm Prison", "Trại giam An Điềm"),
            ("prison", "Nam Hà Prison", "Trại giam Nam Hà"),
        ),
        (
            Charge(
                "making, storing, disseminating information against the state",
                "Penal Code 2015 art. 117",
                "state_security",
            ),
            Charge(
                "abusing democratic freedoms to infringe upon the interests of the state",
                "Penal Code 2015 art. 331",
                "public_order",
            ),
            Charge(
                "activities aimed at overthrowing the people's administration",
                "Penal Code 2015 art. 109",
                "state_security",
            ),
            Charge("tax evasion", "Penal Code 2015 art. 200", "fraud_economic"),
        ),
        ("Ministry of Public Security", "Bộ Công an"),
        "tin-tuc.example.org",
    ),
    CountryProfile(
        "EG",
        8,
        "ar",
        "EGP",
        (
            ("Cairo", "القاهرة"),
            ("Alexandria", "الإسكندرية"),
            ("Giza", "الجيزة"),
            ("Mansoura", "المنصورة"),
        ),
        ("{city} Emergency State Security Court", "محكمة جنح أمن الدولة طوارئ {city_o}"),
        ("National Security Agency, {city} branch", "قطاع الأمن الوطني {city_o}"),
        ("Supreme State Security Prosecution", "نيابة أمن الدولة العليا"),
        ("National Security Agency", "جهاز الأمن الوطني"),
        (
            ("prison", "Tora Maximum Security Prison 2", "سجن طرة شديد الحراسة 2"),
            ("prison", "Badr Rehabilitation Centre", "مركز إصلاح وتأهيل بدر"),
            ("police", "{city} Police Station No. 2", "قسم شرطة ثان {city_o}"),
        ),
        (
            Charge(
                "joining a terrorist group",
                "Anti-Terrorism Law 94/2015 art. 12",
                "terrorism_extremism",
            ),
            Charge("spreading false news", "Penal Code art. 80(d)", "false_information"),
            Charge(
                "misuse of social media",
                "Anti-Cybercrime Law 175/2018 art. 25",
                "false_information",
            ),
            Charge(
                "financing terrorism", "Anti-Terrorism Law 94/2015 art. 13", "terrorism_extremism"
            ),
        ),
        ("Ministry of Interior", "وزارة الداخلية"),
        "misr-news.example.org",
    ),
    CountryProfile(
        "SA",
        4,
        "ar",
        "SAR",
        (("Riyadh", "الرياض"), ("Jeddah", "جدة"), ("Dammam", "الدمام"), ("Buraydah", "بريدة")),
        ("Specialized Criminal Court ({city})", "المحكمة الجزائية المتخصصة"),
        ("Presidency of State Security ({city})", "رئاسة أمن الدولة"),
        ("Public Prosecution ({city})", "النيابة العامة"),
        ("Presidency of State Security", "رئاسة أمن الدولة"),
        (("prison", "Al-Ha'ir Prison", "سجن الحائر"), ("prison", "Dhahban Prison", "سجن ذهبان")),
        (
            Charge(
                "supporting terrorist ideology",
                "Counter-Terrorism Law 2017 art. 34",
                "terrorism_extremism",
            ),
            Charge(
                "disturbing public order through social media",
                "Anti-Cyber Crime Law art. 6",
                "public_order",
            ),
            Charge(
                "communicating with foreign media",
                "Counter-Terrorism Law 2017 art. 43",
                "espionage_foreign_agent",
            ),
        ),
        ("Ministry of Interior", "وزارة الداخلية"),
        "gulf-daily.example.org",
    ),
    CountryProfile(
        "IR",
        8,
        "fa",
        "IRR",
        (
            ("Tehran", "تهران"),
            ("Mashhad", "مشهد"),
            ("Tabriz", "تبریز"),
            ("Isfahan", "اصفهان"),
            ("Sanandaj", "سنندج"),
            ("Zahedan", "زاهدان"),
        ),
        ("{city} Revolutionary Court, Branch 15", "دادگاه انقلاب {city_o}، شعبه ۱۵"),
        ("Intelligence Organisation of the IRGC, {city}", "سازمان اطلاعات سپاه {city_o}"),
        ("{city} Prosecutor's Office", "دادسرای {city_o}"),
        ("Ministry of Intelligence", "وزارت اطلاعات"),
        (
            ("prison", "Evin Prison", "زندان اوین"),
            ("prison", "Qarchak Prison", "زندان قرچک"),
            ("security", "Ward 209 ({city})", "بند ۲۰۹"),
        ),
        (
            Charge(
                "assembly and collusion against national security",
                "Islamic Penal Code art. 610",
                "state_security",
            ),
            Charge("propaganda against the state", "Islamic Penal Code art. 500", "state_security"),
            Charge(
                "spreading lies to disturb public opinion",
                "Islamic Penal Code art. 698",
                "false_information",
            ),
            Charge("espionage", "Islamic Penal Code art. 501", "espionage_foreign_agent"),
            Charge(
                "enmity against God (moharebeh)",
                "Islamic Penal Code art. 279",
                "terrorism_extremism",
            ),
        ),
        ("Ministry of Intelligence", "وزارت اطلاعات"),
        "iran-wire.example.org",
    ),
    CountryProfile(
        "RU",
        8,
        "ru",
        "RUB",
        (
            ("Moscow", "Москва"),
            ("Saint Petersburg", "Санкт-Петербург"),
            ("Kazan", "Казань"),
            ("Yekaterinburg", "Екатеринбург"),
            ("Krasnodar", "Краснодар"),
            ("Novosibirsk", "Новосибирск"),
        ),
        ("{city} City Court", "Городской суд г. {city_o}"),
        ("Centre for Countering Extremism, {city}", "Центр «Э» г. {city_o}"),
        ("Investigative Committee, {city} department", "Следственный комитет, г. {city_o}"),
        ("Federal Security Service (FSB)", "ФСБ России"),
        (
            ("pretrial", "SIZO-1 ({city})", "СИЗО-1 г. {city_o}"),
            ("prison", "Penal Colony No. 6 ({city} region)", "ИК-6"),
            ("police", "{city} Police Department", "ОВД г. {city_o}"),
        ),
        (
            Charge(
                "spreading knowingly false information about the armed forces",
                "Criminal Code art. 207.3",
                "false_information",
            ),
            Charge("justification of terrorism", "Criminal Code art. 205.2", "terrorism_extremism"),
            Charge("high treason", "Criminal Code art. 275", "espionage_foreign_agent"),
            Charge(
                "participation in an extremist organisation",
                "Criminal Code art. 282.2",
                "terrorism_extremism",
            ),
            Charge(
                "evasion of foreign agent duties",
                "Criminal Code art. 330.1",
                "espionage_foreign_agent",
            ),
        ),
        ("Ministry of Internal Affairs", "МВД России"),
        "novosti.example.org",
    ),
    CountryProfile(
        "BY",
        7,
        "be",
        "BYN",
        (
            ("Minsk", "Мінск"),
            ("Brest", "Брэст"),
            ("Homiel", "Гомель"),
            ("Hrodna", "Гродна"),
            ("Viciebsk", "Віцебск"),
        ),
        ("{city} Regional Court", "{city_o}скі абласны суд"),
        ("Main Directorate for Combating Organised Crime (GUBOPiK), {city}", "ГУБАЗіК, {city_o}"),
        ("{city} Prosecutor's Office", "Пракуратура {city_o}"),
        ("State Security Committee (KGB)", "КДБ"),
        (
            ("pretrial", "Pre-trial Detention Centre No. 1 ({city})", "СІЗА-1 {city_o}"),
            ("prison", "Penal Colony No. 4 (Homiel)", "ПК-4 Гомель"),
            ("police", "Akrestsina detention centre ({city})", "ЦІП на Акрэсціна"),
        ),
        (
            Charge(
                "organising actions grossly violating public order",
                "Criminal Code art. 342",
                "public_order",
            ),
            Charge("inciting social hatred", "Criminal Code art. 130", "state_security"),
            Charge(
                "creating or participating in an extremist formation",
                "Criminal Code art. 361-1",
                "terrorism_extremism",
            ),
            Charge(
                "calls for actions harming national security",
                "Criminal Code art. 361",
                "state_security",
            ),
            Charge("tax evasion", "Criminal Code art. 243", "fraud_economic"),
        ),
        ("Ministry of Internal Affairs", "МУС"),
        "belnews.example.org",
    ),
    CountryProfile(
        "TR",
        6,
        "tr",
        "TRY",
        (
            ("İstanbul", "İstanbul"),
            ("Ankara", "Ankara"),
            ("Diyarbakır", "Diyarbakır"),
            ("İzmir", "İzmir"),
            ("Van", "Van"),
        ),
        ("{city} 14th High Criminal Court", "{city_o} 14. Ağır Ceza Mahkemesi"),
        (
            "{city} Police Counter-Terrorism Branch",
            "{city_o} Emniyet Müdürlüğü Terörle Mücadele Şube",
        ),
        ("{city} Chief Public Prosecutor's Office", "{city_o} Cumhuriyet Başsavcılığı"),
        ("National Intelligence Organisation (MİT)", "Millî İstihbarat Teşkilatı"),
        (
            ("prison", "Silivri Marmara Prison", "Silivri Marmara Cezaevi"),
            ("prison", "{city} High Security Prison", "{city_o} Yüksek Güvenlikli Cezaevi"),
        ),
        (
            Charge(
                "membership of an armed terrorist organisation",
                "Penal Code art. 314/2",
                "terrorism_extremism",
            ),
            Charge(
                "propaganda for a terrorist organisation",
                "Anti-Terror Law 3713 art. 7/2",
                "terrorism_extremism",
            ),
            Charge(
                "publicly disseminating misleading information",
                "Penal Code art. 217/A",
                "false_information",
            ),
            Charge("insulting the president", "Penal Code art. 299", "other"),
        ),
        ("Ministry of Interior", "İçişleri Bakanlığı"),
        "haber.example.org",
    ),
    CountryProfile(
        "AZ",
        4,
        "az",
        "AZN",
        (("Baku", "Bakı"), ("Ganja", "Gəncə"), ("Sumgait", "Sumqayıt")),
        ("{city} Grave Crimes Court", "{city_o} Ağır Cinayətlər Məhkəməsi"),
        ("{city} Main Police Department", "{city_o} Baş Polis İdarəsi"),
        ("Prosecutor General's Office ({city})", "Baş Prokurorluq"),
        ("State Security Service", "Dövlət Təhlükəsizliyi Xidməti"),
        (
            ("pretrial", "Baku Pre-trial Detention Centre", "Bakı İstintaq Təcridxanası"),
            ("prison", "Penitentiary Institution No. 14", "14 saylı Cəzaçəkmə Müəssisəsi"),
        ),
        (
            Charge("smuggling by a group", "Criminal Code art. 206.3.2", "fraud_economic"),
            Charge("illegal entrepreneurship", "Criminal Code art. 192", "fraud_economic"),
            Charge("hooliganism", "Criminal Code art. 221", "public_order"),
            Charge("tax evasion", "Criminal Code art. 213", "fraud_economic"),
        ),
        ("Ministry of Internal Affairs", "Daxili İşlər Nazirliyi"),
        "xeber.example.org",
    ),
    CountryProfile(
        "BH",
        3,
        "ar",
        "BHD",
        (("Manama", "المنامة"), ("Muharraq", "المحرق"), ("Sitra", "سترة")),
        ("Fourth High Criminal Court ({city})", "المحكمة الكبرى الجنائية الرابعة"),
        ("Criminal Investigation Directorate ({city})", "الإدارة العامة للمباحث والأدلة الجنائية"),
        ("Terrorist Crimes Prosecution ({city})", "نيابة الجرائم الإرهابية"),
        ("National Security Agency", "جهاز الأمن الوطني"),
        (
            ("prison", "Jau Prison", "سجن جو"),
            ("pretrial", "Dry Dock Detention Centre", "مركز توقيف الحوض الجاف"),
        ),
        (
            Charge("inciting hatred against the regime", "Penal Code art. 165", "state_security"),
            Charge("spreading false news", "Penal Code art. 168", "false_information"),
            Charge("joining a terrorist group", "Law 58/2006 art. 6", "terrorism_extremism"),
        ),
        ("Ministry of Interior", "وزارة الداخلية"),
        "bahrain-mirror.example.org",
    ),
    CountryProfile(
        "IN",
        5,
        "hi",
        "INR",
        (
            ("New Delhi", "नई दिल्ली"),
            ("Mumbai", "मुंबई"),
            ("Ranchi", "रांची"),
            ("Srinagar", "श्रीनगर"),
            ("Pune", "पुणे"),
        ),
        ("Special NIA Court, {city}", "विशेष एनआईए न्यायालय, {city_o}"),
        ("{city} Police Special Cell", "{city_o} पुलिस स्पेशल सेल"),
        ("National Investigation Agency ({city})", "राष्ट्रीय अन्वेषण अभिकरण"),
        ("National Investigation Agency", "राष्ट्रीय अन्वेषण अभिकरण"),
        (
            ("prison", "{city} Central Jail", "{city_o} केंद्रीय कारागार"),
            ("prison", "Taloja Central Jail", "तलोजा केंद्रीय कारागार"),
        ),
        (
            Charge(
                "unlawful activities",
                "Unlawful Activities (Prevention) Act s. 13",
                "terrorism_extremism",
            ),
            Charge(
                "raising funds for a terrorist act",
                "Unlawful Activities (Prevention) Act s. 17",
                "terrorism_extremism",
            ),
            Charge("criminal conspiracy", "Bharatiya Nyaya Sanhita s. 61", "other"),
            Charge("money laundering", "Prevention of Money Laundering Act s. 3", "fraud_economic"),
        ),
        ("Ministry of Home Affairs", "गृह मंत्रालय"),
        "samachar.example.org",
    ),
    CountryProfile(
        "MM",
        5,
        "my",
        "MMK",
        (
            ("Yangon", "ရန်ကုန်"),
            ("Mandalay", "မန္တလေး"),
            ("Naypyidaw", "နေပြည်တော်"),
            ("Sagaing", "စစ်ကိုင်း"),
        ),
        ("{city} Prison Special Court", "{city_o} အထူးတရားရုံး"),
        ("{city} Military Interrogation Centre", "{city_o} စစ်ဘက်စစ်ဆေးရေးစခန်း"),
        ("{city} Township Law Office", "{city_o} မြို့နယ်ဥပဒေရုံး"),
        ("Office of the Chief of Military Security Affairs", "စစ်ဘက်ရေးရာ လုံခြုံရေးအရာရှိချုပ်ရုံး"),
        (
            ("prison", "Insein Prison", "အင်းစိန်ထောင်"),
            ("prison", "Obo Prison", "အိုဘိုထောင်"),
            ("security", "{city} interrogation centre", "{city_o} စစ်ကြောရေးစခန်း"),
        ),
        (
            Charge("incitement", "Penal Code s. 505A", "public_order"),
            Charge(
                "violating the Counter-Terrorism Law",
                "Counter-Terrorism Law s. 52(a)",
                "terrorism_extremism",
            ),
            Charge("unlawful association", "Unlawful Associations Act s. 17(1)", "state_security"),
            Charge("high treason", "Penal Code s. 122", "state_security"),
        ),
        ("Ministry of Home Affairs", "ပြည်ထဲရေးဝန်ကြီးဌာန"),
        "myanmar-now.example.org",
    ),
    CountryProfile(
        "TH",
        3,
        "th",
        "THB",
        (("Bangkok", "กรุงเทพมหานคร"), ("Chiang Mai", "เชียงใหม่"), ("Khon Kaen", "ขอนแก่น")),
        ("{city} Criminal Court", "ศาลอาญา{city_o}"),
        (
            "{city} Technology Crime Suppression Division",
            "กองบังคับการปราบปรามการกระทำความผิดเกี่ยวกับอาชญากรรมทางเทคโนโลยี",
        ),
        ("Office of the Attorney General ({city})", "สำนักงานอัยการสูงสุด"),
        ("Internal Security Operations Command", "กองอำนวยการรักษาความมั่นคงภายในราชอาณาจักร"),
        (
            ("prison", "Bangkok Remand Prison", "เรือนจำพิเศษกรุงเทพมหานคร"),
            ("prison", "Central Women's Correctional Institution", "ทัณฑสถานหญิงกลาง"),
        ),
        (
            Charge("lèse-majesté", "Criminal Code s. 112", "state_security"),
            Charge("sedition", "Criminal Code s. 116", "state_security"),
            Charge(
                "importing false computer data", "Computer Crime Act s. 14", "false_information"
            ),
        ),
        ("Ministry of Justice", "กระทรวงยุติธรรม"),
        "prachatai.example.org",
    ),
    CountryProfile(
        "NI",
        3,
        "es",
        "NIO",
        (
            ("Managua", "Managua"),
            ("León", "León"),
            ("Masaya", "Masaya"),
            ("Matagalpa", "Matagalpa"),
        ),
        ("{city} District Criminal Court", "Juzgado de Distrito Penal de {city_o}"),
        ("National Police, {city} Delegation", "Policía Nacional, Delegación de {city_o}"),
        ("Public Ministry ({city})", "Ministerio Público"),
        ("Directorate of Judicial Assistance (El Chipote)", "Dirección de Auxilio Judicial"),
        (
            ("prison", "La Modelo Prison (Tipitapa)", "Sistema Penitenciario Jorge Navarro"),
            ("security", "El Chipote", "El Chipote"),
        ),
        (
            Charge(
                "conspiracy to undermine national integrity",
                "Penal Code art. 410",
                "state_security",
            ),
            Charge(
                "spreading false news", "Special Cybercrimes Law 1042 art. 30", "false_information"
            ),
            Charge("undermining sovereignty", "Law 1055", "state_security"),
        ),
        ("Ministry of the Interior", "Ministerio de Gobernación"),
        "confidencial.example.org",
    ),
    CountryProfile(
        "CU",
        3,
        "es",
        "CUP",
        (
            ("Havana", "La Habana"),
            ("Santiago de Cuba", "Santiago de Cuba"),
            ("Camagüey", "Camagüey"),
        ),
        ("{city} Provincial People's Court", "Tribunal Provincial Popular de {city_o}"),
        ("State Security Department, {city}", "Departamento de Seguridad del Estado, {city_o}"),
        ("Provincial Prosecutor's Office ({city})", "Fiscalía Provincial"),
        ("State Security Department (DSE)", "Departamento de Seguridad del Estado"),
        (
            ("prison", "Combinado del Este Prison", "Prisión Combinado del Este"),
            ("security", "Villa Marista", "Villa Marista"),
        ),
        (
            Charge("public disorder", "Penal Code art. 268", "public_order"),
            Charge("sedition", "Penal Code art. 121", "state_security"),
            Charge("contempt (desacato)", "Penal Code art. 185", "other"),
            Charge("enemy propaganda", "Penal Code art. 124", "state_security"),
        ),
        ("Ministry of the Interior", "Ministerio del Interior"),
        "diario-isla.example.org",
    ),
    CountryProfile(
        "PH",
        2,
        "fil",
        "PHP",
        (
            ("Manila", "Maynila"),
            ("Davao", "Dabaw"),
            ("Bacolod", "Bacolod"),
            ("Tacloban", "Tacloban"),
        ),
        ("{city} Regional Trial Court, Branch 7", "{city_o} Regional Trial Court"),
        ("Criminal Investigation and Detection Group, {city}", ""),
        ("Department of Justice panel of prosecutors ({city})", ""),
        ("National Task Force to End Local Communist Armed Conflict", ""),
        (("prison", "{city} City Jail", ""), ("police", "Camp Crame Custodial Center", "")),
        (
            Charge("illegal possession of firearms and explosives", "Republic Act 10591", "other"),
            Charge("financing terrorism", "Republic Act 10168", "terrorism_extremism"),
            Charge("cyber libel", "Republic Act 10175 s. 4(c)(4)", "false_information"),
        ),
        ("Department of the Interior and Local Government", ""),
        "bulatlat.example.org",
    ),
)

PROFILE_BY_CODE = {profile.code: profile for profile in PROFILES}
