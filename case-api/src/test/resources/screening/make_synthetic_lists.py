#!/usr/bin/env python3
"""Writes Clearance's synthetic restricted-party lists and the labelled screening queries.

Every name here is made up for Clearance (coined words, common given names and surnames put
together at random); none is taken from a real list. Run from the repository root:
    python3 case-api/src/test/resources/screening/make_synthetic_lists.py
It rewrites case-api/src/main/resources/screening/lists/* and
case-api/src/test/resources/screening/labelled-queries.tsv deterministically (seeded).
"""
import csv, io, json, random, unicodedata

rnd = random.Random(20261201)
MAIN = "case-api/src/main/resources/screening/lists/"
TEST = "case-api/src/test/resources/screening/"

# ---------------------------------------------------------------- organisations
# (key, source, name, aliases, weak aliases, countries, abbreviation/legal variants, reorder/split, transliterated)
ORGS = [
  ("csl-o01", "EL", "Volga Photonics GmbH", ["Volga Photonic Systems"], [], ["RU"]),
  ("csl-o02", "EL", "Shenhai Supercomputing Centre", ["Shenhai HPC Centre"], [], ["CN"]),
  ("csl-o03", "SDN", "Caspian Advanced Computing Co", ["CAC Company", "Caspian Compute"], [], ["IR"]),
  ("csl-o04", "DPL", "Northern Lantern Trading Ltd", ["Northern Lantern"], [], ["AE"]),
  ("csl-o05", "MEU", "Red Delta Aerospace Institute", ["RDAI"], [], ["CN"]),
  ("csl-o06", "UVL", "Blue Harbour Electronics LLC", [], [], ["HK"]),
  ("csl-o07", "EL", "Zarechny Optical Works OAO", ["Zarechny Optics"], [], ["RU"]),
  ("csl-o08", "EL", "Tekhmash Kazan AO", ["Tekhmash"], [], ["RU"]),
  ("csl-o09", "EL", "Almazov Precision Instruments OOO", [], [], ["RU"]),
  ("csl-o10", "SDN", "Kirovgrad Semiconductor Plant", ["KSP Kirovgrad"], [], ["RU"]),
  ("csl-o11", "EL", "Baltic Kvantum Systems ZAO", [], [], ["RU", "LV"]),
  ("csl-o12", "SDN", "Novator Rubezh NPO", ["Rubezh Scientific Production Association"], [], ["RU"]),
  ("csl-o13", "SDN", "Sarv Andish Pardaz Company", [], [], ["IR"]),
  ("csl-o14", "SDN", "Parsian Dana Sanat Co", ["Dana Sanat Parsian"], [], ["IR"]),
  ("csl-o15", "SDN", "Negin Tadbir Kish Trading", [], [], ["IR", "AE"]),
  ("csl-o16", "EL", "Golden Qilin Microelectronics Co Ltd", ["Jin Qilin Microelectronics"], [], ["CN"]),
  ("csl-o17", "EL", "Huaxin Longteng Technology Youxian Gongsi", ["Huaxin Longteng Tech"], [], ["CN"]),
  ("csl-o18", "EL", "Jinpeng Hengtong Trading Co Ltd", [], [], ["HK", "CN"]),
  ("csl-o19", "EL", "Tianrui Optoelectronic Materials", [], [], ["CN"]),
  ("csl-o20", "EL", "Anatolia Veri Sistemleri Ltd Sti", [], [], ["TR"]),
  ("csl-o21", "EL", "Karadeniz Mikroelektronik A.S.", [], [], ["TR"]),
  ("csl-o22", "SDN", "Desert Falcon General Trading FZE", ["Desert Falcon Trading"], [], ["AE"]),
  ("csl-o23", "SDN", "Al Noor Skyline Logistics LLC", [], [], ["AE", "IR"]),
  ("csl-o24", "SDN", "Orinoco Datos Avanzados S.A.", [], [], ["VE"]),
  ("csl-o25", "EL", "Meridian Kestrel Holdings Sdn Bhd", [], [], ["MY"]),
  ("csl-o26", "SDN", "Pyongsong Ryonghung Trading Corporation", [], [], ["KP"]),
  ("csl-o27", "EL", "Minskaya Tochnaya Mekhanika OAO", ["Mintochmekh"], [], ["BY"]),
  ("csl-o28", "EL", "Belkvantprom", [], [], ["BY"]),
  ("csl-o29", "ISN", "Zagros Rayan Industrial Group", [], [], ["IR"]),
  ("csl-o30", "EL", "Hexaplane Dynamics Limited", [], [], ["CN", "HK"]),
  ("csl-o31", "EL", "Lumivex Quantum Devices Pte Ltd", [], [], ["SG"]),
  ("csl-o32", "SDN", "Sepahan Tarh Negar", [], [], ["IR"]),
  ("csl-o33", "EL", "Ural Titanium Forge PAO", ["Uraltitan"], [], ["RU"]),
  ("csl-o34", "DPL", "Crescent Dune Import Export FZCO", [], [], ["AE"]),
  ("csl-o35", "EL", "Yangtze Starbridge Semiconductor Co Ltd", [], [], ["CN"]),
]
FTM_ORGS = [
  ("os-o01", "Kestrel Ravine Technologies JSC", ["Kestrel Ravine"], ["KRT"], ["BY"]),
  ("os-o02", "Obsidian Meridian Shipping LLC", [], [], ["AE", "IR"]),
  ("os-o03", "Tavrida Elektron Apparat OOO", ["Tavrida Electron Apparatus"], [], ["RU"]),
  ("os-o04", "Xingyao Hengda Precision Machinery Co Ltd", [], [], ["CN"]),
  ("os-o05", "Damavand Kavosh Sanat", [], [], ["IR"]),
  ("os-o06", "Silverpine Avionics Sdn Bhd", [], [], ["MY"]),
  ("os-o07", "Arktika Radiotekhnika NPP", ["Arktika Radio Engineering"], [], ["RU"]),
  ("os-o08", "Marmara Savunma Teknolojileri A.S.", [], [], ["TR"]),
  ("os-o09", "Qasr Al Bahr General Trading", [], [], ["AE"]),
  ("os-o10", "Korolyov Gidroprivod ZAO", [], [], ["RU"]),
]
CSLJSON_ORGS = [
  ("cslj-o01", "EL", "Stellarforge Computing Ltd", [], [], ["HK"]),
  ("cslj-o02", "MEU", "Jiaolong Deepsea Instruments Institute", [], [], ["CN"]),
  ("cslj-o03", "EL", "Vostok Lazernye Sistemy OOO", ["Vostok Laser Systems"], [], ["RU"]),
  ("cslj-o04", "SDN", "Khalij Fars Navigation Company", [], [], ["IR"]),
  ("cslj-o05", "EL", "Borealis Cryotech Limited Liability Company", [], [], ["RU", "KZ"]),
]

