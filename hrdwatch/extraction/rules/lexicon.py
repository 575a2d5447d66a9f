"""Word lists (English, French, Spanish) the rule extractor reads text with.

Kept as data in one place so a reviewer can see, and extend, what the rules know. Patterns are
``regex`` fragments matched case-insensitively on word boundaries unless said otherwise.
"""

from __future__ import annotations

# Event triggers. A trigger can stand for two events ("sentenced" is a conviction and a sentence).
EVENT_TRIGGERS: dict[str, tuple[str, ...]] = {
    "arrest": (
        r"arrest(?:ed|s|ing)?", r"re-?arrested", r"detained", r"kidnapp?(?:ed|ing)?", r"apprehended", r"abducted",
        r"taken into (?:police )?custody", r"picked up", r"rounded up", r"seized",
        r"taken from (?:his|her|their) (?:home|house|apartment|office)",
        r"taken away", r"raided",
        r"arr[êe]t[ée]e?s?", r"arrestations?", r"interpell[ée]e?s?", r"interpellations?",
        r"plac[ée]e?s? en garde [àa] vue",
        r"detenid[oa]s?", r"detenci[óo]n(?:es)?", r"arrestad[oa]s?", r"arrestos?",
        r"capturad[oa]s?", r"aprehendid[oa]s?", r"aprehensi[óo]n",
        r"detuvo", r"detuvieron", r"arrest[óo]", r"arrestaron", r"captur[óo]", r"capturaron",
        r"secuestrad[oa]s?", r"secuestr[óo]", r"secuestraron",
        r"a arr[êe]t[ée]", r"ont arr[êe]t[ée]", r"a interpell[ée]", r"ont interpell[ée]",
    ),
    "detention": (
        r"detention", r"in (?:police |pre-?trial )?custody", r"kept in custody", r"held",
        r"lodged in", r"sent to (?:\w+ )?(?:prison|jail)", r"placed in (?:\w+ )?(?:detention|custody)",
        r"transferred (?:from|to)", r"moved (?:from|to) (?:\w+ )?(?:prison|jail)",
        r"remanded", r"imprisoned", r"imprisonment", r"jailed", r"jails", r"in prison", r"in jail", r"behind bars",
        r"incarcerated", r"incarceration", r"residential surveillance", r"incommunicado",
        r"denied bail", r"remains? (?:in|behind)", r"political prisoners?", r"prisoners? of conscience",
        r"d[ée]tention", r"d[ée]tenue?s?", r"emprisonn[ée]e?s?", r"incarc[ée]r[ée]e?s?", r"en prison",
        r"encarcelad[oa]s?", r"pres[oa]s? pol[íi]tic[oa]s?", r"prisi[óo]n preventiva",
        r"privad[oa]s? de (?:su )?libertad", r"recluid[oa]s?", r"en prisi[óo]n",
    ),
    "charge": (
        r"charged", r"charges?", r"accused", r"accusations?", r"indicted", r"indictment",
        r"prosecuted", r"prosecution", r"booked under",
        r"inculp[ée]e?s?", r"accus[ée]e?s? de", r"poursuivie?s?", r"chefs? d'accusation",
        r"acusad[oa]s?", r"acusaci[óo]n(?:es)?", r"imputad[oa]s?", r"cargos?", r"procesad[oa]s?",
    ),
    "trial": (
        r"trials?", r"tried", r"hearings?", r"stood trial", r"court sessions?",
        r"appear(?:ed|s|ing)? (?:before|in) (?:a |the )?(?:\S+ ){0,5}?court", r"court appearance",
        r"compara[îi]t(?:re|ra)", r"comparec(?:er|i[óo]|er[áa]n?)",
        r"proc[èe]s", r"jug[ée]e?s?", r"audiences?",
        r"juicios?", r"juzgad[oa]s?", r"audiencias?",
    ),
    "conviction": (
        r"convicted", r"convictions?", r"found guilty", r"sentenced",
        r"condamn[ée]e?s?", r"condamnations?", r"reconnue?s? coupables?",
        r"condenad[oa]s?", r"condenas?", r"declarad[oa]s? culpables?", r"sentenciad[oa]s?",
        r"conden[óo]", r"condenaron",
    ),
    "sentence": (
        r"(?:received|given|handed(?: down)?|got|serving|purging|recibi[óo]|purga|cumple)"
        r"(?= (?:a |an |un |una )?(?:\S+ ){0,4}(?:years?|months?|años|meses|ans|mois|sentences?|terms?"
        r"|time\b|life\b))",
        r"sentenced", r"sentences?", r"prison terms?", r"jail terms?",
        r"condamn[ée]e?s? [àa]", r"peines?",
        r"condenad[oa]s? a", r"condenas?", r"sentenciad[oa]s?", r"penas?",
    ),
    "release": (
        r"released", r"release", r"freed", r"set free", r"lib[ée]rations?", r"liberaci[óo]n",
        r"liber[óo]", r"liberaron", r"pardoned", r"acquitted", r"released on bail",
        r"granted bail", r"lib[ée]r[ée]e?s?", r"remise? en libert[ée]",
        r"liberad[oa]s?", r"excarcelad[oa]s?", r"puest[oa]s? en libertad",
    ),
    "enforced_disappearance": (
        r"disappeared", r"disappearances?", r"whereabouts (?:are |remain |is )?(?:still )?unknown",
        r"forcibly disappeared", r"went missing", r"disparue?s?", r"disparitions? forc[ée]es?",
        r"desaparecid[oa]s?", r"desapariciones? forzadas?", r"paradero desconocido",
    ),
    "torture": (
        r"tortured?", r"beaten", r"beat him", r"beat her", r"ill-?treated", r"ill-?treatment",
        r"mistreated", r"mistreatment", r"solitary confinement", r"raped",
        r"tortur[ée]e?s?", r"mauvais traitements", r"battue?s?",
        r"torturad[oa]s?", r"torturas?", r"golpead[oa]s?", r"malos tratos",
    ),
    "forced_confession": (
        r"forced (?:televised )?confessions?", r"televised confessions?", r"confess(?:ed|ion) on (?:state )?(?:tv|television)",
        r"aveux forc[ée]s", r"confesi[óo]n forzada",
    ),
    "death_in_custody": (
        r"died (?:in|while in) (?:police |state )?(?:custody|detention|prison|jail)",
        r"deaths? in (?:custody|detention|prison)", r"died in hospital while",
        r"mort en (?:d[ée]tention|prison)", r"d[ée]c[ée]d[ée]e? en (?:d[ée]tention|prison)",
        r"d[ée]c[ée]d[ée]e?", r"muri[óo] (?:bajo custodia|en prisi[óo]n)",
    ),
    "travel_ban": (
        r"travel bans?", r"banned from (?:travel(?:l?ing)?|leaving)", r"barred from (?:travel(?:l?ing)?|leaving)",
        r"prevented from (?:travel(?:l?ing)?|leaving)", r"interdictions? de (?:voyager|quitter)",
        r"prohibici[óo]n de salir", r"impedimento de salida",
    ),
    "harassment": (
        r"harass(?:ed|ment)", r"intimidat(?:ed|ion)", r"death threats?", r"threatened",
        r"death list", r"summoned",
        r"harc[èe]lement", r"harcel[ée]e?s?", r"menac[ée]e?s?", r"menaces",
        r"hostigamiento", r"hostigad[oa]s?", r"acoso", r"amenazad[oa]s?", r"amenazas",
    ),
}