# ---------------------------------------------------------------- people
# (key, name, aliases, weak aliases, countries, birth date)
PEOPLE_CSV = [
  ("csl-p01", "SDN", "Mostafa Norouzi", ["Mostafa Norouzy"], [], ["IR"], "1971-04-12"),
  ("csl-p02", "SDN", "Sergey Ivanovich Petrov", [], [], ["RU"], "1965-09-30"),
  ("csl-p03", "SDN", "Aleksandr Viktorovich Kuznetsov", [], [], ["RU"], "1970-01-15"),
  ("csl-p04", "EL", "Li Wenhao", [], [], ["CN"], "1979-11-02"),
  ("csl-p05", "SDN", "Hamid Reza Tavakoli", [], [], ["IR"], "1968-06-21"),
  ("csl-p06", "SDN", "Kim Chol Ryong", [], [], ["KP"], "1974-03-08"),
  ("csl-p07", "SDN", "Viktor Anatolyevich Shcherbakov", [], [], ["RU", "CY"], "1962-12-01"),
  ("csl-p08", "SDN", "Tatiana Sergeyevna Volkova", [], [], ["RU"], "1981-07-19"),
  ("csl-p09", "SDN", "Omar Khalid Al-Mansouri", [], [], ["AE"], "1977-02-27"),
  ("csl-p10", "SDN", "Yusuf Kemal Aydinoglu", [], [], ["TR"], "1969-10-10"),
  ("csl-p11", "SDN", "Mohammad Ali Rezaeifar", [], [], ["IR"], "1966-05-05"),
  ("csl-p12", "SDN", "Dmitri Olegovich Gorbunkov", [], [], ["RU"], "1975-08-14"),
  ("csl-p13", "SDN", "Zhang Meiling", [], [], ["CN"], "1983-04-23"),
  ("csl-p14", "SDN", "Farhad Eskandari Moghadam", [], [], ["IR"], "1972-09-09"),
  ("csl-p15", "SDN", "Ri Song Hyok", [], [], ["KP"], "1980-01-01"),
  ("csl-p16", "SDN", "Nikolai Petrovich Zubarev", [], [], ["RU"], "1958-03-17"),
  ("csl-p17", "SDN", "Carlos Eduardo Villanueva Ortega", [], [], ["VE"], "1964-11-28"),
  ("csl-p18", "SDN", "Abdulrahman Saeed Bakhtiari", [], [], ["IR", "IQ"], "1973-12-12"),
  ("csl-p19", "SDN", "Yelena Borisovna Sokolovskaya", [], [], ["RU"], "1976-06-06"),
  ("csl-p20", "SDN", "Wang Jianguo", [], [], ["CN"], "1960-10-01"),
]
PEOPLE_FTM = [
  ("os-p01", "Reza Ghorbanifar Tehrani", ["Reza Ghorbani Tehrani"], ["Engineer Reza"], ["IR"], "1967-02-14"),
  ("os-p02", "Igor Valentinovich Lebedinsky", [], ["Igor L."], ["RU"], "1963-05-29"),
  ("os-p03", "Chen Xiaoming", [], [], ["CN", "HK"], "1978-08-08"),
  ("os-p04", "Hassan Jafari Nejad", [], [], ["IR"], "1970-04-04"),
  ("os-p05", "Pak Yong Chol", [], [], ["KP"], "1969-09-19"),
  ("os-p06", "Anatoly Sergeyevich Mironenko", [], [], ["RU", "BY"], "1959-01-30"),
  ("os-p07", "Leila Sadat Hosseini", [], [], ["IR"], "1985-03-03"),
  ("os-p08", "Mikhail Yuryevich Zavyalov", [], [], ["RU"], "1971-11-11"),
  ("os-p09", "Khalid Yousef Al-Qasimi", [], ["Abu Yousef"], ["AE", "SY"], "1966-07-07"),
  ("os-p10", "Olga Dmitriyevna Kharitonova", [], [], ["RU"], "1982-12-24"),
  ("os-p11", "Liu Guangming", [], [], ["CN"], "1975-05-15"),
  ("os-p12", "Javad Karimzadeh Shirazi", [], [], ["IR"], "1961-08-18"),
  ("os-p13", "Boris Nikolayevich Tsvetkov", [], [], ["RU"], "1957-04-01"),
  ("os-p14", "Kemal Arslan Yilmazer", [], [], ["TR"], "1974-09-27"),
  ("os-p15", "Stepan Arkadyevich Ovchinnikov", [], [], ["RU"], "1968-02-02"),
]

CYRILLIC = {  # BGN/PCGN-style Latin → the Russian original, written by hand
  "Sergey Ivanovich Petrov": "Сергей Иванович Петров",
  "Aleksandr Viktorovich Kuznetsov": "Александр Викторович Кузнецов",
  "Viktor Anatolyevich Shcherbakov": "Виктор Анатольевич Щербаков",
  "Tatiana Sergeyevna Volkova": "Татьяна Сергеевна Волкова",
  "Dmitri Olegovich Gorbunkov": "Дмитрий Олегович Горбунков",
  "Nikolai Petrovich Zubarev": "Николай Петрович Зубарев",
  "Yelena Borisovna Sokolovskaya": "Елена Борисовна Соколовская",
  "Igor Valentinovich Lebedinsky": "Игорь Валентинович Лебединский",
  "Anatoly Sergeyevich Mironenko": "Анатолий Сергеевич Мироненко",
  "Mikhail Yuryevich Zavyalov": "Михаил Юрьевич Завьялов",
  "Olga Dmitriyevna Kharitonova": "Ольга Дмитриевна Харитонова",
  "Boris Nikolayevich Tsvetkov": "Борис Николаевич Цветков",
  "Stepan Arkadyevich Ovchinnikov": "Степан Аркадьевич Овчинников",
  "Volga Photonics GmbH": "ООО «Волга Фотоникс»",
  "Tekhmash Kazan AO": "АО «Техмаш Казань»",
  "Almazov Precision Instruments OOO": "Алмазов Пресижн Инструментс",
  "Tavrida Elektron Apparat OOO": "Общество с ограниченной ответственностью «Таврида Электрон Аппарат»",
  "Korolyov Gidroprivod ZAO": "Закрытое акционерное общество «Королёв Гидропривод»",
  "Vostok Lazernye Sistemy OOO": "ООО Восток Лазерные Системы",
  "Arktika Radiotekhnika NPP": "НПП Арктика Радиотехника",
}
SPELLING = {  # other Latin spellings of the same names, as other lists and papers write them
  "Mostafa Norouzi": ["Mustafa Norouzi", "Mostafa Noruzi", "Moustafa Nourouzi"],
  "Sergey Ivanovich Petrov": ["Sergei Ivanovich Petrov", "Serguei Ivanovitch Petrov"],
  "Aleksandr Viktorovich Kuznetsov": ["Alexander Viktorovich Kuznetsov", "Aleksandr Viktorovitch Kouznetsov"],
  "Viktor Anatolyevich Shcherbakov": ["Viktor Anatolievich Scherbakov", "Victor Anatolyevich Shtcherbakov"],
  "Tatiana Sergeyevna Volkova": ["Tatyana Sergeevna Volkova"],
  "Hamid Reza Tavakoli": ["Hamidreza Tavakkoli", "Hamid Reza Tavakkoli"],
  "Yusuf Kemal Aydinoglu": ["Youssef Kemal Aydinoglu", "Yusuf Kamal Aydinoglu"],
  "Mohammad Ali Rezaeifar": ["Muhammad Ali Rezaeifar", "Mohamed Ali Rezaei Far"],
  "Omar Khalid Al-Mansouri": ["Omar Khaled Al Mansoori", "Umar Khalid Almansouri"],
  "Dmitri Olegovich Gorbunkov": ["Dmitry Olegovich Gorbunkov"],
  "Nikolai Petrovich Zubarev": ["Nikolay Petrovich Zoubarev"],
  "Yelena Borisovna Sokolovskaya": ["Elena Borisovna Sokolovskaia"],
  "Farhad Eskandari Moghadam": ["Farhad Eskandari Moghaddam"],
  "Abdulrahman Saeed Bakhtiari": ["Abdul Rahman Said Bakhtiyari", "Abdolrahman Saeed Bakhtiari"],
  "Reza Ghorbanifar Tehrani": ["Reza Qorbanifar Tehrani"],
  "Hassan Jafari Nejad": ["Hasan Jafarinejad", "Hassan Jafari Nezhad"],
  "Khalid Yousef Al-Qasimi": ["Khaled Yusuf Al Qassimi"],
  "Javad Karimzadeh Shirazi": ["Javad Karim Zadeh Shirazi"],
  "Mikhail Yuryevich Zavyalov": ["Mikhail Yurievich Zavialov"],
  "Kim Chol Ryong": ["Kim Cheol Ryong"],
  "Pak Yong Chol": ["Park Yong Cheol"],
  "Zagros Rayan Industrial Group": ["Zagross Rayan Industrial Group"],
  "Sepahan Tarh Negar": ["Sepahan Tarhnegar"],
  "Khalij Fars Navigation Company": ["Khaleej Fars Navigation Co"],
  "Damavand Kavosh Sanat": ["Damawand Kavosh Sanaat"],
}
ABBREV = {  # spellings with the abbreviations (or the long forms) companies use
  "Caspian Advanced Computing Co": "Caspian Advanced Computing Company Limited",
  "Northern Lantern Trading Ltd": "Northern Lantern Trdg Ltd",
  "Huaxin Longteng Technology Youxian Gongsi": "Huaxin Longteng Tech Co., Ltd.",
  "Kestrel Ravine Technologies JSC": "Kestrel Ravine Tech JSC",
  "Xingyao Hengda Precision Machinery Co Ltd": "Xingyao Hengda Precision Machinery Mfg Co",
  "Pyongsong Ryonghung Trading Corporation": "Pyongsong Ryonghung Trdg Corp",
  "Desert Falcon General Trading FZE": "Desert Falcon Gen. Trdg FZE",
  "Marmara Savunma Teknolojileri A.S.": "Marmara Savunma Teknoloji AS",
  "Novator Rubezh NPO": "Novator Rubezh Scientific Production Association",
  "Arktika Radiotekhnika NPP": "NPP Arktika Radiotekhnika",
  "Stellarforge Computing Ltd": "Stellarforge Computing Intl Ltd",
  "Lumivex Quantum Devices Pte Ltd": "Lumivex Quantum Devices Intl Pte. Ltd.",
  "Jiaolong Deepsea Instruments Institute": "Jiaolong Deepsea Instruments Inst.",
  "Shenhai Supercomputing Centre": "Shenhai Supercomputing Center",
  "Kirovgrad Semiconductor Plant": "Kirovgrad Semiconductor Mfg Plant",
}
JOINSPLIT = {
  "Blue Harbour Electronics LLC": "Blueharbour Electronics",
  "Shenhai Supercomputing Centre": "Shen Hai Supercomputing Centre",
  "Golden Qilin Microelectronics Co Ltd": "Golden Qilin Micro Electronics",
  "Hexaplane Dynamics Limited": "Hexa Plane Dynamics",
  "Stellarforge Computing Ltd": "Stellar Forge Computing",
  "Sepahan Tarh Negar": "Sepahan Tarhnegar Co",
  "Silverpine Avionics Sdn Bhd": "Silver Pine Avionics",
  "Obsidian Meridian Shipping LLC": "Obsidian-Meridian Shipping",
  "Karadeniz Mikroelektronik A.S.": "Karadeniz Mikro Elektronik",
  "Hamid Reza Tavakoli": "Hamidreza Tavakoli",
  "Jiaolong Deepsea Instruments Institute": "Jiaolong Deep Sea Instruments",
  "Ural Titanium Forge PAO": "Ural Titaniumforge",
  "Yangtze Starbridge Semiconductor Co Ltd": "Yangtze Star Bridge Semiconductor",
  "Javad Karimzadeh Shirazi": "Javad Karim-Zadeh Shirazi",
  "Borealis Cryotech Limited Liability Company": "Borealis Cryo Tech LLC",
}
LEGAL = ["Ltd", "LLC", "GmbH", "S.A.", "A.Ş.", "S.R.L.", "OOO", "AO", "ZAO", "FZE", "Sdn Bhd",
         "Ltd. Şti.", "Youxian Gongsi", "Limited Liability Company", "Co., Ltd.", "JSC", "Inc."]