# Words that turn a release trigger into a call for release (so: still detained).
RELEASE_CALL = (
    r"(?:call(?:s|ed|ing)? (?:for|on)|ask(?:s|ed|ing)?|demand(?:s|ed|ing)?|urg(?:e|es|ed|ing)|appeal(?:s|ed)? for|seek(?:s|ing)?"
    r"|should|must|immediate(?:ly)?|unconditional(?:ly)?|demande|exige|r[ée]clame|pide|exige|exigen"
    r"|exigi[óo]|solicita|pour|por|secure|securing|await(?:s|ing)?|pending|campaign(?:s|ing)? for|free)"
    r"\b[^.;]{0,60}$"
)

# Role words that describe people who are persecuted; value is the role code written out.
VICTIM_ROLES: dict[str, str] = {
    r"human rights defenders?|hrds?|rights defenders?|d[ée]fenseu(?:r|se)s? des droits(?: humains| de l'homme)?"
    r"|defensor(?:a|es|as)? de (?:los )?derechos humanos": "human rights defender",
    r"women'?s rights (?:defenders?|activists?)": "women's rights defender",
    r"environmental (?:defenders?|activists?)|land rights (?:defenders?|activists?)"
    r"|defensor(?:a|es|as)? (?:del (?:medio ?ambiente|territorio|agua)|ambientales?)": "environmental defender",
    r"lawyers?|attorneys?|avocate?s?|abogad[oa]s?": "lawyer",
    r"journalists?|reporters?|photojournalists?|editors?|journalistes?|periodistas?|"
    r"corresponsales?|rédacteurs?": "journalist",
    r"bloggers?|blogueu(?:r|se)s?|bloguer[oa]s?": "blogger",
    r"activists?|campaigners?|militants?|militantes?|activistes?|activistas?": "activist",
    r"dissidents?|disidentes?": "dissident",
    r"students?|[ée]tudiante?s?|estudiantes?": "student",
    r"trade unionists?|union leaders?|syndicalistes?|sindicalistas?": "trade unionist",
    r"writers?|poets?|[ée]crivain(?:e)?s?|po[èe]tes?|escritor(?:a|es)?|poetas?": "writer",
    r"political prisoners?|prisoners? of conscience|prisonniers? politiques|pres[oa]s? pol[íi]tic[oa]s?":
        "political prisoner",
}