ACCENTS = {"a": "áàâä", "e": "éèêë", "i": "íìî", "o": "óòôö", "u": "úùûü", "c": "ç", "s": "ş", "n": "ñ", "g": "ğ"}

# ---------------------------------------------------------------- negatives, written by hand
SHARED_WORD = [  # shares one distinctive word with a listed name, and nothing else
  ("Volga Motors", "ORGANISATION", "RU"), ("Caspian Shipping Lines", "ORGANISATION", "IR"),
  ("Lantern Software Ltd", "ORGANISATION", "GB"), ("Delta Aerospace Parts", "ORGANISATION", "US"),
  ("Harbour Electronics Repair", "ORGANISATION", "HK"), ("Zarechny Bakery", "ORGANISATION", "RU"),
  ("Tekhmash Ufa Service", "ORGANISATION", "RU"), ("Kirovgrad Dairy Cooperative", "ORGANISATION", "RU"),
  ("Kvantum Fitness Club", "ORGANISATION", "LV"), ("Rubezh Security Guards", "ORGANISATION", "RU"),
  ("Pardaz Carpet Weavers", "ORGANISATION", "IR"), ("Sanat Textile Mills", "ORGANISATION", "IR"),
  ("Qilin Tea House", "ORGANISATION", "CN"), ("Longteng Noodle Factory", "ORGANISATION", "CN"),
  ("Hengtong Cable Works", "ORGANISATION", "CN"), ("Tianrui Dental Clinic", "ORGANISATION", "CN"),
  ("Anatolia Tour Operators", "ORGANISATION", "TR"), ("Karadeniz Fishing Cooperative", "ORGANISATION", "TR"),
  ("Falcon Desert Safari Tours", "ORGANISATION", "AE"), ("Skyline Hotel Apartments", "ORGANISATION", "AE"),
  ("Orinoco River Cruises", "ORGANISATION", "VE"), ("Kestrel Bird Rescue Trust", "ORGANISATION", "GB"),
  ("Meridian Dental Care", "ORGANISATION", "MY"), ("Ryonghung Restaurant", "ORGANISATION", "KP"),
  ("Zagros Mountain Trekking", "ORGANISATION", "IR"), ("Hexaplane Toys", "ORGANISATION", "US"),
  ("Lumivex Cosmetics", "ORGANISATION", "FR"), ("Titanium Forge Fitness", "ORGANISATION", "US"),
  ("Crescent Moon Bakery", "ORGANISATION", "AE"), ("Starbridge Wedding Planners", "ORGANISATION", "CN"),
  ("Obsidian Jewellery Boutique", "ORGANISATION", "GB"), ("Tavrida Wine Cellars", "ORGANISATION", "RU"),
  ("Damavand Mineral Water", "ORGANISATION", "IR"), ("Silverpine Golf Resort", "ORGANISATION", "MY"),
  ("Marmara Ferry Lines", "ORGANISATION", "TR"), ("Stellarforge Games Studio", "ORGANISATION", "GB"),
  ("Borealis Ski School", "ORGANISATION", "NO"), ("Vostok Tea Importers", "ORGANISATION", "RU"),
  ("Jiaolong Dragon Boat Club", "ORGANISATION", "CN"), ("Gidroprivod Repair Shop", "ORGANISATION", "RU"),
]
SAME_SURNAME = [  # same surname (and country), a different given name
  ("Reza Norouzi", "IR"), ("Ali Norouzi", "IR"), ("Dmitry Ivanovich Petrov", "RU"), ("Ivan Petrov", "RU"),
  ("Mikhail Kuznetsov", "RU"), ("Oleg Viktorovich Kuznetsov", "RU"), ("Li Jianhua", "CN"),
  ("Mahmoud Tavakoli", "IR"), ("Kim Yong Su", "KP"), ("Pavel Shcherbakov", "RU"), ("Irina Volkova", "RU"),
  ("Saeed Al-Mansouri", "AE"), ("Mehmet Aydinoglu", "TR"), ("Hossein Rezaeifar", "IR"),
  ("Andrei Gorbunkov", "RU"), ("Zhang Wei", "CN"), ("Kaveh Eskandari Moghadam", "IR"), ("Ri Chol Ho", "KP"),
  ("Sergei Zubarev", "RU"), ("Maria Villanueva Ortega", "VE"), ("Ahmad Bakhtiari", "IR"),
  ("Natalia Sokolovskaya", "RU"), ("Wang Xiuying", "CN"), ("Ali Ghorbanifar Tehrani", "IR"),
  ("Pavel Lebedinsky", "RU"), ("Chen Jing", "CN"), ("Mehdi Jafari Nejad", "IR"), ("Pak Song Il", "KP"),
  ("Roman Mironenko", "RU"), ("Fatemeh Hosseini", "IR"), ("Ilya Zavyalov", "RU"),
  ("Saif Al-Qasimi", "AE"), ("Svetlana Kharitonova", "RU"), ("Liu Yang", "CN"),
  ("Amir Karimzadeh Shirazi", "IR"), ("Gennady Tsvetkov", "RU"), ("Emre Yilmazer", "TR"),
  ("Konstantin Ovchinnikov", "RU"), ("Yuri Lebedinsky", "RU"), ("Vadim Zubarev", "RU"),
]
GENERIC = [  # only industry and stock words
  "International Trading Company", "Advanced Technology Systems Ltd", "Global Electronics Trading LLC",
  "General Trading FZE", "National Research Institute", "Precision Instruments Ltd",
  "Industrial Group Holdings", "Scientific Production Association", "Technology Development Center",
  "United Engineering Services", "Computing Center", "Import Export Company", "Semiconductor Plant",
  "Optical Works", "Aerospace Institute", "Microelectronics Co Ltd", "Logistics LLC",
  "Trading Corporation", "Shipping LLC", "Quantum Devices Ltd", "Navigation Company",
  "Machinery Co Ltd", "Precision Machinery Manufacturing", "Electronics LLC", "Advanced Computing Co",
  "Supercomputing Centre", "Avionics Sdn Bhd", "Systems Integration Group", "Digital Solutions Ltd",
  "Energy Resources Holding", "Marine Services International", "Defence Technology Institute",
  "Laser Systems OOO", "Materials Research Center", "Dynamics Limited", "Instruments Institute",
  "Industrial Equipment Trading", "Technical Services Company", "Global Logistics Group", "Export Services Ltd",
]
SHORT = [  # short names one or two edits from a listed word or alias
  "Zara", "RDAO", "RDA", "Kvant", "Tekmas", "Tekhmas", "Nova", "Rubez", "Dana", "Kish", "Qilin",
  "Huaxi", "Belkvant", "Urals", "Uraltit", "Sarv", "Negin", "Falco", "Noor", "Kazanka", "Zubar",
  "Mintoch", "CAB", "KRX", "Kestrl", "Tavria", "Volgo", "Lumix", "Hexa", "Arktik", "Sepah",
  "Zagrus", "Datos", "Jinpen", "Tianru", "Vostk", "Khalif", "Borea", "Qasra", "Meridia",
]