# Titles and roles of people who are usually quoted or acting, not persecuted.
OFFICIAL_TITLES = (
    r"president|vice[- ]president|prime minister|minister|deputy minister|king|queen|prince|emperor"
    r"|judge|justice|magistrate|prosecutor|attorney[- ]general|governor|mayor|senator|congressman"
    r"|ambassador|general|gen\.?|maj\.?|major|colonel|col\.?|lieutenant|lt\.?|commander|captain|sergeant"
    r"|police chief|chief|dictator|chairman mao|premier|chancellor|secretary[- ]general|secretary"
    r"|pr[ée]sident|ministre|juge|procureur|roi|g[ée]n[ée]ral|pr[ée]fet"
    r"|presidente|ministro|ministra|juez|jueza|fiscal|rey|dictador|gobernador|alcalde"
)

# Appositive roles ("X, Asia director at ...") that mark a quoted or credited person.
SPEAKER_ROLES = (
    r"spokes(?:person|man|woman)|director|deputy director|executive director|researcher|analyst"
    r"|official|officials|representative|rapporteur|special rapporteur|commissioner|coordinator"
    r"|professor|expert|author|photographer|correspondent for|head of|head|chair(?:man|woman)?"
    r"|secretary|manager|officer|adviser|advisor|consultant|campaigner at|program(?:me)? (?:officer|manager)"
    r"|porte-parole|directeur|directrice|chercheu(?:r|se)|repr[ée]sentante?|rapporteur"
    r"|portavoz|director|directora|investigador(?:a)?|representante|relator(?:a)?|vocero|vocera"
)

# Verbs (and "according to") that mark the person as the one speaking.
SPEECH_AFTER = (
    r"said|says|told|tells|added|adds|noted|notes|stated|states|explained|explains|wrote|writes"
    r"|commented|warned|urged|stressed|declared|argued|insisted|observed|remarked|tweeted|posted"
    r"|announced|confirmed|called|asked|believes|thinks"
    r"|a d[ée]clar[ée]|a dit|a affirm[ée]|a indiqu[ée]|explique|d[ée]clare|affirme|estime|a soulign[ée]"
    r"|dijo|declar[óo]|afirm[óo]|señal[óo]|explic[óo]|indic[óo]|denunci[óo]|sostuvo|agreg[óo]|dice"
)
SPEECH_BEFORE = (
    r"said|says|told|according to|wrote|by|photo:?|photograph:?|credit:?|image:?|"
    r"selon|d'apr[èe]s|par|seg[úu]n|por"
)