def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))

def accent(s):
    out, n = [], 0
    for c in s:
        if c.lower() in ACCENTS and n < 3 and rnd.random() < 0.5:
            a = rnd.choice(ACCENTS[c.lower()])
            out.append(a.upper() if c.isupper() else a); n += 1
        else:
            out.append(c)
    return "".join(out)

def typo(s):
    words = s.split()
    i = max(range(len(words)), key=lambda k: len(words[k]) if words[k].upper() not in ("LTD", "LLC", "CO") else 0)
    w = words[i]
    if len(w) < 6:
        return None
    kind = rnd.choice(["swap", "drop", "double", "sub"])
    p = rnd.randrange(2, len(w) - 1)
    if kind == "swap": w = w[:p-1] + w[p] + w[p-1] + w[p+1:]
    elif kind == "drop": w = w[:p] + w[p+1:]
    elif kind == "double": w = w[:p] + w[p] + w[p:]
    else: w = w[:p] + rnd.choice("aeiouy" if w[p] in "aeiouy" else "mnrtkls") + w[p+1:]
    words[i] = w
    return " ".join(words)

def case_punct(s):
    variants = [s.upper(), s.lower(), s.replace(" ", "-", 1), s.upper().replace(" ", ", ", 1) + ".",
                "  " + s.replace(" ", "  ") + " ", s.title().replace(" ", ".", 1)]
    return rnd.choice(variants)

def legal_base(name):
    toks = name.split()
    while toks and strip_accents(toks[-1]).strip(".,").upper() in {"LTD", "LLC", "GMBH", "CO", "OOO", "AO", "OAO", "ZAO", "PAO", "JSC", "FZE", "FZCO", "BHD", "SDN", "PTE", "STI", "LIMITED", "COMPANY", "CORPORATION", "A.S.", "S.A.", "GONGSI", "YOUXIAN", "NPO", "NPP"}:
        toks.pop()
    return " ".join(toks)

queries = []  # (category, expected key or '', name, type, country, birth date)
def q(cat, key, name, typ, country="", dob=""):
    queries.append((cat, key, name, typ, country, dob))

all_orgs = [(k, s, n, a, w, c) for (k, s, n, a, w, c) in ORGS] + \
           [(k, "opensanctions", n, a, w, c) for (k, n, a, w, c) in FTM_ORGS] + \
           [(k, s, n, a, w, c) for (k, s, n, a, w, c) in CSLJSON_ORGS]
all_people = [(k, n, a, w, c, d) for (k, s, n, a, w, c, d) in PEOPLE_CSV] + list(PEOPLE_FTM)

for (k, s, n, a, w, c) in all_orgs:
    country = rnd.choice(c + [""])
    q("exact", k, n, "ORGANISATION", country)
    q("case-punctuation", k, case_punct(n), "", country)
    q("accents", k, accent(n), "ORGANISATION", "")
    t = typo(n)
    if t: q("typo", k, t, "ORGANISATION", country)
    base = legal_base(n)
    if base != n or rnd.random() < 0.7:
        q("legal-form", k, base + " " + rnd.choice(LEGAL), "ORGANISATION", country)
    for alias in a:
        q("alias", k, alias, "ORGANISATION", country)
    if n in ABBREV: q("abbreviation", k, ABBREV[n], "ORGANISATION", country)
    if n in JOINSPLIT: q("joined-split", k, JOINSPLIT[n], "ORGANISATION", country)
    if n in CYRILLIC: q("transliteration", k, CYRILLIC[n], "ORGANISATION", country)
    if n in SPELLING:
        for v in SPELLING[n]: q("transliteration", k, v, "ORGANISATION", country)