# Words after a capitalised sequence that show it is not a person's name (Magnitsky Act, ...).
NOT_PERSON_AFTER = (
    r"acts?|law|laws|prize|award|foundation|center|centre|institute|university|street|square"
    r"|avenue|road|hospital|prison|school|college|party|movement|committee|network|fund|index"
    r"|report|doctrine|regime|administration|government|era|rule|'s government|'s regime"
    r"|'s administration"
)

# Words that make a capitalised run an organisation, a place or a document, not a person.
ORGANISATION_WORDS = frozenset(
    """
    media center centre association council section network group committee union society
    foundation institute institution organisation organization coalition alliance front party bureau
    agency procedure code court courts tribunal ministry office service services news times post
    radio tv television channel magazine daily journal gazette herald press watch rules act law
    university college school hospital prison jail camp project initiative campaign movement
    forum federation league mechanism commission chamber parliament assembly senate congress
    government police army forces company corporation bank inc ltd club church mosque temple
    street square avenue road park river mountain island province district region county state
    republic kingdom city town village sentencing magistrates misdemeanour penal criminal
    constitution declaration convention covenant protocol charter prize award programme program
    fund trust institute department division unit team observatory platform collective
    asociación centro comité comisión consejo fundación instituto movimiento organización red
    partido frente tribunal juzgado fiscalía ministerio gobierno policía ejército diario periódico
    association centre comité commission conseil fondation institut mouvement organisation réseau
    parti tribunal ministère gouvernement armée journal observatoire ligue
    """.split()
)

# Offices written in capitals before or after a name ("Director Jane Doe", "Viasna Deputy Chair").
OFFICE_WORDS = frozenset(
    """
    chair chairman chairwoman chairperson deputy director coordinator secretary editor founder
    co-founder spokesperson spokesman spokeswoman head leader member representative rapporteur
    commissioner officer adviser advisor manager researcher executive vice
    """.split()
)

# Honorifics stripped from names, never part of the name itself.
HONORIFICS = (
    "mr", "mrs", "ms", "miss", "messrs", "mmes", "mesdames", "messieurs", "mx", "dr", "prof", "sir", "dame", "m", "mme", "mlle", "sr", "sra",
    "srta", "don", "doña", "father", "fr", "sheikh", "sheik", "imam", "rev", "reverend", "pastor",
    "brother", "sister", "lady", "lord", "madame", "monsieur", "señor", "señora", "maître", "me",
)

# Particles that may sit inside a name in lower case.
NAME_PARTICLES = (
    "al", "el", "bin", "bint", "ibn", "abu", "abd", "de", "del", "della", "da", "do", "dos", "das",
    "di", "du", "van", "von", "der", "den", "ter", "la", "le", "y", "e", "ben", "ould", "ag",
)

# Capitalised words that are never part of a person's name.
STOP_WORDS = frozenset(
    """
    a an the this that these those there their they them his her he she it its we our you your i
    in on at of for from to by with without as into onto about after before during since until and
    or but nor so if when while where who whom whose which what why how all any both each every
    some many most several few other another such no not only also even still yet then than
    mr mrs ms dr prof
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday
    janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre
    lundi mardi mercredi jeudi vendredi samedi dimanche
    enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
    lunes martes miércoles jueves viernes sábado domingo
    court courts tribunal supreme people's peoples ministry police prison jail army military
    government state states national international republic democratic kingdom united nations
    human rights watch amnesty front line defenders defender federation union council commission
    committee office department bureau agency service services security intelligence
    article articles penal code criminal law act constitution province provincial city district
    region county municipal party communist socialist liberal democratic movement
    news press media reuters afp ap bbc cnn facebook youtube twitter instagram telegram whatsapp
    tiktok google apple internet online
    president minister judge prosecutor king queen prince general colonel major captain
    update updates urgent appeal appeals statement joint report press release breaking
    read more share tweet email print photo image credit source
    university school college hospital church mosque temple
    north south east west northern southern eastern western central
    islamic muslim christian catholic buddhist
    christmas easter ramadan eid covid coronavirus
    de la le les des du et en au aux pour par sur dans avec sans une un
    el los las del y con sin por para sobre entre una uno su sus
    según selon
    hrd hrds ngo ngos un eu osce ohchr icc icj unhcr unicef who
    tribunal cour juzgado fiscalía parquet
    """.split()
)