for (k, n, a, w, c, d) in all_people:
    country = rnd.choice(c + [""])
    dob = rnd.choice([d, "", d[:4]])
    toks = n.split()
    q("exact", k, n, "PERSON", country, dob)
    q("case-punctuation", k, case_punct(n), "", country)
    q("accents", k, accent(n), "PERSON", "", dob)
    t = typo(n)
    if t: q("typo", k, t, "PERSON", country)
    # reordered: surname first, with or without a comma
    reordered = toks[-1] + rnd.choice([" ", ", "]) + " ".join(toks[:-1])
    q("reordered", k, reordered, "PERSON", country, dob)
    if len(toks) == 3:
        q("missing-middle", k, toks[0] + " " + toks[2], "PERSON", country, dob)
    for alias in a:
        q("alias", k, alias, "PERSON", country)
    if n in CYRILLIC: q("transliteration", k, CYRILLIC[n], "PERSON", country, dob)
    for v in SPELLING.get(n, []): q("transliteration", k, v, "PERSON", country, dob)
    if n in JOINSPLIT: q("joined-split", k, JOINSPLIT[n], "PERSON", country)

for (name, typ, country) in SHARED_WORD: q("neg-shared-word", "", name, typ, country)
for (name, country) in SAME_SURNAME: q("neg-same-surname", "", name, "PERSON", country)
# the same name in a country the entry has no tie to, and a different date of birth
UNRELATED = ["BR", "CA", "AU", "FR", "MX", "ZA", "JP", "AR", "NZ", "ES"]
for (k, n, a, w, c, d) in rnd.sample(all_people, 30):
    y = int(d[:4]) + rnd.choice([-12, -9, 8, 11, 15])
    q("neg-same-name-other-country", "", n, "PERSON", rnd.choice(UNRELATED), str(y) + d[4:])
for (k, s, n, a, w, c) in rnd.sample(all_orgs, 10):
    # a different small business abroad whose name is a near form of a listed one
    q("neg-same-name-other-country", "", legal_base(n) + " " + rnd.choice(["Pty Ltd", "Inc.", "SARL", "Ltda"]), "ORGANISATION", rnd.choice(UNRELATED))
for name in GENERIC: q("neg-generic-words", "", name, "ORGANISATION", "")
for name in SHORT: q("neg-short-name", "", name, "", "")

# ---------------------------------------------------------------- write the lists
HEADER = "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids".split(",")
buf = io.StringIO()
wr = csv.writer(buf, lineterminator="\n")
wr.writerow(HEADER)
num = 10000
for (k, s, n, a, w, c) in ORGS:
    num += 1
    row = dict.fromkeys(HEADER, "")
    row.update({"_id": k, "source": s, "entity_number": str(num), "type": "Entity", "programs": "EAR" if s != "SDN" else "NPWMD",
                "name": n, "addresses": "; ".join("Industrial Zone 4, " + cc for cc in c), "alt_names": "; ".join(a),
                "remarks": "Synthetic entry written for Clearance; fictitious."})
    wr.writerow([row[h] for h in HEADER])
for (k, s, n, a, w, c, d) in PEOPLE_CSV:
    num += 1
    row = dict.fromkeys(HEADER, "")
    row.update({"_id": k, "source": s, "entity_number": str(num), "type": "Individual", "programs": "NPWMD",
                "name": n, "alt_names": "; ".join(a), "citizenships": c[0], "nationalities": "; ".join(c),
                "dates_of_birth": d, "remarks": "Synthetic entry written for Clearance; fictitious."})
    wr.writerow([row[h] for h in HEADER])
open(MAIN + "synthetic-csl.csv", "w").write(buf.getvalue())

results = []
for (k, s, n, a, w, c) in CSLJSON_ORGS:
    num += 1
    results.append({"_id": k, "source": s, "entity_number": str(num), "type": "Entity", "programs": ["EAR"],
                    "name": n, "alt_names": a, "addresses": [{"address": "Science Park 7", "city": "", "country": cc} for cc in c],
                    "remarks": "Synthetic entry written for Clearance; fictitious."})
open(MAIN + "synthetic-csl.json", "w").write(json.dumps({"total": len(results), "results": results}, ensure_ascii=False, indent=1) + "\n")

with open(MAIN + "synthetic-opensanctions.ftm.jsonl", "w") as f:
    for (k, n, a, w, c) in FTM_ORGS:
        f.write(json.dumps({"id": k, "schema": "Company", "datasets": ["clearance_synthetic"],
                            "properties": {"name": [n], "alias": a, "weakAlias": w, "country": [x.lower() for x in c]}}, ensure_ascii=False) + "\n")
    for (k, n, a, w, c, d) in PEOPLE_FTM:
        f.write(json.dumps({"id": k, "schema": "Person", "datasets": ["clearance_synthetic"],
                            "properties": {"name": [n], "alias": a, "weakAlias": w, "nationality": [x.lower() for x in c], "birthDate": [d]}}, ensure_ascii=False) + "\n")
        f.write(json.dumps({"id": k + "-sanction", "schema": "Sanction", "datasets": ["clearance_synthetic"],
                            "properties": {"entity": [k], "program": ["Synthetic programme"]}}) + "\n")

with open(TEST + "labelled-queries.tsv", "w") as f:
    f.write("# category\texpected entry key (empty: no listed party)\tname\ttype\tcountry\tbirth date\n")
    for row in queries:
        f.write("\t".join(x.replace("\t", " ") for x in row) + "\n")
print(len(queries), "queries;", sum(1 for r in queries if r[1]), "positive")
